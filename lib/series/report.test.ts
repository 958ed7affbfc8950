/**
 * The series report from three events written as logs (so every count is known in advance): the
 * events in the order they ran, the totals, groups added up by their words, each event's themes
 * and commitments, and the themes that came up at more than one event, in every language.
 */
import { describe, expect, it } from 'vitest';
import { reportWords } from '../i18n/report';
import { cafeSettings, EventUnderTest, MIN } from '../testing/events';
import { elementsIn, renderedText, renderGfm } from '../testing/formats';
import { SERIES_NOW as NOW, SERIES_PRIVATE, series } from '../testing/series';
import { seriesBlocks, seriesMarkdown } from './document';
import { buildSeriesReport, labelsAlike, recurringThemes } from './report';

describe('a series report', () => {
  it('lists the events in the order they ran, with their day, method, people and notes', () => {
    const r = series();
    expect(r.title).toBe('Listening to carers, 2026');
    expect(r.madeAt).toBe(new Date(NOW).toISOString());
    expect(r.events.map((e) => [e.title, e.day, e.method, e.people, e.notes, e.harvested])).toEqual([
      ['Open Space on respite', '2026-02-01', 'openSpace', 1, 0, false],
      ['Carers’ café — Northfield', '2026-03-12', 'cafe', 4, 4, true],
      ['Carers’ café — Southbank', '2026-04-09', 'cafe', 2, 3, true],
    ]);
  });

  it('adds the events up: people event by event, notes and the share written anonymously', () => {
    const t = series().totals;
    expect(t.people).toBe(7);
    expect(t.notes).toBe(7);
    // Northfield: a person without a name, and a note posted without the name; Southbank: one.
    expect(t.anonymousNotes).toBe(3);
    expect(t.anonymousShare).toBe(43);
    expect(t.commitments).toEqual({ planned: 0, in_progress: 1, done: 1, not_possible: 0 });
  });

  it('counts a paper card or an imported row that gives a name as written with one', () => {
    const ev = new EventUnderTest(cafeSettings({ tables: 1 }));
    ev.join('ada', 'Ada');
    ev.facilitate('seating.plan');
    ev.later(MIN).facilitate('round.start');
    ev.post('ada', 'A bench by the river');
    ev.facilitate('note.transcribe', { text: 'A market on Sundays', round: 0, table: 1, name: 'Ola' });
    ev.facilitate('note.transcribe', { text: 'Fewer cars', round: 0, table: 1 });
    ev.facilitate('notes.import', {
      notes: [
        { table: 1, round: 0, text: 'A library', name: 'Piotr' },
        { table: 1, round: 0, text: 'A pool' },
      ],
    });
    const t = buildSeriesReport('Our town', [ev.state], NOW).totals;
    expect(t.notes).toBe(5);
    // The blank paper card and the blank row; Ada, Ola and Piotr gave names.
    expect(t.anonymousNotes).toBe(2);
    expect(t.anonymousShare).toBe(40);
  });

  it('adds the groups up where their words are the same, whatever the case', () => {
    const t = series().totals;
    expect(t.eventsAskingGroups).toBe(2);
    expect(t.groups).toEqual([
      { label: 'Carer', count: 3, events: 2 },
      { label: 'Staff', count: 1, events: 1 },
      { label: 'Person who uses services', count: 1, events: 1 },
    ]);
    // Northfield's fourth person did not say.
    expect(t.notSaid).toBe(1);
  });

  it('gives each event’s themes with their notes, and each commitment with where it stands', () => {
    const [os, north, south] = series().events;
    expect(os?.themes).toEqual([]);
    expect(north?.themes.map((t) => [t.label, t.notes, t.commitment?.status ?? null])).toEqual([
      ['Evening buses', 2, 'in_progress'],
      ['Respite care', 2, null],
    ]);
    expect(north?.themes[0]?.commitment).toMatchObject({
      what: 'Ask the bus company for a later 42',
      who: 'Transport team',
      due: '2026-06-30',
    });
    expect(south?.themes.map((t) => [t.label, t.commitment?.status ?? null])).toEqual([
      ['Buses in the evening', null],
      ['Parking', 'done'],
    ]);
  });

  it('finds the theme that came up at two events under names alike, and no other', () => {
    const r = series();
    expect(r.recurring).toEqual([
      {
        label: 'Evening buses',
        notes: 4,
        events: 2,
        members: [
          { event: 1, label: 'Evening buses', notes: 2 },
          { event: 2, label: 'Buses in the evening', notes: 2 },
        ],
      },
    ]);
  });
});

