'use client';
import { useFormatter, useTranslations } from 'next-intl';
import { type FormEvent, useId, useState } from 'react';
import { LIMITS } from '../../lib/limits';
import { canWriteReport, resolveSession } from '../../lib/openspace/reducer';
import type { Session } from '../../lib/openspace/state';
import { type EventState, liveNotes, noteById, peopleOf, shownAuthor } from '../../lib/state';
import { usePersonName } from '../i18n/names';
import { useLive } from '../live/store';
import { useSend } from '../live/useConnection';
import { NoteMark } from '../paper/NoteMark';
import { RemovedStub, removedMine } from '../participant/NoteLists';
import { mayLeaveNameOff, WithoutNameBox } from '../participant/WithoutName';
import { Button } from '../ui/Button';
import { SessionEditForm } from './EditForms';
import { SessionRow } from './OpenSpacePhone';

/**
 * One session on a phone: notes as they happen, and the report for those who write it. Its
 * conveners may change its title and description here.
 */
export function SessionDetail({
  event,
  me,
  session,
  onBack,
}: {
  event: EventState;
  me: string;
  session: Session;
  onBack: () => void;
}) {
  const t = useTranslations('session');
  const writer = canWriteReport(session, { role: 'participant', id: me });
  const convener = session.conveners.includes(me);
  const [editing, setEditing] = useState(false);
  return (
    <div className="space-y-4">
      <Button variant="ghost" onClick={onBack}>
        {t('back')}
      </Button>
      <SessionRow event={event} me={me} session={session} show="both" />
      {session.description && (
        <p className="text-lg whitespace-pre-wrap break-words" dir="auto">
          {session.description}
        </p>
      )}
      {convener &&
        (editing ? (
          <SessionEditForm session={session} onDone={() => setEditing(false)} />
        ) : (
          <Button variant="secondary" onClick={() => setEditing(true)}>
            {t('edit')}
          </Button>
        ))}
      <SessionNotes event={event} me={me} session={session} />
      {writer ? <ReportForm session={session} /> : <ReportView session={session} />}
      {convener && <Handover event={event} session={session} />}
    </div>
  );
}

