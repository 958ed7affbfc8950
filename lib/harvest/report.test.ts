/**
 * The harvest report an organiser downloads and publishes: built from an event's log exactly as
 * the server keeps it. The harvest's themes are written here as the `harvest.started` record
 * (what the theming engine would have proposed), so every count below is known in advance and
 * does not depend on how the engine happens to group words.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../i18n/locales';
import { reportWords } from '../i18n/report';
import type { Actor, EventRecord, RecordPayloads, RecordType } from '../records';
import { initialState, reduce } from '../reducer';
import { type EventSettings, EventSettingsSchema } from '../settings';
import type { EventState } from '../state';
import {
  buildHarvestReport,
  type HarvestReport,
  harvestCsv,
  harvestJson,
  harvestMarkdown,
  type ReportTheme,
} from './report';

const T0 = Date.UTC(2025, 4, 17, 9, 0, 0);
const MIN = 60_000;
const FACILITATOR: Actor = { role: 'facilitator' };
const person = (id: string): Actor => ({ role: 'participant', id });

const Q1 = 'What do you love about where you live?';
const Q2 = 'What would you change first?';
const OS_THEME = 'How do we keep the high street alive?';

const NAMES = ['Ada', 'Ben', 'Dee', 'Fatima'];

function cafeSettings(overrides: Partial<EventSettings> = {}): EventSettings {
  return EventSettingsSchema.parse({
    title: 'Our town in 2035',
    purpose: 'Hear every neighbourhood.',
    tables: 3,
    rounds: [
      { question: Q1, minutes: 20 },
      { question: Q2, minutes: 15 },
    ],
    identity: 'choice',
    ...overrides,
  });
}

/** An event's log, written record by record as the server would number and apply them. */
class EventLog {
  readonly records: EventRecord[] = [];
  state: EventState;
  now = T0;
  private n = 0;

  constructor(settings: EventSettings) {
    const created: EventRecord = {
      seq: 1,
      id: 'created-0001',
      type: 'event.created',
      at: T0,
      actor: FACILITATOR,
      payload: { eventId: 'evt_report_test', joinCode: 'HARV42', settings },
    };
    this.records.push(created);
    this.state = initialState(created);
  }

  add<T extends RecordType>(type: T, payload: RecordPayloads[T], actor: Actor = FACILITATOR, id?: string) {
    this.now += MIN;
    const rec = {
      seq: this.state.seq + 1,
      id: id ?? `rec-${String(++this.n).padStart(4, '0')}`,
      type,
      at: this.now,
      actor,
      payload,
    } as EventRecord;
    this.records.push(rec);
    this.state = reduce(this.state, rec);
    return rec;
  }

  join(pid: string, name: string | null) {
    this.add('participant.joined', { participantId: pid, name, table: null }, person(pid));
  }

  /** A note written by `pid` at `table` in café round `round` (0-based); returns its id. */
  note(id: string, pid: string, round: number, table: number, text: string) {
    this.add('note.posted', { table, round, text }, person(pid), id);
    return id;
  }

  sessionNote(id: string, pid: string, session: string, text: string) {
    this.add('note.posted', { table: 0, round: -1, text, session }, person(pid), id);
    return id;
  }

  report(audience: 'organiser' | 'public' = 'organiser', locale?: Locale): HarvestReport {
    return buildHarvestReport(this.state, this.now, audience, locale);
  }
}

const TEXT = {
  park1: 'The riverside park on summer evenings',
  park2: 'Shady benches under the old oaks',
  park3: 'Kids playing football in the park\n# not a heading',
  parkGone: 'Something I regret writing about the park',
  market1: 'Call me on 07700 900123 about the market stall',
  market2: 'The Saturday market, all of it',
  market3: 'Fresh bread at the market',
  market4: 'Market traders who know your name',
  bus1: 'The 42 bus, when it runs',
  bus2: 'Buses that connect the villages',
  library: '**Free** [wifi](http://evil.example) <b>now</b> & `open` late',
  bells: '=HYPERLINK("http://evil.example","click")',
  crossing1: '+44 crossings, one per school',
  crossing2: '@council: a zebra crossing by the "Green", please',
  weather: '-5 degrees in the hall, every winter',
};

/**
 * A café of six people at three tables over two rounds. Table 3 writes nothing in round 2.
 * The organiser's themes for round 1: Buses (one table, three dots), Library (one dot),
 * Parks (two tables), Market (one table, four notes, one of them hidden), Bells (one note);
 * for round 2: Safer crossings (two tables). One note stays unthemed; one is withdrawn.
 */
