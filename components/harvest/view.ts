import type { HarvestState } from '../../lib/harvest/state';

/** Total dots per theme. */
export function harvestDots(h: HarvestState): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of Object.values(h.votes))
    for (const [id, d] of Object.entries(v)) out[id] = (out[id] ?? 0) + d;
  return out;
}

export { placeName as placeLabel } from '../../lib/harvest/groups';
