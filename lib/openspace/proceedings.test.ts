/**
 * The book of proceedings: every session's report in agenda order, the convergence result and the
 * action plans, as Markdown and JSON, in English, Polish or Arabic; and the share of it the
 * published page shows. The event is run through the same steps as the server (look
 * up, check who may ask, validate, decide, number the record, reduce).
 */
import { describe, expect, it } from 'vitest';
import englishWords from '../../messages/proceedings/en.json';
import { peopleOf } from '../state';
import {
  EventUnderTest,
  GARDEN,
  HALL,
  MIDDAY,
  MIN,
  MORNING,
  marketplace,
  openSpaceSettings,
  person,
  SHORT_CAFE,
} from '../testing/events';
import {
  exportProceedings,
  type Proceedings,
  publicProceedings,
  toProceedingsJson,
  toProceedingsMarkdown,
} from './proceedings';
import { publishesProceedings } from './view';

const EXPORTED = Date.UTC(2025, 5, 14, 17, 0, 0);

const REPORT = {
  keyPoints: 'Oaks on the high street.\nLimes by the school.',
  questions: 'Who waters them in August?',
  actions: 'Ask the council for a tree map.',
  attendance: 9,
  names: 'Chen, Eli',
};

/**
 * A day's Open Space. Agenda (slot, space): Street trees (morning, Garden), Safe routes (morning,
 * Hall, convened anonymously by Ada), Benches (midday, Garden), then Dog walkers and Crossing
 * times, not placed. "Kids walking alone" was merged into Street trees; "Parking" was cancelled.
 */
function wholeDay() {
  const ev = marketplace();
  const benches = ev.propose('p2', 'Benches everywhere', { slot: MIDDAY, space: GARDEN });
  const routes = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: HALL, anonymous: true });
  const trees = ev.propose('p3', 'Street trees', { slot: MORNING, space: GARDEN, description: 'Shade' });
  const dogs = ev.propose('p5', 'Dog walkers');
  const crossings = ev.propose('p4', 'Crossing times');
  const kids = ev.propose('p2', 'Kids walking alone', { description: 'Crossings near the park' });
  const parking = ev.propose('p5', 'Parking');
  ev.run(person('p4'), 'session.interest', { sessionId: trees, interested: true });
  ev.run(person('p5'), 'session.interest', { sessionId: trees, interested: true });
  ev.facilitate('session.merge', { sessionId: kids, into: trees });
  ev.run(person('p5'), 'session.cancel', { sessionId: parking });
  ev.facilitate('marketplace.close', {});

  ev.later(60 * MIN);
  ev.run(person('p4'), 'note.post', { text: 'Plant oaks', session: trees });
  const withdrawn = ev.run(person('p1'), 'note.post', { text: 'Cut them all down', session: trees }).id;
  ev.run(person('p5'), 'note.post', { text: 'Ask the council', session: trees });
  ev.run(person('p1'), 'note.withdraw', { noteId: withdrawn });
  ev.run(person('p3'), 'note.post', { text: 'Written offline', session: kids });
  ev.run(person('p2'), 'note.post', { text: 'One per bus stop', session: benches });
  ev.run(person('p3'), 'session.report', { sessionId: trees, ...REPORT });

  ev.facilitate('stage.set', { stage: 'convergence' });
  for (const pid of ['p1', 'p4']) ev.run(person(pid), 'vote.cast', { sessionId: benches });
  for (let i = 0; i < 3; i++) ev.run(person('p5'), 'vote.cast', { sessionId: trees });
  ev.run(person('p3'), 'vote.cast', { sessionId: dogs });
  ev.facilitate('stage.set', { stage: 'actions' });
  const plan = ev.run(person('p3'), 'action.propose', {
    sessionId: trees,
    title: 'Tree map',
    nextStep: 'Write to the council',
    due: '2025-07-01',
  }).id;
  ev.run(person('p4'), 'action.signup', { actionId: plan, signedUp: true });
  ev.run(person('p5'), 'action.signup', { actionId: plan, signedUp: true });
  ev.facilitate('action.propose', { sessionId: benches, title: 'Bench audit', nextStep: '', due: null });
  return { ev, benches, routes, trees, dogs, crossings, kids, parking };
}

const sessionNamed = (p: Proceedings, title: string) => {
  const s = p.sessions.find((x) => x.title === title);
  if (!s) throw new Error(`no session “${title}” in the proceedings`);
  return s;
};