function curatedCafe() {
  const log = new EventLog(cafeSettings());
  log.join('p1', 'Ada');
  log.join('p2', 'Ben');
  log.join('p3', null);
  log.join('p4', 'Dee');
  log.join('p5', null);
  log.join('p6', 'Fatima');
  log.add('seating.planned', {
    round: 0,
    tableCount: 3,
    seating: { p1: 1, p2: 1, p3: 2, p4: 2, p5: 3, p6: 3 },
    hosts: { '1': 'p1' },
  });
  log.add('round.started', { round: 0, startedAt: log.now, endsAt: log.now + 20 * MIN });
  const n = {
    park1: log.note('n-park1', 'p1', 0, 1, TEXT.park1),
    park2: log.note('n-park2', 'p2', 0, 1, TEXT.park2),
    park3: log.note('n-park3', 'p3', 0, 2, TEXT.park3),
    parkGone: log.note('n-parkgone', 'p5', 0, 3, TEXT.parkGone),
    market1: log.note('n-market1', 'p4', 0, 2, TEXT.market1),
    market2: log.note('n-market2', 'p3', 0, 2, TEXT.market2),
    market3: log.note('n-market3', 'p4', 0, 2, TEXT.market3),
    market4: log.note('n-market4', 'p3', 0, 2, TEXT.market4),
    bus1: log.note('n-bus1', 'p5', 0, 3, TEXT.bus1),
    bus2: log.note('n-bus2', 'p6', 0, 3, TEXT.bus2),
    library: log.note('n-library', 'p2', 0, 1, TEXT.library),
    bells: log.note('n-bells', 'p6', 0, 3, TEXT.bells),
    weather: log.note('n-weather', 'p4', 0, 2, TEXT.weather),
    crossing1: '',
    crossing2: '',
  };
  log.add('round.ended', {
    round: 0,
    endedAt: log.now,
    next: {
      round: 1,
      tableCount: 3,
      seating: { p1: 1, p2: 2, p3: 1, p4: 2, p5: 3, p6: 3 },
      hosts: { '1': 'p1', '2': 'p4' },
    },
  });
  log.add('round.started', { round: 1, startedAt: log.now, endsAt: log.now + 15 * MIN });
  n.crossing1 = log.note('n-crossing1', 'p1', 1, 1, TEXT.crossing1);
  n.crossing2 = log.note('n-crossing2', 'p2', 1, 2, TEXT.crossing2);
  log.add('round.ended', { round: 1, endedAt: log.now, next: null });

  log.add('harvest.started', {
    themes: [
      {
        id: 'r1:parks',
        group: Q1,
        label: 'Parks and green spaces',
        noteIds: [n.park1, n.park2, n.park3, n.parkGone],
      },
      {
        id: 'r1:market',
        group: Q1,
        label: 'The market',
        noteIds: [n.market1, n.market2, n.market3, n.market4],
      },
      { id: 'r1:buses', group: Q1, label: 'Buses', noteIds: [n.bus1, n.bus2] },
      { id: 'r1:library', group: Q1, label: '*Library* [late]', noteIds: [n.library] },
      { id: 'r1:bells', group: Q1, label: '=Church bells', noteIds: [n.bells] },
      { id: 'r2:crossings', group: Q2, label: 'Safer crossings', noteIds: [n.crossing1, n.crossing2] },
    ],
    unthemed: [n.weather],
    votesPerPerson: 3,
  });
  // After the harvest started: a note withdrawn by its author, personal details hidden (and a
  // quote mark on them that must not bring them back), one quote, one response, votes.
  log.add('note.withdrawn', { noteId: n.parkGone }, person('p5'));
  log.add('harvest.note-quoted', { noteId: n.market1, quoted: true });
  log.add('harvest.note-hidden', { noteId: n.market1, hidden: true });
  log.add('harvest.note-quoted', { noteId: n.bus1, quoted: true });
  log.add('theme.responded', {
    themeId: 'r1:buses',
    text: 'We will ask the council to run the 42 bus after 7pm.',
  });
  log.add('harvest.voting', { open: true });
  for (const pid of ['p1', 'p2', 'p3'])
    log.add('harvest.voted', { participantId: pid, themeId: 'r1:buses', dot: 1 }, person(pid));
  log.add('harvest.voted', { participantId: 'p4', themeId: 'r1:library', dot: 1 }, person('p4'));
  return { log, n };
}

const themeOf = (r: HarvestReport, label: string): ReportTheme => {
  const t = r.themes.find((x) => x.label === label);
  if (!t) throw new Error(`no theme “${label}” in the report`);
  return t;
};

describe('a note the organiser hides', () => {
  it('is left out of the themes: their counts, examples and quotes', () => {
    const { log } = curatedCafe();
    const market = themeOf(log.report(), 'The market');
    expect(market.notes).toBe(3);
    expect(market.examples).toEqual([TEXT.market2, TEXT.market3, TEXT.market4]);
    expect(market.quotes).toEqual([]);
  });

  it('is left out of the list of notes and counted only as a number', () => {
    const { log, n } = curatedCafe();
    for (const audience of ['organiser', 'public'] as const) {
      const r = log.report(audience);
      expect(r.notes.map((x) => x.id)).not.toContain(n.market1);
      expect(r.hiddenNotes).toBe(1);
    }
  });

  it('appears in no download: Markdown, CSV or JSON', () => {
    const { log } = curatedCafe();
    for (const audience of ['organiser', 'public'] as const) {
      const r = log.report(audience);
      for (const text of [harvestMarkdown(r), harvestCsv(r), harvestJson(r)]) {
        expect(text).not.toContain('07700 900123');
        expect(text).not.toContain('market stall');
      }
    }
  });

  it('comes back when the organiser shows it again', () => {
    const { log, n } = curatedCafe();
    log.add('harvest.note-hidden', { noteId: n.market1, hidden: false });
    const r = log.report();
    expect(r.hiddenNotes).toBe(0);
    expect(themeOf(r, 'The market')).toMatchObject({ notes: 4, quotes: [TEXT.market1] });
    expect(r.notes.map((x) => x.id)).toContain(n.market1);
  });

  it('takes its whole theme off the report when it was the theme’s only note', () => {
    const { log, n } = curatedCafe();
    log.add('harvest.note-hidden', { noteId: n.bells, hidden: true });
    const r = log.report();
    expect(r.themes.map((t) => t.label)).not.toContain('=Church bells');
    expect(r.hiddenNotes).toBe(2);
    expect(harvestCsv(r)).not.toContain('HYPERLINK');
  });
});

describe('a withdrawn note', () => {
  it('counts nowhere: not in its theme, its spread, the notes or the hidden count', () => {
    const { log, n } = curatedCafe();
    const r = log.report();
    // Parks had notes from tables 1, 1, 2 and (withdrawn) 3.
    expect(themeOf(r, 'Parks and green spaces')).toMatchObject({ notes: 3, places: 2 });
    expect(r.notes.map((x) => x.id)).not.toContain(n.parkGone);
    expect(harvestMarkdown(r)).not.toContain('regret');
    expect(r.participation.notes).toBe(14);
    expect(r.hiddenNotes).toBe(1);
  });
});

