/**
 * The wall's spaces and time slots while the Open Space runs: how adding a space or a slot and
 * changing a space fold into the state, the rules the console and the server share (one name per
 * space, slots that do not overlap), and the order every screen lists slots in. Sessions refer to
 * spaces and slots by index, so nothing is ever renumbered: a new space or slot goes at the end
 * of its list, and screens sort slots by time. Kept apart from the actions and their schemas, so
 * screens that fold the log do not load the validation library.
 */
import type { RecordOf } from '../records';
import type { EventState } from '../state';
import type { Slot, Space } from './settings';

/** Two space names are the same name whatever their case ("Garden" and "GARDEN"). */
const nameKey = (name: string) => name.normalize('NFC').toLowerCase();

/** The index of a space called `name` other than `except`, or null when the name is free. */
export function spaceNamed(spaces: readonly Space[], name: string, except?: number): number | null {
  const key = nameKey(name);
  const i = spaces.findIndex((s, j) => j !== except && nameKey(s.name) === key);
  return i < 0 ? null : i;
}

/** Whether `name` is the space's own name again, perhaps in another case (never a clash with itself). */
export const isOwnName = (space: Space, name: string) => nameKey(space.name) === nameKey(name);

/** The index of the first slot that shares any time with `start`–`end`, or null. */
export function overlappingSlot(
  slots: readonly Slot[],
  { start, end }: { start: string; end: string },
): number | null {
  // "HH:MM" strings compare in time order; a slot that ends as the next begins does not overlap.
  const i = slots.findIndex((s) => s.start < end && start < s.end);
  return i < 0 ? null : i;
}

const byTime = new WeakMap<readonly Slot[], number[]>();

/**
 * The slots' indexes in time order (by start; slots never overlap, so no two start together). Set-up
 * keeps slots in time order, but a slot added while the Open Space runs goes at the end of the
 * list whatever its time. Worked out once per list of slots.
 */
export function slotsInTimeOrder(slots: readonly Slot[]): number[] {
  let order = byTime.get(slots);
  if (!order) {
    order = slots
      .map((s, i) => ({ s, i }))
      .sort((a, b) => cmp(a.s.start, b.s.start) || cmp(a.s.end, b.s.end) || a.i - b.i)
      .map(({ i }) => i);
    byTime.set(slots, order);
  }
  return order;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Each slot index's place in time order (0 for the earliest): for sorting sessions by their time. */
export function slotRanks(slots: readonly Slot[]): number[] {
  const ranks: number[] = [];
  slotsInTimeOrder(slots).forEach((slot, rank) => {
    ranks[slot] = rank;
  });
  return ranks;
}

type WallRecord = RecordOf<'space.added' | 'space.edited' | 'slot.added'>;

/**
 * A space added or changed, or a slot added: the Open Space's settings in the state change (the
 * lists are short, at most LIMITS.spaces and LIMITS.slots long). A record whose index does not
 * follow from the state (a space added out of turn, a space that does not exist) changes nothing.
 */
export function reduceWall(state: EventState, rec: WallRecord): EventState {
  const settings = state.settings.openSpace;
  if (!settings) return state;
  let next = settings;
  switch (rec.type) {
    case 'space.added': {
      const { space, ...added } = rec.payload;
      if (space !== settings.spaces.length) return state;
      next = { ...settings, spaces: [...settings.spaces, added] };
      break;
    }
    case 'space.edited': {
      const { space, ...changed } = rec.payload;
      if (!settings.spaces[space]) return state;
      next = { ...settings, spaces: settings.spaces.map((s, i) => (i === space ? changed : s)) };
      break;
    }
    case 'slot.added': {
      const { slot, ...added } = rec.payload;
      if (slot !== settings.slots.length) return state;
      next = { ...settings, slots: [...settings.slots, added] };
      break;
    }
  }
  return { ...state, settings: { ...state.settings, openSpace: next } };
}
