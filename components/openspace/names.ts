import type { Session } from '../../lib/openspace/state';
import type { EventState } from '../../lib/state';
import { displayName } from '../../lib/view';

/** Who convenes a session, as shown on screens: hidden when the convener chose to be anonymous. */
export function convenerNames(state: EventState, s: Session): string {
  if (s.anonymous || s.conveners.length === 0)
    return s.conveners.length === 0 ? 'the facilitators' : 'anonymous';
  return s.conveners.map((pid) => displayName(state, pid)).join(' and ');
}