describe('names', () => {
  it('never appear in the public report', () => {
    const { log } = curatedCafe();
    const r = log.report('public');
    expect(r.notes.length).toBeGreaterThan(0);
    expect(r.notes.every((x) => x.author === null)).toBe(true);
    const everything = [harvestJson(r), harvestMarkdown(r), harvestCsv(r)].join('\n');
    for (const name of NAMES) expect(everything).not.toContain(name);
  });

  it('appear in the organiser’s copy only for people who gave one', () => {
    const { log, n } = curatedCafe();
    const authors = Object.fromEntries(log.report('organiser').notes.map((x) => [x.id, x.author]));
    expect(authors[n.park1]).toBe('Ada');
    expect(authors[n.library]).toBe('Ben');
    expect(authors[n.park3]).toBeNull(); // p3 stayed anonymous
    expect(authors[n.bus1]).toBeNull(); // so did p5
    expect(authors[n.bus2]).toBe('Fatima');
  });
});

describe('themes', () => {
  it('list the notes the organiser marked as quotes, and the response', () => {
    const { log, n } = curatedCafe();
    const r = log.report();
    expect(themeOf(r, 'Buses')).toMatchObject({
      quotes: [TEXT.bus1],
      response: 'We will ask the council to run the 42 bus after 7pm.',
    });
    expect(r.notes.filter((x) => x.quote).map((x) => x.id)).toEqual([n.bus1]);
  });

  it('rank by dots, then by how many tables they came from, then by size', () => {
    const r = curatedCafe().log.report();
    expect(r.themes.map((t) => [t.label, t.dots, t.places, t.notes])).toEqual([
      ['Buses', 3, 1, 2],
      ['*Library* [late]', 1, 1, 1],
      ['Parks and green spaces', 0, 2, 3],
      ['Safer crossings', 0, 2, 2],
      ['The market', 0, 1, 3],
      ['=Church bells', 0, 1, 1],
    ]);
  });

  it('put one quiet table’s theme with many votes above a big theme with none', () => {
    const r = curatedCafe().log.report();
    const labels = r.themes.map((t) => t.label);
    const buses = themeOf(r, 'Buses');
    const market = themeOf(r, 'The market');
    expect(buses.places).toBe(1);
    expect(buses.notes).toBeLessThan(market.notes);
    expect(labels.indexOf('Buses')).toBeLessThan(labels.indexOf('The market'));
  });

  it('put a theme heard at several tables above a bigger one from a single table', () => {
    const { log, n } = curatedCafe();
    // One more market note, still from table 2.
    log.add('harvest.note-moved', { noteId: n.weather, themeId: 'r1:market' });
    const r = log.report();
    expect(themeOf(r, 'The market')).toMatchObject({ notes: 4, places: 1 });
    const labels = r.themes.map((t) => t.label);
    expect(labels.indexOf('Safer crossings')).toBeLessThan(labels.indexOf('The market'));
  });

  it('count dots and the people who gave them', () => {
    const r = curatedCafe().log.report();
    expect(themeOf(r, 'Buses')).toMatchObject({ dots: 3, voters: 3 });
    expect(r.votes).toEqual({ dots: 4, voters: 4 });
  });

  it('count spread as distinct tables: the same table twice is one place', () => {
    const r = curatedCafe().log.report();
    expect(themeOf(r, 'The market').places).toBe(1);
    expect(themeOf(r, 'Safer crossings').places).toBe(2);
  });

  it('report what is left unthemed and where each note was written', () => {
    const { log, n } = curatedCafe();
    const r = log.report();
    expect(r.unthemed).toBe(1);
    const weather = r.notes.find((x) => x.id === n.weather);
    expect(weather).toMatchObject({ theme: null, question: Q1, place: 'Round 1, table 2' });
    expect(r.notes.find((x) => x.id === n.crossing2)).toMatchObject({
      theme: 'Safer crossings',
      question: Q2,
      place: 'Round 2, table 2',
    });
  });
});

describe('participation', () => {
  it('counts people, anonymous people, notes per round and per table', () => {
    const r = curatedCafe().log.report();
    const p = r.participation;
    expect(p.people).toBe(6);
    expect(p.anonymousPeople).toBe(2);
    // 14 live notes; p3 wrote 3 (park3, market2, market4) and p5 wrote 1 (bus1) anonymously.
    expect(p.notes).toBe(14);
    expect(p.anonymousNoteShare).toBe(Math.round((4 / 14) * 100));
    expect(p.byRound).toEqual([
      { question: Q1, notes: 12, tables: 3 },
      { question: Q2, notes: 2, tables: 2 },
    ]);
    expect(p.byTable).toEqual([
      { round: 1, table: 1, notes: 3 },
      { round: 1, table: 2, notes: 6 },
      { round: 1, table: 3, notes: 3 },
      { round: 2, table: 1, notes: 1 },
      { round: 2, table: 2, notes: 1 },
    ]);
  });

  it('counts a paper card or an imported row that gives a name as written with one', () => {
    const log = new EventLog(cafeSettings());
    log.join('p1', 'Ada');
    log.join('p2', null);
    log.note('n1', 'p1', 0, 1, 'A bench by the river');
    log.note('n2', 'p2', 0, 1, 'More trees');
    log.add('note.posted', { table: 2, round: 0, text: 'A market on Sundays', source: 'paper', name: 'Ola' });
    log.add('note.posted', { table: 2, round: 0, text: 'Fewer cars', source: 'paper' });
    log.add('notes.imported', {
      notes: [
        { table: 3, round: 0, session: null, text: 'A library', name: 'Piotr' },
        { table: 3, round: 0, session: null, text: 'A pool', name: null },
      ],
    });
    // Without a name: the note of the person who gave none, the blank paper card and the blank row.
    const r = log.report();
    expect(r.participation.notes).toBe(6);
    expect(r.participation.anonymousNoteShare).toBe(50);
    // The organiser's copy gives the name the card or the row gave, as the notes export does.
    expect(r.notes.map((n) => [n.text, n.author])).toEqual([
      ['A bench by the river', 'Ada'],
      ['More trees', null],
      ['A market on Sundays', 'Ola'],
      ['Fewer cars', null],
      ['A library', 'Piotr'],
      ['A pool', null],
    ]);
    expect(log.report('public').notes.map((n) => n.author)).toEqual([null, null, null, null, null, null]);
  });
});

