/**
 * The evidence section under the National Standards for Community Engagement, built from what the
 * event collected: who came and who they are here as, first times, what would help people take
 * part and whether it was met, the phones' languages, notes from paper, the evaluation's answers
 * and the commitments. Every heading is always there; one with nothing collected says so. In
 * Polish and Arabic, no English but what the organiser typed. The public copy leaves out what is
 * about a person (needs, whether they were met, languages, first times); the organiser's keeps it.
 */
import { describe, expect, it } from 'vitest';
import { reportWords } from '../i18n/report';
import type { EventState } from '../state';
import {
  cafeSettings,
  EventUnderTest,
  FACILITATOR,
  MIN,
  marketplace,
  OPEN_SPACE,
  openSpaceSettings,
  person,
} from '../testing/events';
import { evidence } from './evidence';
import { type Audience, buildHarvestReport } from './report';

const GROUPS = ['Person who uses services', 'Carer', 'Staff'];
const Q1 = 'What helps you stay well at home?';
const Q2 = 'What would you change first?';

/**
 * A two-round café that asked who people are here as, their needs and whether it is their first
 * time. Six people: Ada (a carer, first time, Polish phone, step-free and "a chair by the door",
 * met), Ben (staff, been before, English), an anonymous person (first time, Arabic, an
 * interpreter), Di (said nothing, English), Eve (a carer, Polish, large print, not met) and Fay
 * (from an older phone: no language). Round 1 ran at two tables and round 2 at one; a helper typed
 * in two paper cards and the organiser imported one flipchart note; four people answered the
 * evaluation; two themes have commitments, one done and one in progress.
 */
function collected() {
  const ev = new EventUnderTest(
    cafeSettings({
      title: 'Living well',
      purpose: 'Hear what keeps people well at home.',
      tables: 2,
      rounds: [
        { question: Q1, minutes: 20 },
        { question: Q2, minutes: 15 },
      ],
      groups: GROUPS,
      askNeeds: true,
      askFirstTime: true,
    }),
  );
  ev.join('ada', 'Ada', {
    group: 'Carer',
    firstTime: true,
    language: 'pl',
    needs: ['step_free', 'other'],
    needsOther: 'A chair by the door',
  });
  ev.join('ben', 'Ben', { group: 'Staff', firstTime: false, language: 'en' });
  ev.join('cy', null, { firstTime: true, language: 'ar', needs: ['interpreter'] });
  ev.join('di', 'Di', { language: 'en' });
  ev.join('eve', 'Eve', { group: 'Carer', language: 'pl', needs: ['large_print'] });
  ev.join('fay', 'Fay');
  ev.facilitate('needs.met', { participantId: 'ada', met: true });
  ev.facilitate('seating.plan');
  ev.later(MIN).facilitate('round.start');
  for (const [who, text] of [
    ['ada', 'A ramp at the surgery'],
    ['ben', 'More home visits'],
    ['cy', 'Leaflets in Arabic'],
    ['di', 'A ramp at the library'],
    ['eve', 'Large print letters'],
  ] as const)
    ev.post(who, text);
  ev.facilitate('note.transcribe', { text: 'A lift at the station', round: 0, table: 1 });
  ev.facilitate('note.transcribe', { text: 'Ramps into the shops', round: 0, table: 2, name: 'Ola' });
  ev.later(20 * MIN).facilitate('round.end');
  ev.facilitate('tables.set', { tables: 1 });
  ev.facilitate('seating.plan');
  ev.later(MIN).facilitate('round.start');
  ev.post('ben', 'Fewer forms');
  ev.later(15 * MIN).facilitate('round.end');
  ev.facilitate('notes.import', { notes: [{ table: 1, round: 1, text: 'A ramp at the bank' }] });
  ev.run(person('ada'), 'evaluation.answer', { answers: { listened: 5, could_say: 4, understand_next: 2 } });
  ev.run(person('ben'), 'evaluation.answer', { answers: { listened: 4, could_say: 2, understand_next: 4 } });
  ev.run(person('cy'), 'evaluation.answer', { answers: { listened: 2, could_say: 5 } });
  ev.run(person('eve'), 'evaluation.answer', { answers: { listened: 5, could_say: 3 }, open: 'Ask Eve' });
  ev.facilitate('harvest.start', { votesPerPerson: 3 });
  // The ramps make one theme; the organiser splits one note of it out as a theme of its own.
  const first = ev.harvest.themeOrder[0] ?? '';
  const split = ev.theme(first).noteIds.at(-1) ?? '';
  const second = ev.facilitate('theme.split', { themeId: first, noteIds: [split], label: 'Ramps' }).payload;
  if (!('newThemeId' in second)) throw new Error('the split made no theme');
  ev.facilitate('commitment.set', { themeId: first, what: 'Ramps', who: 'Estates', due: null });
  ev.facilitate('commitment.update', { themeId: first, status: 'done', note: '' });
  ev.facilitate('commitment.set', { themeId: second.newThemeId, what: 'Visits', who: '', due: null });
  ev.facilitate('commitment.update', { themeId: second.newThemeId, status: 'in_progress', note: '' });
  ev.facilitate('harvest.publish', { published: true });
  ev.facilitate('announce', { text: 'Tea is in the hall' });
  return ev;
}

