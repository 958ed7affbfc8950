/**
 * Changing the wall while the Open Space runs: a facilitator adds a space, renames one or changes
 * its seats and access notes, and adds time slots, through the same pipeline as the server. Sessions
 * keep their places (nothing is renumbered), and every list of slots reads in time order however
 * late a slot was added.
 */
import { describe, expect, it } from 'vitest';
import { reportWords } from '../i18n/report';
import { wallPages } from '../kit/layout';
import { openSpaceRun } from '../kit/plan';
import { LIMITS } from '../limits';
import type { RecordOf } from '../records';
import { foldLog, reduce } from '../reducer';
import type { EventSettings } from '../settings';
import {
  COFFEE,
  EventUnderTest,
  FACILITATOR,
  GARDEN,
  HALL,
  LIBRARY,
  MIDDAY,
  MIN,
  MORNING,
  marketplace,
  OPEN_SPACE,
  openSpaceSettings,
  person,
  SHORT_CAFE,
} from '../testing/events';
import { findClashes } from './clashes';
import { exportProceedings } from './proceedings';
import { OpenSpaceSettingsSchema } from './settings';
import { freePlaces, nowAndNext } from './view';
import { overlappingSlot, slotRanks, slotsInTimeOrder, spaceNamed } from './wall';

const COURTYARD = { name: 'Courtyard', capacity: 12, notes: 'step-free, hearing loop' };
const AFTERNOON = { start: '13:00', end: '14:00', label: 'Afternoon', isBreak: false };
const EARLY = { start: '09:00', end: '10:00', label: 'Early birds', isBreak: false };
/** The index the first space or slot added after OPEN_SPACE's three gets. */
const NEW = 3;

const spaces = (ev: EventUnderTest) => ev.state.settings.openSpace?.spaces ?? [];
const slots = (ev: EventUnderTest) => ev.state.settings.openSpace?.slots ?? [];

describe('adding a space while the Open Space runs', () => {
  it('during the marketplace a new space goes at the end of the list, and people propose into it', () => {
    const ev = marketplace();
    const before = ev.propose('p1', 'Shade trees', { slot: MORNING, space: HALL });
    const rec = ev.facilitate('space.add', COURTYARD);
    expect(rec).toMatchObject({
      type: 'space.added',
      payload: { space: NEW, ...COURTYARD },
      actor: FACILITATOR,
    });
    expect(spaces(ev).map((s) => s.name)).toEqual(['Garden', 'Library', 'Hall', 'Courtyard']);
    expect(spaces(ev)[NEW]).toEqual(COURTYARD);
    // Nothing is renumbered: the session in the Hall is still in the Hall.
    expect(ev.session(before)).toMatchObject({ slot: MORNING, space: HALL });
    const into = ev.propose('p2', 'Quiet streets', { slot: MORNING, space: NEW });
    expect(ev.session(into)).toMatchObject({ slot: MORNING, space: NEW });
    expect(freePlaces(ev.state).filter((p) => p.space === NEW)).toEqual([{ slot: MIDDAY, space: NEW }]);
  });

  it('stores the name and notes cleaned like every text people type, and no seats as null', () => {
    const ev = marketplace();
    ev.facilitate('space.add', { name: '  Quiet room\r\n', capacity: null, notes: ' no music ' });
    expect(spaces(ev)[NEW]).toEqual({ name: 'Quiet room', capacity: null, notes: 'no music' });
  });

  it('works before the marketplace opens, and at every later stage', () => {
    const ev = new EventUnderTest(openSpaceSettings());
    ev.facilitate('space.add', COURTYARD);
    ev.facilitate('marketplace.open', {});
    ev.facilitate('marketplace.close', {});
    ev.facilitate('space.add', { name: 'Roof', capacity: 6, notes: '' });
    ev.facilitate('stage.set', { stage: 'convergence' });
    ev.facilitate('space.add', { name: 'Foyer', capacity: null, notes: '' });
    ev.facilitate('stage.set', { stage: 'actions' });
    ev.facilitate('space.add', { name: 'Bar', capacity: null, notes: '' });
    expect(
      spaces(ev)
        .map((s) => s.name)
        .slice(NEW),
    ).toEqual(['Courtyard', 'Roof', 'Foyer', 'Bar']);
  });

  it('refuses a name another space has, in any case, and changes nothing', () => {
    const ev = marketplace();
    for (const name of ['Garden', 'garden', ' GARDEN ', 'Library'])
      expect(ev.refusal(FACILITATOR, 'space.add', { ...COURTYARD, name })).toMatchObject({
        code: 'invalid_message',
        message: `There is already a space called “${name.trim() === 'Library' ? 'Library' : 'Garden'}”.`,
      });
    ev.facilitate('space.add', COURTYARD);
    expect(ev.refusal(FACILITATOR, 'space.add', { ...COURTYARD, name: 'courtyard' }).message).toBe(
      'There is already a space called “Courtyard”.',
    );
  });

  it('refuses a space without a name, and seats or words beyond the set-up form’s limits', () => {
    const ev = marketplace();
    const refused = (payload: object) =>
      ev.refusalRaw(FACILITATOR, 'space.add', { ...COURTYARD, ...payload });
    for (const name of ['', '   ', '\u200b'])
      expect(refused({ name })).toMatchObject({
        code: 'invalid_message',
        issues: [{ path: 'name', message: 'each space needs a name' }],
      });
    expect(refused({ name: 'x'.repeat(LIMITS.spaceName + 1) }).issues?.[0]?.path).toBe('name');
    expect(refused({ notes: 'x'.repeat(LIMITS.spaceNotes + 1) }).issues?.[0]?.path).toBe('notes');
    for (const capacity of [0, -3, 2.5, LIMITS.spaceSeats + 1, '12'])
      expect(refused({ capacity }).issues?.[0]?.path).toBe('capacity');
    expect(refused({ floor: 2 }).code).toBe('invalid_message');
    const { notes: _notes, ...noNotes } = COURTYARD;
    expect(ev.refusalRaw(FACILITATOR, 'space.add', noNotes).code).toBe('invalid_message');
  });

  it(`refuses a space beyond the ${LIMITS.spaces} an Open Space may have`, () => {
    const ev = marketplace();
    for (let i = spaces(ev).length; i < LIMITS.spaces; i++)
      ev.facilitate('space.add', { name: `Room ${i + 1}`, capacity: null, notes: '' });
    expect(spaces(ev)).toHaveLength(LIMITS.spaces);
    expect(ev.refusal(FACILITATOR, 'space.add', COURTYARD)).toMatchObject({
      code: 'wrong_state',
      message: `The Open Space already has ${LIMITS.spaces} spaces, the most it can have.`,
    });
  });

  it('is for facilitators, in an event with an Open Space', () => {
    const ev = marketplace();
    expect(ev.refusal(person('p1'), 'space.add', COURTYARD)).toMatchObject({
      code: 'not_allowed',
      message: 'Only a facilitator can do that.',
    });
    const cafe = new EventUnderTest(openSpaceSettings({ ...SHORT_CAFE, openSpace: null }));
    expect(cafe.refusal(FACILITATOR, 'space.add', COURTYARD)).toMatchObject({
      code: 'wrong_state',
      message: 'This event has no Open Space.',
    });
  });
});