const headings = (r: HarvestReport) => r.evidence.map((e) => e.heading);
/** The National Standards' headings: every one is always there. */
const HEADINGS = [
  'Inclusion',
  'Support',
  'Planning',
  'Working together',
  'Methods',
  'Communication',
  'Impact',
];
const pointsUnder = (r: HarvestReport, heading: string) =>
  r.evidence.find((e) => e.heading === heading)?.points ?? [];

describe('evidence under the National Standards for Community Engagement', () => {
  it('has every heading, each with the figures the café collected', () => {
    const { log } = curatedCafe();
    const r = log.report();
    expect(headings(r)).toEqual(HEADINGS);
    expect(pointsUnder(r, 'Inclusion')).toEqual([
      '6 people took part; 2 of them gave no name.',
      'Notes per table ranged from 0 to 6 in a round; once a table wrote none.',
    ]);
    expect(pointsUnder(r, 'Support')).toEqual(['29% of the 14 notes were written without a name.']);
    expect(pointsUnder(r, 'Planning')).toEqual([
      'The purpose was shown to the 6 people who joined: “Hear every neighbourhood.”',
      `Round 1, “${Q1}”: 12 notes from 3 tables.`,
      `Round 2, “${Q2}”: 2 notes from 2 tables.`,
    ]);
    expect(pointsUnder(r, 'Working together')).toEqual(['2 people hosted a table.']);
    expect(pointsUnder(r, 'Methods')).toContain('4 people gave 4 dot votes to the themes.');
    expect(pointsUnder(r, 'Impact')).toEqual([
      'Themes with a commitment to what will be done: 1 of 6 themes.',
      'Where the commitments stand: planned (1), in progress (0), done (0) and not possible (0).',
    ]);
    expect(pointsUnder(r, 'Communication').join(' ')).not.toContain('published');
    log.add('harvest.published', { published: true });
    expect(pointsUnder(log.report(), 'Communication')).toContain(
      'The harvest was published back to participants as “What you told us”.',
    );
  });

  it('says so under a heading with nothing collected: no responses, no dots, no hosts', () => {
    const log = new EventLog(cafeSettings({ purpose: '' }));
    log.join('p1', null);
    log.add('seating.planned', { round: 0, tableCount: 1, seating: { p1: 1 }, hosts: {} });
    log.add('round.started', { round: 0, startedAt: log.now, endsAt: log.now + 20 * MIN });
    const only = log.note('n-only', 'p1', 0, 1, 'A quiet street');
    log.add('harvest.started', {
      themes: [{ id: 'r1:street', group: Q1, label: 'Quiet streets', noteIds: [only] }],
      unthemed: [],
      votesPerPerson: 3,
    });
    const r = log.report();
    expect(headings(r)).toEqual(HEADINGS);
    expect(pointsUnder(r, 'Inclusion')[0]).toBe('1 person took part; 1 of them gave no name.');
    expect(pointsUnder(r, 'Support')).toEqual(['100% of the 1 note was written without a name.']);
    expect(pointsUnder(r, 'Working together')).toEqual([
      'No data for this heading: no table hosts, Open Space sessions or action plans were recorded.',
    ]);
    expect(pointsUnder(r, 'Impact')).toEqual([
      'No data for this heading: no commitments, action plans with a date or answers to the evaluation were recorded.',
    ]);
    expect(pointsUnder(r, 'Methods').join(' ')).not.toContain('dot');
    expect(pointsUnder(r, 'Planning').join(' ')).not.toContain('purpose');
  });

  it('speaks to working together and impact in an Open Space with sessions and action plans', () => {
    const log = new EventLog(
      EventSettingsSchema.parse({
        title: 'High street summit',
        purpose: '',
        tables: null,
        rounds: [],
        identity: 'choice',
        openSpace: {
          theme: OS_THEME,
          slots: [{ start: '10:00', end: '11:00', isBreak: false, label: '' }],
          spaces: [
            { name: 'Hall', capacity: null, notes: 'step-free access' },
            { name: 'Garden', capacity: 20, notes: '' },
          ],
          selfScheduling: true,
          votesPerPerson: 3,
        },
      }),
    );
    log.join('p1', 'Ada');
    log.join('p2', null);
    log.add(
      'session.proposed',
      { sessionId: 's1', title: 'Pop-up shops', description: '', anonymous: false, slot: 0, space: 0 },
      person('p1'),
    );
    log.add(
      'session.proposed',
      { sessionId: 's2', title: 'Parking', description: '', anonymous: true, slot: 0, space: 1 },
      person('p2'),
    );
    const a = log.sessionNote('n-s1a', 'p1', 's1', 'Empty shops as pop-up studios');
    const b = log.sessionNote('n-s1b', 'p2', 's1', 'Pop-up shops for young makers');
    const c = log.sessionNote('n-s2a', 'p2', 's2', 'Pop-up market in the car park');
    log.add(
      'action.proposed',
      {
        actionId: 'act1',
        sessionId: 's1',
        title: 'Map empty shops',
        nextStep: 'Walk the street',
        due: '2025-06-30',
      },
      person('p1'),
    );
    log.add('action.signup', { actionId: 'act1', participantId: 'p2', signedUp: true }, person('p2'));
    log.add('harvest.started', {
      themes: [{ id: 'os:popup', group: OS_THEME, label: 'Pop-up shops', noteIds: [a, b, c] }],
      unthemed: [],
      votesPerPerson: 3,
    });
    const r = log.report();
    // Two notes from one session and one from another: two places.
    expect(themeOf(r, 'Pop-up shops')).toMatchObject({ question: OS_THEME, notes: 3, places: 2 });
    expect(r.notes.find((x) => x.id === c)?.place).toBe('Session “Parking”');
    expect(r.method).toBe('Open Space');
    expect(headings(r)).toEqual(HEADINGS);
    expect(pointsUnder(r, 'Working together')).toEqual([
      '2 Open Space sessions were held, 2 of them proposed by participants.',
      'Action plans made: 1; sign-ups to carry them forward: 2.',
    ]);
    expect(pointsUnder(r, 'Support')).toContain(
      'Open Space spaces described for access: Hall (step-free access).',
    );
    expect(pointsUnder(r, 'Impact')).toEqual(['“Map empty shops”: next step by 30 June 2025.']);
  });
});

