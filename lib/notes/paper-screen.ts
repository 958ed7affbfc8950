/**
 * What the screens for paper cards and imports work out, kept pure so it is tested here: which
 * rounds and tables a card can be typed in for (the rules `note.transcribe` checks, so the form
 * offers nothing the server would refuse), how each card a screen sent is doing, the mark a note
 * not written on a phone carries, and what the import address answered.
 */
import type { ErrorCode } from '../errors';
import { type EventState, type Note, noteById } from '../state';
import { tablesUsedIn } from './paper';

/** The rounds a paper card can be typed in for: every round seated so far, in order. */
export function paperRounds(state: EventState): number[] {
  const rounds: number[] = [];
  state.rounds.forEach((r, i) => {
    if (r.status !== 'pending' && i <= state.current) rounds.push(i);
  });
  return rounds;
}

/** The round a form offers first: the one people sit in now, else the last one seated; null before any. */
export function defaultPaperRound(state: EventState): number | null {
  const rounds = paperRounds(state);
  return rounds.includes(state.current) ? state.current : (rounds.at(-1) ?? null);
}

/** The tables of a round a card can be typed in for, numbered from 1. */
export function paperTables(state: EventState, round: number): number[] {
  return Array.from({ length: tablesUsedIn(state, round) }, (_, i) => i + 1);
}

/** A paper card a screen sent (`note.transcribe`): its action id is the note's id once added. */
export interface SentCard {
  id: string;
  text: string;
  round: number;
  table: number;
  name: string | null;
  /** Why the server refused it, kept with the card so a reload still says so. */
  refusal?: { message: string; code?: ErrorCode };
}

/** An action waiting in a screen's outbox. */
interface Queued {
  id: string;
  type: string;
  payload: unknown;
}

/**
 * The cards this screen typed in: those it remembers, then any still in its outbox it does not
 * (sent before a reload), newest first.
 */
export function typedIn(kept: readonly SentCard[], outbox: readonly Queued[]): SentCard[] {
  const known = new Set(kept.map((c) => c.id));
  const queued = outbox.flatMap((a): SentCard[] => {
    if (a.type !== 'note.transcribe' || known.has(a.id)) return [];
    const p = a.payload as { text?: unknown; round?: unknown; table?: unknown; name?: unknown };
    if (typeof p?.text !== 'string' || typeof p.round !== 'number' || typeof p.table !== 'number') return [];
    const name = typeof p.name === 'string' && p.name.trim() ? p.name.trim() : null;
    return [{ id: a.id, text: p.text, round: p.round, table: p.table, name }];
  });
  return [...kept, ...queued].reverse();
}

export type CardStatus = 'waiting' | 'added' | 'withdrawn' | 'refused';

/**
 * Where a sent card stands: refused (the server said no), added (its note is in the event, or was
 * and has been withdrawn since), or waiting (in the outbox, or accepted and on its way back).
 */
export function cardStatus(state: EventState | null, refused: ReadonlySet<string>, id: string): CardStatus {
  if (refused.has(id)) return 'refused';
  const note = state ? noteById(state, id) : undefined;
  if (note) return note.withdrawn ? 'withdrawn' : 'added';
  return 'waiting';
}

/** The mark a note not written on a phone carries: where it came from, and the name given, if any. */
export interface NoteMark {
  kind: 'paper' | 'import';
  name: string | null;
}

export function noteMark(note: Pick<Note, 'source' | 'givenName'>): NoteMark | null {
  if (!note.source) return null;
  return { kind: note.source, name: note.givenName?.trim() ? note.givenName.trim() : null };
}

/** What `POST /api/events/<id>/import` answered, as the import panel shows it. */
export type ImportOutcome =
  | { ok: true; imported: number }
  | {
      ok: false;
      code: ErrorCode | null;
      /** The server's sentence (English). */
      message: string;
      /** Every bad line, as the server named it ("Line 3: …"). */
      lines: string[];
    };

export function readImportReply(status: number, body: unknown): ImportOutcome {
  const b = (body ?? {}) as {
    ok?: unknown;
    imported?: unknown;
    error?: { code?: unknown; message?: unknown; issues?: unknown };
  };
  if (status >= 200 && status < 300 && b.ok === true && typeof b.imported === 'number')
    return { ok: true, imported: b.imported };
  const error = b.error ?? {};
  const issues = Array.isArray(error.issues) ? (error.issues as { message?: unknown }[]) : [];
  return {
    ok: false,
    code: typeof error.code === 'string' ? (error.code as ErrorCode) : null,
    message: typeof error.message === 'string' ? error.message : '',
    lines: issues.flatMap((i) => (typeof i?.message === 'string' ? [i.message] : [])),
  };
}
