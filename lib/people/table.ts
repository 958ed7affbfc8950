/**
 * The people of an event as a table whose parts one state shares with the next, like the notes'
 * (lib/notes/table.ts): a join, a leave or a move copies one small bucket and the bucket list,
 * not every person in the event, so the 2,000th person to arrive costs the server and the
 * facilitator's browser about what the first did. Still plain JSON (the browser caches the state
 * in localStorage), and its layout is a function of the people alone (a person's bucket by a hash
 * of their id, their place in it by their id), so screens that learned of the same people in
 * different orders hold equal tables.
 */
import { emptyBuckets, findIn, followedList, putIn } from '../id-buckets';
import type { Participant } from '../state';

/** How many buckets people are spread over. Changing it changes the layout of cached states. */
export const PEOPLE_BUCKETS = 64;

export interface PeopleTable {
  /** People spread over PEOPLE_BUCKETS buckets by a hash of the id (lib/id-buckets.ts). */
  buckets: Participant[][];
  /** How many people, those who left included. */
  count: number;
}

export const emptyPeople = (): PeopleTable => ({ buckets: emptyBuckets(PEOPLE_BUCKETS), count: 0 });

/** A person by an id that may have come from outside ("constructor" or "__proto__" is just an id). */
export const personIn = (table: PeopleTable, id: string): Participant | undefined =>
  findIn(table.buckets, id);

/** Arrival order: by the time of a person's first join, then by id. */
const before = (a: Participant, b: Participant) =>
  a.joinedAt !== b.joinedAt ? a.joinedAt < b.joinedAt : a.id < b.id;

// The list of a table, worked out once per table (a table never changes once made), and how a
// new table's list follows from its parent's when that was known (one person added at the end,
// or one replaced), so a console that lists everyone after each join copies a list instead of
// sorting again. Kept only from a list already worked out, so the entries never form a chain.
const listed = new WeakMap<PeopleTable, readonly Participant[]>();
const followsFrom = new WeakMap<
  PeopleTable,
  { list: readonly Participant[]; person: Participant; replaces: boolean }
>();

/** Everyone, those who left included, in the order they arrived. */
export function peopleIn(table: PeopleTable): readonly Participant[] {
  const known = listed.get(table);
  if (known) return known;
  const step = followsFrom.get(table);
  // A person keeps their first join's time, so their place in the order stays where it was.
  const list = (step && followedList(step.list, step.person, step.replaces, before)) ?? sorted(table);
  followsFrom.delete(table);
  listed.set(table, list);
  return list;
}

function sorted(table: PeopleTable): Participant[] {
  const all = ([] as Participant[]).concat(...table.buckets);
  return all.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
}

/** The table with this person added, or put in place of the person with their id. Never changes `table`. */
export function withPerson(table: PeopleTable, person: Participant): PeopleTable {
  const { buckets, replaces } = putIn(table.buckets, person);
  const next = { buckets, count: table.count + (replaces ? 0 : 1) };
  const list = listed.get(table);
  if (list) followsFrom.set(next, { list, person, replaces });
  return next;
}