describe('the CSV', () => {
  type Row = Record<'question' | 'theme' | 'note' | 'where' | 'written_at' | 'quote' | 'author', string>;
  const rowsOf = (csv: string): Row[] => parse(csv, { columns: true, bom: true, skip_empty_lines: true });

  it('parses back to one row per visible note, with its theme', () => {
    const { log } = curatedCafe();
    const r = log.report();
    const rows = rowsOf(harvestCsv(r));
    expect(rows).toHaveLength(r.notes.length);
    expect(rows).toHaveLength(13);
    const byText = new Map(rows.map((row) => [row.note, row]));
    expect(byText.get(TEXT.park3)).toMatchObject({
      question: Q1,
      theme: 'Parks and green spaces',
      where: 'Round 1, table 2',
      author: '',
      quote: '',
    });
    expect(byText.get(TEXT.bus1)).toMatchObject({ theme: 'Buses', quote: 'yes' });
    expect(byText.get(TEXT.park1)).toMatchObject({ author: 'Ada' });
    expect(byText.get(`'${TEXT.weather}`)).toMatchObject({ theme: '' });
    expect(byText.get(`'${TEXT.crossing2}`)).toMatchObject({ theme: 'Safer crossings', question: Q2 });
    // Words with commas, quotes and a line break come back exactly.
    expect(byText.has(TEXT.park3)).toBe(true);
    expect(rows.map((row) => row.note).join('\n')).not.toContain('07700');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const rows = rowsOf(harvestCsv(curatedCafe().log.report()));
    const notes = rows.map((row) => row.note);
    for (const t of [TEXT.bells, TEXT.crossing1, TEXT.crossing2, TEXT.weather])
      expect(notes).toContain(`'${t}`);
    expect(rows.find((row) => row.note === `'${TEXT.bells}`)?.theme).toBe("'=Church bells");
    for (const row of rows)
      for (const cell of Object.values(row)) expect(cell, `cell ${cell}`).not.toMatch(/^[=+\-@]/);
  });

  it('is nothing but a header when the harvest has no visible notes', () => {
    const log = new EventLog(cafeSettings());
    log.join('p1', 'Ada');
    log.add('seating.planned', { round: 0, tableCount: 1, seating: { p1: 1 }, hosts: {} });
    const only = log.note('n-only', 'p1', 0, 1, 'My address is 1 Mill Lane');
    log.add('harvest.started', { themes: [], unthemed: [only], votesPerPerson: 3 });
    log.add('harvest.note-hidden', { noteId: only, hidden: true });
    const csv = harvestCsv(log.report());
    expect(rowsOf(csv)).toEqual([]);
    expect(csv).not.toContain('Mill Lane');
  });
});