describe('the book of proceedings', () => {
  it('names the event, its theme and purpose, who took part and when it was exported', () => {
    const { ev } = wholeDay();
    const p = exportProceedings(ev.state, EXPORTED);
    expect(p).toMatchObject({
      title: 'Walkable Wednesdays',
      theme: 'How do we make our town walkable?',
      purpose: 'Find the first three streets to change.',
      exportedAt: '2025-06-14T17:00:00.000Z',
      participants: { joined: 5, anonymous: 1 },
      language: 'en',
    });
  });

  it('lists the sessions in agenda order: by time, then space, then the ones never placed', () => {
    const { ev, benches, routes, trees, dogs, crossings } = wholeDay();
    const p = exportProceedings(ev.state, EXPORTED);
    expect(p.sessions.map((s) => s.id)).toEqual([trees, routes, benches, dogs, crossings]);
    expect(p.sessions.map((s) => [s.when, s.space])).toEqual([
      ['10:00–11:00', 'Garden'],
      ['10:00–11:00', 'Hall'],
      ['11:30–12:30', 'Garden'],
      [null, null],
      [null, null],
    ]);
    const md = toProceedingsMarkdown(p);
    const headings = md.split('\n').filter((l) => l.startsWith('### '));
    expect(headings.slice(0, 5)).toEqual([
      '### 1. Street trees',
      '### 2. Safe routes to school',
      '### 3. Benches everywhere',
      '### 4. Dog walkers',
      '### 5. Crossing times',
    ]);
    expect(md).toContain('_10:00–11:00, Garden_');
  });

  it('leaves out sessions merged away or cancelled', () => {
    const { ev, kids, parking } = wholeDay();
    const p = exportProceedings(ev.state, EXPORTED);
    const ids = p.sessions.map((s) => s.id);
    expect(ids).not.toContain(kids);
    expect(ids).not.toContain(parking);
    expect(p.convergence.map((c) => c.sessionId)).not.toContain(kids);
    const md = toProceedingsMarkdown(p);
    expect(md).not.toContain('Kids walking alone');
    expect(md).not.toContain('Parking');
    expect(md).toContain('5 sessions.');
    // The merged session carries both conveners and both descriptions.
    expect(sessionNamed(p, 'Street trees')).toMatchObject({
      conveners: ['Chen', 'Ben'],
      description: 'Shade\n\nCrossings near the park',
      interested: 2,
    });
  });

  it('never names an anonymous convener, in Markdown or JSON', () => {
    const { ev } = wholeDay();
    const p = exportProceedings(ev.state, EXPORTED);
    expect(sessionNamed(p, 'Safe routes to school').conveners).toEqual([]);
    const md = toProceedingsMarkdown(p);
    const json = toProceedingsJson(p);
    expect(md).not.toContain('Ada');
    expect(json).not.toContain('Ada');
    const section = md.slice(md.indexOf('### 2. Safe routes to school'), md.indexOf('### 3.'));
    expect(section).toContain('Convened by anonymous.');
    // People who joined without a name are “anonymous” too.
    expect(sessionNamed(p, 'Crossing times').conveners).toEqual(['anonymous']);
    expect(md).toContain('Convened by Ben.');
    expect(md).toContain('Convened by Chen and Ben.');
  });

  it('names nobody when an anonymous proposal is merged with a named one', () => {
    const ev = marketplace();
    const named = ev.propose('p2', 'Benches everywhere');
    const hidden = ev.propose('p1', 'Somewhere to sit', { anonymous: true });
    ev.facilitate('session.merge', { sessionId: hidden, into: named });
    const p = exportProceedings(ev.state, EXPORTED);
    expect(p.sessions).toHaveLength(1);
    expect(p.sessions[0]?.conveners).toEqual([]);
    expect(toProceedingsMarkdown(p)).not.toContain('Ada');
    expect(toProceedingsJson(p)).not.toContain('Ada');
  });

  it('carries each report whole, and says when a session has none', () => {
    const { ev } = wholeDay();
    const p = exportProceedings(ev.state, EXPORTED);
    expect(sessionNamed(p, 'Street trees').report).toEqual(REPORT);
    expect(sessionNamed(p, 'Benches everywhere').report).toBeNull();
    const md = toProceedingsMarkdown(p);
    expect(md).toContain('**Who was there:** 9 people (Chen, Eli)');
    expect(md).toContain('**Key points**\n\nOaks on the high street.  \nLimes by the school.');
    expect(md).toContain('**Questions raised**\n\nWho waters them in August?');
    expect(md).toContain('**Proposed actions**\n\nAsk the council for a tree map.');
    // Ordinary sentences carry no escapes, and the export time reads as a date.
    expect(md).not.toMatch(/\\[.!]/);
    expect(md).toContain('Exported Saturday 14 June 2025, 17:00 UTC.');
    expect(md).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(md).toContain('_No report was written for this session._');
  });

  it('includes the notes written in each session, in the order written, but not withdrawn ones', () => {
    const { ev } = wholeDay();
    const p = exportProceedings(ev.state, EXPORTED);
    expect(sessionNamed(p, 'Street trees').notes).toEqual([
      'Plant oaks',
      'Ask the council',
      'Written offline',
    ]);
    expect(sessionNamed(p, 'Benches everywhere').notes).toEqual(['One per bus stop']);
    expect(sessionNamed(p, 'Dog walkers').notes).toEqual([]);
    const md = toProceedingsMarkdown(p);
    expect(md).toContain('**Notes**\n\n- Plant oaks\n- Ask the council\n- Written offline\n');
    expect(md).not.toContain('Cut them all down');
    expect(toProceedingsJson(p)).not.toContain('Cut them all down');
  });

  it('keeps the notes written in a session before it was merged into another', () => {
    const ev = marketplace();
    const keep = ev.propose('p1', 'Safe routes to school');
    const gone = ev.propose('p2', 'Kids walking alone');
    ev.run(person('p3'), 'note.post', { text: 'Said before the merge', session: gone });
    ev.facilitate('session.merge', { sessionId: gone, into: keep });
    const p = exportProceedings(ev.state, EXPORTED);
    expect(sessionNamed(p, 'Safe routes to school').notes).toEqual(['Said before the merge']);
  });

  it('shows the convergence ranking and the action plans with their owners', () => {
    const { ev, benches, trees, dogs, routes, crossings } = wholeDay();
    const p = exportProceedings(ev.state, EXPORTED);
    expect(p.convergence).toEqual([
      { sessionId: trees, title: 'Street trees', dots: 3, voters: 1 },
      { sessionId: benches, title: 'Benches everywhere', dots: 2, voters: 2 },
      { sessionId: dogs, title: 'Dog walkers', dots: 1, voters: 1 },
      { sessionId: routes, title: 'Safe routes to school', dots: 0, voters: 0 },
      { sessionId: crossings, title: 'Crossing times', dots: 0, voters: 0 },
    ]);
    expect(p.actions).toEqual([
      {
        title: 'Tree map',
        session: 'Street trees',
        nextStep: 'Write to the council',
        due: '2025-07-01',
        owners: ['Chen', 'anonymous', 'Eli'],
      },
      { title: 'Bench audit', session: 'Benches everywhere', nextStep: '', due: null, owners: [] },
    ]);
    const md = toProceedingsMarkdown(p);
    expect(md).toContain(
      [
        '## Convergence: what matters most',
        '',
        '1. Street trees: 3 dots from 1 person',
        '2. Benches everywhere: 2 dots from 2 people',
        '3. Dog walkers: 1 dot from 1 person',
        '',
      ].join('\n'),
    );
    expect(md).toContain(
      [
        '## Action plans',
        '',
        '### Tree map',
        '',
        'From: Street trees',
        '',
        'Next step: Write to the council',
        '',
        'By: Tuesday 1 July 2025',
        '',
        'Owners: Chen, anonymous and Eli',
        '',
        '### Bench audit',
        '',
        'From: Benches everywhere',
        '',
        'Owners: nobody yet',
      ].join('\n'),
    );
  });

  it('has no convergence or action sections before anyone votes or plans', () => {
    const ev = marketplace();
    ev.propose('p1', 'Safe routes to school');
    const md = toProceedingsMarkdown(exportProceedings(ev.state, EXPORTED));
    expect(md).not.toContain('## Convergence');
    expect(md).not.toContain('## Action plans');
    expect(md).toContain('5 people took part (1 anonymously)');
  });

  it('escapes markup in people’s words so it shows as typed', () => {
    const ev = marketplace();
    const id = ev.propose('p2', '**x** and <script>alert(1)</script>', {
      description: 'Line one\n# h\nsee [a](b)',
    });
    ev.run(person('p3'), 'note.post', { text: '# h', session: id });
    ev.run(person('p3'), 'note.post', { text: '[a](b) <img src=x onerror=alert(1)>', session: id });
    ev.run(person('p2'), 'session.report', {
      sessionId: id,
      keyPoints: '**bold claim**',
      questions: '<script>steal()</script>',
      actions: '# not a heading',
      attendance: null,
      names: '[Ben](http://evil.example)',
    });
    const md = toProceedingsMarkdown(exportProceedings(ev.state, EXPORTED));
    expect(md).toContain('### 1. \\*\\*x\\*\\* and \\<script>alert(1)\\</script>');
    expect(md).toContain('Line one  \n\\# h  \nsee \\[a\\](b)');
    expect(md).toContain('- \\# h');
    expect(md).toContain('- \\[a\\](b) \\<img src=x onerror=alert(1)>');
    expect(md).toContain('\\*\\*bold claim\\*\\*');
    // The address stays text: no link, and a zero-width non-joiner keeps it from being autolinked.
    expect(md).toContain('**Who was there:** \\[Ben\\](http\u200c://evil.example)');
    expect(md).not.toContain('**x**');
    expect(md).not.toContain('**bold claim**');
    // Every < is preceded by a backslash, so no tag can open.
    expect(md).not.toMatch(/(?<!\\)</);
    expect(md).not.toContain('[a](b)');
    expect(md).not.toContain('[Ben](');
    expect(md).not.toContain('http://');
    for (const line of md.split('\n')) expect(line).not.toMatch(/^#+ (h|not a heading)/);
  });

  it('JSON parses back to the same proceedings, with every live session exactly once', () => {
    const { ev, benches, routes, trees, dogs, crossings } = wholeDay();
    const p = exportProceedings(ev.state, EXPORTED);
    const json = toProceedingsJson(p);
    expect(json.endsWith('\n')).toBe(true);
    const parsed: unknown = JSON.parse(json);
    expect(parsed).toEqual(p);
    const ids = p.sessions.map((s) => s.id);
    expect([...ids].sort()).toEqual([benches, routes, trees, dogs, crossings].sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(sessionNamed(p, 'Street trees')).toEqual({
      id: trees,
      title: 'Street trees',
      description: 'Shade\n\nCrossings near the park',
      conveners: ['Chen', 'Ben'],
      when: '10:00–11:00',
      space: 'Garden',
      interested: 2,
      report: REPORT,
      notes: ['Plant oaks', 'Ask the council', 'Written offline'],
    });
  });

  it('an event without an Open Space exports an empty book', () => {
    const ev = new EventUnderTest(openSpaceSettings({ ...SHORT_CAFE, openSpace: null }));
    const p = exportProceedings(ev.state, EXPORTED);
    expect(p).toMatchObject({ theme: '', sessions: [], convergence: [], actions: [] });
    expect(toProceedingsMarkdown(p)).toContain('0 sessions.');
  });
});

/** Every word people typed into the event (and the names they gave), line by line, longest first. */
function peoplesWords(p: Proceedings, ev: EventUnderTest): string[] {
  const os = ev.state.openSpace;
  const texts = [
    p.title,
    p.theme,
    p.purpose,
    ...(ev.state.settings.openSpace?.spaces.map((s) => s.name) ?? []),
    ...peopleOf(ev.state).flatMap((x) => (x.name ? [x.name] : [])),
    ...p.sessions.flatMap((s) => [s.title, s.description, ...s.notes, ...Object.values(s.report ?? {})]),
    ...Object.values(os?.actions ?? {}).flatMap((a) => [a.title, a.nextStep]),
  ];
  return [...new Set(texts.flatMap((t) => (typeof t === 'string' ? t.split('\n') : [])))]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
}

/** The words of a document left when people's own words are taken out: the book's own. */
function ownWords(doc: string, people: string[]): string {
  let rest = doc;
  for (const words of people) rest = rest.split(words).join(' ');
  return rest;
}

/** Words set between two marks of their own direction (lib/i18n/marks.ts). */
const ltr = (s: string) => `\u200e${s}\u200e`;
const rtl = (s: string) => `\u200f${s}\u200f`;

/** The English words of the book (its catalogue's, and the days and months a date is written with). */
const ENGLISH = new Set(
  [
    ...JSON.stringify(englishWords).matchAll(/[A-Za-z]{3,}/g),
    ...'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December'.matchAll(
      /\w+/g,
    ),
  ].map(([w]) => w.toLowerCase()),
);
const englishIn = (text: string) =>
  (text.match(/[A-Za-z]+/g) ?? []).filter((w) => ENGLISH.has(w.toLowerCase()));

describe('the book of proceedings in Polish and Arabic', () => {
  it('is written in Polish, with Polish plurals, lists and dates', () => {
    const { ev } = wholeDay();
    const p = exportProceedings(ev.state, EXPORTED, 'pl');
    expect(p.language).toBe('pl');
    const md = toProceedingsMarkdown(p);
    for (const words of [
      '# Walkable Wednesdays: księga podsumowań',
      '**Temat:** How do we make our town walkable?',
      'Udział: 5 osób (anonimowo: 1); 5 sesji.',
      'Wyeksportowano: sobota, 14 czerwca 2025 17:00 UTC.',
      '## Sesje',
      'Zwołujący: Chen i Ben.',
      'Sesję zwołano anonimowo.',
      '**Obecni:** 9 osób (Chen, Eli)',
      '**Najważniejsze wnioski**',
      '**Postawione pytania**',
      '**Proponowane działania**',
      '_Z tej sesji nie spisano podsumowania._',
      '**Notatki**',
      '## Wybór najważniejszych: głosowanie kropkami',
      '1. Street trees: 3 kropki od 1 osoby',
      '2. Benches everywhere: 2 kropki od 2 osób',
      '3. Dog walkers: 1 kropka od 1 osoby',
      '## Plany działań',
      'Z sesji: Street trees',
      'Następny krok: Write to the council',
      'Termin: wtorek, 1 lipca 2025',
      'Odpowiedzialni: Chen, osoba anonimowa i Eli',
      'Odpowiedzialni: jeszcze nikt',
    ])
      expect(md, words).toContain(words);
    // The person without a name is named in Polish in the JSON too.
    expect(p.actions[0]?.owners).toEqual(['Chen', 'osoba anonimowa', 'Eli']);
  });

  it('is written in Arabic, with Arabic plurals, lists and dates, and Western digits', () => {
    const { ev } = wholeDay();
    const md = toProceedingsMarkdown(exportProceedings(ev.state, EXPORTED, 'ar'));
    for (const words of [
      `# ${ltr('Walkable Wednesdays')}: كتاب الجلسات`,
      `**الموضوع:** ${ltr('How do we make our town walkable?')}`,
      'المشاركون: 5 أشخاص (دون ذكر الاسم: 1)؛ 5 جلسات.',
      'تاريخ التصدير: السبت، 14 يونيو 2025 في 17:00 UTC.',
      '## الجلسات',
      `### 1. ${ltr('Street trees')}`,
      `_${ltr('10:00–11:00')}، ${ltr('Garden')}_`,
      `دعا إليها: ${ltr('Chen')} و${ltr('Ben')}.`,
      'دعا إليها شخص دون ذكر اسمه.',
      `**الحضور:** 9 أشخاص (${ltr('Chen, Eli')})`,
      '**أهم النقاط**',
      '_لم يُكتب ملخص لهذه الجلسة._',
      '## اختيار الأهم: التصويت بالنقاط',
      `1. ${ltr('Street trees')}: 3 نقاط من شخص واحد`,
      `2. ${ltr('Benches everywhere')}: نقطتان من شخصين`,
      '## خطط العمل',
      'بحلول: الثلاثاء، 1 يوليو 2025',
      `المسؤولون: ${ltr('Chen')} ومجهول الاسم و${ltr('Eli')}`,
      'المسؤولون: لا أحد بعد',
    ])
      expect(md, words).toContain(words);
    // People's lines of several lines are marked line by line.
    expect(md).toContain(`${ltr('Oaks on the high street.')}  \n${ltr('Limes by the school.')}`);
  });

  it('keeps people’s words in their own direction, and leaves words of the book’s direction as typed', () => {
    const ev = marketplace();
    const id = ev.propose('p1', 'حدائق الحي', { description: 'Shade for everyone' });
    ev.run(person('p1'), 'note.post', { text: 'مقاعد أكثر', session: id });
    const en = toProceedingsMarkdown(exportProceedings(ev.state, EXPORTED, 'en'));
    expect(en).toContain(`### 1. ${rtl('حدائق الحي')}`);
    expect(en).toContain(`- ${rtl('مقاعد أكثر')}`);
    expect(en).toContain('\nShade for everyone\n');
    const ar = toProceedingsMarkdown(exportProceedings(ev.state, EXPORTED, 'ar'));
    expect(ar).toContain('### 1. حدائق الحي\n');
    expect(ar).toContain('\n- مقاعد أكثر\n');
    expect(ar).toContain(`\n${ltr('Shade for everyone')}\n`);
  });

  for (const locale of ['pl', 'ar'] as const) {
    it(`in ${locale}, has no English word of its own: every English word left is someone's`, () => {
      const { ev } = wholeDay();
      const p = exportProceedings(ev.state, EXPORTED, locale);
      const own = ownWords(toProceedingsMarkdown(p), peoplesWords(p, ev));
      expect(englishIn(own)).toEqual([]);
      if (locale === 'ar') expect(own.match(/[A-Za-z]+/g)).toEqual(['UTC']);
      // And the check can fail: the English book has its own words left.
      const en = exportProceedings(ev.state, EXPORTED, 'en');
      expect(englishIn(ownWords(toProceedingsMarkdown(en), peoplesWords(en, ev)))).toEqual(
        expect.arrayContaining(['Convened', 'Key', 'points', 'Owners', 'nobody', 'Tuesday', 'July']),
      );
    });
  }
});

describe('the proceedings on the published page', () => {
  it('has every session in agenda order, with its report and the plans made in it', () => {
    const { ev, benches, routes, trees, dogs, crossings } = wholeDay();
    const p = publicProceedings(ev.state);
    expect(p?.theme).toBe('How do we make our town walkable?');
    expect(p?.sessions.map((s) => s.id)).toEqual([trees, routes, benches, dogs, crossings]);
    expect(p?.sessions[0]).toEqual({
      id: trees,
      title: 'Street trees',
      description: 'Shade\n\nCrossings near the park',
      when: '10:00–11:00',
      space: 'Garden',
      report: {
        keyPoints: REPORT.keyPoints,
        questions: REPORT.questions,
        actions: REPORT.actions,
        attendance: 9,
      },
      plans: [{ title: 'Tree map', nextStep: 'Write to the council', due: '2025-07-01', owners: 3 }],
    });
    expect(p?.sessions[2]).toMatchObject({
      title: 'Benches everywhere',
      report: null,
      plans: [{ title: 'Bench audit', nextStep: '', due: null, owners: 0 }],
    });
  });

  it('names nobody and holds no notes: not the conveners, not the names in a report, not the owners', () => {
    const { ev } = wholeDay();
    const json = JSON.stringify(publicProceedings(ev.state));
    for (const name of ['Ada', 'Ben', 'Chen', 'Eli', 'anonymous'])
      expect(json, name).not.toMatch(new RegExp(`\\b${name}\\b`));
    for (const note of ['Plant oaks', 'Ask the council', 'Written offline', 'One per bus stop'])
      expect(json, note).not.toContain(JSON.stringify(note));
    // The organiser's book, made from the same state, has them all.
    const book = toProceedingsJson(exportProceedings(ev.state, EXPORTED));
    for (const words of ['Ben', 'Chen', 'Eli', 'Plant oaks']) expect(book, words).toContain(words);
  });

  it('keeps a plan under the session its own was merged into', () => {
    const ev = marketplace();
    const keep = ev.propose('p1', 'Safe routes to school');
    const gone = ev.propose('p2', 'Kids walking alone');
    ev.facilitate('marketplace.close', {});
    ev.facilitate('stage.set', { stage: 'actions' });
    ev.run(person('p2'), 'action.propose', {
      sessionId: gone,
      title: 'Walking bus',
      nextStep: '',
      due: null,
    });
    ev.facilitate('session.merge', { sessionId: gone, into: keep });
    const p = publicProceedings(ev.state);
    expect(p?.sessions.map((s) => [s.title, s.plans.map((a) => a.title)])).toEqual([
      ['Safe routes to school', ['Walking bus']],
    ]);
  });

  it('is nothing for an event without an Open Space', () => {
    const ev = new EventUnderTest(openSpaceSettings({ ...SHORT_CAFE, openSpace: null }));
    expect(publicProceedings(ev.state)).toBeNull();
    expect(publishesProceedings(ev.state)).toBe(false);
  });

  it('goes out with the harvest exactly when the console says so beside Publish', () => {
    const { ev } = wholeDay();
    expect(publishesProceedings(ev.state)).toBe(true);
    expect(publicProceedings(ev.state)?.sessions.length).toBeGreaterThan(0);
    // Before any session is proposed, the page already carries the Open Space (with no sessions).
    const early = marketplace();
    expect(publishesProceedings(early.state)).toBe(true);
    expect(publicProceedings(early.state)).toMatchObject({ sessions: [] });
  });
});
