'use client';
import { useRouter, useSearchParams } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { z } from 'zod';
import type { ErrorCode } from '../../lib/errors';
import { DEFAULT_EVALUATION, type EvaluationSettings } from '../../lib/evaluation/bank';
import { resultsDateProblem } from '../../lib/harvest/results';
import { LIMITS } from '../../lib/limits';
import { EventSettingsSchema, type Identity } from '../../lib/settings';
import {
  draftKey,
  draftOfSettings,
  type RoundDraft,
  type SetupKind,
  settingsOfDraft,
} from '../../lib/setup-draft';
import { copiedTitle } from '../../lib/template';
import { EvaluationFields } from '../evaluation/EvaluationFields';
import { useRefusalText } from '../i18n/errors';
import { LanguagePicker } from '../i18n/LanguagePicker';
import { Button } from '../ui/Button';
import { defaultOpenSpace, OpenSpaceFields } from './OpenSpaceFields';
import { type ResultsDraft, ResultsFields, draftOf as resultsDraftOf, resultsOfDraft } from './ResultsFields';
import { saveEvent } from './saved';
import { type Copied, useCopiedEvent } from './useCopiedEvent';

type T = ReturnType<typeof useTranslations<'site'>>;

const field = 'mt-1 block w-full rounded-lg border-2 border-stone-400 px-3 py-2 text-base';

/**
 * Setting up an event: a World Café (tables, rounds with questions and times), an Open Space
 * (theme, time slots, spaces), or both one after the other; and whether people give names.
 */
