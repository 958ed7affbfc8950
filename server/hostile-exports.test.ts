/**
 * Every download is valid for its format whatever people typed. Events are written record by
 * record with generated hostile text everywhere people write (titles, questions, names, notes,
 * sessions, reports, actions, themes, responses, and the ids phones choose), straight into the
 * log as an older server or a broken client might have stored it, then every format is read back
 * with a real parser: the Word file's XML parts with a strict XML 1.0 parser, CSV with an RFC 4180
 * parser, Markdown with a GFM renderer, JSON with JSON.parse; the PDFs must simply be made.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportCafe, toCsv, toJson, toMarkdown } from '../lib/export';
import { buildHarvestReport, harvestCsv, harvestJson, harvestMarkdown } from '../lib/harvest/report';
import { LOCALES } from '../lib/i18n/locales';
import { KIT_NAMES } from '../lib/kit/plan';
import { exportProceedings, toProceedingsJson, toProceedingsMarkdown } from '../lib/openspace/proceedings';
import type { EventSettings } from '../lib/settings';
import type { EventState } from '../lib/state';
import { FACILITATOR, openSpaceSettings, person, RecordLog, T0 } from '../lib/testing/events';
import {
  anyCodePoint,
  csvCellIsSafe,
  csvRows,
  elementsIn,
  hostileText,
  renderGfm,
  rng,
  xmlProblem,
} from '../lib/testing/formats';
import { harvestDocx, harvestPdf } from './harvest-docs';
import { kitPdf } from './kit';
import { proceedingsDocx, proceedingsPdf } from './proceedings-docs';

const EVENTS = 6;
const NOTES = 30;
const NOW = T0 + 8 * 3_600_000;

/** Ids a phone could choose (`act` ids are 8–64 of A–Z, a–z, 0–9, - and _), and ids an older store might hold. */
const IDS = ['-A1-A1-A1', '-1-1-1-1', '--------', '=cmd|/c calc!A1', '+1', '@x', '\tx', '\rx', ' =1', '＝1'];

/** Hostile text, now and then with a few code points from anywhere in Unicode mixed in. */
function textFrom(next: (n: number) => number): string {
  let s = hostileText(next);
  for (let i = next(4); i > 0; i--) s += anyCodePoint(next);
  return s;
}

