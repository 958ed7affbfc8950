/**
 * How an action family declares what clients may ask for: a schema for the payload, who may ask,
 * and a pure `decide` that turns a valid request into the record to append (or a refusal).
 */
import type { z } from 'zod';
import type { ActionError } from './errors';
import type { WordVectors } from './harvest/theming-vectors';
import type { Actor, RecordPayloads, RecordType } from './records';
import type { EventState } from './state';

export interface CommandContext {
  state: EventState;
  actor: Actor;
  /** Server time; decide functions never read the clock themselves. */
  now: number;
  actionId: string;
  services: Services;
}

/**
 * What the server hands to decisions beyond the state: configuration it loaded at start, never
 * state and never read from the process, so the same call always gives the same decision.
 */
export interface Services {
  /** Word vectors for the harvest's themes (server/word-vectors.ts); without them, words alone. */
  vectors?: WordVectors;
}

export const NO_SERVICES: Services = {};

export type Draft = { [T in RecordType]: { type: T; payload: RecordPayloads[T] } }[RecordType];

export type Decision = { ok: true; record: Draft } | { ok: false; error: ActionError };

export interface CommandDef<S extends z.ZodType = z.ZodType> {
  schema: S;
  roles: ReadonlyArray<Actor['role']>;
  decide: (payload: z.output<S>, ctx: CommandContext) => Decision;
}

/** Keeps each command's payload type tied to its schema without writing it twice. */
export const command = <S extends z.ZodType>(def: CommandDef<S>): CommandDef<S> => def;

export const draft = <T extends RecordType>(type: T, payload: RecordPayloads[T]): Decision => ({
  ok: true,
  record: { type, payload } as Draft,
});
