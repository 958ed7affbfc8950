/**
 * "I'm here as…" and "Anything that would help you take part?": both optional, asked only when the
 * organiser chose to; a group is only ever counted, and needs reach the organiser, co-facilitators
 * and helpers alone.
 */
import { describe, expect, it } from 'vitest';
import { exportCafe, toCsv, toJson, toMarkdown } from '../export';
import type { RecordOf } from '../records';
import { initialState } from '../reducer';
import { EventSettingsSchema } from '../settings';
import { peopleCount, personById } from '../state';
import { cafeSettings, EventUnderTest, FACILITATOR } from '../testing/events';
import {
  deliveriesOf,
  ROOM_ALL_NOTES,
  ROOM_CARE,
  roomsFor,
  roomsOf,
  type Viewer,
  viewFor,
} from '../visibility';
import { firstTimeCountsOf, groupCountsOf, languageCountsOf } from './about';

const GROUPS = ['Person who uses services', 'Carer', 'Staff', 'Other'];
const ORGANISER: Viewer = { role: 'facilitator' };
const COFACILITATOR: Viewer = { role: 'facilitator', link: 'lnk-co' };
const HELPER: Viewer = { role: 'helper', link: 'lnk-helper' };
const PROJECTOR: Viewer = { role: 'projector', link: 'lnk-projector' };
const phone = (id: string): Viewer => ({ role: 'participant', id });

function asking(overrides: Record<string, unknown> = {}) {
  return new EventUnderTest(cafeSettings({ tables: 2, groups: GROUPS, askNeeds: true, ...overrides }));
}

const joined = (rec: unknown) => rec as RecordOf<'participant.joined'>;

describe('the settings at the door', () => {
  it('default to asking nothing, for older clients and older logs alike', () => {
    const settings = cafeSettings();
    expect(settings).toMatchObject({ notice: '', groups: [], askNeeds: false, askFirstTime: false });
    const { notice: _n, groups: _g, askNeeds: _a, askFirstTime: _f, ...old } = settings;
    const state = initialState({
      seq: 1,
      id: 'srv_1',
      type: 'event.created',
      at: 0,
      actor: FACILITATOR,
      payload: { eventId: 'evt_old', joinCode: 'OLD001', settings: old },
    });
    expect(state.settings).toMatchObject({ notice: '', groups: [], askNeeds: false, askFirstTime: false });
    expect(state.groupCounts).toEqual({});
    expect(state.firstTimeCounts).toEqual({ first: 0, returning: 0 });
    expect(state.languageCounts).toEqual({});
  });

  it('refuse a group twice, a blank group, more than eight and a notice over 200 characters', () => {
    const base = {
      title: 'T',
      purpose: '',
      tables: 2,
      rounds: [{ question: 'Q?', minutes: 5 }],
      identity: 'choice',
    };
    const issue = (extra: object) =>
      EventSettingsSchema.safeParse({ ...base, ...extra }).error?.issues[0]?.message ?? 'accepted';
    expect(issue({ groups: ['Carer', 'carer'] })).toBe('each group once');
    expect(issue({ groups: ['  '] })).toBe('each group needs a label');
    expect(issue({ groups: Array.from({ length: 9 }, (_, i) => `G${i}`) })).toMatch(/8/);
    expect(issue({ groups: ['x'.repeat(41)] })).toMatch(/at most 40/);
    expect(issue({ notice: 'x'.repeat(201) })).toMatch(/at most 200/);
    expect(issue({ notice: ' Ask Sam at the door. ', groups: ['Carer'], askNeeds: true })).toBe('accepted');
  });
});