/** An event with both a café and an Open Space, every piece of text hostile, and a harvest. */
function hostileEvent(seed: number): EventState {
  const next = rng(seed);
  const text = () => textFrom(next);
  const base = openSpaceSettings();
  const os = base.openSpace;
  if (!os) throw new Error('no Open Space settings');
  const settings: EventSettings = {
    ...base,
    title: text(),
    purpose: text(),
    tables: 3,
    rounds: [
      { question: text(), minutes: 20 },
      { question: text(), minutes: 15 },
    ],
    openSpace: {
      ...os,
      theme: text(),
      slots: os.slots.map((s) => ({ ...s, label: text() })),
      spaces: os.spaces.map((s) => ({ ...s, name: text(), notes: text() })),
    },
  };
  const log = new RecordLog();
  log.add('event.created', { eventId: `evt_hostile_${seed}`, joinCode: 'HOST42', settings });
  const people = ['p1', 'p2', 'p3', 'p4', 'p5'];
  for (const pid of people)
    log.add(
      'participant.joined',
      { participantId: pid, name: next(4) ? text() : null, table: null },
      person(pid),
    );
  log.add('seating.planned', {
    round: 0,
    tableCount: 3,
    seating: { p1: 1, p2: 1, p3: 2, p4: 3, p5: 3 },
    hosts: { '1': 'p1' },
  });
  const sessions = ['s-1', IDS[next(IDS.length)] ?? 's-2'];
  sessions.forEach((sessionId, i) => {
    log.add(
      'session.proposed',
      { sessionId, title: text(), description: text(), anonymous: i === 1, slot: i, space: i },
      person(people[i] ?? 'p1'),
      sessionId,
    );
  });
  const noteIds: string[] = [];
  for (let i = 0; i < NOTES; i++) {
    const pid = people[next(people.length)] ?? 'p1';
    const id = next(3) === 0 ? `${IDS[next(IDS.length)]}${i}` : `n-${i}`;
    const inSession = next(5) === 0;
    log.add(
      'note.posted',
      inSession
        ? { table: 0, round: -1, text: text(), session: sessions[next(sessions.length)] ?? 's-1' }
        : { table: 1 + next(3), round: next(2), text: text() },
      person(pid),
      id,
    );
    noteIds.push(id);
  }
  log.add('note.edited', { noteId: noteIds[0] ?? '', text: text() }, person('p1'));
  log.add(
    'session.reported',
    {
      sessionId: 's-1',
      report: { keyPoints: text(), questions: text(), actions: text(), attendance: 7, names: text() },
    },
    person('p1'),
  );
  log.add(
    'action.proposed',
    { actionId: 'a-1', sessionId: 's-1', title: text(), nextStep: text(), due: '2025-09-01' },
    person('p2'),
    'a-1',
  );
  const half = Math.ceil(noteIds.length / 2);
  log.add('harvest.started', {
    themes: [
      { id: 'r1:a', group: text(), label: text(), noteIds: noteIds.slice(0, half) },
      { id: 'r1:b', group: text(), label: text(), noteIds: noteIds.slice(half) },
    ],
    unthemed: [],
    votesPerPerson: 3,
  });
  for (const id of noteIds.slice(0, 6)) log.add('harvest.note-quoted', { noteId: id, quoted: true });
  log.add('theme.responded', { themeId: 'r1:a', text: text() }, FACILITATOR);
  log.add('commitment.set', { themeId: 'r1:b', what: text(), who: text(), due: '2026-09-30' }, FACILITATOR);
  log.add('commitment.updated', { themeId: 'r1:b', status: 'not_possible', note: text() }, FACILITATOR);
  return log.state();
}

const states = Array.from({ length: EVENTS }, (_, i) => hostileEvent(20250617 + i));

/** What a Markdown export may contain once rendered: its own headings, lists and emphasis, nothing from people's words. */
const OWN_MARKUP = new Set(['h1', 'h2', 'h3', 'p', 'ul', 'ol', 'li', 'br', 'em', 'strong', 'blockquote']);

