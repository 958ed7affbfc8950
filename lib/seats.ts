/**
 * Reading a round's seats, apart from the seating planner (lib/seating.ts) so that screens and the
 * delivery rules can use them without loading the planner.
 */
import type { Seating } from './seating';

/** Own-property lookup, so ids such as "constructor" cannot hit Object.prototype. */
export function tableIn(seating: Seating, person: string): number | undefined {
  if (typeof seating !== 'object' || seating === null) return undefined;
  return Object.hasOwn(seating, person) ? seating[person] : undefined;
}

/** Groups a round's seating by table; only finite table numbers mean "sat together". */
export function groupByTable(seating: Seating): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  // Stored rounds come from outside (the event log); a damaged one must not stop a live event.
  if (typeof seating !== 'object' || seating === null) return groups;
  for (const [id, t] of Object.entries(seating)) {
    if (typeof t !== 'number' || !Number.isFinite(t)) continue;
    const group = groups.get(t);
    if (group) group.push(id);
    else groups.set(t, [id]);
  }
  return groups;
}