describe('joining with a group and needs', () => {
  it('keeps the group as a count and the needs beside the person', () => {
    const ev = asking();
    const rec = joined(
      ev.join('ada', 'Ada', { group: 'Carer', needs: ['step_free', 'other'], needsOther: ' A chair ' }),
    );
    expect(rec.payload).toMatchObject({
      group: 'Carer',
      needs: ['step_free', 'other'],
      needsOther: 'A chair',
    });
    expect(ev.state.groupCounts).toEqual({ Carer: 1 });
    expect(personById(ev.state, 'ada')).toMatchObject({
      needs: ['step_free', 'other'],
      needsOther: 'A chair',
    });
    expect(personById(ev.state, 'ada')).not.toHaveProperty('group');
    ev.join('ben', 'Ben');
    ev.join('cy', null, { group: 'Staff' });
    expect(groupCountsOf(ev.state)).toEqual({
      groups: [
        { label: 'Person who uses services', count: 0 },
        { label: 'Carer', count: 1 },
        { label: 'Staff', count: 1 },
        { label: 'Other', count: 0 },
      ],
      notSaid: 1,
    });
  });

  it('skipped, keeps nothing; an event that asks no group has no counts', () => {
    const ev = asking();
    const rec = joined(ev.join('ada', 'Ada', { needs: [] }));
    expect(rec.payload).not.toHaveProperty('group');
    expect(rec.payload).not.toHaveProperty('needs');
    expect(personById(ev.state, 'ada')).not.toHaveProperty('needs');
    const plain = new EventUnderTest(cafeSettings());
    plain.join('ada', 'Ada');
    expect(groupCountsOf(plain.state)).toBeNull();
  });

  it('is told once: coming back after leaving neither counts again nor forgets the needs', () => {
    const ev = asking();
    ev.join('ada', 'Ada', { group: 'Carer', needs: ['interpreter'] });
    ev.run({ role: 'participant', id: 'ada' }, 'participant.leave');
    const again = joined(ev.join('ada', 'Ada', { group: 'Staff', needs: ['quiet_space'] }));
    expect(again.payload).not.toHaveProperty('group');
    expect(ev.state.groupCounts).toEqual({ Carer: 1 });
    expect(personById(ev.state, 'ada')?.needs).toEqual(['interpreter']);
  });

  it('refuses a group the event does not offer, and anything the event does not ask', () => {
    const ev = asking();
    const refusal = (about: object) => {
      const out = ev.tryJoin('ada', 'Ada', about);
      return out.ok ? 'accepted' : out.error.message;
    };
    expect(refusal({ group: 'Mayor' })).toBe(
      '“Mayor” is not one of this event’s choices; pick one of the list or “Rather not say”.',
    );
    expect(refusal({ needsOther: 'A chair' })).toBe('Tick “Something else” to say what else would help.');
    expect(refusal({ needs: ['jetpack'] })).toMatch(/Invalid option/);
    expect(refusal({ needs: ['step_free', 'step_free'] })).toBe('each need once');
    expect(refusal({ needsOther: 'x'.repeat(101), needs: ['other'] })).toMatch(/at most 100/);
    const plain = new EventUnderTest(cafeSettings());
    const out = (about: object) => {
      const o = plain.tryJoin('ada', 'Ada', about);
      return o.ok ? 'accepted' : o.error.message;
    };
    expect(out({ group: 'Carer' })).toBe('This event does not ask who you are here as.');
    expect(out({ needs: ['step_free'] })).toBe('This event does not ask about access needs.');
    expect(peopleCount(ev.state)).toBe(0);
  });
});

describe('first time or returning, and the phone’s language', () => {
  it('are counted once each, never kept beside the person', () => {
    const ev = asking({ askFirstTime: true });
    const rec = joined(ev.join('ada', 'Ada', { firstTime: true, language: 'pl' }));
    expect(rec.payload).toMatchObject({ firstTime: true, language: 'pl' });
    ev.join('ben', 'Ben', { firstTime: false, language: 'en' });
    ev.join('cy', null, { firstTime: true, language: 'pl' });
    ev.join('di', 'Di', { language: 'ar' });
    ev.join('eve', 'Eve');
    expect(firstTimeCountsOf(ev.state)).toEqual({ first: 2, returning: 1, notSaid: 2 });
    expect(languageCountsOf(ev.state)).toEqual([
      { language: 'en', count: 1 },
      { language: 'pl', count: 2 },
      { language: 'ar', count: 1 },
    ]);
    expect(personById(ev.state, 'ada')).not.toHaveProperty('firstTime');
    expect(personById(ev.state, 'ada')).not.toHaveProperty('language');
    // Coming back counts nobody twice.
    ev.run({ role: 'participant', id: 'ada' }, 'participant.leave');
    const again = joined(ev.join('ada', 'Ada', { firstTime: false, language: 'en' }));
    expect(again.payload).not.toHaveProperty('firstTime');
    expect(again.payload).not.toHaveProperty('language');
    expect(ev.state.firstTimeCounts).toEqual({ first: 2, returning: 1 });
    expect(ev.state.languageCounts).toEqual({ en: 1, pl: 2, ar: 1 });
  });

  it('asks about a first time only when the organiser chose to; takes any phone’s language', () => {
    const ev = asking();
    const out = ev.tryJoin('ada', 'Ada', { firstTime: true });
    expect(out.ok ? 'accepted' : out.error.message).toBe(
      'This event does not ask whether this is your first event like this.',
    );
    expect(firstTimeCountsOf(ev.state)).toBeNull();
    ev.join('ada', 'Ada', { language: 'ar' });
    expect(languageCountsOf(ev.state)).toEqual([{ language: 'ar', count: 1 }]);
    const bad = ev.tryJoin('ben', 'Ben', { language: 'de' });
    expect(bad.ok ? 'accepted' : bad.error.message).toMatch(/Invalid option/);
    expect(ev.state.participants).not.toHaveProperty('ben');
  });

  it('reach no screen: every view of the join leaves them out', () => {
    const ev = asking({ askFirstTime: true });
    const rec = joined(ev.join('ada', 'Ada', { firstTime: true, language: 'pl', needs: ['quiet_space'] }));
    for (const v of [ORGANISER, COFACILITATOR, HELPER, PROJECTOR, phone('ada'), phone('ben')]) {
      expect(viewFor(ev.state, rec, v).payload).not.toHaveProperty('firstTime');
      expect(viewFor(ev.state, rec, v).payload).not.toHaveProperty('language');
    }
    for (const d of deliveriesOf(ev.state, rec, roomsOf(ev.state, rec))) {
      expect(d.rec.payload).not.toHaveProperty('firstTime');
      expect(d.rec.payload).not.toHaveProperty('language');
    }
  });
});