type Words = Parameters<typeof evidence>[3];
/** The evidence of the organiser's copy, unless another audience is asked for. */
const sectionOf = (state: EventState, w: Words = reportWords('en'), audience: Audience = 'organiser') =>
  evidence(state, buildHarvestReport(state, 0, audience, w.locale), audience, w);
const under = (items: { heading: string; points: string[] }[], heading: string) =>
  items.find((i) => i.heading === heading)?.points ?? [];

const HEADINGS = [
  'Inclusion',
  'Support',
  'Planning',
  'Working together',
  'Methods',
  'Communication',
  'Impact',
];

describe('the evidence of engagement', () => {
  it('counts the reach: people, those without a name, groups and first times', () => {
    const e = sectionOf(collected().state);
    expect(e.map((i) => i.heading)).toEqual(HEADINGS);
    expect(under(e, 'Inclusion')).toEqual([
      '6 people took part; 1 of them gave no name.',
      'Who they are here as: Person who uses services (0), Carer (2), Staff (1) and not said (3).',
      'First event like this: 2 said it was their first, 1 had been to one before, 3 did not say.',
      'Every table wrote notes: between 2 and 4 per table and round.',
    ]);
  });

  it('says so plainly when every table wrote as many notes in every round', () => {
    const ev = new EventUnderTest(
      cafeSettings({ title: 'Even', tables: 1, rounds: [{ question: Q1, minutes: 20 }] }),
    );
    ev.join('ada', 'Ada');
    ev.join('ben', 'Ben');
    ev.facilitate('seating.plan');
    ev.later(MIN).facilitate('round.start');
    ev.post('ada', 'A ramp at the surgery');
    ev.post('ben', 'More home visits');
    expect(under(sectionOf(ev.state), 'Inclusion')).toContain(
      'Every table wrote notes: 2 notes at each table in each round.',
    );
    expect(under(sectionOf(ev.state, reportWords('pl')), 'Włączanie')).toContain(
      'Każdy stolik napisał notatki: po 2 notatki na stolik w każdej rundzie.',
    );
  });

  it('counts the barriers addressed: needs by kind and met, languages, anonymous share, paper and imported notes', () => {
    const support = under(sectionOf(collected().state), 'Support');
    expect(support).toEqual([
      'What would help people take part, as they told it at the door: large print (1), step-free access (1), an interpreter (1) and something else (1).',
      'The team marked it as met for 1 of the 3 people who asked.',
      'The language each phone showed as its person joined: English (2), Polish (2) and Arabic (1).',
      // Without a name: the anonymous person's, the paper card without one and the imported note;
      // Ola's paper card gave a name.
      '33% of the 9 notes were written without a name.',
      '2 notes were typed in from paper cards by the team.',
      '1 note was added after the event, typed up from tablecloths, flipcharts or a spreadsheet.',
    ]);
    // What a person wrote under "something else" stays with the team.
    expect(JSON.stringify(sectionOf(collected().state))).not.toContain('A chair by the door');
  });

  it('puts each evaluation statement under the heading it speaks to, with its answers and % agree', () => {
    const e = sectionOf(collected().state);
    expect(under(e, 'Working together')).toContain(
      '“I felt listened to”: 75% agree, of 4 people who answered.',
    );
    expect(under(e, 'Methods')).toContain(
      '“I could say what I wanted”: 50% agree, of 4 people who answered.',
    );
    expect(under(e, 'Communication')).toContain(
      '“I understand what happens next”: 50% agree, of 2 people who answered.',
    );
    expect(under(e, 'Impact')).toContain('4 people answered the evaluation, anonymously.');
    // The open answers are people's own words: never in the evidence.
    expect(JSON.stringify(e)).not.toContain('Ask Eve');
  });

  it('counts the commitments by status, and how many themes have one', () => {
    const ev = collected();
    const themes = buildHarvestReport(ev.state, 0, 'public').themes.length;
    const impact = under(sectionOf(ev.state), 'Impact');
    expect(impact).toContain(`Themes with a commitment to what will be done: 2 of ${themes} themes.`);
    expect(impact).toContain(
      'Where the commitments stand: planned (0), in progress (1), done (1) and not possible (0).',
    );
  });

  it('says what was planned and how the rounds and the harvest went', () => {
    const e = sectionOf(collected().state);
    expect(under(e, 'Planning')).toEqual([
      'The purpose was shown to the 6 people who joined: “Hear what keeps people well at home.”',
      'At the door, people were asked who they are here as, what would help them take part and whether it was their first event like this.',
      `Round 1, “${Q1}”: 7 notes from 2 tables.`,
      `Round 2, “${Q2}”: 2 notes from 1 table.`,
    ]);
    expect(under(e, 'Methods').slice(0, 2)).toEqual([
      'World Café: 2 rounds at 2 tables.',
      '6 notes were written on people’s own phones.',
    ]);
    expect(under(e, 'Communication')).toContain(
      'The harvest was published back to participants as “What you told us”.',
    );
    expect(under(e, 'Communication')).toContain('1 announcement went to every phone and the projector.');
  });

  it('says, under every heading of an event that collected nothing, that nothing was collected', () => {
    const ev = new EventUnderTest(cafeSettings({ askNeeds: true, groups: GROUPS, askFirstTime: true }));
    for (const locale of ['en', 'pl', 'ar'] as const) {
      const w = reportWords(locale);
      const e = sectionOf(ev.state, w);
      expect(e.map((i) => i.heading)).toEqual(
        ['inclusion', 'support', 'planning', 'workingTogether', 'methods', 'communication', 'impact'].map(
          (h) => w.ev(`headings.${h}` as 'headings.inclusion'),
        ),
      );
      for (const item of e) {
        expect(item.points, `${locale}: ${item.heading}`).toHaveLength(1);
        expect(item.points[0]).toMatch(locale === 'en' ? /^No data for this heading: / : /./);
      }
      expect(new Set(e.map((i) => i.points[0])).size).toBe(7);
    }
    expect(under(sectionOf(ev.state), 'Support')).toEqual([
      'No data for this heading: no access needs, phone languages, notes from paper or access notes on spaces were recorded.',
    ]);
  });

  it('says nobody asked for anything when the event asked and nobody did', () => {
    const ev = new EventUnderTest(cafeSettings({ askNeeds: true }));
    ev.join('ada', 'Ada');
    ev.join('ben', 'Ben');
    expect(under(sectionOf(ev.state), 'Support')).toContain(
      'None of the 2 people who joined asked for anything to help them take part.',
    );
  });

  it('speaks to an Open Space: sessions, reports, action plans with dates, dots and spaces for access', () => {
    const ev = marketplace(openSpaceSettings({}, { ...OPEN_SPACE }));
    const s1 = ev.propose('p1', 'Safer crossings', { slot: 0, space: 0 });
    const s2 = ev.propose('p2', 'Quiet streets');
    ev.propose(null, 'Bus routes', { slot: 2, space: 1 });
    ev.run(person('p1'), 'note.post', { text: 'A crossing by the school', session: s1 });
    ev.run(person('p1'), 'session.report', {
      sessionId: s1,
      keyPoints: 'Start with the school',
      questions: '',
      actions: '',
      attendance: 6,
      names: '',
    });
    ev.facilitate('stage.set', { stage: 'convergence' });
    ev.run(person('p3'), 'vote.cast', { sessionId: s1 });
    ev.run(person('p4'), 'vote.cast', { sessionId: s2 });
    ev.facilitate('stage.set', { stage: 'actions' });
    ev.run(person('p1'), 'action.propose', {
      sessionId: s1,
      title: 'Write to the council',
      nextStep: 'Draft it',
      due: '2028-01-10',
    });
    const e = sectionOf(ev.state);
    expect(under(e, 'Working together')).toEqual([
      '3 Open Space sessions were held, 2 of them proposed by participants.',
      '1 session report was written.',
      'Action plans made: 1; sign-ups to carry them forward: 1.',
    ]);
    expect(under(e, 'Methods')).toContain(
      'Open Space: 3 sessions, 2 of them given a time and a space on the wall.',
    );
    expect(under(e, 'Methods')).toContain('2 people gave 2 dots to choose which sessions to take forward.');
    expect(under(e, 'Support')).toContain(
      'Open Space spaces described for access: Garden (bring a coat), Library (has a screen) and Hall (step-free access).',
    );
    expect(under(e, 'Planning')).toContain(
      `Open Space, “${OPEN_SPACE.theme}”: 3 sessions proposed, with 1 note written in them.`,
    );
    expect(under(e, 'Impact')).toEqual(['“Write to the council”: next step by 10 January 2028.']);
    expect(under(sectionOf(ev.state, reportWords('pl')), 'Wpływ')).toEqual([
      '„Write to the council”: następny krok do 10 stycznia 2028.',
    ]);
  });
});