describe('every download, whatever people typed', () => {
  it('Word: a note with U+FFFE, U+FFFF, a control character and half an emoji keeps the words around them', async () => {
    const log = new RecordLog();
    log.add('event.created', {
      eventId: 'evt_fffe',
      joinCode: 'FFFE42',
      settings: {
        ...openSpaceSettings(),
        title: 'Title\uffff',
        rounds: [{ question: 'Q\ufffe?', minutes: 20 }],
      },
    });
    log.add('participant.joined', { participantId: 'p1', name: null, table: 1 }, person('p1'));
    log.add(
      'note.posted',
      { table: 1, round: 0, text: 'a\ufffeb\uffffc\u0001d\ud83de' },
      person('p1'),
      'n-1',
    );
    log.add('harvest.started', {
      themes: [{ id: 't', group: 'Q\ufffe?', label: 'Label\u0008', noteIds: ['n-1'] }],
      unthemed: [],
      votesPerPerson: 3,
    });
    log.add('harvest.note-quoted', { noteId: 'n-1', quoted: true });
    const zip = await JSZip.loadAsync(await harvestDocx(buildHarvestReport(log.state(), NOW, 'organiser')));
    const xml = await zip.file('word/document.xml')?.async('uint8array');
    if (!xml) throw new Error('no word/document.xml');
    expect(xmlProblem(xml)).toBeNull();
    expect(new TextDecoder().decode(xml)).toContain('“abcde”');
  });

  it('Word: every XML part of the file is well-formed XML 1.0', async () => {
    for (const state of states) {
      const zip = await JSZip.loadAsync(await harvestDocx(buildHarvestReport(state, NOW, 'organiser')));
      const parts = Object.values(zip.files).filter((f) => !f.dir && /\.(xml|rels)$/.test(f.name));
      expect(parts.map((p) => p.name)).toContain('word/document.xml');
      for (const part of parts)
        expect(
          xmlProblem(await part.async('uint8array')),
          `${state.settings.title}: ${part.name}`,
        ).toBeNull();
    }
  });

  it('Word: the book of proceedings is well-formed XML 1.0 in every language', async () => {
    for (const [i, state] of states.entries()) {
      const locale = LOCALES[i % LOCALES.length] ?? 'en';
      const zip = await JSZip.loadAsync(await proceedingsDocx(exportProceedings(state, NOW, locale)));
      const parts = Object.values(zip.files).filter((f) => !f.dir && /\.(xml|rels)$/.test(f.name));
      expect(parts.map((p) => p.name)).toContain('word/document.xml');
      for (const part of parts)
        expect(xmlProblem(await part.async('uint8array')), `${locale}: ${part.name}`).toBeNull();
    }
  });

  it('PDF: the book of proceedings is made, in every language', async () => {
    for (const [i, state] of states.slice(0, LOCALES.length).entries()) {
      const book = await proceedingsPdf(exportProceedings(state, NOW, LOCALES[i] ?? 'en'));
      expect(book.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  });

  it('PDF: the harvest report and every printout of the kit are made', async () => {
    for (const state of states) {
      const report = await harvestPdf(buildHarvestReport(state, NOW, 'organiser'));
      expect(report.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // The kit draws the same words as the settings; two events are enough for it (it is slow),
      // the second in Arabic, so the words go through the right-to-left writer too.
      if (states.indexOf(state) >= 2) continue;
      for (const name of KIT_NAMES) {
        const made = kitPdf(state, name, {
          joinUrl: 'http://localhost:3000/j/HOST42',
          toldUrl: `http://localhost:3000/told/${state.id}`,
          start: '09:30',
          tables: 3,
          lang: states.indexOf(state) === 1 ? 'ar' : 'en',
        });
        if ('missing' in made) continue;
        expect((await made).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      }
    }
  });

  it('JSON: parses back to exactly what was exported', () => {
    for (const state of states) {
      const cafe = exportCafe(state, NOW);
      expect(JSON.parse(toJson(cafe))).toEqual(cafe);
      const report = buildHarvestReport(state, NOW, 'organiser');
      expect(JSON.parse(harvestJson(report))).toEqual(report);
      const proceedings = exportProceedings(state, NOW);
      expect(JSON.parse(toProceedingsJson(proceedings))).toEqual(proceedings);
    }
  });

  it('CSV: one row per note, every row as wide as the header, no cell a spreadsheet would run', () => {
    for (const state of states) {
      const cafe = exportCafe(state, NOW);
      const report = buildHarvestReport(state, NOW, 'organiser');
      const files = [
        { csv: toCsv(cafe), notes: cafe.rounds.flatMap((r) => r.tables.flatMap((t) => t.notes)).length },
        { csv: harvestCsv(report), notes: report.notes.length },
      ];
      for (const { csv, notes } of files) {
        const [header = [], ...rows] = csvRows(csv);
        expect(rows).toHaveLength(notes);
        for (const row of rows) {
          expect(row).toHaveLength(header.length);
          for (const cell of row) expect(csvCellIsSafe(cell), JSON.stringify(cell)).toBe(true);
        }
      }
    }
  });

  it('Markdown: a GFM renderer makes no link, no HTML and no markup of its own from people’s words', () => {
    for (const state of states) {
      const files = [
        toMarkdown(exportCafe(state, NOW)),
        harvestMarkdown(buildHarvestReport(state, NOW, 'organiser')),
        toProceedingsMarkdown(exportProceedings(state, NOW)),
      ];
      for (const md of files) {
        const html = renderGfm(md);
        expect(html).not.toContain('<a ');
        expect(elementsIn(html).filter((tag) => !OWN_MARKUP.has(tag))).toEqual([]);
      }
    }
  });
});