describe('changing a space', () => {
  it('renames a space and changes its seats and access notes; its sessions stay in it', () => {
    const ev = marketplace();
    const s = ev.propose('p1', 'Shade trees', { slot: MORNING, space: GARDEN });
    const change = { space: GARDEN, name: 'Rose garden', capacity: 10, notes: 'step-free, hearing loop' };
    const rec = ev.facilitate('space.edit', change);
    expect(rec).toMatchObject({ type: 'space.edited', payload: change });
    expect(spaces(ev)[GARDEN]).toEqual({
      name: 'Rose garden',
      capacity: 10,
      notes: 'step-free, hearing loop',
    });
    expect(spaces(ev).map((sp) => sp.name)).toEqual(['Rose garden', 'Library', 'Hall']);
    expect(ev.session(s)).toMatchObject({ slot: MORNING, space: GARDEN });
    // The old name is free again.
    ev.facilitate('space.add', { name: 'Garden', capacity: null, notes: '' });
  });

  it('keeps its own name, or changes only its case, without clashing with itself', () => {
    const ev = marketplace();
    ev.facilitate('space.edit', { space: LIBRARY, name: 'Library', capacity: 25, notes: '' });
    ev.facilitate('space.edit', { space: LIBRARY, name: 'LIBRARY', capacity: 25, notes: '' });
    expect(spaces(ev)[LIBRARY]).toEqual({ name: 'LIBRARY', capacity: 25, notes: '' });
  });

  it('refuses another space’s name, a space that does not exist, and a space without a name', () => {
    const ev = marketplace();
    expect(
      ev.refusal(FACILITATOR, 'space.edit', { space: LIBRARY, name: 'hall', capacity: null, notes: '' }),
    ).toMatchObject({ code: 'invalid_message', message: 'There is already a space called “Hall”.' });
    expect(
      ev.refusal(FACILITATOR, 'space.edit', { space: NEW, name: 'Roof', capacity: null, notes: '' }),
    ).toMatchObject({ code: 'not_found', message: 'There is no space 4.' });
    for (const space of [-1, 1.5, LIMITS.spaces + 1, '0'])
      expect(
        ev.refusalRaw(FACILITATOR, 'space.edit', { space, name: 'Roof', capacity: null, notes: '' })
          .issues?.[0]?.path,
      ).toBe('space');
    expect(
      ev.refusal(FACILITATOR, 'space.edit', { space: GARDEN, name: ' ', capacity: null, notes: '' }).code,
    ).toBe('invalid_message');
    expect(
      ev.refusal(person('p1'), 'space.edit', { space: GARDEN, name: 'Mine', capacity: null, notes: '' }).code,
    ).toBe('not_allowed');
  });

  it('may leave fewer seats than people interested: the console then shows the clash', () => {
    const ev = marketplace();
    const s = ev.propose('p1', 'Shade trees', { slot: MORNING, space: LIBRARY });
    for (const pid of ['p1', 'p2', 'p3'])
      ev.run(person(pid), 'session.interest', { sessionId: s, interested: true });
    expect(findClashes(ev.state)).toEqual([]);
    ev.facilitate('space.edit', { space: LIBRARY, name: 'Library', capacity: 2, notes: 'has a screen' });
    expect(findClashes(ev.state)).toEqual([
      { kind: 'over-capacity', sessionId: s, interested: 3, capacity: 2, freeBiggerSpaces: [GARDEN, HALL] },
    ]);
  });

  it('changes a space that shares its name with another from an older set-up, when it keeps its name', () => {
    const base = openSpaceSettings();
    const os = base.openSpace ?? OpenSpaceSettingsSchema.parse(OPEN_SPACE);
    // Set-up refuses two spaces with one name now; an event made before then may have them.
    const older: EventSettings = {
      ...base,
      openSpace: { ...os, spaces: [...os.spaces, { name: 'garden', capacity: null, notes: '' }] },
    };
    const ev = new EventUnderTest(older);
    ev.facilitate('space.edit', { space: NEW, name: 'garden', capacity: 4, notes: 'upstairs' });
    expect(spaces(ev)[NEW]).toEqual({ name: 'garden', capacity: 4, notes: 'upstairs' });
    expect(
      ev.refusal(FACILITATOR, 'space.edit', { space: LIBRARY, name: 'Garden', capacity: null, notes: '' })
        .code,
    ).toBe('invalid_message');
  });
});

