/**
 * What an organiser takes home after the café: the notes as Markdown, CSV and JSON. The café
 * here is built from a hand-written log, so every table and note is exactly where the test says.
 */
import { describe, expect, it } from 'vitest';
import { type ExportedCafe, exportCafe, toCsv, toJson, toMarkdown } from './export';
import { withNote } from './notes/table';
import type { Actor } from './records';
import { EventSettingsSchema } from './settings';
import { liveNotes, noteById } from './state';
import { RecordLog } from './testing/events';
import { renderGfm } from './testing/formats';

const T0 = Date.UTC(2025, 4, 17, 9, 0, 0);
const EXPORTED_AT = Date.UTC(2025, 4, 17, 12, 30, 0);
const FACILITATOR: Actor = { role: 'facilitator' };
const person = (id: string): Actor => ({ role: 'participant', id });

const QUESTIONS = ['What already works here?', 'What should we try next?', 'Who else should be here?'];

const TRICKY = {
  commas: 'Parks, paths, and benches',
  quotes: 'She said "let\'s try it" and we did',
  lines: 'First thought\nSecond thought\n\nAfter a blank line',
  emoji: 'Community garden 🌱🌻👩‍🌾 for all',
  scripts: 'Zusammenarbeit — 協力する — تعاون — сотрудничество — सहयोग',
  mixed: 'A "quoted, comma" line\nthen 🍵, then 協力',
};

/** The same kinds of text, each on one line. */
const ONE_LINE: typeof TRICKY = {
  ...TRICKY,
  lines: 'First thought; second thought; after a pause',
  mixed: 'A "quoted, comma" line, then 🍵, then 協力',
};

const FORMULAS = ['=HYPERLINK("http://evil.example","click")', '+1+1', '-2+3', '@SUM(A1:A3)'];

const MARKUP = ['**bold** and _italic_', '<script>alert(1)</script>', '# heading', '[link](x)'];

/**
 * Two tables, three rounds (the last without notes). Ada hosts table 1, an anonymous person
 * hosts table 2; @Eve's name looks like a formula.
 */
function smallCafe(texts: typeof TRICKY = TRICKY) {
  const log = new RecordLog(T0);
  const settings = EventSettingsSchema.parse({
    title: 'Riverside *neighbourhood* café',
    purpose: 'Plan the [summer] together.',
    tables: 2,
    rounds: QUESTIONS.map((question) => ({ question, minutes: 20 })),
    identity: 'choice',
  });
  log.add('event.created', { eventId: 'evt_export_test', joinCode: 'RIVER1', settings });
  const people: [string, string | null][] = [
    ['ada', 'Ada'],
    ['anon1', null],
    ['ben', 'Ben'],
    ['host2', null],
    ['eve', '@Eve'],
    ['anon2', null],
  ];
  for (const [id, name] of people) {
    log.add('participant.joined', { participantId: id, name, table: null }, person(id));
  }
  const hosts = { 1: 'ada', 2: 'host2' };
  log.add('host.assigned', { table: 1, participantId: 'ada' });
  log.add('host.assigned', { table: 2, participantId: 'host2' });
  log.add('seating.planned', {
    round: 0,
    tableCount: 2,
    hosts,
    seating: { ada: 1, anon1: 1, ben: 1, host2: 2, eve: 2, anon2: 2 },
  });
  log.add('round.started', { round: 0, startedAt: T0 + 60_000, endsAt: T0 + 21 * 60_000 });
  const post = (id: string, author: string, table: number, round: number, text: string) =>
    log.add('note.posted', { table, round, text }, person(author), id);
  // Table 2 writes first, so the export must put tables in number order, not in writing order.
  post('r1t2-a', 'eve', 2, 0, 'Table two speaks first');
  post('r1t1-a', 'ben', 1, 0, texts.commas);
  post('r1t1-b', 'anon1', 1, 0, texts.quotes);
  post('r1t1-gone', 'ben', 1, 0, 'Please forget this one');
  post('r1t1-c', 'ada', 1, 0, texts.lines);
  post('r1t2-b', 'anon2', 2, 0, texts.emoji);
  post('r1t1-edited', 'ben', 1, 0, 'First draft');
  log.add('note.edited', { noteId: 'r1t1-edited', text: 'Second draft, better' }, person('ben'));
  log.add('note.withdrawn', { noteId: 'r1t1-gone' }, person('ben'));
  log.add('round.ended', {
    round: 0,
    endedAt: T0 + 22 * 60_000,
    next: {
      round: 1,
      tableCount: 2,
      hosts,
      seating: { ada: 1, anon1: 2, ben: 2, host2: 2, eve: 1, anon2: 1 },
    },
  });
  log.add('round.started', { round: 1, startedAt: T0 + 23 * 60_000, endsAt: T0 + 43 * 60_000 });
  post('r2t2-a', 'anon1', 2, 1, texts.scripts);
  post('r2t1-a', 'eve', 1, 1, texts.mixed);
  FORMULAS.forEach((text, i) => {
    post(`r2t1-f${i}`, 'anon2', 1, 1, text);
  });
  MARKUP.forEach((text, i) => {
    post(`r2t2-m${i}`, 'ben', 2, 1, text);
  });
  post('r2t1-mid', 'anon2', 1, 1, 'Budget: 2+2=4, not -1 @ noon');
  post('r2t2-moderated', 'anon1', 2, 1, 'Removed by the facilitator');
  log.add('note.withdrawn', { noteId: 'r2t2-moderated' }, FACILITATOR);
  const state = log.state();
  return { state, cafe: exportCafe(state, EXPORTED_AT) };
}

