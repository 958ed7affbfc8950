/**
 * Seats by hand: a facilitator moves someone to another table in the round people sit in now,
 * and keeps someone at a table in every later seating ("keep at this table": a step-free seat, a
 * sign language interpreter's table). The seating planner (lib/seating.ts) places kept people at
 * their table first and still mixes everyone else; a late arrival who is kept goes to their table.
 */
import { z } from 'zod';
import { command, draft } from '../command';
import { fail } from '../errors';
import { LIMITS } from '../limits';
import { tableIn } from '../seats';
import { type EventState, personById } from '../state';
import { displayName, hostTables, roundInProgress, tablesIn } from '../view';

const PersonId = z.string().min(1).max(40);
const TableNumber = z.number().int().min(1).max(LIMITS.tables);

const NO_CAFE = 'This event has no café tables.';
const NOT_HERE = 'That person is not in the event.';

const isActive = (state: EventState, pid: string) => personById(state, pid)?.left === false;

const tablesWord = (n: number) => (n === 1 ? 'one table' : `${n} tables`);

/**
 * The tables someone may be kept at: those a host may be chosen for (the seating people are in,
 * and during a round the next seating's), or any table before the count is known.
 */
const keepTables = (state: EventState): number => hostTables(state) ?? LIMITS.tables;

export const moveCommands = {
  /** Moves a seated person to another table of the current round, at once. */
  'person.move': command({
    schema: z.strictObject({ participantId: PersonId, table: TableNumber }),
    roles: ['facilitator'],
    decide: ({ participantId, table }, { state }) => {
      if (state.rounds.length === 0) return fail('wrong_state', NO_CAFE);
      if (!isActive(state, participantId)) return fail('not_found', NOT_HERE);
      const round = roundInProgress(state);
      if (round === null)
        return fail('wrong_state', 'Nobody is seated just now: people can be moved once a round is seated.');
      const name = displayName(state, participantId);
      const from = tableIn(state.rounds[round]?.seating ?? {}, participantId);
      if (from === undefined)
        return fail('wrong_state', `${name} has no seat in round ${round + 1} to move from.`);
      const tables = tablesIn(state, round);
      if (table > tables)
        return fail('not_found', `There is no table ${table}; round ${round + 1} has ${tablesWord(tables)}.`);
      if (from === table) return fail('wrong_state', `${name} is already at table ${table}.`);
      return draft('person.moved', { participantId, round, table, from });
    },
  }),
  /** Keeps a person at a table in every later seating (null: mixed like everyone again). */
  'person.keep': command({
    schema: z.strictObject({ participantId: PersonId, table: TableNumber.nullable() }),
    roles: ['facilitator'],
    decide: ({ participantId, table }, { state }) => {
      if (state.rounds.length === 0) return fail('wrong_state', NO_CAFE);
      const p = personById(state, participantId);
      if (!p || p.left) return fail('not_found', NOT_HERE);
      const name = displayName(state, participantId);
      if (table === null) {
        if (p.keep === undefined) return fail('wrong_state', `${name} is not kept at any table.`);
        return draft('person.kept', { participantId, table: null });
      }
      const tables = keepTables(state);
      if (table > tables)
        return fail('not_found', `There is no table ${table}; the café has ${tablesWord(tables)}.`);
      if (p.keep === table) return fail('wrong_state', `${name} is already kept at table ${table}.`);
      return draft('person.kept', { participantId, table });
    },
  }),
};
