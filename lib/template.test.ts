/**
 * Copying an event as a template: the settings it was run with (changes made on the day
 * included) come back in the shape `POST /api/events` takes, through the set-up form and back
 * unchanged, with nothing about the people, their notes or the event's secrets.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_EVALUATION } from './evaluation/bank';
import { LIMITS } from './limits';
import { emptyPeople } from './people/table';
import type { RecordPayloads } from './records';
import { EventSettingsSchema } from './settings';
import { draftKey, draftOfSettings, settingsOfDraft } from './setup-draft';
import { copiedTitle, type TemplateSettings, templateOf } from './template';
import {
  cafeSettings,
  EventUnderTest,
  OPEN_SPACE,
  openSpaceSettings,
  RecordLog,
  SHORT_CAFE,
} from './testing/events';

/** A café then an Open Space, asking everything at the door, run for a while. */
function ranEvent() {
  const settings = openSpaceSettings({
    ...SHORT_CAFE,
    title: 'Carers’ café — Northfield',
    purpose: 'What would make caring easier?',
    identity: 'anonymous',
    notice: 'Questions? Ask Sam at the desk.',
    groups: ['Carer', 'Person who uses services', 'Staff'],
    askNeeds: true,
    evaluation: { statements: ['listened', 'could_say'], open: 'What should we do next time?' },
  });
  const ev = new EventUnderTest(settings, { eventId: 'evt_template_1', joinCode: 'COPY42' });
  ev.join('p1', 'Margaret Oyelaran', { group: 'Carer', needs: ['step_free'] });
  ev.join('p2', null);
  ev.facilitate('seating.plan');
  ev.facilitate('round.start');
  ev.post('p1', 'A sitting service so I can get to my own appointments');
  return ev;
}

/** The form filled from settings, its gaps left as the page leaves them, and submitted. */
function throughTheForm(t: TemplateSettings) {
  const d = draftOfSettings(t);
  return EventSettingsSchema.parse(
    settingsOfDraft({
      ...d,
      tables: d.tables ?? '6',
      rounds: d.rounds ?? [{ key: draftKey(), question: '', minutes: '20' }],
      openSpace: d.openSpace ?? {
        theme: '',
        slots: [{ key: draftKey(), start: '10:00', end: '11:00', isBreak: false, label: '' }],
        spaces: [{ key: draftKey(), name: 'Hall', capacity: '', notes: '' }],
        selfScheduling: true,
        votesPerPerson: '3',
      },
      groups: d.groups ?? 'Person who uses services\nCarer',
    }),
  );
}

describe('an event as a template', () => {
  it('has every setting the event was run with, and passes the settings schema unchanged', () => {
    const ev = ranEvent();
    const t = templateOf(ev.state);
    expect(EventSettingsSchema.parse(t)).toEqual(t);
    expect(t).toMatchObject({
      title: 'Carers’ café — Northfield',
      purpose: 'What would make caring easier?',
      tables: 2,
      rounds: SHORT_CAFE.rounds,
      identity: 'anonymous',
      notice: 'Questions? Ask Sam at the desk.',
      groups: ['Carer', 'Person who uses services', 'Staff'],
      askNeeds: true,
      evaluation: { statements: ['listened', 'could_say'], open: 'What should we do next time?' },
    });
    // The spaces keep their access notes; the slots their breaks and labels.
    expect(t.openSpace).toEqual(EventSettingsSchema.parse(openSpaceSettings()).openSpace);
    expect(t.openSpace?.spaces.map((s) => s.notes)).toEqual(OPEN_SPACE.spaces.map((s) => s.notes));
  });

  it('carries what was changed on the day: a question edited, and the evaluation chosen again', () => {
    const ev = new EventUnderTest(cafeSettings());
    ev.facilitate('round.edit', { round: 1, question: 'What would you change first, and why?', minutes: 25 });
    ev.facilitate('evaluation.set', { statements: ['understand_next'], open: '' });
    const t = templateOf(ev.state);
    expect(t.rounds[1]).toEqual({ question: 'What would you change first, and why?', minutes: 25 });
    expect(t.evaluation).toEqual({ statements: ['understand_next'], open: '' });
  });

  it('says nothing about people, notes, tokens or codes', () => {
    const ev = ranEvent();
    const text = JSON.stringify(templateOf(ev.state));
    for (const secret of ['Margaret', 'sitting service', 'COPY42', 'evt_template_1', 'p1', 'step_free'])
      expect(text).not.toContain(secret);
    expect(Object.keys(templateOf(ev.state)).sort()).toEqual(
      [
        'askFirstTime',
        'askNeeds',
        'evaluation',
        'groups',
        'identity',
        'notice',
        'openSpace',
        'purpose',
        'results',
        'rounds',
        'tables',
        'title',
      ].sort(),
    );
  });

  it('copies an event made before the door questions, the evaluation choice and the Open Space existed', () => {
    const log = new RecordLog();
    // As the oldest logs have it: no notice, groups, askNeeds, evaluation or openSpace.
    const settings = {
      title: 'Old café',
      purpose: '',
      tables: null,
      rounds: [{ question: 'What matters?', minutes: 20 }],
      identity: 'choice',
    } as unknown as RecordPayloads['event.created']['settings'];
    log.add('event.created', { eventId: 'evt_old_one', joinCode: 'OLD123', settings });
    const t = templateOf(log.state());
    expect(t).toEqual({
      title: 'Old café',
      purpose: '',
      tables: null,
      rounds: [{ question: 'What matters?', minutes: 20 }],
      identity: 'choice',
      openSpace: null,
      evaluation: DEFAULT_EVALUATION,
      notice: '',
      groups: [],
      askNeeds: false,
      askFirstTime: false,
      results: null,
    });
    expect(EventSettingsSchema.parse(t)).toEqual(t);
  });

  it.each([
    ['a café', () => new EventUnderTest(cafeSettings({ tables: null })).state],
    ['an Open Space', () => new EventUnderTest(openSpaceSettings({ groups: ['Carer'] })).state],
    ['a café and an Open Space, asking everything at the door', () => ranEvent().state],
  ])('goes through the set-up form and comes back the same: %s', (_what, state) => {
    const t = templateOf(state());
    expect(throughTheForm(t)).toEqual(t);
  });

  it('is created again by the same pipeline with the same settings', () => {
    const t = templateOf(ranEvent().state);
    const copy = new EventUnderTest(EventSettingsSchema.parse(t));
    expect(templateOf(copy.state)).toEqual(t);
    // The copy starts empty: nobody, no notes.
    expect(copy.state.participants).toEqual(emptyPeople());
    expect(copy.state.notes.count).toBe(0);
  });
});

describe('the title of a copy', () => {
  it('is the original’s with the suffix after it', () => {
    expect(copiedTitle('Carers’ café', '(copy)')).toBe('Carers’ café (copy)');
    expect(copiedTitle('مقهى الرعاية', '(نسخة)')).toBe('مقهى الرعاية (نسخة)');
  });

  it('still fits in a title when the original was as long as a title may be', () => {
    const long = 'Ł'.repeat(LIMITS.title);
    const title = copiedTitle(long, '(kopia)');
    expect([...title]).toHaveLength(LIMITS.title);
    expect(title.endsWith('… (kopia)')).toBe(true);
    expect(EventSettingsSchema.safeParse(cafeSettings({ title })).success).toBe(true);
  });
});