describe('adding a time slot', () => {
  it('during the marketplace a new slot goes at the end of the list, and people propose into it', () => {
    const ev = marketplace();
    const s = ev.propose('p1', 'Shade trees', { slot: MIDDAY, space: GARDEN });
    const rec = ev.facilitate('slot.add', AFTERNOON);
    expect(rec).toMatchObject({ type: 'slot.added', payload: { slot: NEW, ...AFTERNOON } });
    expect(slots(ev)[NEW]).toEqual(AFTERNOON);
    expect(ev.session(s)).toMatchObject({ slot: MIDDAY, space: GARDEN });
    const into = ev.propose('p2', 'Bike parking', { slot: NEW, space: HALL });
    expect(ev.session(into)).toMatchObject({ slot: NEW, space: HALL });
  });

  it('a slot earlier than the others keeps its index but is listed first wherever slots are listed', () => {
    const ev = marketplace();
    ev.facilitate('slot.add', EARLY);
    expect(slots(ev)[NEW]).toEqual(EARLY);
    expect(slotsInTimeOrder(slots(ev))).toEqual([NEW, MORNING, COFFEE, MIDDAY]);
    expect(slotRanks(slots(ev))).toEqual([1, 2, 3, 0]);
    // Choosing a place: the early slot's places come first.
    expect(freePlaces(ev.state).slice(0, 3)).toEqual([
      { slot: NEW, space: GARDEN },
      { slot: NEW, space: LIBRARY },
      { slot: NEW, space: HALL },
    ]);
    // Now and next, by the clock.
    expect(nowAndNext(ev.state, '08:30')).toEqual({ now: null, next: NEW });
    expect(nowAndNext(ev.state, '09:30')).toEqual({ now: NEW, next: MORNING });
    // The book of proceedings reads in time order too.
    const late = ev.propose('p1', 'Late one', { slot: MIDDAY, space: GARDEN });
    const early = ev.propose('p2', 'Early one', { slot: NEW, space: HALL });
    const mid = ev.propose('p3', 'Middle one', { slot: MORNING, space: GARDEN });
    expect(exportProceedings(ev.state, ev.now).sessions.map((s) => s.id)).toEqual([early, mid, late]);
    expect(exportProceedings(ev.state, ev.now).sessions[0]).toMatchObject({
      when: '09:00–10:00',
      space: 'Hall',
    });
  });

  it('the printed agenda wall and run sheet follow the time order', () => {
    const ev = marketplace();
    ev.facilitate('slot.add', EARLY);
    ev.facilitate('slot.add', { start: '12:30', end: '13:00', label: 'Lunch', isBreak: true });
    const os = ev.state.settings.openSpace;
    if (!os) throw new Error('no Open Space');
    const rows = wallPages(os)[0]?.rows ?? [];
    expect(rows.map((r) => r.slot)).toEqual([NEW, MORNING, COFFEE, MIDDAY, NEW + 1]);
    expect(rows.every((r, i) => i === 0 || r.y > (rows[i - 1]?.y ?? 0))).toBe(true);
    const run = openSpaceRun(os, reportWords('en'));
    expect(run.map((r) => r.time)).toEqual([
      'Before 09:00',
      '09:00–10:00',
      '10:00–11:00',
      '11:00–11:30',
      '11:30–12:30',
      '12:30–13:00',
      'From 13:00',
    ]);
  });

  it('a break slot takes no sessions', () => {
    const ev = marketplace();
    ev.facilitate('slot.add', { start: '12:30', end: '13:30', label: 'Lunch', isBreak: true });
    const refused = ev.refusal(person('p1'), 'session.propose', {
      title: 'Over lunch',
      description: '',
      anonymous: false,
      slot: NEW,
      space: GARDEN,
    });
    expect(refused).toMatchObject({
      code: 'wrong_state',
      message: '12:30–13:30 is a break; choose another time.',
    });
  });

  it('refuses a slot that overlaps another, and accepts one that starts as another ends', () => {
    const ev = marketplace();
    expect(ev.refusal(FACILITATOR, 'slot.add', { ...AFTERNOON, start: '10:30', end: '11:15' })).toMatchObject(
      {
        code: 'invalid_message',
        message: '10:30–11:15 overlaps the time slot 10:00–11:00 (Morning sessions).',
      },
    );
    expect(ev.refusal(FACILITATOR, 'slot.add', { ...AFTERNOON, start: '09:00', end: '13:00' }).message).toBe(
      '09:00–13:00 overlaps the time slot 10:00–11:00 (Morning sessions).',
    );
    expect(ev.refusal(FACILITATOR, 'slot.add', { ...AFTERNOON, start: '12:00', end: '12:15' }).message).toBe(
      '12:00–12:15 overlaps the time slot 11:30–12:30.',
    );
    ev.facilitate('slot.add', { ...AFTERNOON, start: '12:30', end: '13:00' });
    ev.facilitate('slot.add', { ...AFTERNOON, start: '09:30', end: '10:00' });
    expect(slotsInTimeOrder(slots(ev))).toEqual([NEW + 1, MORNING, COFFEE, MIDDAY, NEW]);
  });

  it('refuses a slot that ends before it starts, or as it starts, and times that are not times', () => {
    const ev = marketplace();
    for (const times of [
      { start: '14:00', end: '13:00' },
      { start: '14:00', end: '14:00' },
    ])
      expect(ev.refusal(FACILITATOR, 'slot.add', { ...AFTERNOON, ...times })).toMatchObject({
        code: 'invalid_message',
        issues: [{ path: 'end', message: 'a slot must end after it starts' }],
      });
    for (const start of ['9:00', '24:00', '13:60', '1pm', ''])
      expect(ev.refusalRaw(FACILITATOR, 'slot.add', { ...AFTERNOON, start }).issues?.[0]).toMatchObject({
        path: 'start',
        message: 'use a 24-hour time like 13:30',
      });
    expect(
      ev.refusalRaw(FACILITATOR, 'slot.add', { ...AFTERNOON, label: 'x'.repeat(LIMITS.slotLabel + 1) }).code,
    ).toBe('invalid_message');
    expect(ev.refusalRaw(FACILITATOR, 'slot.add', { start: '13:00', end: '14:00' }).code).toBe(
      'invalid_message',
    );
  });

  it(`refuses a slot beyond the ${LIMITS.slots} an Open Space may have, and is for facilitators only`, () => {
    const ev = marketplace();
    for (let i = slots(ev).length; i < LIMITS.slots; i++) {
      const hour = String(13 + Math.floor((i - NEW) / 2)).padStart(2, '0');
      const half = (i - NEW) % 2 === 0 ? ['00', '30'] : ['30', '59'];
      ev.facilitate('slot.add', {
        start: `${hour}:${half[0]}`,
        end: `${hour}:${half[1]}`,
        label: '',
        isBreak: false,
      });
    }
    expect(slots(ev)).toHaveLength(LIMITS.slots);
    expect(ev.refusal(FACILITATOR, 'slot.add', { ...AFTERNOON, start: '08:00', end: '08:30' })).toMatchObject(
      {
        code: 'wrong_state',
        message: `The Open Space already has ${LIMITS.slots} time slots, the most it can have.`,
      },
    );
    expect(ev.refusal(person('p1'), 'slot.add', EARLY).code).toBe('not_allowed');
  });
});