const allNotes = (cafe: ExportedCafe) => cafe.rounds.flatMap((r) => r.tables.flatMap((t) => t.notes));

/** A careful RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
    wasQuoted = false;
  };
  while (i < text.length) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text.charAt(i + 1) === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
      } else {
        field += c;
        i += 1;
      }
      continue;
    }
    if (c === '"') {
      if (field !== '' || wasQuoted) throw new Error(`stray quote at ${i}`);
      quoted = true;
      wasQuoted = true;
      i += 1;
    } else if (c === ',') {
      endField();
      i += 1;
    } else if (c === '\r' && text.charAt(i + 1) === '\n') {
      endField();
      rows.push(row);
      row = [];
      i += 2;
    } else if (c === '\r' || c === '\n') {
      throw new Error(`bare line break outside quotes at ${i}`);
    } else {
      if (wasQuoted) throw new Error(`text after a closing quote at ${i}`);
      field += c;
      i += 1;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || wasQuoted || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

describe('parseCsv (the test’s own reader)', () => {
  it('reads quoted commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b,c","say ""hi""","x\r\ny"\r\n1,,3\r\n')).toEqual([
      ['a', 'b,c', 'say "hi"', 'x\r\ny'],
      ['1', '', '3'],
    ]);
  });
});

describe('exportCafe', () => {
  it('groups notes by round, with each round’s question and tables in number order', () => {
    const { cafe } = smallCafe();
    expect(cafe.rounds.map((r) => [r.round, r.question, r.minutes])).toEqual([
      [1, QUESTIONS[0], 20],
      [2, QUESTIONS[1], 20],
      [3, QUESTIONS[2], 20],
    ]);
    expect(cafe.rounds.map((r) => r.tables.map((t) => t.table))).toEqual([[1, 2], [1, 2], []]);
    const ids = cafe.rounds.map((r) => r.tables.map((t) => t.notes.map((n) => n.id)));
    expect(ids).toEqual([
      [
        ['r1t1-a', 'r1t1-b', 'r1t1-c', 'r1t1-edited'],
        ['r1t2-a', 'r1t2-b'],
      ],
      [
        ['r2t1-a', 'r2t1-f0', 'r2t1-f1', 'r2t1-f2', 'r2t1-f3', 'r2t1-mid'],
        ['r2t2-a', 'r2t2-m0', 'r2t2-m1', 'r2t2-m2', 'r2t2-m3'],
      ],
      [],
    ]);
    for (const r of cafe.rounds) {
      for (const t of r.tables) {
        for (const n of t.notes)
          expect([n.round, n.question, n.table]).toEqual([r.round, r.question, t.table]);
      }
    }
  });

  it('leaves withdrawn notes out, whoever withdrew them', () => {
    const { cafe } = smallCafe();
    const ids = allNotes(cafe).map((n) => n.id);
    expect(ids).not.toContain('r1t1-gone');
    expect(ids).not.toContain('r2t2-moderated');
    const text = toJson(cafe) + toCsv(cafe) + toMarkdown(cafe);
    expect(text).not.toContain('forget this one');
    expect(text).not.toContain('Removed by the facilitator');
  });

  it('names authors who gave a name and calls everyone else anonymous', () => {
    const { cafe } = smallCafe();
    const authors = Object.fromEntries(allNotes(cafe).map((n) => [n.id, n.author]));
    expect(authors['r1t1-a']).toBe('Ben');
    expect(authors['r1t1-c']).toBe('Ada');
    expect(authors['r1t2-a']).toBe('@Eve');
    expect(authors['r1t1-b']).toBe('anonymous');
    expect(authors['r1t2-b']).toBe('anonymous');
    expect(cafe.rounds[0]?.tables.map((t) => t.host)).toEqual(['Ada', 'anonymous']);
  });

  it('keeps the latest wording of an edited note, with both times', () => {
    const { cafe, state } = smallCafe();
    const edited = allNotes(cafe).find((n) => n.id === 'r1t1-edited');
    const original = noteById(state, 'r1t1-edited');
    expect(edited?.text).toBe('Second draft, better');
    expect(edited?.writtenAt).toBe(new Date(original?.postedAt ?? 0).toISOString());
    expect(edited?.editedAt).toBe(new Date(original?.editedAt ?? 0).toISOString());
    expect(allNotes(cafe).find((n) => n.id === 'r1t1-a')?.editedAt).toBeNull();
  });

  it('describes the café and who took part', () => {
    const { cafe } = smallCafe();
    expect(cafe.title).toBe('Riverside *neighbourhood* café');
    expect(cafe.purpose).toBe('Plan the [summer] together.');
    expect(cafe.exportedAt).toBe('2025-05-17T12:30:00.000Z');
    expect(cafe.participants).toEqual({ joined: 6, named: 3, anonymous: 3 });
  });
});

describe('toCsv', () => {
  const read = (cafe: ExportedCafe) => {
    const csv = toCsv(cafe);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(csv.slice(1));
    const byId = new Map(rows.map((r) => [r[7], r]));
    return { header, rows, byId };
  };

  it('has a header and one row per note that was not withdrawn, in export order', () => {
    const { cafe } = smallCafe(ONE_LINE);
    const { header, rows } = read(cafe);
    expect(header).toEqual([
      'round',
      'question',
      'table',
      'note',
      'author',
      'written_at',
      'edited_at',
      'note_id',
      'source',
    ]);
    expect(rows.map((r) => r[7])).toEqual(allNotes(cafe).map((n) => n.id));
    for (const r of rows) expect(r).toHaveLength(9);
  });

  it('reads back the exact words of notes with commas, quotes, emoji and other scripts', () => {
    const { cafe } = smallCafe(ONE_LINE);
    const { byId } = read(cafe);
    const expected: [string, string][] = [
      ['r1t1-a', ONE_LINE.commas],
      ['r1t1-b', ONE_LINE.quotes],
      ['r1t1-c', ONE_LINE.lines],
      ['r1t2-b', ONE_LINE.emoji],
      ['r2t2-a', ONE_LINE.scripts],
      ['r2t1-a', ONE_LINE.mixed],
    ];
    for (const [id, text] of expected) expect(byId.get(id)?.[3]).toBe(text);
    expect(byId.get('r1t1-b')?.slice(0, 6)).toEqual([
      '1',
      QUESTIONS[0],
      '1',
      ONE_LINE.quotes,
      'anonymous',
      allNotes(cafe).find((n) => n.id === 'r1t1-b')?.writtenAt,
    ]);
    expect(byId.get('r1t1-b')?.[6]).toBe('');
    expect(byId.get('r2t2-a')?.slice(0, 3)).toEqual(['2', QUESTIONS[1], '2']);
  });

  it('neutralises notes and names a spreadsheet would run as formulas', () => {
    const { cafe } = smallCafe(ONE_LINE);
    const { byId } = read(cafe);
    FORMULAS.forEach((text, i) => {
      expect(byId.get(`r2t1-f${i}`)?.[3]).toBe(`'${text}`);
    });
    expect(byId.get('r1t2-a')?.[4]).toBe("'@Eve");
    // Only the start of a cell matters: the same characters later on are left alone.
    expect(byId.get('r2t1-mid')?.[3]).toBe('Budget: 2+2=4, not -1 @ noon');
    expect(byId.get('r2t1-a')?.[4]).toBe("'@Eve");
  });

  it('neutralises every cell, the note ids phones choose included, and the forms a spreadsheet also runs', () => {
    const log = new RecordLog(T0);
    const settings = EventSettingsSchema.parse({
      title: 'Ids',
      purpose: '',
      tables: 1,
      rounds: [{ question: '=1+1 is the question', minutes: 20 }],
      identity: 'choice',
    });
    log.add('event.created', { eventId: 'evt_ids', joinCode: 'IDS001', settings });
    log.add('participant.joined', { participantId: 'p', name: null, table: 1 }, person('p'));
    const cases: [id: string, text: string][] = [
      ['-A1-A1-A1', 'an id a phone may choose'],
      ['=cmd|/c calc!A1', 'an id an older store may hold'],
      ['+1', '\u0000\u0007=1+1'],
      ['@x', '  -2+3'],
      ['\tx', '\uff1d1+1'],
      ['\rx', 'plain'],
    ];
    for (const [id, text] of cases) log.add('note.posted', { table: 1, round: 0, text }, person('p'), id);
    const { rows } = read(exportCafe(log.state(), EXPORTED_AT));
    // A carriage return is a line break like any other (written as \n).
    expect(rows.map((r) => r[7])).toEqual(["'-A1-A1-A1", "'=cmd|/c calc!A1", "'+1", "'@x", "'\tx", "'\nx"]);
    expect(rows.map((r) => r[3])).toEqual([
      'an id a phone may choose',
      'an id an older store may hold',
      "'=1+1",
      "'  -2+3",
      "'\uff1d1+1",
      'plain',
    ]);
    expect(rows[0]?.[1]).toBe("'=1+1 is the question");
  });
});

describe('toMarkdown', () => {
  it('shows markup typed into notes as plain text', () => {
    const { cafe } = smallCafe();
    const md = toMarkdown(cafe);
    expect(md).toContain('- \\*\\*bold\\*\\* and \\_italic\\_ — Ben');
    expect(md).toContain('- \\<script>alert(1)\\</script> — Ben');
    expect(md).toContain('- \\# heading — Ben');
    expect(md).toContain('- \\[link\\](x) — Ben');
    expect(md).not.toContain('**bold**');
    expect(md).not.toContain('[link](x)');
    expect(md).not.toMatch(/(^|[^\\])<script>/);
    expect(md).not.toMatch(/^\s{0,3}# heading/m);
  });

  it('uses headings only for the café, its rounds and its tables', () => {
    const { cafe } = smallCafe();
    const headings = toMarkdown(cafe)
      .split('\n')
      .filter((line) => /^\s{0,3}#/.test(line));
    expect(headings).toEqual([
      '# Riverside \\*neighbourhood\\* café',
      `## Round 1: ${QUESTIONS[0]}`,
      '### Table 1 (host: Ada)',
      '### Table 2 (host: anonymous)',
      `## Round 2: ${QUESTIONS[1]}`,
      '### Table 1 (host: Ada)',
      '### Table 2 (host: anonymous)',
      `## Round 3: ${QUESTIONS[2]}`,
    ]);
  });

  it('keeps every line of a multi-line note inside its list item', () => {
    const { cafe } = smallCafe();
    const md = toMarkdown(cafe);
    // The blank line holds an invisible joiner, so it neither ends the item nor starts a code block.
    expect(md).toContain('- First thought  \n  Second thought  \n  \u200c  \n  After a blank line — Ada');
    expect(renderGfm(md)).toContain(
      '<li>First thought<br />\nSecond thought<br />\n\u200c<br />\nAfter a blank line — Ada</li>',
    );
  });

  it('leaves anonymous authors unnamed, and says when a round had no notes', () => {
    const { cafe } = smallCafe();
    const md = toMarkdown(cafe);
    expect(md).toContain('- Community garden 🌱🌻👩‍🌾 for all\n');
    expect(md).not.toContain('— anonymous');
    expect(md).toContain(`## Round 3: ${QUESTIONS[2]}\n\n_No notes in this round._`);
    expect(md).toContain('6 people took part (3 anonymously); 17 notes.');
    expect(md).toContain('Plan the \\[summer\\] together.');
    expect(md).toContain('Exported Saturday 17 May 2025, 12:30 UTC.');
    expect(md).not.toMatch(/\\[.!]/);
  });
});

describe('toJson', () => {
  it('round-trips the export', () => {
    const { cafe } = smallCafe();
    const json = toJson(cafe);
    expect(json.endsWith('\n')).toBe(true);
    expect(JSON.parse(json)).toEqual(cafe);
  });

  it('contains every note that was not withdrawn exactly once, with its exact words', () => {
    const { cafe, state } = smallCafe();
    const parsed = JSON.parse(toJson(cafe)) as ExportedCafe;
    const ids = allNotes(parsed).map((n) => n.id);
    const live = liveNotes(state).map((n) => n.id);
    expect(ids).toHaveLength(17);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...live].sort());
    for (const n of allNotes(parsed)) expect(n.text).toBe(noteById(state, n.id)?.text);
  });
});

describe('exports, details that matter to organisers', () => {
  it('keeps a note with line breaks in one CSV cell', () => {
    const { cafe } = smallCafe(TRICKY);
    const csv = toCsv(cafe);
    const rows = parseCsv(csv.slice(1));
    const row = rows.find((r) => r[7] === 'r1t1-c');
    expect(row?.[3]).toBe(TRICKY.lines);
    expect(rows.slice(1).every((r) => r.length === 9)).toBe(true);
  });

  it('does not let a line of === under a note become a Markdown heading', () => {
    const { state } = smallCafe(TRICKY);
    const cafe = exportCafe(
      {
        ...state,
        notes: withNote(state.notes, { ...(noteById(state, 'r1t1-a') ?? raise()), text: 'Idea\n===' }),
      },
      EXPORTED_AT,
    );
    const md = toMarkdown(cafe);
    expect(md).toContain('Idea  \n  \\===');
  });

  it('names the host each table had in each round', () => {
    const { cafe } = smallCafe(ONE_LINE);
    const hostOf = (round: number, table: number) =>
      cafe.rounds[round]?.tables.find((t) => t.table === table)?.host;
    expect(hostOf(0, 1)).toBe('Ada');
    expect(hostOf(0, 2)).toBe('anonymous');
  });
});

function raise(): never {
  throw new Error('missing note in fixture');
}