export function NewEventForm() {
  const t = useTranslations('site');
  const te = useTranslations('evaluation');
  const refusal = useRefusalText();
  const router = useRouter();
  const params = useSearchParams();
  const [kind, setKind] = useState<SetupKind>(params.get('kind') === 'openSpace' ? 'openSpace' : 'cafe');
  const [openSpace, setOpenSpace] = useState(() => defaultOpenSpace(t));
  // The example slots and spaces follow the language until the organiser changes them.
  const locale = useLocale();
  const examples = useRef({ locale, draft: openSpace });
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new language re-words the examples
  useEffect(() => {
    const shown = examples.current;
    if (shown.locale === locale || openSpace !== shown.draft) return;
    const draft = defaultOpenSpace(t);
    examples.current = { locale, draft };
    setOpenSpace(draft);
  }, [locale]);
  const withCafe = kind !== 'openSpace';
  const withOpenSpace = kind !== 'cafe';
  const uid = useId();
  const [title, setTitle] = useState('');
  const [purpose, setPurpose] = useState('');
  const [autoTables, setAutoTables] = useState(true);
  const [tables, setTables] = useState('6');
  const [identity, setIdentity] = useState<Identity>('choice');
  const [notice, setNotice] = useState('');
  const [askGroups, setAskGroups] = useState(false);
  // Suggested groups, one a line, in the organiser's language; theirs to change.
  const [groups, setGroups] = useState(() => t('new.groupsSuggested'));
  const [askNeeds, setAskNeeds] = useState(false);
  const [askFirstTime, setAskFirstTime] = useState(false);
  const [rounds, setRounds] = useState<RoundDraft[]>(() => [
    { key: draftKey(), question: '', minutes: '20' },
    { key: draftKey(), question: '', minutes: '20' },
    { key: draftKey(), question: '', minutes: '20' },
  ]);
  const [evaluation, setEvaluation] = useState<EvaluationSettings>(() => ({
    statements: [...DEFAULT_EVALUATION.statements],
    open: te('setup.defaultQuestion'),
  }));
  const [results, setResults] = useState<ResultsDraft>({ where: '', by: '' });
  // The dates offered for the results start the day before today (time zones).
  const [since] = useState(() => Date.now());
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  // "Copy as a new event": the form starts as the copied event was set up, under a new title.
  const copied = useCopiedEvent((settings) => {
    const d = draftOfSettings(settings);
    setKind(d.kind);
    setTitle(copiedTitle(d.title, t('new.copy.suffix')));
    setPurpose(d.purpose);
    setAutoTables(d.autoTables);
    if (d.tables !== null) setTables(d.tables);
    if (d.rounds) setRounds(d.rounds);
    if (d.openSpace) setOpenSpace(d.openSpace);
    setIdentity(d.identity);
    setEvaluation(d.evaluation);
    setNotice(d.notice);
    setAskGroups(d.askGroups);
    if (d.groups !== null) setGroups(d.groups);
    setAskNeeds(d.askNeeds);
    setAskFirstTime(d.askFirstTime);
    setResults(resultsDraftOf(settings.results));
  });

  const setRound = (i: number, patch: Partial<RoundDraft>) =>
    setRounds((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const settings = settingsOfDraft({
      kind,
      title,
      purpose,
      autoTables,
      tables,
      rounds,
      openSpace,
      identity,
      evaluation,
      notice,
      askGroups,
      groups,
      askNeeds,
      askFirstTime,
      // Both boxes empty: nothing said (phones then say the link will appear when published).
      results: results.where.trim() || results.by ? resultsOfDraft(results) : null,
    });
    const parsed = EventSettingsSchema.safeParse(settings);
    if (!parsed.success) {
      setErrors(parsed.error.issues.map((i) => explainIssue(t, i)));
      return;
    }
    if (resultsDateProblem(parsed.data.results?.by ?? null, Date.now())) {
      setErrors([t('problems.resultsDate')]);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      const res = await fetch('/api/events', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ settings: parsed.data }),
      });
      const body = (await res.json()) as
        | { ok: true; eventId: string; joinCode: string; facilitatorToken: string }
        | { ok: false; error: { code?: ErrorCode; message: string } };
      if (!body.ok) {
        setErrors([refusal(body.error)]);
        return;
      }
      saveEvent({
        eventId: body.eventId,
        title: parsed.data.title,
        joinCode: body.joinCode,
        token: body.facilitatorToken,
        createdAt: Date.now(),
      });
      router.push(`/f/${body.eventId}?new=1#${body.facilitatorToken}`);
    } catch {
      setErrors([t('new.noServer')]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <h1 className="text-3xl font-bold">{t('new.heading')}</h1>
        <LanguagePicker />
      </header>
      <p className="mt-2 text-stone-700">{t('new.intro')}</p>
      <CopiedNotice copied={copied} />
      {errors.length > 0 && (
        <div role="alert" className="mt-4 rounded-lg border-2 border-red-300 bg-red-50 p-3 text-red-900">
          <p className="font-semibold">{t('new.pleaseFix')}</p>
          <ul className="list-disc ps-5">
            {errors.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={submit} className="mt-6 space-y-6" noValidate>
        <div>
          <label htmlFor={`${uid}-title`} className="font-semibold">
            {t('new.title')}
          </label>
          <input
            id={`${uid}-title`}
            className={field}
            value={title}
            maxLength={LIMITS.title}
            onChange={(e) => setTitle(e.target.value)}
            placeholder={t('new.titlePlaceholder')}
            required
          />
        </div>
        <div>
          <label htmlFor={`${uid}-purpose`} className="font-semibold">
            {t.rich('new.purpose', {
              hint: (c) => <span className="font-normal text-stone-600">{c}</span>,
            })}
          </label>
          <textarea
            id={`${uid}-purpose`}
            className={field}
            rows={3}
            value={purpose}
            maxLength={LIMITS.purpose}
            onChange={(e) => setPurpose(e.target.value)}
          />
        </div>

        <fieldset className="rounded-lg border-2 border-stone-200 p-4">
          <legend className="px-1 font-semibold">{t('new.kindLegend')}</legend>
          {(
            [
              ['cafe', t('new.kindCafe')],
              ['openSpace', t('new.kindOpenSpace')],
              ['both', t('new.kindBoth')],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex min-h-11 items-center gap-3">
              <input
                type="radio"
                name="kind"
                checked={kind === value}
                onChange={() => setKind(value)}
                className="size-5 shrink-0"
              />
              {label}
            </label>
          ))}
        </fieldset>

        {withCafe && (
          <fieldset className="rounded-lg border-2 border-stone-200 p-4">
            <legend className="px-1 font-semibold">{t('new.tablesLegend')}</legend>
            <label className="flex min-h-11 items-center gap-3">
              <input
                type="radio"
                name="tables"
                checked={autoTables}
                onChange={() => setAutoTables(true)}
                className="size-5 shrink-0"
              />
              {t('new.tablesAuto')}
            </label>
            <div className="flex min-h-11 flex-wrap items-center gap-3">
              <label className="flex min-h-11 items-center gap-3">
                <input
                  type="radio"
                  name="tables"
                  checked={!autoTables}
                  onChange={() => setAutoTables(false)}
                  className="size-5 shrink-0"
                />
                {t('new.tablesFixed')}
              </label>
              <label htmlFor={`${uid}-tables`} className="sr-only">
                {t('new.tablesNumber')}
              </label>
              <input
                id={`${uid}-tables`}
                type="number"
                min={1}
                max={LIMITS.tables}
                className="w-24 rounded-lg border-2 border-stone-400 px-2 py-1 disabled:bg-stone-100"
                value={tables}
                disabled={autoTables}
                onChange={(e) => setTables(e.target.value)}
              />
            </div>
          </fieldset>
        )}

        {withCafe && (
          <fieldset className="rounded-lg border-2 border-stone-200 p-4">
            <legend className="px-1 font-semibold">{t('new.roundsLegend')}</legend>
            <ol className="space-y-4">
              {rounds.map((r, i) => (
                <li key={r.key} className="rounded-lg bg-stone-100 p-3">
                  <label htmlFor={`${uid}-q${i}`} className="font-medium">
                    {t('new.roundQuestion', { n: i + 1 })}
                  </label>
                  <textarea
                    id={`${uid}-q${i}`}
                    className={field}
                    rows={2}
                    value={r.question}
                    maxLength={LIMITS.question}
                    onChange={(e) => setRound(i, { question: e.target.value })}
                  />
                  <div className="mt-2 flex flex-wrap items-center gap-3">
                    <label htmlFor={`${uid}-m${i}`}>{t('new.minutes')}</label>
                    <input
                      id={`${uid}-m${i}`}
                      type="number"
                      min={LIMITS.minutesMin}
                      max={LIMITS.minutesMax}
                      className="w-24 rounded-lg border-2 border-stone-400 px-2 py-1"
                      value={r.minutes}
                      onChange={(e) => setRound(i, { minutes: e.target.value })}
                    />
                    {rounds.length > 1 && (
                      <Button variant="ghost" onClick={() => setRounds((rs) => rs.filter((_, j) => j !== i))}>
                        {t('new.removeRound', { n: i + 1 })}
                      </Button>
                    )}
                  </div>
                </li>
              ))}
            </ol>
            {rounds.length < LIMITS.rounds && (
              <Button
                variant="secondary"
                className="mt-3"
                onClick={() => setRounds((rs) => [...rs, { key: draftKey(), question: '', minutes: '20' }])}
              >
                {t('new.addRound')}
              </Button>
            )}
          </fieldset>
        )}

        {withOpenSpace && <OpenSpaceFields value={openSpace} onChange={setOpenSpace} />}

        <fieldset className="rounded-lg border-2 border-stone-200 p-4">
          <legend className="px-1 font-semibold">{t('new.namesLegend')}</legend>
          {(
            [
              ['choice', t('new.identityChoice')],
              ['anonymous', t('new.identityAnonymous')],
              ['named', t('new.identityNamed')],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex min-h-11 items-center gap-3">
              <input
                type="radio"
                name="identity"
                value={value}
                checked={identity === value}
                onChange={() => setIdentity(value)}
                className="size-5 shrink-0"
              />
              {label}
            </label>
          ))}
        </fieldset>

        <EvaluationFields value={evaluation} onChange={setEvaluation} />
        <ResultsFields value={results} onChange={setResults} since={since} />
        <fieldset className="rounded-lg border-2 border-stone-200 p-4">
          <legend className="px-1 font-semibold">{t('new.doorLegend')}</legend>
          <p className="text-stone-700">{t('new.doorIntro')}</p>
          <label htmlFor={`${uid}-notice`} className="mt-3 block font-medium">
            {t('new.notice')}
          </label>
          <input
            id={`${uid}-notice`}
            value={notice}
            maxLength={LIMITS.notice}
            dir="auto"
            placeholder={t('new.noticePlaceholder')}
            onChange={(e) => setNotice(e.target.value)}
            className={field}
          />
          <label className="mt-3 flex min-h-11 items-center gap-3">
            <input
              type="checkbox"
              checked={askGroups}
              onChange={(e) => setAskGroups(e.target.checked)}
              className="size-5 shrink-0"
            />
            {t('new.askGroups')}
          </label>
          {askGroups && (
            <>
              <label htmlFor={`${uid}-groups`} className="block font-medium">
                {t('new.groups', { max: LIMITS.groups })}
              </label>
              <textarea
                id={`${uid}-groups`}
                value={groups}
                rows={5}
                dir="auto"
                onChange={(e) => setGroups(e.target.value)}
                className={field}
              />
            </>
          )}
          <label className="mt-3 flex min-h-11 items-center gap-3">
            <input
              type="checkbox"
              checked={askNeeds}
              onChange={(e) => setAskNeeds(e.target.checked)}
              className="size-5 shrink-0"
            />
            {t('new.askNeeds')}
          </label>
          <label className="mt-3 flex min-h-11 items-center gap-3">
            <input
              type="checkbox"
              checked={askFirstTime}
              onChange={(e) => setAskFirstTime(e.target.checked)}
              className="size-5 shrink-0"
            />
            {t('new.askFirstTime')}
          </label>
        </fieldset>

        <Button type="submit" disabled={busy} className="text-lg">
          {busy ? t('new.creating') : t('new.create')}
        </Button>
      </form>
    </main>
  );
}

/** One problem in the form, as "where: what is wrong" in the reader's language. */
function explainIssue(t: T, issue: Issue): string {
  const path = issue.path;
  const reason = reasonOf(t, issue);
  const line = (where: string) => t('problems.line', { where, reason });
  const [first, index, sub] = path;
  if (first === 'rounds' && typeof index === 'number') {
    return line(
      t(sub === 'minutes' ? 'problems.where.roundMinutes' : 'problems.where.round', { n: index + 1 }),
    );
  }
  if (first === 'tables') return t('problems.tables', { max: LIMITS.tables });
  if (first === 'title') return line(t('problems.where.title'));
  if (first === 'openSpace') return line(openSpaceWhere(t, path.slice(1)));
  if (first === 'purpose') return line(t('problems.where.purpose'));
  if (first === 'evaluation') return line(t('problems.where.evaluation'));
  if (first === 'notice') return line(t('problems.where.notice'));
  if (first === 'results')
    return line(index === 'by' ? t('problems.where.resultsBy') : t('problems.where.results'));
  if (first === 'groups')
    return line(
      typeof index === 'number' ? t('problems.where.group', { n: index + 1 }) : t('problems.where.groups'),
    );
  return reason;
}

type Issue = z.core.$ZodIssue;

/** Where copying an event stands: being fetched, copied (check, then create), or why not. */
function CopiedNotice({ copied }: { copied: Copied }) {
  const t = useTranslations('site.new.copy');
  if (copied.state === 'none') return null;
  if (copied.state === 'failed')
    return (
      <p role="alert" className="mt-4 rounded-lg border-2 border-red-300 bg-red-50 p-3 text-red-900">
        {t(`failed.${copied.why}`)}
      </p>
    );
  return (
    <p role="status" className="mt-4 rounded-lg border-2 border-brand-700 bg-white p-3">
      {copied.state === 'loading'
        ? t('loading')
        : t.rich('loaded', { title: copied.title, bdi: (c) => <bdi>{c}</bdi> })}
    </p>
  );
}

function openSpaceWhere(t: T, [part, index, field]: PropertyKey[]): string {
  if (part === 'slots' && typeof index === 'number') {
    const n = index + 1;
    if (field === 'start') return t('problems.where.slotStart', { n });
    if (field === 'end') return t('problems.where.slotEnd', { n });
    if (field === 'label') return t('problems.where.slotLabel', { n });
    return t('problems.where.slot', { n });
  }
  if (part === 'spaces' && typeof index === 'number') {
    const n = index + 1;
    if (field === 'name') return t('problems.where.spaceName', { n });
    if (field === 'capacity') return t('problems.where.spaceCapacity', { n });
    if (field === 'notes') return t('problems.where.spaceNotes', { n });
    return t('problems.where.space', { n });
  }
  if (part === 'theme') return t('problems.where.theme');
  if (part === 'slots') return t('problems.where.slots');
  if (part === 'spaces') return t('problems.where.spaces');
  if (part === 'votesPerPerson') return t('problems.where.votes');
  return t('problems.where.openSpace');
}

/** The schema's own sentences (lib/settings.ts, lib/openspace/settings.ts, lib/text.ts), by their words. */
const REASONS = {
  'the event needs a title': 'needsTitle',
  'each round needs a question': 'needsQuestion',
  'add at least one café round, or an Open Space': 'needsPart',
  'the Open Space needs a theme': 'needsTheme',
  'add at least one time slot': 'needsSlot',
  'add at least one space': 'needsSpace',
  'each space needs a name': 'needsSpaceName',
  'each space needs its own name': 'needsOwnName',
  'at least one slot must be for sessions, not a break': 'needsSessionSlot',
  'a slot must end after it starts': 'slotOrder',
  'slots must be in time order and must not overlap': 'overlap',
  'use a 24-hour time like 13:30': 'clock',
  'must not contain control characters': 'controlCharacters',
  'each group needs a label': 'needsGroupLabel',
  'each group once': 'groupTwice',
} as const;

/** What is wrong, from the schema's sentence when it has one, else from the kind of problem. */
function reasonOf(t: T, issue: Issue): string {
  if (Object.hasOwn(REASONS, issue.message))
    return t(`problems.reason.${REASONS[issue.message as keyof typeof REASONS]}`);
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string') return t('problems.reason.tooLong', { max: Number(issue.maximum) });
      if (issue.origin === 'number') return t('problems.reason.atMost', { max: Number(issue.maximum) });
      if (issue.origin === 'array') return t('problems.reason.tooMany', { max: Number(issue.maximum) });
      break;
    case 'too_small':
      if (issue.origin === 'number') return t('problems.reason.atLeast', { min: Number(issue.minimum) });
      break;
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int') return t('problems.reason.wholeNumber');
      break;
  }
  return t('problems.reason.other');
}