describe('the wall’s records in the reducer', () => {
  it('a phone folding the log holds the same spaces and slots as the server', () => {
    const ev = marketplace();
    ev.facilitate('space.add', COURTYARD);
    ev.later(MIN).facilitate('space.edit', {
      space: GARDEN,
      name: 'Rose garden',
      capacity: 8,
      notes: 'bring a coat',
    });
    ev.facilitate('slot.add', EARLY);
    expect(foldLog(ev.log)?.settings).toEqual(ev.state.settings);
  });

  it('a record applied again, or out of turn, changes nothing', () => {
    const ev = marketplace();
    const added = ev.facilitate('space.add', COURTYARD);
    expect(reduce(ev.state, added)).toBe(ev.state);
    const next = ev.state.seq + 1;
    const stray = (payload: RecordOf<'space.added'>['payload']): RecordOf<'space.added'> => ({
      seq: next,
      id: 'stray',
      type: 'space.added',
      at: ev.now,
      actor: FACILITATOR,
      payload,
    });
    // An index that is not the next one (a space already there, or one beyond the end).
    for (const space of [GARDEN, NEW + 5])
      expect(reduce(ev.state, stray({ space, ...COURTYARD })).settings).toBe(ev.state.settings);
    const edit: RecordOf<'space.edited'> = {
      seq: next,
      id: 'stray-edit',
      type: 'space.edited',
      at: ev.now,
      actor: FACILITATOR,
      payload: { space: 40, name: 'Nowhere', capacity: null, notes: '' },
    };
    expect(reduce(ev.state, edit).settings).toBe(ev.state.settings);
    const slot: RecordOf<'slot.added'> = {
      seq: next,
      id: 'stray-slot',
      type: 'slot.added',
      at: ev.now,
      actor: FACILITATOR,
      payload: { slot: MORNING, ...EARLY },
    };
    expect(reduce(ev.state, slot).settings).toBe(ev.state.settings);
  });

  it('changes only the Open Space’s lists: the sessions and the rest of the settings are shared', () => {
    const ev = marketplace();
    ev.propose('p1', 'Shade trees', { slot: MORNING, space: GARDEN });
    const before = ev.state;
    ev.facilitate('space.edit', {
      space: HALL,
      name: 'Main hall',
      capacity: null,
      notes: 'step-free access',
    });
    expect(ev.state.openSpace).toBe(before.openSpace);
    expect(ev.state.settings.openSpace?.slots).toBe(before.settings.openSpace?.slots);
    expect(ev.state.settings.openSpace?.spaces[GARDEN]).toBe(before.settings.openSpace?.spaces[GARDEN]);
    expect(ev.state.participants).toBe(before.participants);
  });
});

describe('the rules the console and the server share', () => {
  it('space names are the same in any case', () => {
    const list = OpenSpaceSettingsSchema.parse(OPEN_SPACE).spaces;
    expect(spaceNamed(list, 'GARDEN')).toBe(GARDEN);
    expect(spaceNamed(list, 'garden', GARDEN)).toBeNull();
    expect(spaceNamed(list, 'Attic')).toBeNull();
  });

  it('slots overlap when they share any minute; touching ends do not', () => {
    const list = OpenSpaceSettingsSchema.parse(OPEN_SPACE).slots;
    expect(overlappingSlot(list, { start: '10:59', end: '11:01' })).toBe(MORNING);
    expect(overlappingSlot(list, { start: '12:30', end: '13:00' })).toBeNull();
    expect(overlappingSlot(list, { start: '08:00', end: '10:00' })).toBeNull();
  });

  it('set-up refuses two spaces with one name, as the console does', () => {
    const parsed = OpenSpaceSettingsSchema.safeParse({
      ...OPEN_SPACE,
      spaces: [...OPEN_SPACE.spaces, { name: 'hall', capacity: null, notes: '' }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({ path: ['spaces', NEW, 'name'], message: 'each space needs its own name' }),
    ]);
  });
});