describe('theme names alike', () => {
  it.each([
    ['Evening buses', 'Buses in the evening', true],
    ['Evening buses', 'Buses', true],
    ['Parking', 'parking', true],
    ['Respite care', 'Respite care at weekends', true],
    ['Buses', 'Public transport', false],
    ['Car parking', 'Care', false],
    ['Green spaces', 'Safe spaces', false],
    ['Parking', 'Evening buses', false],
    ['Opieka wytchnieniowa', 'opieka  wytchnieniowa', true],
    ['النقل المسائي', 'النقل المسائي', true],
  ])('“%s” and “%s”: %s', (a, b, alike) => {
    expect(labelsAlike(a, b)).toBe(alike);
    expect(labelsAlike(b, a)).toBe(alike);
  });

  it('joins names through a third, and counts a theme only when it spans two events', () => {
    const found = recurringThemes([
      { themes: [{ label: 'Evening buses', notes: 5, commitment: null }] },
      {
        themes: [
          { label: 'Buses', notes: 1, commitment: null },
          { label: 'Bus', notes: 1, commitment: null },
        ],
      },
      { themes: [{ label: 'Respite care', notes: 3, commitment: null }] },
      { themes: [{ label: 'Care', notes: 2, commitment: null }] },
    ]);
    expect(found.map((t) => [t.label, t.events, t.notes, t.members.length])).toEqual([
      ['Evening buses', 2, 7, 3],
      ['Respite care', 2, 5, 2],
    ]);
    expect(
      recurringThemes([
        {
          themes: [
            { label: 'Buses', notes: 1, commitment: null },
            { label: 'Buses', notes: 1, commitment: null },
          ],
        },
      ]),
    ).toEqual([]);
  });
});

describe('the series report as a document', () => {
  it('is Markdown with one title, the sections in order, and nested lists for commitments', () => {
    const md = seriesMarkdown(series(), reportWords('en'));
    const html = renderGfm(md);
    expect(elementsIn(html).filter((e) => e === 'h1')).toHaveLength(1);
    const text = renderedText(html);
    expect(text).toContain('Listening to carers, 2026: what you told us across 3 events');
    const order = [
      'The events',
      'Altogether',
      'Who people said they were',
      'Each event’s themes',
      'Themes that came up at more than one event',
    ];
    const at = order.map((h) => text.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    for (const line of [
      'Open Space on respite, 1 February 2026: Open Space. 1 person took part and wrote 0 notes.',
      'Carers’ café — Northfield, 12 March 2026: World Café. 4 people took part and wrote 4 notes.',
      '7 people took part, added up event by event',
      '7 notes, 43% of them written anonymously.',
      '2 commitments: 1 done, 1 in progress, 0 planned, 0 not possible.',
      '2 events of 3 asked “I’m here as…”',
      'Carer: 3',
      'Did not say: 1',
      'The harvest of this event has not been started, so it has no themes yet.',
      'Evening buses: 2 notes',
      'What we will do: Ask the bus company for a later 42',
      'Who: Transport team',
      'By when: 30 June 2026',
      'Status: in progress (updated 12 March 2026)',
      'Evening buses: at 2 events, 4 notes',
      'Carers’ café — Southbank: “Buses in the evening”, 2 notes',
    ])
      expect(text).toContain(line);
    // A commitment's details are a list inside its theme's item.
    expect(html).toMatch(/<li>Evening buses: 2 notes\s*<ul>\s*<li>What we will do/);
  });

  it('quotes no note and names nobody who took part', () => {
    const all = ['en', 'pl', 'ar'] as const;
    for (const locale of all) {
      const md = seriesMarkdown(series(), reportWords(locale));
      for (const words of SERIES_PRIVATE) expect(md, `${locale}: ${words}`).not.toContain(words);
    }
  });

  it('is written in the language chosen, with its plurals', () => {
    const pl = renderedText(renderGfm(seriesMarkdown(series(), reportWords('pl'))));
    expect(pl).toContain('Listening to carers, 2026: co nam powiedzieliście podczas 3 wydarzeń');
    expect(pl).toContain('Wzięły udział 4 osoby, które napisały 4 notatki.');
    expect(pl).toContain('Stan: w toku (aktualizacja 12 marca 2026)');
    expect(pl).toContain('Tematy, które pojawiły się na więcej niż jednym wydarzeniu');
    const ar = renderedText(renderGfm(seriesMarkdown(series(), reportWords('ar'))));
    expect(ar).toContain('ما قلتموه لنا عبر 3 فعاليات');
    expect(ar).toContain('مواضيع ظهرت في أكثر من فعالية');
    // The organisers' English words keep their own direction: between two left-to-right marks.
    expect(ar).toContain('\u200eEvening buses\u200e: ملاحظتان');
    expect(ar).toContain('«\u200eBuses in the evening\u200e»');
    expect(seriesMarkdown(series(), reportWords('en'))).not.toMatch(/[\u200e\u200f]/);
    // Arabic keeps Western digits, as on every screen.
    expect(ar).toContain('2026');
  });

  it('gives every block some words in every language', () => {
    for (const locale of ['en', 'pl', 'ar'] as const)
      for (const b of seriesBlocks(series(), reportWords(locale)))
        expect(b.text.trim(), `${locale} ${b.kind}`).not.toBe('');
  });
});

describe('what organisers typed, in the document', () => {
  it('stays text: no heading, link, image or markup of its own in the Markdown', () => {
    const hostile = '# Not a heading <img src=x onerror=alert(1)> [click](http://evil.example) **loud**';
    const r = series();
    const odd = {
      ...r,
      title: hostile,
      events: r.events.map((e) => ({ ...e, title: `${e.title} | ${hostile}` })),
      recurring: r.recurring.map((t) => ({ ...t, label: hostile })),
    };
    const html = renderGfm(seriesMarkdown(odd, reportWords('en')));
    const elements = elementsIn(html);
    expect(elements.filter((e) => e === 'h1')).toHaveLength(1);
    for (const tag of ['img', 'a', 'strong', 'table']) expect(elements, tag).not.toContain(tag);
    expect(renderedText(html)).toContain('# Not a heading <img src=x onerror=alert(1)>');
  });
});
