/**
 * Problems on the agenda wall a facilitator should see at a glance, each with what would fix it:
 * a convener due in two places at once, a space booked twice, a session more people want than
 * its space holds (with bigger free spaces in the same slot).
 */
import type { EventState } from '../state';
import { isLive } from './reducer';
import type { Session } from './state';

export type Clash =
  | { kind: 'convener'; participantId: string; slot: number; sessionIds: string[] }
  | { kind: 'double-booked'; slot: number; space: number; sessionIds: string[] }
  | {
      kind: 'over-capacity';
      sessionId: string;
      interested: number;
      capacity: number;
      freeBiggerSpaces: number[];
    };

export function findClashes(state: EventState): Clash[] {
  const os = state.openSpace;
  const settings = state.settings.openSpace;
  if (!os || !settings) return [];
  const placed = os.sessionOrder
    .map((id) => os.sessions[id])
    .filter(
      (s): s is Session & { slot: number; space: number } => isLive(s) && s.slot !== null && s.space !== null,
    );
  const clashes: Clash[] = [];

  const byCell = new Map<string, string[]>();
  const byConvenerSlot = new Map<string, string[]>();
  for (const s of placed) {
    const cell = `${s.slot}:${s.space}`;
    byCell.set(cell, [...(byCell.get(cell) ?? []), s.id]);
    for (const pid of s.conveners) {
      const key = `${pid}:${s.slot}`;
      byConvenerSlot.set(key, [...(byConvenerSlot.get(key) ?? []), s.id]);
    }
  }
  for (const [cell, sessionIds] of byCell) {
    const [slot, space] = cell.split(':').map(Number);
    if (sessionIds.length > 1 && slot !== undefined && space !== undefined)
      clashes.push({ kind: 'double-booked', slot, space, sessionIds });
  }
  for (const [key, sessionIds] of byConvenerSlot) {
    const i = key.lastIndexOf(':');
    if (sessionIds.length > 1)
      clashes.push({
        kind: 'convener',
        participantId: key.slice(0, i),
        slot: Number(key.slice(i + 1)),
        sessionIds,
      });
  }
  for (const s of placed) {
    const capacity = settings.spaces[s.space]?.capacity;
    if (capacity === null || capacity === undefined || s.interested.length <= capacity) continue;
    const taken = new Set(placed.filter((o) => o.slot === s.slot).map((o) => o.space));
    const freeBiggerSpaces = settings.spaces
      .map((sp, i) => ({ i, cap: sp.capacity ?? Number.POSITIVE_INFINITY }))
      .filter(({ i, cap }) => !taken.has(i) && cap >= s.interested.length)
      .sort((a, b) => a.cap - b.cap || a.i - b.i)
      .map(({ i }) => i);
    clashes.push({
      kind: 'over-capacity',
      sessionId: s.id,
      interested: s.interested.length,
      capacity,
      freeBiggerSpaces,
    });
  }
  return clashes;
}
