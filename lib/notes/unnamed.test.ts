/**
 * One note without my name: in an event where each person chooses, someone who gave a name may
 * post a note without it. Only the server (to let the author alone change it) and the author's
 * own phone know who wrote it; every other screen, the exports and the harvest show "anonymous".
 */
import { describe, expect, it } from 'vitest';
import { exportCafe, toCsv, toJson, toMarkdown } from '../export';
import { buildHarvestReport, harvestCsv } from '../harvest/report';
import { foldLog } from '../reducer';
import { type EventState, noteById, shownAuthor } from '../state';
import { cafeSettings, EventUnderTest, openSpaceSettings, person } from '../testing/events';
import {
  ANONYMOUS_AUTHOR,
  deliveriesOf,
  personRoom,
  ROOM_ALL_NOTES,
  roomsOf,
  tableRoom,
  type Viewer,
  viewFor,
} from '../visibility';

const ORGANISER: Viewer = { role: 'facilitator' };
const CO_FACILITATOR: Viewer = { role: 'facilitator', link: 'lnk-co' };
const HELPER: Viewer = { role: 'helper', link: 'lnk-help' };
const PROJECTOR: Viewer = { role: 'projector', link: 'lnk-proj' };
const phone = (id: string): Viewer => ({ role: 'participant', id });

/** Round 1 running at one table: Ada (who gave her name), Ben (host) and Cy (who gave none). */
function cafe(identity: 'named' | 'anonymous' | 'choice' = 'choice') {
  const ev = new EventUnderTest(cafeSettings({ tables: 1, identity }));
  ev.later(1_000).join('ada', identity === 'anonymous' ? null : 'Ada');
  ev.later(1_000).join('ben', identity === 'anonymous' ? null : 'Ben');
  ev.later(1_000).join('cy', identity === 'named' ? 'Cy' : null);
  ev.facilitate('host.assign', { table: 1, participantId: 'ben' });
  ev.facilitate('seating.plan');
  ev.facilitate('round.start');
  return ev;
}

const unnamed = (text: string) => ({ text, round: 0, table: 1, anonymous: true });

/** Everyone who may see the note but its author: tablemates, the host, and the whole team. */
const OTHERS: Viewer[] = [phone('ben'), phone('cy'), ORGANISER, CO_FACILITATOR, HELPER, PROJECTOR];

/** The state a screen builds from what it is sent: its own view of every record, from the first. */
function screenState(ev: EventUnderTest, viewer: Viewer): EventState {
  const state = foldLog(ev.log.map((r) => viewFor(ev.state, r, viewer)));
  if (!state) throw new Error('no log');
  return state;
}

