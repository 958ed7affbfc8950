/**
 * What a phone shows before joining (the café's title, purpose and name rule, the facts its
 * privacy notice is made of, and the optional questions it asks), handed from the
 * server to the phone page it renders, so the join screen arrives with the page instead of after
 * a second request: on a weak signal every request is seconds. The server registers the look-up
 * when it starts (`server/join-info.ts`); the page asks for it (`app/j/[code]/page.tsx`). Both run
 * in the one Node process, but Next.js bundles the pages apart from the server, so the look-up is
 * kept under a process-wide key rather than in a module both would share. With no look-up (or a
 * failing one) the page says nothing and the phone asks `/api/join/<code>` as before.
 */
import type { Identity } from './settings';

export interface JoinInfo {
  code: string;
  title: string;
  purpose: string;
  identity: Identity;
  /** False while a facilitator keeps new people out (`event.lock`): the screen says so, no form. */
  open: boolean;
  /** For the privacy notice: days the event is kept after its last activity (0: until deleted). */
  retentionDays: number;
  /** The organiser's own line under the privacy notice ('' for none). */
  notice: string;
  /** "I'm here as…" choices (none: not asked). */
  groups: string[];
  /** Whether "Anything that would help you take part?" is asked. */
  askNeeds: boolean;
  /** Whether "Is this your first event like this?" is asked. */
  askFirstTime: boolean;
  /** Whether the event has an Open Space, whose notes everyone in the event sees. */
  openSpace: boolean;
}

type Lookup = (code: string) => Promise<JoinInfo | null>;

const KEY = Symbol.for('cafe-space.join-info');
const holder = globalThis as typeof globalThis & { [KEY]?: Lookup };

/** Register (or, with null, remove) the server's look-up. */
export function provideJoinInfo(lookup: Lookup | null) {
  if (lookup) holder[KEY] = lookup;
  else delete holder[KEY];
}

/** The join screen's details for a code, or null when unknown or not available here. */
export async function findJoinInfo(code: string): Promise<JoinInfo | null> {
  const lookup = holder[KEY];
  if (!lookup) return null;
  try {
    return await lookup(code);
  } catch {
    return null;
  }
}
