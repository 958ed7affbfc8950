/**
 * The facilitator team: the organiser (the link made with the event) hands out more links, each
 * with a role and a label, and can revoke any of them. What each role may do:
 *
 * - co-facilitator: everything the organiser does but delete the event and make or revoke links.
 *   As an actor it is a facilitator with a link (`{ role: 'facilitator', link }`), so every action
 *   open to facilitators is open to it.
 * - helper: reads what facilitators read and types notes on someone's behalf ("from a paper card").
 * - projector: shows the projector view; it can steer nothing.
 *
 * A link's token is kept only as a hash (in the log); screens are sent the link without it.
 */
import type { Actor, RecordOf } from '../records';
import type { EventState } from '../state';

export const TEAM_ROLES = ['cofacilitator', 'helper', 'projector'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export interface TeamLink {
  id: string;
  role: TeamRole;
  label: string;
  createdAt: number;
  /** When the organiser revoked it; null while it works. */
  revokedAt: number | null;
  /** Only in the server's state: screens receive links without it. */
  tokenHash?: string;
}

/** A link by id (own keys only: an id from outside may be "constructor"). */
export const linkById = (state: EventState, id: string): TeamLink | undefined =>
  Object.hasOwn(state.links, id) ? state.links[id] : undefined;

/** The working link whose token has this hash, if any. */
export const liveLinkByHash = (state: EventState, tokenHash: string): TeamLink | undefined =>
  Object.values(state.links).find((l) => l.tokenHash === tokenHash && l.revokedAt === null);

/** The link an actor came in by (a co-facilitator, helper or projector), or null (the organiser, a phone). */
export const linkOf = (actor: Actor): string | null => ('link' in actor && actor.link ? actor.link : null);

/** The organiser: the facilitator who came in by the event's own link, not a team link. */
export const isOrganiser = (actor: Actor): boolean => actor.role === 'facilitator' && linkOf(actor) === null;

/** The actor a working team link acts as. */
export function actorOfLink(link: TeamLink): Actor {
  if (link.role === 'cofacilitator') return { role: 'facilitator', link: link.id };
  return { role: link.role, link: link.id };
}

export function reduceLinks(state: EventState, rec: RecordOf<'link.created' | 'link.revoked'>): EventState {
  if (rec.type === 'link.created') {
    const { linkId, role, label, tokenHash } = rec.payload;
    const link: TeamLink = { id: linkId, role, label, createdAt: rec.at, revokedAt: null };
    if (tokenHash !== undefined) link.tokenHash = tokenHash;
    return { ...state, links: { ...state.links, [linkId]: link } };
  }
  const link = linkById(state, rec.payload.linkId);
  if (!link || link.revokedAt !== null) return state;
  return { ...state, links: { ...state.links, [link.id]: { ...link, revokedAt: rec.at } } };
}

/** A link record as screens receive it: never the token's hash; phones get no label either. */
export function linkRecordFor(rec: RecordOf<'link.created'>, team: boolean): RecordOf<'link.created'> {
  const { tokenHash: _hash, label, ...rest } = rec.payload;
  return { ...rec, payload: { ...rest, label: team ? label : '' } };
}
