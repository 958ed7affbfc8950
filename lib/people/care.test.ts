/**
 * Marking what would help someone take part as met: the organiser, co-facilitators and helpers
 * may; the mark goes where the needs go (never a projector, never a phone) and survives the
 * person leaving and coming back.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../records';
import { foldLog } from '../reducer';
import { personById } from '../state';
import { cafeSettings, EventUnderTest, FACILITATOR, person } from '../testing/events';
import { canSee, deliveriesOf, ROOM_CARE, roomsOf, type Viewer } from '../visibility';

let HELPER: Actor;
let COFACILITATOR: Actor;
let PROJECTOR: Viewer;

/**
 * Ada asked for a step-free way in and an interpreter; Ben asked for nothing. The organiser made
 * links for a co-facilitator, a helper and the hall's projector.
 */
function event() {
  const ev = new EventUnderTest(cafeSettings({ tables: 1, askNeeds: true }));
  const link = (role: 'cofacilitator' | 'helper' | 'projector', n: number) => {
    const rec = ev.facilitate('link.create', {
      role,
      label: role,
      token: `${role}TokenOfThirtyTwoChars`.padEnd(32, `${n}`),
    });
    return rec.type === 'link.created' ? rec.payload.linkId : '';
  };
  COFACILITATOR = { role: 'facilitator', link: link('cofacilitator', 1) };
  HELPER = { role: 'helper', link: link('helper', 2) };
  PROJECTOR = { role: 'projector', link: link('projector', 3) };
  ev.join('ada', 'Ada', { needs: ['step_free', 'interpreter'] });
  ev.join('ben', 'Ben');
  return ev;
}

describe('marking needs as met', () => {
  it('is for the whole facilitator team, helpers included, and can be taken back', () => {
    const ev = event();
    ev.facilitate('needs.met', { participantId: 'ada', met: true });
    expect(personById(ev.state, 'ada')?.needsMet).toBe(true);
    ev.run(HELPER, 'needs.met', { participantId: 'ada', met: false });
    expect(personById(ev.state, 'ada')).not.toHaveProperty('needsMet');
    ev.run(COFACILITATOR, 'needs.met', { participantId: 'ada', met: true });
    expect(personById(ev.state, 'ada')?.needsMet).toBe(true);
    // The same state when the log is folded again, as a screen catching up would.
    const folded = foldLog(ev.log);
    expect(folded && personById(folded, 'ada')).toEqual(personById(ev.state, 'ada'));
  });

  it('refuses plainly, changing nothing: nobody by that id, nothing asked for, nothing to change', () => {
    const ev = event();
    expect(ev.refusal(FACILITATOR, 'needs.met', { participantId: 'zed', met: true })).toEqual({
      code: 'not_found',
      message: 'That person is not in the event.',
    });
    expect(ev.refusal(FACILITATOR, 'needs.met', { participantId: 'ben', met: true })).toEqual({
      code: 'wrong_state',
      message: 'Ben did not say anything would help them take part.',
    });
    expect(ev.refusal(FACILITATOR, 'needs.met', { participantId: 'ada', met: false })).toEqual({
      code: 'wrong_state',
      message: 'Ada’s needs are not marked as met.',
    });
    ev.facilitate('needs.met', { participantId: 'ada', met: true });
    expect(ev.refusal(HELPER, 'needs.met', { participantId: 'ada', met: true })).toEqual({
      code: 'wrong_state',
      message: 'Ada’s needs are already marked as met.',
    });
    expect(ev.refusalRaw(FACILITATOR, 'needs.met', { participantId: 'ada' }).code).toBe('invalid_message');
    expect(ev.refusalRaw(person('ada'), 'needs.met', { participantId: 'ada', met: false }).code).toBe(
      'not_allowed',
    );
    expect(ev.refusalRaw(PROJECTOR as Actor, 'needs.met', { participantId: 'ada', met: false }).code).toBe(
      'not_allowed',
    );
  });

  it('stays marked when the person leaves and comes back, and still counts after they left', () => {
    const ev = event();
    ev.facilitate('needs.met', { participantId: 'ada', met: true });
    ev.run(person('ada'), 'participant.leave');
    expect(personById(ev.state, 'ada')).toMatchObject({ left: true, needsMet: true });
    ev.facilitate('needs.met', { participantId: 'ada', met: false });
    ev.facilitate('needs.met', { participantId: 'ada', met: true });
    ev.join('ada', 'Ada');
    expect(personById(ev.state, 'ada')).toMatchObject({ left: false, needsMet: true });
  });

  it('reaches the organiser, co-facilitators and helpers only: no projector, no phone', () => {
    const ev = event();
    const rec = ev.facilitate('needs.met', { participantId: 'ada', met: true });
    expect(roomsOf(ev.state, rec)).toEqual([ROOM_CARE]);
    expect(deliveriesOf(ev.state, rec, roomsOf(ev.state, rec))).toEqual([{ rec, to: [ROOM_CARE] }]);
    for (const v of [FACILITATOR, COFACILITATOR, HELPER] as Viewer[])
      expect(canSee(ev.state, v, rec)).toBe(true);
    for (const v of [
      PROJECTOR,
      { role: 'participant', id: 'ada' },
      { role: 'participant', id: 'ben' },
    ] as Viewer[])
      expect(canSee(ev.state, v, rec)).toBe(false);
  });
});