describe('posting a note without my name', () => {
  it('writes the note with `anonymous`, and the server still knows its author', () => {
    const ev = cafe();
    const rec = ev.run(person('ada'), 'note.post', unnamed('More benches'));
    expect(rec.payload).toEqual({ table: 1, round: 0, text: 'More benches', anonymous: true });
    expect(rec.actor).toEqual(person('ada'));
    expect(ev.note(rec.id)).toMatchObject({ authorId: 'ada', anonymous: true });
    expect(shownAuthor(ev.note(rec.id))).toBeNull();
  });

  it('writes an ordinary note when `anonymous` is false or absent', () => {
    const ev = cafe();
    const off = ev.run(person('ada'), 'note.post', { text: 'Named', round: 0, table: 1, anonymous: false });
    expect(off.payload).toEqual({ table: 1, round: 0, text: 'Named' });
    expect(ev.note(off.id)).not.toHaveProperty('anonymous');
    expect(shownAuthor(ev.note(off.id))).toBe('ada');
  });

  it('takes a session note without a name too', () => {
    const ev = new EventUnderTest(openSpaceSettings());
    ev.join('ada', 'Ada');
    ev.facilitate('marketplace.open', {});
    const session = ev.propose(null, 'Safer crossings');
    const rec = ev.run(person('ada'), 'note.post', { text: 'Zebra at the school', session, anonymous: true });
    expect(rec.payload).toEqual({
      table: 0,
      round: -1,
      text: 'Zebra at the school',
      session,
      anonymous: true,
    });
    expect(ev.note(rec.id)).toMatchObject({ authorId: 'ada', anonymous: true, session });
  });

  it('is also open to someone who gave no name: their "Anonymous N" is not shown with it', () => {
    const ev = cafe();
    const rec = ev.run(person('cy'), 'note.post', unnamed('Quiet corners'));
    expect(ev.note(rec.id)).toMatchObject({ authorId: 'cy', anonymous: true });
  });

  it('is refused in an event that asks for names, and in one where everyone is anonymous', () => {
    expect(cafe('named').refusal(person('ada'), 'note.post', unnamed('Benches'))).toEqual({
      code: 'not_allowed',
      message: 'This event asks for a name on every note.',
    });
    expect(cafe('anonymous').refusal(person('ada'), 'note.post', unnamed('Benches'))).toEqual({
      code: 'not_allowed',
      message: 'Everyone in this event is anonymous already, so there is no name to leave off.',
    });
    // Without the box ticked, both events take the note as ever.
    expect(
      cafe('named').run(person('ada'), 'note.post', { text: 'Benches', round: 0, table: 1 }),
    ).toBeTruthy();
  });

  it('refuses someone who has left first, and keeps the seat checks', () => {
    const ev = cafe();
    expect(ev.refusal(person('ada'), 'note.post', { ...unnamed('Benches'), table: 2 })).toEqual({
      code: 'not_allowed',
      message: 'You are at table 1 in that round, not table 2.',
    });
    expect(ev.refusal(person('ada'), 'note.post', { ...unnamed('Benches'), round: 1 })).toEqual({
      code: 'wrong_state',
      message: 'You are not seated at a table in that round.',
    });
    ev.run(person('ada'), 'participant.leave');
    expect(ev.refusal(person('ada'), 'note.post', unnamed('Benches'))).toEqual({
      code: 'not_allowed',
      message: 'You have left this event; join again to write notes.',
    });
  });

  it('refuses an `anonymous` that is not true or false', () => {
    const ev = cafe();
    expect(ev.refusalRaw(person('ada'), 'note.post', { ...unnamed('Benches'), anonymous: 'yes' }).code).toBe(
      'invalid_message',
    );
  });

  it('lets the author alone edit and withdraw it (and a facilitator withdraw it)', () => {
    const ev = cafe();
    const id = ev.run(person('ada'), 'note.post', unnamed('More benches')).id;
    expect(ev.refusal(person('ben'), 'note.edit', { noteId: id, text: 'Mine now' })).toEqual({
      code: 'not_allowed',
      message: 'You can only edit your own notes.',
    });
    expect(ev.refusal(person('cy'), 'note.withdraw', { noteId: id })).toEqual({
      code: 'not_allowed',
      message: 'You can only withdraw your own notes.',
    });
    ev.run(person('ada'), 'note.edit', { noteId: id, text: 'More benches, please' });
    expect(ev.note(id)).toMatchObject({ text: 'More benches, please', anonymous: true, authorId: 'ada' });
    ev.run(person('ada'), 'note.withdraw', { noteId: id });
    expect(ev.note(id)).toMatchObject({ withdrawn: true, anonymous: true });
    const other = ev.run(person('ada'), 'note.post', unnamed('Shade')).id;
    ev.facilitate('note.withdraw', { noteId: other });
    expect(ev.note(other).withdrawn).toBe(true);
  });
});

