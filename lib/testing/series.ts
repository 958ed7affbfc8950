/**
 * Test support only: three events of a series written as logs, so every count a series report
 * gives is known in advance. Two cafés of a carers' series (with groups, themes alike and
 * commitments) and an Open Space that ran first, without a harvest yet.
 */

import { buildSeriesReport } from '../series/report';
import { EventSettingsSchema } from '../settings';
import type { EventState } from '../state';
import { cafeSettings, OPEN_SPACE, person, RecordLog } from './events';

export const SERIES_NOW = Date.UTC(2026, 5, 1, 12, 0, 0);

interface Fixture {
  eventId: string;
  title: string;
  day: number;
  settings: Partial<Parameters<typeof cafeSettings>[0]>;
  people: [id: string, name: string | null, group?: string][];
  notes: [id: string, author: string, text: string, anonymous?: boolean][];
  themes: [id: string, label: string, noteIds: string[]][] | null;
  extra?: (log: RecordLog) => void;
}

function eventOf(f: Fixture): EventState {
  const log = new RecordLog(f.day);
  const settings = EventSettingsSchema.parse({ ...cafeSettings(), title: f.title, ...f.settings });
  log.add('event.created', { eventId: f.eventId, joinCode: f.eventId.slice(-6).toUpperCase(), settings });
  for (const [participantId, name, group] of f.people)
    log.add(
      'participant.joined',
      { participantId, name, table: null, ...(group ? { group } : {}) },
      person(participantId),
    );
  for (const [id, author, text, anonymous] of f.notes)
    log.add(
      'note.posted',
      { round: 0, table: 1, text, ...(anonymous ? { anonymous: true as const } : {}) },
      person(author),
      id,
    );
  if (f.themes)
    log.add('harvest.started', {
      themes: f.themes.map(([id, label, noteIds]) => ({ id, group: 'Q', label, noteIds })),
      unthemed: [],
      votesPerPerson: 3,
    });
  f.extra?.(log);
  return log.state();
}

/** Northfield's notes: none of them may appear in a series report. */
export const NORTH_NOTES = {
  n1: 'More evening buses to the hospital',
  n2: 'Buses after 6pm please',
  n3: 'Respite care at weekends',
  n4: 'Someone to talk to when it gets hard',
};

export const northfield = () =>
  eventOf({
    eventId: 'evt_series_north',
    title: 'Carers’ café — Northfield',
    day: Date.UTC(2026, 2, 12, 9),
    settings: { groups: ['Carer', 'Staff'] },
    people: [
      ['p1', 'Ada Quennell', 'Carer'],
      ['p2', null, 'Carer'],
      ['p3', 'Ben Ostrowski', 'Staff'],
      ['p4', null],
    ],
    notes: [
      ['n1', 'p1', NORTH_NOTES.n1],
      ['n2', 'p2', NORTH_NOTES.n2],
      ['n3', 'p3', NORTH_NOTES.n3],
      ['n4', 'p1', NORTH_NOTES.n4, true],
    ],
    themes: [
      ['t-bus', 'Evening buses', ['n1', 'n2']],
      ['t-respite', 'Respite care', ['n3', 'n4']],
    ],
    extra: (log) => {
      log.add('commitment.set', {
        themeId: 't-bus',
        what: 'Ask the bus company for a later 42',
        who: 'Transport team',
        due: '2026-06-30',
      });
      log.add('commitment.updated', { themeId: 't-bus', status: 'in_progress', note: 'Letter sent' });
    },
  });

export const southbank = () =>
  eventOf({
    eventId: 'evt_series_south',
    title: 'Carers’ café — Southbank',
    day: Date.UTC(2026, 3, 9, 9),
    settings: { groups: ['carer', 'Person who uses services'] },
    people: [
      ['q1', 'Cyrus Vell', 'carer'],
      ['q2', null, 'Person who uses services'],
    ],
    notes: [
      ['m1', 'q1', 'The bus stops running at six'],
      ['m2', 'q2', 'Buses in the evening are too rare'],
      ['m3', 'q1', 'Parking at the clinic'],
    ],
    themes: [
      ['s-bus', 'Buses in the evening', ['m1', 'm2']],
      ['s-park', 'Parking', ['m3']],
    ],
    extra: (log) => {
      log.add('commitment.set', { themeId: 's-park', what: 'Free parking for carers', who: '', due: null });
      log.add('commitment.updated', { themeId: 's-park', status: 'done', note: 'Permits issued' });
    },
  });

/** An Open Space that ran first, without a harvest yet. */
export const openSpace = () =>
  eventOf({
    eventId: 'evt_series_open',
    title: 'Open Space on respite',
    day: Date.UTC(2026, 1, 1, 9),
    settings: { tables: null, rounds: [], openSpace: OPEN_SPACE },
    people: [['r1', 'Dinah Marsh']],
    notes: [],
    themes: null,
  });

/** The three events as one report, made on 1 June 2026. */
export const series = () =>
  buildSeriesReport('Listening to carers, 2026', [northfield(), southbank(), openSpace()], SERIES_NOW);

/** Every name of a person and every note or update text in the series: none may be in the report. */
export const SERIES_PRIVATE = [
  ...Object.values(NORTH_NOTES),
  'The bus stops running at six',
  'Buses in the evening are too rare',
  'Ada Quennell',
  'Ben Ostrowski',
  'Cyrus Vell',
  'Dinah Marsh',
  'Letter sent',
  'Permits issued',
];
