'use client';
import { type FormEvent, useId, useState } from 'react';
import { LIMITS } from '../../lib/limits';
import { canWriteReport, resolveSession } from '../../lib/openspace/sessions';
import type { Session } from '../../lib/openspace/state';
import type { EventState, Note } from '../../lib/state';
import { displayName } from '../../lib/view';
import { useLive } from '../live/store';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';
import { SessionRow } from './OpenSpacePhone';

/** One session on a phone: notes as they happen, and the report for those who write it. */
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
  const writer = canWriteReport(session, { role: 'participant', id: me });
  const convener = session.conveners.includes(me);
  return (
    <div className="space-y-4">
      <Button variant="ghost" onClick={onBack}>
        ← Back to the agenda
      </Button>
      <SessionRow event={event} me={me} session={session} showTime />
      {session.description && (
        <p className="text-lg whitespace-pre-wrap break-words">{session.description}</p>
      )}
      <SessionNotes event={event} me={me} session={session} />
      {writer ? <ReportForm session={session} /> : <ReportView session={session} />}
      {convener && <Handover event={event} session={session} />}
    </div>
  );
}

function SessionNotes({ event, me, session }: { event: EventState; me: string; session: Session }) {
  const send = useSend();
  const id = useId();
  const outbox = useLive((s) => s.outbox);
  const [text, setText] = useState('');
  const os = event.openSpace;
  const notes = event.noteOrder
    .map((nid) => event.notes[nid])
    .filter(
      (n): n is Note =>
        !!n && !n.withdrawn && n.session !== null && !!os && resolveSession(os, n.session)?.id === session.id,
    );
  const pending = outbox.flatMap((a) => {
    const p = a.payload as { session?: string; text?: string };
    return a.type === 'note.post' && p.session === session.id && !event.notes[a.id]
      ? [{ id: a.id, text: p.text ?? '' }]
      : [];
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    send('note.post', { text: text.trim(), session: session.id });
    setText('');
  }
  return (
    <section aria-labelledby={`${id}-h`} className="space-y-2">
      <h2 id={`${id}-h`} className="text-xl font-bold">
        Notes from this session ({notes.length})
      </h2>
      <ul
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        className="space-y-2"
        data-testid="session-notes"
      >
        {notes.map((n) => (
          <li
            key={n.id}
            className={`rounded-lg p-3 ${n.authorId === me ? 'bg-brand-50' : 'border-2 border-stone-200 bg-white'}`}
          >
            <p className="text-lg whitespace-pre-wrap break-words">{n.text}</p>
            <p className="text-sm text-stone-600">
              {n.authorId === me ? 'You' : displayName(event, n.authorId)}
            </p>
          </li>
        ))}
        {pending.map((p) => (
          <li key={p.id} className="rounded-lg border-2 border-dashed border-amber-400 bg-amber-50 p-3">
            <p className="text-lg whitespace-pre-wrap break-words">{p.text}</p>
            <p className="text-sm font-medium text-amber-900">Waiting to send…</p>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} className="rounded-2xl border-2 border-brand-100 bg-white p-3">
        <label htmlFor={`${id}-n`} className="block font-semibold">
          Add a note
        </label>
        <textarea
          id={`${id}-n`}
          rows={2}
          value={text}
          maxLength={LIMITS.note}
          onChange={(e) => setText(e.target.value)}
          className="mt-1 block w-full rounded-lg border-2 border-stone-400 px-3 py-2 text-lg"
        />
        <Button type="submit" className="mt-2">
          Add note
        </Button>
      </form>
    </section>
  );
}

function ReportView({ session }: { session: Session }) {
  const r = session.report;
  return (
    <section className="rounded-2xl border-2 border-stone-200 bg-white p-4">
      <h2 className="text-xl font-bold">Session report</h2>
      {!r ? (
        <p className="text-stone-600">The convener has not written the report yet.</p>
      ) : (
        <dl className="mt-2 space-y-2">
          {(
            [
              ['Key points', r.keyPoints],
              ['Questions raised', r.questions],
              ['Proposed actions', r.actions],
              [
                'Who was there',
                [r.attendance !== null ? `${r.attendance} people` : '', r.names].filter(Boolean).join(' — '),
              ],
            ] as const
          ).map(([label, value]) =>
            value ? (
              <div key={label}>
                <dt className="font-semibold">{label}</dt>
                <dd className="whitespace-pre-wrap break-words">{value}</dd>
              </div>
            ) : null,
          )}
        </dl>
      )}
    </section>
  );
}

function ReportForm({ session }: { session: Session }) {
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
      <h2 className="text-xl font-bold">Write the session report</h2>
      <p className="text-stone-700">What was discussed, so people who were elsewhere can read it.</p>
      {(
        [
          ['kp', 'Key points', keyPoints, setKeyPoints],
          ['q', 'Questions raised', questions, setQuestions],
          ['a', 'Proposed actions', actions, setActions],
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
            className={area}
          />
        </div>
      ))}
      <div>
        <label htmlFor={`${id}-n`} className="block font-semibold">
          How many people took part
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
          Names <span className="font-normal">(only of people who agreed)</span>
        </label>
        <input
          id={`${id}-w`}
          value={names}
          maxLength={LIMITS.reportNames}
          onChange={(e) => {
            setNames(e.target.value);
            setSaved(false);
          }}
          className={area}
        />
      </div>
      <Button type="submit">{saved ? 'Saved' : 'Save the report'}</Button>
    </form>
  );
}

function Handover({ event, session }: { event: EventState; session: Session }) {
  const send = useSend();
  const id = useId();
  const people = Object.values(event.participants).filter(
    (p) => !p.left && !session.conveners.includes(p.id) && !session.reporters.includes(p.id),
  );
  if (people.length === 0) return null;
  return (
    <section className="rounded-2xl border-2 border-stone-200 bg-white p-4">
      <label htmlFor={id} className="block font-semibold">
        Ask someone else to write the report with you
      </label>
      <select
        id={id}
        value=""
        onChange={(e) =>
          e.target.value && send('session.handover', { sessionId: session.id, participantId: e.target.value })
        }
        className="mt-1 block min-h-12 w-full rounded-lg border-2 border-stone-400 bg-white px-2 text-lg"
      >
        <option value="">Choose a person…</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {displayName(event, p.id)}
          </option>
        ))}
      </select>
      {session.reporters.length > 0 && (
        <p className="mt-2 text-stone-700">
          Also writing: {session.reporters.map((pid) => displayName(event, pid)).join(', ')}
        </p>
      )}
    </section>
  );
}