describe('who is told', () => {
  /** Round 1 running; Ada sits at a table and joined with a group and needs; Ben at her table. */
  function lateJoin() {
    const ev = asking({ tables: 1 });
    ev.join('ben', 'Ben');
    ev.facilitate('seating.plan');
    ev.facilitate('round.start');
    const rec = ev.join('ada', 'Ada', { group: 'Carer', needs: ['large_print'] });
    return { ev, rec: joined(rec) };
  }

  it('puts the organiser, co-facilitators and helpers in the room for needs, never a projector', () => {
    const { ev } = lateJoin();
    expect(roomsFor(ev.state, ORGANISER)).toContain(ROOM_CARE);
    expect(roomsFor(ev.state, COFACILITATOR)).toContain(ROOM_CARE);
    expect(roomsFor(ev.state, HELPER)).toContain(ROOM_CARE);
    expect(roomsFor(ev.state, PROJECTOR)).not.toContain(ROOM_CARE);
    expect(roomsFor(ev.state, phone('ada'))).not.toContain(ROOM_CARE);
  });

  it('live: the needs to the care room, nothing to the projector and tablemates, the group to nobody', () => {
    const { ev, rec } = lateJoin();
    const rooms = roomsOf(ev.state, rec);
    expect(rooms).toContain('t1r0');
    const sent = deliveriesOf(ev.state, rec, rooms);
    expect(sent).toHaveLength(2);
    for (const d of sent) expect(d.rec.payload).not.toHaveProperty('group');
    expect(sent[0]).toMatchObject({ to: [ROOM_CARE], rec: { payload: { needs: ['large_print'] } } });
    expect(sent[1]?.to).toEqual(rooms);
    expect(sent[1]?.to).toContain(ROOM_ALL_NOTES);
    expect(sent[1]?.except).toEqual([ROOM_CARE]);
    expect(sent[1]?.rec.payload).not.toHaveProperty('needs');
  });

  it('on catching up, the same for every role', () => {
    const { ev, rec } = lateJoin();
    const told = (v: Viewer) => viewFor(ev.state, rec, v).payload;
    for (const v of [ORGANISER, COFACILITATOR, HELPER]) {
      expect(told(v)).toMatchObject({ needs: ['large_print'] });
      expect(told(v)).not.toHaveProperty('group');
    }
    for (const v of [PROJECTOR, phone('ben'), phone('ada')]) {
      expect(told(v)).not.toHaveProperty('needs');
      expect(told(v)).not.toHaveProperty('group');
      expect(told(v)).toMatchObject({ participantId: 'ada', name: 'Ada' });
    }
  });

  it('sends a join that told nothing as it is', () => {
    const ev = asking();
    const rec = joined(ev.join('ada', 'Ada'));
    expect(deliveriesOf(ev.state, rec, roomsOf(ev.state, rec))).toEqual([
      { rec, to: roomsOf(ev.state, rec) },
    ]);
    expect(viewFor(ev.state, rec, PROJECTOR)).toBe(rec);
  });

  it('sends a join that told a group but no needs once, to all its rooms, without the group', () => {
    const ev = asking();
    const rec = joined(ev.join('ada', 'Ada', { group: 'Carer' }));
    expect(rec.payload).toHaveProperty('group');
    const { group: _group, ...rest } = rec.payload;
    expect(deliveriesOf(ev.state, rec, roomsOf(ev.state, rec))).toEqual([
      { rec: { ...rec, payload: rest }, to: roomsOf(ev.state, rec) },
    ]);
  });
});

describe('the export', () => {
  it('counts the groups in its summary and puts no group or need beside a note or a name', () => {
    const ev = asking({ tables: 1 });
    ev.join('ada', 'Ada', { group: 'Carer', needs: ['interpreter'], needsOther: '' });
    ev.join('ben', 'Ben', { group: 'Staff', needs: ['other'], needsOther: 'Handouts in Welsh' });
    ev.facilitate('seating.plan');
    ev.facilitate('round.start');
    ev.post('ada', 'More benches');
    const cafe = exportCafe(ev.state, ev.now);
    expect(cafe.participants.groups).toEqual({
      groups: [
        { label: 'Person who uses services', count: 0 },
        { label: 'Carer', count: 1 },
        { label: 'Staff', count: 1 },
        { label: 'Other', count: 0 },
      ],
      notSaid: 0,
    });
    const md = toMarkdown(cafe);
    expect(md).toContain(
      'I’m here as… Person who uses services: 0; Carer: 1; Staff: 1; Other: 0; not said: 0.',
    );
    expect(md.match(/Carer/g)).toHaveLength(1);
    const rows = toCsv(cafe);
    for (const text of [rows, toJson(cafe), md]) {
      expect(text).not.toContain('Handouts in Welsh');
      expect(text).not.toContain('interpreter');
    }
    expect(rows).not.toContain('Carer');
    expect(toMarkdown(exportCafe(new EventUnderTest(cafeSettings()).state, 0))).not.toContain('I’m here as');
  });
});