describe('the Markdown', () => {
  it('escapes markup in people’s words so a note cannot become a link, tag or heading', () => {
    const md = harvestMarkdown(curatedCafe().log.report());
    expect(md).not.toContain('[wifi](http://evil.example)');
    expect(md).not.toMatch(/(?<!\\)<b>/);
    expect(md).not.toContain('**Free**');
    expect(md).toContain('\\*\\*Free\\*\\* \\[wifi\\](http\u200c://evil.example) \\<b>now\\</b>');
    expect(md).not.toContain('http://');
    // The theme label is people's words too.
    expect(md).toContain('\\*Library\\* \\[late\\]');
    // Every heading line is one the report wrote; a note's "# …" line is not a heading.
    const headingLines = md.split('\n').filter((l) => /^#{1,6}\s/.test(l));
    expect(headingLines.some((l) => l.includes('not a heading'))).toBe(false);
    expect(md).toContain('\\# not a heading');
  });

  it('says what the café heard: title, themes in rank order, quotes, responses and evidence', () => {
    const md = harvestMarkdown(curatedCafe().log.report());
    expect(md.startsWith('# Our town in 2035: what you told us\n')).toBe(true);
    const order = [
      '### 1. Buses',
      '### 2. \\*Library\\*',
      '### 3. Parks',
      '### 4. Safer',
      '### 5. The market',
    ];
    const at = order.map((h) => md.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    expect(md).toContain('> The 42 bus, when it runs');
    expect(md).toContain('**What we will do:** We will ask the council to run the 42 bus after 7pm.');
    // Ordinary sentences carry no escapes; the export time reads as a date, not an ISO string.
    expect(md).not.toMatch(/\\[.!]/);
    expect(md).toMatch(/Exported \w+day \d{1,2} \w+ \d{4}, \d{2}:\d{2} UTC\._/);
    expect(md).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(md).toContain('## Evidence of engagement');
    for (const h of HEADINGS) expect(md).toContain(`### ${h}\n`);
  });
});

describe('the JSON', () => {
  it('is the report itself, and parses back', () => {
    const { log } = curatedCafe();
    const r = log.report('public');
    const back: unknown = JSON.parse(harvestJson(r));
    expect(back).toEqual(r);
    expect(r).toMatchObject({ title: 'Our town in 2035', method: 'World Café', questions: [Q1, Q2] });
  });
});

describe('spread in words', () => {
  it('names tables and sessions as they are, never "tables and sessions" for a café', async () => {
    const { spreadText } = await import('./groups');
    expect(spreadText(['t:0:1', 't:0:2', 't:1:1', 't:0:1'])).toBe('3 tables');
    expect(spreadText(['s:a'])).toBe('1 session');
    expect(spreadText(['t:0:1', 's:a', 's:b'])).toBe('1 table and 2 sessions');
    expect(spreadText([])).toBe('nowhere yet');
  });
});

describe('the evaluation', () => {
  it('gives each statement’s counts and % agree, and the open answers in the organiser’s copy only', () => {
    const { log } = curatedCafe();
    log.add(
      'evaluation.answered',
      { key: 'k1', answers: { listened: 5, could_say: 4 }, open: 'More time' },
      person('p1'),
      'k1',
    );
    log.add('evaluation.answered', { key: 'k2', answers: { listened: 2 }, open: '' }, person('p2'), 'k2');
    log.add(
      'evaluation.answered',
      { key: 'k1', answers: { listened: 4, could_say: 4 }, open: 'Longer rounds' },
      person('p1'),
    );
    const r = log.report();
    expect(r.evaluation).toEqual({
      answers: 2,
      statements: [
        { statement: 'I felt listened to', counts: [0, 1, 0, 1, 0], answered: 2, agree: 50 },
        { statement: 'I could say what I wanted', counts: [0, 0, 0, 1, 0], answered: 1, agree: 100 },
        { statement: 'I understand what happens next', counts: [0, 0, 0, 0, 0], answered: 0, agree: 0 },
      ],
      question: 'What one thing would you change?',
      open: ['Longer rounds'],
    });
    const md = harvestMarkdown(r);
    expect(md).toContain('- 2 people answered the evaluation, anonymously.');
    expect(md).toContain(
      '- “I felt listened to”: 50% agree, of 2 (strongly agree 0, agree 1, neither agree nor disagree 0, disagree 1, strongly disagree 0).',
    );
    expect(md).toContain('- “I understand what happens next”: nobody answered.');
    expect(md).toContain('Answers to “What one thing would you change?”:');
    expect(md).toContain('- “Longer rounds”');
    for (const name of NAMES) expect(md.split('### Evaluation')[1]).not.toContain(name);
    expect(JSON.stringify(r.evaluation)).not.toContain('p1');
    const pub = log.report('public');
    expect(pub.evaluation?.open).toEqual([]);
    expect(harvestMarkdown(pub)).not.toContain('Longer rounds');
  });

  it('says so when nobody answered, and nothing when it asked nothing', () => {
    const { log } = curatedCafe();
    expect(log.report().evaluation?.answers).toBe(0);
    const md = harvestMarkdown(log.report());
    expect(md).toContain('### Evaluation\n\n- Nobody answered the evaluation.\n');
    expect(md).not.toContain('Answers to');
    const silent = new EventLog(cafeSettings({ evaluation: { statements: [], open: '' } }));
    silent.add('harvest.started', { themes: [], unthemed: [], votesPerPerson: 3 });
    expect(silent.report().evaluation).toBeNull();
    expect(harvestMarkdown(silent.report())).not.toContain('Evaluation');
  });
});

/** Everything a person typed into the event below: the only words a report may leave as they are. */
const WORDS = {
  title: 'Riverside 2035',
  purpose: 'Hear every street.',
  q1: 'What do you love about the river?',
  os: 'How do we keep the high street alive?',
  bench1: 'More benches by the water',
  bench2: 'Benches with backs for older people',
  shops1: 'Empty shops as studios',
  shops2: 'Pop-up shops for young makers',
  benches: 'Benches',
  shops: 'Pop-up shops',
  session: 'Empty shops',
  what: 'Ten new benches along the river',
  who: 'Parks team',
  update: 'Ordered from the joinery',
  action: 'Map the empty shops',
  step: 'Walk the street',
  open: 'What one thing would you change?',
  answer: 'Longer rounds',
};

/**
 * A café of one round at two tables and an Open Space with one session, harvested with a
 * commitment that has been updated once, an action plan with a date, dot votes and two
 * evaluation answers: every sentence the report can write.
 */
function everything() {
  const log = new EventLog(
    cafeSettings({
      title: WORDS.title,
      purpose: WORDS.purpose,
      rounds: [{ question: WORDS.q1, minutes: 20 }],
      evaluation: { statements: ['listened', 'worth_it'], open: WORDS.open },
      openSpace: {
        theme: WORDS.os,
        slots: [{ start: '10:00', end: '11:00', isBreak: false, label: '' }],
        spaces: [{ name: 'Hall', capacity: null, notes: '' }],
        selfScheduling: true,
        votesPerPerson: 3,
      },
    }),
  );
  for (const [pid, name] of [
    ['p1', 'Ada'],
    ['p2', null],
    ['p3', 'Ben'],
    ['p4', null],
    ['p5', 'Dee'],
  ] as const)
    log.join(pid, name);
  log.add('seating.planned', {
    round: 0,
    tableCount: 2,
    seating: { p1: 1, p2: 1, p3: 2, p4: 2, p5: 2 },
    hosts: {},
  });
  log.add('round.started', { round: 0, startedAt: log.now, endsAt: log.now + 20 * MIN });
  const b1 = log.note('n-b1', 'p1', 0, 1, WORDS.bench1);
  const b2 = log.note('n-b2', 'p3', 0, 2, WORDS.bench2);
  log.add('round.ended', { round: 0, endedAt: log.now, next: null });
  log.add(
    'session.proposed',
    { sessionId: 's1', title: WORDS.session, description: '', anonymous: false, slot: 0, space: 0 },
    person('p1'),
  );
  const s1 = log.sessionNote('n-s1', 'p1', 's1', WORDS.shops1);
  const s2 = log.sessionNote('n-s2', 'p2', 's1', WORDS.shops2);
  log.add(
    'action.proposed',
    { actionId: 'a1', sessionId: 's1', title: WORDS.action, nextStep: WORDS.step, due: '2025-06-30' },
    person('p1'),
  );
  log.add('harvest.started', {
    themes: [
      { id: 'r1:benches', group: WORDS.q1, label: WORDS.benches, noteIds: [b1, b2] },
      { id: 'os:shops', group: WORDS.os, label: WORDS.shops, noteIds: [s1, s2] },
    ],
    unthemed: [],
    votesPerPerson: 3,
  });
  log.add('harvest.note-quoted', { noteId: b1, quoted: true });
  log.add('commitment.set', { themeId: 'r1:benches', what: WORDS.what, who: WORDS.who, due: '2025-10-31' });
  log.add('commitment.updated', { themeId: 'r1:benches', status: 'in_progress', note: WORDS.update });
  log.add('harvest.voting', { open: true });
  for (const pid of ['p1', 'p2', 'p3'])
    log.add('harvest.voted', { participantId: pid, themeId: 'r1:benches', dot: 1 }, person(pid));
  log.add(
    'evaluation.answered',
    { key: 'k1', answers: { listened: 5, worth_it: 4 }, open: WORDS.answer },
    person('p1'),
    'k1',
  );
  log.add('evaluation.answered', { key: 'k2', answers: { listened: 2 }, open: '' }, person('p2'), 'k2');
  return log;
}

/**
 * The words a report wrote itself: its text without what people typed. The evidence section is
 * written by lib/harvest/evidence.ts (with these words, and tested there), so it is left out here.
 */
function ownWords(r: HarvestReport, write: (r: HarvestReport) => string): string {
  const text = write({ ...r, evidence: [] });
  return Object.values(WORDS).reduce((t, w) => t.split(w).join(' '), text);
}

/** Words of the English report that must not be left in another language's. */
const ENGLISH = [
  'what you told us',
  'exported',
  'questions?',
  'themes?',
  'notes?',
  'tables?',
  'sessions?',
  'rounds?',
  'people',
  'person',
  'from',
  'dots?',
  'votes?',
  'what we will do',
  'who',
  'by when',
  'status',
  'planned',
  'in progress',
  'done',
  'updated?s?',
  'actions?',
  'took part',
  'anonymous(ly)?',
  'evaluation',
  'agree',
  'disagree',
  'nobody',
  'answers?',
  'answered',
  '(mon|tues|wednes|thurs|fri|satur|sun)day',
  'january|february|march|april|may|june|july|august|september|october|november|december',
  'strongly',
  'and',
  'of',
];
const englishIn = (text: string) =>
  ENGLISH.flatMap((word) => text.match(new RegExp(`(?<![\\p{L}])(${word})(?![\\p{L}])`, 'giu')) ?? []);

describe('the report in the language chosen at export', () => {
  it('is in English unless another language is asked for, and says which', () => {
    const log = everything();
    expect(log.report().language).toBe('en');
    expect(log.report('organiser', 'pl').language).toBe('pl');
    const md = harvestMarkdown(log.report('organiser', 'en'));
    expect(md.startsWith(`# ${WORDS.title}: what you told us\n`)).toBe(true);
    expect(md).toContain('2 notes from 2 tables; 3 dots from 3 people.');
    expect(md).toContain('- Session “Empty shops”: 2 notes');
    expect(md).toContain('- Map the empty shops (from Empty shops): Walk the street, by Monday 30 June 2025');
    expect(log.report().method).toBe('World Café and Open Space');
  });

  it('in Polish: every word of its own, plural forms and dates in Polish', () => {
    const log = everything();
    const r = log.report('organiser', 'pl');
    expect(r.method).toBe('World Café i Open Space');
    const benches = themeOf(r, WORDS.benches);
    expect(benches.spread).toBe('2 stolików');
    expect(themeOf(r, WORDS.shops).spread).toBe('1 sesji');
    expect(r.notes.find((n) => n.id === 'n-b1')?.place).toBe('Runda 1, stolik 1');
    expect(r.notes.find((n) => n.id === 'n-s1')?.place).toBe(`Sesja „${WORDS.session}”`);
    expect(r.evaluation?.statements.map((s) => s.statement)).toEqual([
      'Czułem(-am) się wysłuchany(-a)',
      'Warto było poświęcić na to czas',
    ]);
    const md = harvestMarkdown(r);
    expect(md.startsWith(`# ${WORDS.title}: co nam powiedzieliście\n`)).toBe(true);
    expect(md).toMatch(
      /_World Café i Open Space\. Wyeksportowano: \p{L}+, \d+ \p{L}+ 2025 \d\d:\d\d UTC\._/u,
    );
    expect(md).toContain('## Pytania');
    expect(md).toContain('## Tematy');
    expect(md).toContain('2 notatki z 2 stolików; 3 głosy od 3 osób. Pytanie: ');
    expect(md).toContain(`**Co zrobimy:** ${WORDS.what}`);
    expect(md).toContain(`- Kto: ${WORDS.who}`);
    expect(md).toContain('- Do kiedy: piątek, 31 października 2025');
    expect(md).toMatch(/- Stan: W toku \(aktualizacja: \p{L}+, \d+ maja 2025\)/u);
    expect(md).toMatch(new RegExp(`- \\p{L}+, \\d+ maja 2025: W toku\\. ${WORDS.update}`, 'u'));
    expect(md).toContain(
      `- ${WORDS.action} (z sesji: ${WORDS.session}): ${WORDS.step}; termin: poniedziałek, 30 czerwca 2025`,
    );
    expect(md).toContain('## Kto wziął udział');
    expect(md).toContain('- 5 osób (bez imienia: 2); 4 notatki, z czego 25% napisano anonimowo.');
    expect(md).toContain(`- ${WORDS.q1}: 2 notatki z 2 stolików`);
    expect(md).toContain(`- Sesja „${WORDS.session}”: 2 notatki`);
    expect(md).toContain('## Dowody zaangażowania');
    expect(md).toContain('### Ocena');
    expect(md).toContain('- 2 osoby wypełniły ocenę anonimowo.');
    expect(md).toContain(
      '- „Czułem(-am) się wysłuchany(-a)”: zgadza się 50% z 2 odpowiedzi (zdecydowanie się zgadzam: 1; zgadzam się: 0; ani się zgadzam, ani nie zgadzam: 0; nie zgadzam się: 1; zdecydowanie się nie zgadzam: 0).',
    );
    expect(md).toContain(`Odpowiedzi na pytanie „${WORDS.open}”:`);
    expect(md).toContain(`- „${WORDS.answer}”`);
    expect(englishIn(ownWords(r, harvestMarkdown))).toEqual([]);
  });

  it('in Arabic: every word of its own, plural forms and dates in Arabic, with Western digits', () => {
    const log = everything();
    const r = log.report('organiser', 'ar');
    expect(r.method).toBe('المقهى العالمي والمساحة المفتوحة');
    expect(themeOf(r, WORDS.benches).spread).toBe('طاولتين');
    expect(themeOf(r, WORDS.shops).spread).toBe('جلسة واحدة');
    expect(r.notes.find((n) => n.id === 'n-b2')?.place).toBe('الجولة 1، الطاولة 2');
    expect(r.evaluation?.statements[0]?.statement).toBe('شعرتُ بأن هناك من يستمع إليّ');
    const md = harvestMarkdown(r);
    // People's words that read left to right keep their own direction between two marks.
    const ltr = (s: string) => `\u200e${s}\u200e`;
    expect(md.startsWith(`# ${ltr(WORDS.title)}: ما قلتموه لنا\n`)).toBe(true);
    expect(md).toContain(`- ${ltr(WORDS.q1)}\n`);
    expect(md).toContain(`> ${ltr(WORDS.bench1)}\n`);
    expect(md).toContain('## الأسئلة');
    expect(md).toContain(`ملاحظتان من طاولتين؛ 3 أصوات من 3 أشخاص. السؤال: ${ltr(WORDS.q1)}`);
    expect(md).toContain(`**ما سنفعله:** ${ltr(WORDS.what)}`);
    expect(md).toContain('- بحلول: الجمعة، 31 أكتوبر 2025');
    expect(md).toMatch(/- الحالة: قيد التنفيذ \(آخر تحديث: \p{L}+، \d+ مايو 2025\)/u);
    expect(md).toContain('- 5 أشخاص (2 بدون اسم)؛ 4 ملاحظات، 25% منها كُتب دون اسم.');
    expect(md).toContain(`- جلسة «${ltr(WORDS.session)}»: ملاحظتان`);
    expect(md).toContain('- أجاب شخصان عن التقييم دون ذكر أسمائهم.');
    expect(md).toContain(`- «${ltr(WORDS.answer)}»`);
    // Nothing is marked in a report that reads in the same direction as the words.
    expect(harvestMarkdown(log.report('organiser', 'pl'))).not.toMatch(/[\u200e\u200f]/);
    const own = ownWords(r, harvestMarkdown);
    expect(englishIn(own)).toEqual([]);
    expect(own).not.toMatch(/World Café|Open Space/);
    // Western digits, as on the projector and the table signs.
    expect(own).not.toMatch(/[٠-٩]/);
  });

  it('gives each language its plural forms', () => {
    const people = (locale: Locale, n: number) => reportWords(locale).t('evaluation.answered', { count: n });
    expect([1, 2, 5].map((n) => people('en', n))).toEqual([
      '1 person answered the evaluation, anonymously.',
      '2 people answered the evaluation, anonymously.',
      '5 people answered the evaluation, anonymously.',
    ]);
    // Polish: one, few (2–4, 22–24…), many (5–21, 25…).
    expect([1, 3, 5, 12, 22].map((n) => people('pl', n))).toEqual([
      '1 osoba wypełniła ocenę anonimowo.',
      '3 osoby wypełniły ocenę anonimowo.',
      '5 osób wypełniło ocenę anonimowo.',
      '12 osób wypełniło ocenę anonimowo.',
      '22 osoby wypełniły ocenę anonimowo.',
    ]);
    // Arabic: zero, one, two, few (3–10), many (11–99), other (100…).
    expect([0, 1, 2, 3, 11, 100].map((n) => people('ar', n))).toEqual([
      'أجاب 0 شخص عن التقييم دون ذكر أسمائهم.',
      'أجاب شخص واحد عن التقييم دون ذكر أسمائهم.',
      'أجاب شخصان عن التقييم دون ذكر أسمائهم.',
      'أجاب 3 أشخاص عن التقييم دون ذكر أسمائهم.',
      'أجاب 11 شخصًا عن التقييم دون ذكر أسمائهم.',
      'أجاب 100 شخص عن التقييم دون ذكر أسمائهم.',
    ]);
    const spread = (locale: Locale, tables: number) =>
      reportWords(locale).t('spread.tables', { count: tables });
    expect([1, 2, 5].map((n) => spread('pl', n))).toEqual(['1 stolika', '2 stolików', '5 stolików']);
    expect([1, 2, 4].map((n) => spread('ar', n))).toEqual(['طاولة واحدة', 'طاولتين', '4 طاولات']);
  });

  it('keeps the CSV’s columns and the JSON’s keys in every language, with the words in cells', () => {
    const log = everything();
    const en = log.report('organiser', 'en');
    for (const locale of ['pl', 'ar'] as const) {
      const r = log.report('organiser', locale);
      const back = JSON.parse(harvestJson(r)) as HarvestReport;
      expect(Object.keys(back)).toEqual(Object.keys(en));
      expect(Object.keys(back.themes[0] ?? {})).toEqual(Object.keys(en.themes[0] ?? {}));
      // A commitment's status stays a code.
      expect(themeOf(back, WORDS.benches).commitment?.status).toBe('in_progress');
      const csv = harvestCsv(r);
      expect(csv.split('\r\n')[0]).toBe(harvestCsv(en).split('\r\n')[0]);
      const rows: Record<string, string>[] = parse(csv, { columns: true, bom: true });
      const bench = rows.find((row) => row.note === WORDS.bench1);
      expect(bench?.commitment_status).toBe(locale === 'pl' ? 'W toku' : 'قيد التنفيذ');
      expect(bench?.where).toBe(locale === 'pl' ? 'Runda 1, stolik 1' : 'الجولة 1، الطاولة 1');
      // `quote` is a flag (`yes` or empty) in every language; every other cell is the report's words.
      const cells = rows.flatMap(({ quote: _quote, ...rest }) => Object.values(rest)).join('\n');
      expect(englishIn(Object.values(WORDS).reduce((t, w) => t.split(w).join(' '), cells))).toEqual([]);
    }
  });
});