/** Common English words of the section's own sentences (organisers' labels aside). */
const ENGLISH =
  /\b(the|of|and|people|person|notes?|took|part|were|was|who|asked|table|tables|round|themes?|agree|answered|nobody|data|heading|met|language|phones?|commitments?|planned|done|possible)\b/i;

describe('the evidence in Polish and Arabic', () => {
  const ev = collected();
  /** What the organiser typed (group labels, questions, purpose), which stays as typed. */
  const typed = [...GROUPS, Q1, Q2, 'Hear what keeps people well at home.'];
  const stripTyped = (s: string) => typed.reduce((out, t) => out.split(t).join(''), s);

  it('Polish: every heading and point in Polish, with Polish plurals', () => {
    const e = sectionOf(ev.state, reportWords('pl'));
    expect(e.map((i) => i.heading)).toEqual([
      'Włączanie',
      'Wsparcie',
      'Planowanie',
      'Współpraca',
      'Metody',
      'Komunikacja',
      'Wpływ',
    ]);
    for (const item of e) for (const p of item.points) expect(stripTyped(p), p).not.toMatch(ENGLISH);
    expect(under(e, 'Włączanie')[0]).toBe('6 osób wzięło udział, w tym bez podania imienia: 1.');
    expect(under(e, 'Wsparcie')).toContain(
      'Zespół oznaczył to jako zapewnione dla 1 z 3 osób, które prosiły.',
    );
    expect(under(e, 'Wsparcie')).toContain(
      'Język, w jakim był telefon, gdy jego właściciel dołączał: angielski (2), polski (2) i arabski (1).',
    );
    expect(under(e, 'Wsparcie')).toContain('Zespół przepisał z papierowych kartek 2 notatki.');
    expect(under(e, 'Wpływ')).toContain('4 osoby odpowiedziały anonimowo na ankietę ewaluacyjną.');
    expect(under(e, 'Współpraca')).toContain(
      '„Czułem(-am) się wysłuchany(-a)”: zgadza się 75% spośród 4 osób, które odpowiedziały.',
    );
  });

  it('Arabic: no Latin letters but what the organiser typed, and Arabic plurals', () => {
    const e = sectionOf(ev.state, reportWords('ar'));
    expect(e.map((i) => i.heading)).toEqual([
      'الشمول',
      'الدعم',
      'التخطيط',
      'العمل معًا',
      'الأساليب',
      'التواصل',
      'الأثر',
    ]);
    for (const item of e) for (const p of item.points) expect(stripTyped(p), p).not.toMatch(/[A-Za-z]/);
    expect(under(e, 'الشمول')[0]).toBe('شارك 6 أشخاص، منهم 1 دون اسم.');
    expect(under(e, 'الأثر')).toContain('أجاب 4 أشخاص عن التقييم دون ذكر أسمائهم.');
    expect(under(e, 'الدعم')).toContain('أدخل الفريق ملاحظتين من بطاقات ورقية.');
  });
});