describe('who learns who wrote it', () => {
  /** Ada posts a note without her name, edits it and withdraws it. */
  function written() {
    const ev = cafe();
    const posted = ev.run(person('ada'), 'note.post', unnamed('More benches'));
    const edited = ev.run(person('ada'), 'note.edit', { noteId: posted.id, text: 'More benches, please' });
    return { ev, posted, edited };
  }

  it('goes to the same rooms as any note at that table', () => {
    const { ev, posted } = written();
    expect(roomsOf(ev.state, posted)).toEqual([ROOM_ALL_NOTES, tableRoom(1, 0), 'h1', personRoom('ada')]);
  });

  it('gives every other screen the note with no author and no card, and the author hers', () => {
    const { ev, posted, edited } = written();
    const withdrawn = ev.run(person('ada'), 'note.withdraw', { noteId: posted.id });
    for (const rec of [posted, edited, withdrawn]) {
      for (const v of OTHERS) {
        const seen = viewFor(ev.state, rec, v);
        expect(seen.actor).toEqual(ANONYMOUS_AUTHOR);
        expect(seen.people).toBeUndefined();
        expect(JSON.stringify(seen)).not.toContain('ada');
        expect(seen.payload).toEqual(rec.payload);
      }
      expect(viewFor(ev.state, rec, phone('ada')).actor).toEqual(person('ada'));
    }
  });

  it('sends the record as it is to the author’s own room only, and without her to the rest', () => {
    const { ev, posted, edited } = written();
    for (const rec of [posted, edited]) {
      const sent = deliveriesOf(ev.state, rec, roomsOf(ev.state, rec));
      expect(sent).toEqual([
        { rec, to: [personRoom('ada')] },
        {
          rec: { ...rec, actor: ANONYMOUS_AUTHOR },
          // Her own room is named, and left out (her screens receive only the record as it is).
          to: [ROOM_ALL_NOTES, tableRoom(1, 0), 'h1', personRoom('ada')],
          except: [personRoom('ada')],
        },
      ]);
    }
  });

  it('sends a session note to everyone but the author without her, and no card of her', () => {
    const ev = new EventUnderTest(openSpaceSettings());
    ev.join('ada', 'Ada');
    ev.facilitate('marketplace.open', {});
    const session = ev.propose(null, 'Safer crossings');
    const rec = ev.run(person('ada'), 'note.post', { text: 'Zebra', session, anonymous: true });
    const [own, rest] = deliveriesOf(ev.state, rec, roomsOf(ev.state, rec));
    expect(own?.to).toEqual([personRoom('ada')]);
    expect(own?.rec.actor).toEqual(person('ada'));
    expect(rest).toEqual({ rec: { ...rec, actor: ANONYMOUS_AUTHOR }, to: null, except: [personRoom('ada')] });
  });

  it('names the author of an ordinary note as before, and a facilitator’s withdrawal names nobody', () => {
    const ev = cafe();
    const named = ev.run(person('ada'), 'note.post', { text: 'Named', round: 0, table: 1 });
    expect(viewFor(ev.state, named, phone('ben')).actor).toEqual(person('ada'));
    expect(deliveriesOf(ev.state, named, roomsOf(ev.state, named))).toEqual([
      { rec: named, to: roomsOf(ev.state, named) },
    ]);
    const id = ev.run(person('ada'), 'note.post', unnamed('Shade')).id;
    const pulled = ev.facilitate('note.withdraw', { noteId: id });
    expect(viewFor(ev.state, pulled, phone('ben'))).toBe(pulled);
  });

  it('leaves the author’s phone knowing the note is hers, and every other screen knowing no author', () => {
    const { ev, posted } = written();
    const onAdas = noteById(screenState(ev, phone('ada')), posted.id);
    expect(onAdas).toMatchObject({ authorId: 'ada', anonymous: true, text: 'More benches, please' });
    for (const v of OTHERS) {
      const seen = screenState(ev, v);
      expect(noteById(seen, posted.id)).toMatchObject({ authorId: null, anonymous: true });
      expect(JSON.stringify(noteById(seen, posted.id))).not.toContain('ada');
    }
  });
});

describe('exports and the harvest', () => {
  /** Ada writes one note with her name and one without; the harvest has started. */
  function harvested() {
    const ev = cafe();
    const named = ev.run(person('ada'), 'note.post', { text: 'Benches by the pond', round: 0, table: 1 }).id;
    const hidden = ev.run(person('ada'), 'note.post', unnamed('Lights on the path')).id;
    ev.facilitate('round.end');
    ev.facilitate('harvest.start', { votesPerPerson: 3 });
    return { ev, named, hidden };
  }

  it('gives the note no author in the JSON, CSV and Markdown of the notes', () => {
    const { ev, named, hidden } = harvested();
    const cafeExport = exportCafe(ev.state, ev.now);
    const notes = cafeExport.rounds.flatMap((r) => r.tables.flatMap((t) => t.notes));
    expect(notes.find((n) => n.id === named)?.author).toBe('Ada');
    expect(notes.find((n) => n.id === hidden)?.author).toBe('anonymous');
    const csv = toCsv(cafeExport);
    const row = csv.split('\n').find((l) => l.includes('Lights on the path')) ?? '';
    expect(row).toContain(',anonymous,');
    expect(row).not.toContain('Ada');
    expect(toMarkdown(cafeExport)).toContain('- Lights on the path\n');
    expect(toMarkdown(cafeExport)).toContain('- Benches by the pond — Ada');
    expect(JSON.parse(toJson(cafeExport)).rounds[0].tables[0].notes[1]).toMatchObject({
      author: 'anonymous',
    });
  });

  it('gives the organiser’s harvest report no author for it, and counts it as anonymous', () => {
    const { ev, named, hidden } = harvested();
    const report = buildHarvestReport(ev.state, ev.now, 'organiser');
    const authors = Object.fromEntries(report.notes.map((n) => [n.id, n.author]));
    expect(authors[named]).toBe('Ada');
    expect(authors[hidden]).toBeNull();
    expect(report.participation.anonymousNoteShare).toBe(50);
    const row = harvestCsv(report)
      .split('\n')
      .find((l) => l.includes('Lights on the path'));
    expect(row).toBeDefined();
    expect(row).not.toContain('Ada');
  });
});
