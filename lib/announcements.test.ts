/** Announcements reach a World Café as they reach an Open Space: made, replaced and cleared. */
import { describe, expect, it } from 'vitest';
import { currentAnnouncement } from './announcements';
import { foldLog } from './reducer';
import { cafeSettings, EventUnderTest, FACILITATOR, MIN, person } from './testing/events';

function cafe() {
  const ev = new EventUnderTest(cafeSettings());
  ev.join('p1', 'Ada');
  ev.join('p2', null);
  return ev;
}

describe('announcements in a café', () => {
  it('the facilitator announces to everyone in a café with no Open Space', () => {
    const ev = cafe();
    expect(ev.state.openSpace).toBeNull();
    const rec = ev.later(MIN).facilitate('announce', { text: 'Tea is in the side room.' });
    expect(currentAnnouncement(ev.state)).toEqual({
      id: rec.id,
      text: 'Tea is in the side room.',
      at: ev.now,
      clearedAt: null,
    });
    expect(ev.refusal(person('p1'), 'announce', { text: 'Free cake!' }).code).toBe('not_allowed');
  });

  it('a new one replaces the one showing, clearing leaves nothing, and a phone folding the log agrees', () => {
    const ev = cafe();
    ev.facilitate('announce', { text: 'Tea is in the side room.' });
    const moved = ev.later(MIN).facilitate('announce', { text: 'Tea has moved to the hall.' });
    expect(currentAnnouncement(ev.state)?.text).toBe('Tea has moved to the hall.');
    ev.later(MIN).facilitate('announcement.clear', { announcementId: moved.id });
    expect(currentAnnouncement(ev.state)).toBeUndefined();
    const phone = foldLog(ev.log);
    expect(phone && currentAnnouncement(phone)).toBeUndefined();
    expect(ev.refusal(FACILITATOR, 'announcement.clear', { announcementId: moved.id }).code).toBe(
      'wrong_state',
    );
    expect(ev.refusal(FACILITATOR, 'announcement.clear', { announcementId: 'nope' }).code).toBe('not_found');
  });
});