describe('what the public copy may carry', () => {
  const SUPPORT_PUBLIC =
    'No data for this heading in the public copy: what people said would help them take part, and their phones’ languages, stay with the organising team; no notes from paper or access notes on spaces were recorded.';

  it('names nobody, whoever the organiser’s copy would name', () => {
    const ev = collected();
    const text = JSON.stringify(buildHarvestReport(ev.state, 0, 'public').evidence);
    for (const name of ['Ada', 'Ben', 'Di', 'Eve', 'Fay', 'Ola', 'Anonymous'])
      expect(text).not.toMatch(new RegExp(`\\b${name}\\b`));
    expect(FACILITATOR.role).toBe('facilitator');
  });

  it('leaves out needs by kind, needs met, phones’ languages and first times; the organiser’s copy keeps them', () => {
    const ev = collected();
    const organiser = buildHarvestReport(ev.state, 0, 'organiser').evidence;
    const published = buildHarvestReport(ev.state, 0, 'public').evidence;
    const aboutPeople = [
      'What would help people take part',
      'marked it as met',
      'The language each phone showed',
      'First event like this',
      'an interpreter',
      'large print',
      'step-free',
      'Arabic (1)',
      'Polish (2)',
    ];
    for (const words of aboutPeople) {
      expect(JSON.stringify(organiser), words).toContain(words);
      expect(JSON.stringify(published), words).not.toContain(words);
    }
    expect(under(published, 'Inclusion')).toEqual([
      '6 people took part; 1 of them gave no name.',
      // "Staff (1)" would point at one person: small counts read "fewer than 5".
      'Who they are here as: Person who uses services (0), Carer (fewer than 5), Staff (fewer than 5) and not said (fewer than 5).',
      'Every table wrote notes: between 2 and 4 per table and round.',
    ]);
    expect(under(published, 'Support')).toEqual(under(organiser, 'Support').slice(3));
    // Everything else is the same in both copies.
    for (const heading of ['Planning', 'Working together', 'Methods', 'Communication', 'Impact'])
      expect(under(published, heading), heading).toEqual(under(organiser, heading));
  });

  it('publishes counts of people from 5 up, and nought, as they are; 1 to 4 as "fewer than 5"', () => {
    const ev = new EventUnderTest(cafeSettings({ groups: GROUPS }));
    for (let i = 0; i < 7; i++) ev.join(`carer${i}`, null, { group: 'Carer' });
    for (let i = 0; i < 5; i++) ev.join(`staff${i}`, null, { group: 'Staff' });
    for (let i = 0; i < 4; i++) ev.join(`quiet${i}`, null);
    const groups = (audience: 'public' | 'organiser') =>
      under(buildHarvestReport(ev.state, 0, audience).evidence, 'Inclusion').find((p) => p.startsWith('Who'));
    expect(groups('public')).toBe(
      'Who they are here as: Person who uses services (0), Carer (7), Staff (5) and not said (fewer than 5).',
    );
    expect(groups('organiser')).toBe(
      'Who they are here as: Person who uses services (0), Carer (7), Staff (5) and not said (4).',
    );
    const pl = JSON.stringify(sectionOf(ev.state, reportWords('pl'), 'public'));
    expect(pl).toContain('mniej niż 5');
    const ar = JSON.stringify(sectionOf(ev.state, reportWords('ar'), 'public'));
    expect(ar).toContain(reportWords('ar').ev('fewerThan', { n: reportWords('ar').number(5) }));
  });

  it('leaves them out in Polish and Arabic too', () => {
    const ev = collected();
    for (const locale of ['pl', 'ar'] as const) {
      const w = reportWords(locale);
      const organiser = JSON.stringify(sectionOf(ev.state, w));
      const published = JSON.stringify(sectionOf(ev.state, w, 'public'));
      const words = [
        w.ev('need.interpreter'),
        w.ev('need.large_print'),
        w.ev('language.ar'),
        w.ev('language.pl'),
        w.ev('inclusion.firstTime', { first: '2', returning: '1', notSaid: '3' }),
      ];
      for (const word of words) {
        expect(organiser, `${locale}: ${word}`).toContain(word);
        expect(published, `${locale}: ${word}`).not.toContain(word);
      }
    }
  });

  it('does not say nobody asked for anything either: that it said so would tell when someone had', () => {
    const none = new EventUnderTest(cafeSettings({ askNeeds: true }));
    none.join('ada', 'Ada');
    none.join('ben', 'Ben');
    const some = new EventUnderTest(cafeSettings({ askNeeds: true }));
    some.join('ada', 'Ada', { needs: ['interpreter'], language: 'ar' });
    some.join('ben', 'Ben');
    expect(under(sectionOf(none.state), 'Support')).toEqual([
      'None of the 2 people who joined asked for anything to help them take part.',
    ]);
    expect(under(sectionOf(some.state), 'Support')).toEqual([
      'What would help people take part, as they told it at the door: an interpreter (1).',
      'The team marked it as met for 0 of the 1 person who asked.',
      'The language each phone showed as its person joined: Arabic (1).',
    ]);
    // With nothing else to say under Support, both public copies say the same: needs stay with the team.
    expect(under(sectionOf(none.state, reportWords('en'), 'public'), 'Support')).toEqual([SUPPORT_PUBLIC]);
    expect(under(sectionOf(some.state, reportWords('en'), 'public'), 'Support')).toEqual([SUPPORT_PUBLIC]);
  });
});
