'use client';
import { useRouter, useSearchParams } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import { LIMITS } from '../../lib/limits';
import { EventSettingsSchema, type Identity } from '../../lib/settings';
import { Button } from '../ui/Button';
import { defaultOpenSpace, OpenSpaceFields, openSpaceSettings } from './OpenSpaceFields';
import { saveEvent } from './saved';

type Kind = 'cafe' | 'openSpace' | 'both';

interface RoundDraft {
  key: string;
  question: string;
  minutes: string;
}

const field = 'mt-1 block w-full rounded-lg border-2 border-stone-400 px-3 py-2 text-base';

/**
 * Setting up an event: a World Café (tables, rounds with questions and times), an Open Space
 * (theme, time slots, spaces), or both one after the other; and whether people give names.
 */
export function NewEventForm() {
  const router = useRouter();
  const params = useSearchParams();
  const [kind, setKind] = useState<Kind>(params.get('kind') === 'openSpace' ? 'openSpace' : 'cafe');
  const [openSpace, setOpenSpace] = useState(defaultOpenSpace);
  const withCafe = kind !== 'openSpace';
  const withOpenSpace = kind !== 'cafe';
  const uid = useId();
  const [title, setTitle] = useState('');
  const [purpose, setPurpose] = useState('');
  const [autoTables, setAutoTables] = useState(true);
  const [tables, setTables] = useState('6');
  const [identity, setIdentity] = useState<Identity>('choice');
  const [rounds, setRounds] = useState<RoundDraft[]>([
    { key: 'r1', question: '', minutes: '20' },
    { key: 'r2', question: '', minutes: '20' },
    { key: 'r3', question: '', minutes: '20' },
  ]);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const setRound = (i: number, patch: Partial<RoundDraft>) =>
    setRounds((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const settings = {
      title,
      purpose,
      tables: autoTables ? null : Number(tables),
      rounds: withCafe ? rounds.map((r) => ({ question: r.question, minutes: Number(r.minutes) })) : [],
      identity,
      openSpace: withOpenSpace ? openSpaceSettings(openSpace) : null,
    };
    const parsed = EventSettingsSchema.safeParse(settings);
    if (!parsed.success) {
      setErrors(parsed.error.issues.map((i) => explainIssue(i.path, i.message)));
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
        | { ok: false; error: { message: string } };
      if (!body.ok) {
        setErrors([body.error.message]);
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
      setErrors(['Could not reach the server. Check that it is still running, then try again.']);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-3xl font-bold">Set up an event</h1>
      <p className="mt-2 text-stone-700">You can start as soon as this is saved. People join with a code.</p>
      {errors.length > 0 && (
        <div role="alert" className="mt-4 rounded-lg border-2 border-red-300 bg-red-50 p-3 text-red-900">
          <p className="font-semibold">Please fix:</p>
          <ul className="list-disc pl-5">
            {errors.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={submit} className="mt-6 space-y-6" noValidate>
        <div>
          <label htmlFor={`${uid}-title`} className="font-semibold">
            Title
          </label>
          <input
            id={`${uid}-title`}
            className={field}
            value={title}
            maxLength={LIMITS.title}
            onChange={(e) => setTitle(e.target.value)}
            placeholder="e.g. Shaping our community health services"
            required
          />
        </div>
        <div>
          <label htmlFor={`${uid}-purpose`} className="font-semibold">
            Purpose <span className="font-normal text-stone-600">(shown to people when they join)</span>
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
          <legend className="px-1 font-semibold">What kind of event?</legend>
          {(
            [
              ['cafe', 'World Café: rounds of conversation at small tables'],
              ['openSpace', 'Open Space: people propose sessions and choose where to go'],
              ['both', 'Both: a World Café, then an Open Space'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex min-h-11 items-center gap-3">
              <input
                type="radio"
                name="kind"
                checked={kind === value}
                onChange={() => setKind(value)}
                className="size-5"
              />
              {label}
            </label>
          ))}
        </fieldset>

        {withCafe && (
          <fieldset className="rounded-lg border-2 border-stone-200 p-4">
            <legend className="px-1 font-semibold">Tables</legend>
            <label className="flex min-h-11 items-center gap-3">
              <input
                type="radio"
                name="tables"
                checked={autoTables}
                onChange={() => setAutoTables(true)}
                className="size-5"
              />
              Work it out from the number of people (about 5 per table)
            </label>
            <div className="flex min-h-11 flex-wrap items-center gap-3">
              <label className="flex min-h-11 items-center gap-3">
                <input
                  type="radio"
                  name="tables"
                  checked={!autoTables}
                  onChange={() => setAutoTables(false)}
                  className="size-5"
                />
                A fixed number of tables
              </label>
              <label htmlFor={`${uid}-tables`} className="sr-only">
                Number of tables
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
            <legend className="px-1 font-semibold">Rounds</legend>
            <ol className="space-y-4">
              {rounds.map((r, i) => (
                <li key={r.key} className="rounded-lg bg-stone-100 p-3">
                  <label htmlFor={`${uid}-q${i}`} className="font-medium">
                    Round {i + 1} question
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
                    <label htmlFor={`${uid}-m${i}`}>Minutes</label>
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
                        Remove round {i + 1}
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
                onClick={() =>
                  setRounds((rs) => [...rs, { key: `r${Date.now()}`, question: '', minutes: '20' }])
                }
              >
                Add a round
              </Button>
            )}
          </fieldset>
        )}

        {withOpenSpace && <OpenSpaceFields value={openSpace} onChange={setOpenSpace} />}

        <fieldset className="rounded-lg border-2 border-stone-200 p-4">
          <legend className="px-1 font-semibold">Names</legend>
          {(
            [
              ['choice', 'Each person chooses: give a name or stay anonymous'],
              ['anonymous', 'Everyone is anonymous (no names are asked for or kept)'],
              ['named', 'Everyone gives a name'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex min-h-11 items-center gap-3">
              <input
                type="radio"
                name="identity"
                value={value}
                checked={identity === value}
                onChange={() => setIdentity(value)}
                className="size-5"
              />
              {label}
            </label>
          ))}
        </fieldset>

        <Button type="submit" disabled={busy} className="text-lg">
          {busy ? 'Creating…' : 'Create the event'}
        </Button>
      </form>
    </main>
  );
}

function explainIssue(path: PropertyKey[], message: string): string {
  const [first, index, sub] = path;
  if (first === 'rounds' && typeof index === 'number') {
    return `Round ${index + 1}${sub === 'minutes' ? ' minutes' : ''}: ${message}`;
  }
  if (first === 'tables') return `Tables: choose between 1 and ${LIMITS.tables}`;
  if (first === 'title') return `Title: ${message}`;
  if (first === 'openSpace') {
    const [, part, index, field] = path;
    const where =
      part === 'slots' && typeof index === 'number'
        ? `Time slot ${index + 1}${field ? ` ${String(field)}` : ''}`
        : part === 'spaces' && typeof index === 'number'
          ? `Space ${index + 1}${field ? ` ${String(field)}` : ''}`
          : String(part ?? 'Open Space');
    return `${where}: ${message}`;
  }
  if (first === 'purpose') return `Purpose: ${message}`;
  return message;
}