function SessionNotes({ event, me, session }: { event: EventState; me: string; session: Session }) {
  const t = useTranslations('session');
  const tn = useTranslations('notes');
  const nameOf = usePersonName();
  const send = useSend();
  const id = useId();
  const outbox = useLive((s) => s.outbox);
  const [text, setText] = useState('');
  const [unnamed, setUnnamed] = useState(false);
  const mayChoose = mayLeaveNameOff(event, me);
  const os = event.openSpace;
  const notes = liveNotes(event).filter(
    (n) => n.session !== null && !!os && resolveSession(os, n.session)?.id === session.id,
  );
  const removed = removedMine(event, me).filter(
    (n) => n.session !== null && !!os && resolveSession(os, n.session)?.id === session.id,
  );
  const pending = outbox.flatMap((a) => {
    const p = a.payload as { session?: string; text?: string; anonymous?: boolean };
    return a.type === 'note.post' && p.session === session.id && !noteById(event, a.id)
      ? [{ id: a.id, text: p.text ?? '', unnamed: p.anonymous === true }]
      : [];
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    send('note.post', {
      text: text.trim(),
      session: session.id,
      ...(mayChoose && unnamed ? { anonymous: true } : {}),
    });
    setText('');
    setUnnamed(false);
  }
  return (
    <section aria-labelledby={`${id}-h`} className="space-y-2">
      <h2 id={`${id}-h`} className="text-xl font-bold">
        {t('notes', { count: notes.length })}
      </h2>
      <ul className="space-y-2" data-testid="session-notes">
        {notes.map((n) => (
          <li
            key={n.id}
            className={`rounded-lg p-3 ${n.authorId === me ? 'bg-brand-50' : 'border-2 border-stone-200 bg-white'}`}
          >
            <p className="text-lg whitespace-pre-wrap break-words" dir="auto">
              {n.text}
            </p>
            <p className="text-sm text-stone-600">
              {n.source ? (
                <NoteMark note={n} />
              ) : n.authorId === me ? (
                tn('you')
              ) : (
                nameOf(event, shownAuthor(n))
              )}
              {n.authorId === me && n.anonymous ? ` · ${tn('withoutYourName')}` : ''}
            </p>
          </li>
        ))}
        {removed.map((n) => (
          <RemovedStub key={n.id} note={n} />
        ))}
        {pending.map((p) => (
          <li key={p.id} className="rounded-lg border-2 border-dashed border-amber-400 bg-amber-50 p-3">
            <p className="text-lg whitespace-pre-wrap break-words" dir="auto">
              {p.text}
            </p>
            <p className="text-sm font-medium text-amber-900">
              {tn('waiting')}
              {p.unnamed ? ` · ${tn('withoutYourName')}` : ''}
            </p>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} className="rounded-2xl border-2 border-brand-100 bg-white p-3">
        <label htmlFor={`${id}-n`} className="block font-semibold">
          {t('addNote')}
        </label>
        <textarea
          id={`${id}-n`}
          rows={2}
          dir="auto"
          value={text}
          maxLength={LIMITS.note}
          onChange={(e) => setText(e.target.value)}
          className="mt-1 block w-full rounded-lg border-2 border-stone-400 px-3 py-2 text-lg"
        />
        {mayChoose && <WithoutNameBox checked={unnamed} onChange={setUnnamed} />}
        <Button type="submit" className="mt-2">
          {tn('add')}
        </Button>
      </form>
    </section>
  );
}

function ReportView({ session }: { session: Session }) {
  const t = useTranslations('session');
  const r = session.report;
  return (
    <section className="rounded-2xl border-2 border-stone-200 bg-white p-4">
      <h2 className="text-xl font-bold">{t('reportHeading')}</h2>
      {!r ? (
        <p className="text-stone-600">{t('noReport')}</p>
      ) : (
        <dl className="mt-2 space-y-2">
          {(
            [
              [t('keyPoints'), r.keyPoints],
              [t('questions'), r.questions],
              [t('actions'), r.actions],
              [
                t('whoWasThere'),
                [r.attendance !== null ? t('attendance', { count: r.attendance }) : '', r.names]
                  .filter(Boolean)
                  .join(' — '),
              ],
            ] as const
          ).map(([label, value]) =>
            value ? (
              <div key={label}>
                <dt className="font-semibold">{label}</dt>
                <dd className="whitespace-pre-wrap break-words" dir="auto">
                  {value}
                </dd>
              </div>
            ) : null,
          )}
        </dl>
      )}
    </section>
  );
}

function ReportForm({ session }: { session: Session }) {
  const t = useTranslations('session');
  const send = useSend();
  const id = useId();
  const r = session.report;
  const [keyPoints, setKeyPoints] = useState(r?.keyPoints ?? '');
  const [questions, setQuestions] = useState(r?.questions ?? '');
  const [actions, setActions] = useState(r?.actions ?? '');
  const [attendance, setAttendance] = useState(r?.attendance === null || !r ? '' : String(r.attendance));
  const [names, setNames] = useState(r?.names ?? '');
  const [saved, setSaved] = useState(false);
  const area = 'mt-1 block w-full rounded-lg border-2 border-stone-400 px-3 py-2 text-lg';
  function submit(e: FormEvent) {
    e.preventDefault();
    send('session.report', {
      sessionId: session.id,
      keyPoints,
      questions,
      actions,
      attendance: attendance.trim() === '' ? null : Math.max(0, Math.round(Number(attendance))),
      names,
    });
    setSaved(true);
  }
  return (
    <form onSubmit={submit} className="space-y-3 rounded-2xl border-2 border-amber-300 bg-amber-50 p-4">
      <h2 className="text-xl font-bold">{t('writeHeading')}</h2>
      <p className="text-stone-700">{t('writeIntro')}</p>
      {(
        [
          ['kp', t('keyPoints'), keyPoints, setKeyPoints],
          ['q', t('questions'), questions, setQuestions],
          ['a', t('actions'), actions, setActions],
        ] as const
      ).map(([k, label, value, set]) => (
        <div key={k}>
          <label htmlFor={`${id}-${k}`} className="block font-semibold">
            {label}
          </label>
          <textarea
            id={`${id}-${k}`}
            rows={3}
            value={value}
            maxLength={LIMITS.reportField}
            onChange={(e) => {
              set(e.target.value);
              setSaved(false);
            }}
            dir="auto"
            className={area}
          />
        </div>
      ))}
      <div>
        <label htmlFor={`${id}-n`} className="block font-semibold">
          {t('howMany')}
        </label>
        <input
          id={`${id}-n`}
          type="number"
          min={0}
          value={attendance}
          onChange={(e) => {
            setAttendance(e.target.value);
            setSaved(false);
          }}
          className="mt-1 w-28 rounded-lg border-2 border-stone-400 px-3 py-2 text-lg"
        />
      </div>
      <div>
        <label htmlFor={`${id}-w`} className="block font-semibold">
          {t('names')} <span className="font-normal">{t('namesHelp')}</span>
        </label>
        <input
          id={`${id}-w`}
          value={names}
          maxLength={LIMITS.reportNames}
          onChange={(e) => {
            setNames(e.target.value);
            setSaved(false);
          }}
          dir="auto"
          className={area}
        />
      </div>
      <Button type="submit">{saved ? t('saved') : t('save')}</Button>
    </form>
  );
}

function Handover({ event, session }: { event: EventState; session: Session }) {
  const t = useTranslations('session');
  const format = useFormatter();
  const nameOf = usePersonName();
  const send = useSend();
  const id = useId();
  // A phone knows the people it has met (tablemates, conveners, people in sessions): those
  // here in this session come first.
  const here = (id: string) => event.openSpace?.presence[id] === session.id;
  const people = peopleOf(event)
    .filter((p) => !p.left && !session.conveners.includes(p.id) && !session.reporters.includes(p.id))
    .sort((a, b) => Number(here(b.id)) - Number(here(a.id)));
  if (people.length === 0) return null;
  return (
    <section className="rounded-2xl border-2 border-stone-200 bg-white p-4">
      <label htmlFor={id} className="block font-semibold">
        {t('handover')}
      </label>
      <select
        id={id}
        value=""
        onChange={(e) =>
          e.target.value && send('session.handover', { sessionId: session.id, participantId: e.target.value })
        }
        className="mt-1 block min-h-12 w-full rounded-lg border-2 border-stone-400 bg-white px-2 text-lg"
      >
        <option value="">{t('choosePerson')}</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {nameOf(event, p.id)}
          </option>
        ))}
      </select>
      {session.reporters.length > 0 && (
        <p className="mt-2 text-stone-700">
          {t('alsoWriting', {
            names: format.list(
              session.reporters.map((pid) => nameOf(event, pid)),
              { type: 'conjunction' },
            ),
          })}
        </p>
      )}
    </section>
  );
}
