/**
 * "You said, we did": a theme's commitment (what, who, by when) and its dated updates, run as the
 * server runs them, weeks after a café whose last round has ended and whose harvest is published;
 * `theme.respond` from older clients and logs still works, as the commitment's `what`; and the
 * reports and the published page say what was committed and what has happened since.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../limits';
import type { RecordOf, RecordPayloads, RecordType } from '../records';
import { reduce } from '../reducer';
import {
  cafeSettings,
  EventUnderTest,
  FACILITATOR,
  MIN,
  person,
  QUESTION_1,
  QUESTION_2,
} from '../testing/events';
import { NO_HARVEST, NO_THEME } from './actions';
import { NO_COMMITMENT, WHY_MISSING } from './commitments';
import { buildHarvestReport, harvestCsv, harvestMarkdown } from './report';
import { commitmentStatus } from './state';

const DAY = 24 * 60 * MIN;
const CO: { role: 'facilitator'; link: string } = { role: 'facilitator', link: 'lnk-co' };

/** A two-round café, both rounds over. */
function finishedCafe() {
  const cafe = new EventUnderTest(cafeSettings({ tables: 2 }));
  add(cafe, 'link.created', { linkId: 'lnk-co', role: 'cofacilitator', label: 'Sam', tokenHash: 'hash' });
  for (const [id, name] of [
    ['p1', 'Ada'],
    ['p2', 'Ben'],
    ['p3', null],
    ['p4', 'Dee'],
  ] as const)
    cafe.later(1_000).join(id, name);
  cafe.facilitate('seating.plan');
  cafe.later(MIN).facilitate('round.start');
  const n = {
    bus1: cafe.post('p1', 'More buses in the evening'),
    bus2: cafe.post('p2', 'Evening buses out to the villages'),
    crossing1: cafe.post('p3', 'Safer crossings for children walking to school'),
    crossing2: cafe.post('p4', 'A zebra crossing outside the primary school'),
    cheap: '',
  };
  cafe.later(20 * MIN).facilitate('round.end');
  cafe.later(MIN).facilitate('round.start');
  n.cheap = cafe.post('p1', 'Cheaper buses for young people');
  cafe.later(15 * MIN).facilitate('round.end');
  return { cafe, n };
}

/** A record written into the log as the server would (for what no action makes in a test). */
function add<T extends RecordType>(cafe: EventUnderTest, type: T, payload: RecordPayloads[T]) {
  const rec = {
    seq: cafe.state.seq + 1,
    id: `rec-${cafe.state.seq + 1}`,
    type,
    at: cafe.now,
    actor: FACILITATOR,
    payload,
  } as RecordOf<T>;
  cafe.log.push(rec);
  cafe.state = reduce(cafe.state, rec);
}

/** The harvest, with its themes written by hand: buses and crossings for round 1, one for round 2. */
function harvested() {
  const { cafe, n } = finishedCafe();
  cafe.later(MIN);
  add(cafe, 'harvest.started', {
    themes: [
      { id: 'r1:buses', group: QUESTION_1, label: 'Buses', noteIds: [n.bus1, n.bus2] },
      { id: 'r1:crossings', group: QUESTION_1, label: 'Crossings', noteIds: [n.crossing1, n.crossing2] },
      { id: 'r2:fares', group: QUESTION_2, label: 'Fares', noteIds: [n.cheap] },
    ],
    unthemed: [],
    votesPerPerson: 3,
  });
  return { cafe, theme: 'r1:buses', second: 'r1:crossings', other: 'r2:fares' };
}

const SET = { what: 'Ask the council for an evening bus', who: 'Transport team', due: '2026-09-30' };

describe('commitment.set', () => {
  it('makes a theme’s commitment: what, who (a team) and by when, with no updates yet', () => {
    const { cafe, theme } = harvested();
    cafe.facilitate('commitment.set', { themeId: theme, ...SET, what: `  ${SET.what}\r\n ` });
    const c = cafe.theme(theme).commitment;
    expect(c).toEqual({ ...SET, updates: [] });
    expect(c && commitmentStatus(c)).toBe('planned');
    expect(cafe.harvest.curated).toContain(theme);
  });

  it('changes it later and keeps its updates; a co-facilitator may too; no date is fine', () => {
    const { cafe, theme } = harvested();
    cafe.facilitate('commitment.set', { themeId: theme, ...SET });
    cafe.later(DAY).facilitate('commitment.update', { themeId: theme, status: 'in_progress', note: 'Asked' });
    cafe
      .later(DAY)
      .run(CO, 'commitment.set', { themeId: theme, what: 'Run a bus trial', who: '', due: null });
    expect(cafe.theme(theme).commitment).toMatchObject({
      what: 'Run a bus trial',
      who: '',
      due: null,
      updates: [{ status: 'in_progress', note: 'Asked' }],
    });
  });

  it('refuses before the harvest, for no such theme, a bad date, no words and too many', () => {
    const { cafe } = finishedCafe();
    expect(cafe.refusal(FACILITATOR, 'commitment.set', { themeId: 'r1:x', ...SET })).toEqual({
      code: 'wrong_state',
      message: NO_HARVEST,
    });
    const { cafe: h, theme } = harvested();
    expect(h.refusal(FACILITATOR, 'commitment.set', { themeId: 'r1:nope', ...SET })).toEqual({
      code: 'not_found',
      message: NO_THEME,
    });
    expect(h.refusal(FACILITATOR, 'commitment.set', { themeId: 'constructor', ...SET }).code).toBe(
      'not_found',
    );
    for (const due of ['2026-02-30', '30/09/2026', '2026-9-30', ''])
      expect(h.refusal(FACILITATOR, 'commitment.set', { themeId: theme, ...SET, due }), due).toMatchObject({
        code: 'invalid_message',
        issues: [{ path: 'due', message: 'use a real date like 2027-03-31' }],
      });
    expect(
      h.refusal(FACILITATOR, 'commitment.set', { themeId: theme, ...SET, what: ' \u200b ' }),
    ).toMatchObject({ code: 'invalid_message', issues: [{ path: 'what', message: 'say what you will do' }] });
    expect(
      h.refusal(FACILITATOR, 'commitment.set', { themeId: theme, ...SET, what: 'x'.repeat(2001) }).code,
    ).toBe('invalid_message');
    expect(
      h.refusal(FACILITATOR, 'commitment.set', { themeId: theme, ...SET, who: 'x'.repeat(121) }).code,
    ).toBe('invalid_message');
    // Accepted at the limits, and on a leap day.
    h.facilitate('commitment.set', {
      themeId: theme,
      what: 'x'.repeat(2000),
      who: 'y'.repeat(120),
      due: '2028-02-29',
    });
  });

  it('is for the organiser and co-facilitators only', () => {
    const { cafe, theme } = harvested();
    for (const actor of [
      person('p1'),
      { role: 'helper', link: 'h' } as const,
      { role: 'projector', link: 'p' } as const,
    ])
      expect(cafe.refusalRaw(actor, 'commitment.set', { themeId: theme, ...SET }).code).toBe('not_allowed');
  });
});

describe('commitment.update', () => {
  it('adds dated updates, oldest first; the latest is the status, weeks after the published café', () => {
    const { cafe, theme } = harvested();
    cafe.facilitate('harvest.publish', { published: true });
    cafe.facilitate('commitment.set', { themeId: theme, ...SET });
    const t1 = cafe.later(14 * DAY).now;
    cafe.facilitate('commitment.update', { themeId: theme, status: 'in_progress', note: 'Met the council' });
    const t2 = cafe.later(28 * DAY).now;
    cafe.facilitate('commitment.update', { themeId: theme, status: 'done', note: '' });
    const c = cafe.theme(theme).commitment;
    expect(c?.updates).toEqual([
      { at: t1, status: 'in_progress', note: 'Met the council' },
      { at: t2, status: 'done', note: '' },
    ]);
    expect(c && commitmentStatus(c)).toBe('done');
  });

  it('says why something is not possible', () => {
    const { cafe, theme } = harvested();
    cafe.facilitate('commitment.set', { themeId: theme, ...SET });
    for (const note of ['', '   ', '\u200b'])
      expect(
        cafe.refusal(FACILITATOR, 'commitment.update', { themeId: theme, status: 'not_possible', note }),
      ).toEqual({
        code: 'invalid_message',
        message: WHY_MISSING,
      });
    cafe.facilitate('commitment.update', {
      themeId: theme,
      status: 'not_possible',
      note: 'No money this year',
    });
    expect(cafe.theme(theme).commitment?.updates.at(-1)).toMatchObject({ status: 'not_possible' });
  });

  it('refuses before the harvest, for no such theme, before a commitment, and a status that is not one', () => {
    const { cafe } = finishedCafe();
    expect(
      cafe.refusal(FACILITATOR, 'commitment.update', { themeId: 'r1:x', status: 'done', note: '' }),
    ).toEqual({ code: 'wrong_state', message: NO_HARVEST });
    const { cafe: h, theme } = harvested();
    expect(
      h.refusal(FACILITATOR, 'commitment.update', { themeId: 'r1:nope', status: 'done', note: '' }),
    ).toEqual({ code: 'not_found', message: NO_THEME });
    expect(h.refusal(FACILITATOR, 'commitment.update', { themeId: theme, status: 'done', note: '' })).toEqual(
      {
        code: 'wrong_state',
        message: NO_COMMITMENT,
      },
    );
    h.facilitate('commitment.set', { themeId: theme, ...SET });
    expect(
      h.refusalRaw(FACILITATOR, 'commitment.update', { themeId: theme, status: 'finished', note: '' }).code,
    ).toBe('invalid_message');
    expect(
      h.refusal(FACILITATOR, 'commitment.update', { themeId: theme, status: 'done', note: 'x'.repeat(1001) })
        .code,
    ).toBe('invalid_message');
    expect(
      h.refusalRaw(person('p1'), 'commitment.update', { themeId: theme, status: 'done', note: '' }).code,
    ).toBe('not_allowed');
  });
});

describe('theme.respond, from older clients and logs', () => {
  it('sets the commitment’s what, keeping who, by when and the updates', () => {
    const { cafe, theme } = harvested();
    cafe.facilitate('theme.respond', { themeId: theme, text: 'An evening bus' });
    expect(cafe.theme(theme).commitment).toEqual({ what: 'An evening bus', who: '', due: null, updates: [] });
    cafe.facilitate('commitment.set', { themeId: theme, ...SET });
    cafe.facilitate('commitment.update', { themeId: theme, status: 'in_progress', note: '' });
    cafe.facilitate('theme.respond', { themeId: theme, text: 'Two evening buses' });
    expect(cafe.theme(theme).commitment).toMatchObject({
      what: 'Two evening buses',
      who: SET.who,
      due: SET.due,
      updates: [{ status: 'in_progress' }],
    });
  });

  it('leaves a response at its longest to be saved again through commitment.set', () => {
    const { cafe, theme } = harvested();
    const long = 'x'.repeat(LIMITS.themeResponse);
    cafe.facilitate('theme.respond', { themeId: theme, text: long });
    expect(cafe.theme(theme).commitment?.what).toBe(long);
    // The console's form sends the same words back with a team and a date.
    cafe.facilitate('commitment.set', { themeId: theme, what: long, who: SET.who, due: SET.due });
    expect(cafe.theme(theme).commitment).toMatchObject({ what: long, who: SET.who, due: SET.due });
  });

  it('withdraws a commitment without updates when emptied, and refuses to empty one with updates', () => {
    const { cafe, theme } = harvested();
    cafe.facilitate('commitment.set', { themeId: theme, ...SET });
    cafe.facilitate('theme.respond', { themeId: theme, text: '' });
    expect(cafe.theme(theme).commitment).toBeNull();
    cafe.facilitate('commitment.set', { themeId: theme, ...SET });
    cafe.facilitate('commitment.update', { themeId: theme, status: 'done', note: '' });
    expect(cafe.refusal(FACILITATOR, 'theme.respond', { themeId: theme, text: '' })).toMatchObject({
      code: 'wrong_state',
      message: expect.stringContaining('cannot be emptied'),
    });
  });
});

describe('merging, splitting and theming again', () => {
  it('a merge keeps both commitments as one, histories in order of date', () => {
    const { cafe, theme, second } = harvested();
    cafe.facilitate('commitment.set', { themeId: theme, ...SET });
    cafe.later(DAY).facilitate('commitment.update', { themeId: theme, status: 'in_progress', note: 'a' });
    cafe.facilitate('commitment.set', {
      themeId: second,
      what: 'Safer crossings',
      who: 'Roads team',
      due: null,
    });
    cafe.later(DAY).facilitate('commitment.update', { themeId: second, status: 'done', note: 'b' });
    cafe.later(DAY).facilitate('commitment.update', { themeId: theme, status: 'done', note: 'c' });
    cafe.facilitate('theme.merge', { themeId: second, into: theme });
    const c = cafe.theme(theme).commitment;
    expect(c).toMatchObject({ what: `${SET.what}\n\nSafer crossings`, who: SET.who, due: SET.due });
    expect(c?.updates.map((u) => u.note)).toEqual(['a', 'b', 'c']);
  });

  it('a re-theme keeps a theme with a commitment', () => {
    const { cafe, theme } = harvested();
    cafe.facilitate('commitment.set', { themeId: theme, ...SET });
    cafe.facilitate('harvest.retheme', { group: null, granularity: 2 });
    expect(cafe.theme(theme).commitment?.what).toBe(SET.what);
  });
});

describe('the reports and the published page', () => {
  function committed() {
    const h = harvested();
    const { cafe, theme } = h;
    cafe.facilitate('commitment.set', { themeId: theme, ...SET });
    cafe
      .later(DAY)
      .facilitate('commitment.update', { themeId: theme, status: 'in_progress', note: 'Met the council' });
    cafe.later(DAY).facilitate('commitment.update', {
      themeId: theme,
      status: 'not_possible',
      note: 'No money\nthis year',
    });
    cafe.facilitate('harvest.publish', { published: true });
    return h;
  }

  it('give each theme its commitment with who, by when, the latest status and the dated history', () => {
    const { cafe, theme, other } = committed();
    for (const audience of ['organiser', 'public'] as const) {
      const r = buildHarvestReport(cafe.state, cafe.now, audience);
      const t = r.themes.find((x) => x.id === theme);
      const second = cafe.log.at(-2)?.at ?? 0;
      expect(t?.commitment).toEqual({
        ...SET,
        status: 'not_possible',
        updatedAt: new Date(second).toISOString(),
        history: [
          { at: new Date(second - DAY).toISOString(), status: 'in_progress', note: 'Met the council' },
          { at: new Date(second).toISOString(), status: 'not_possible', note: 'No money\nthis year' },
        ],
      });
      expect(t?.response).toBe(SET.what);
      // A theme without one says nothing made up.
      expect(r.themes.find((x) => x.id === other)).toMatchObject({ commitment: null, response: '' });
    }
  });

  it('write it into the Markdown and every note row of the CSV; the rest of the themes say nothing', () => {
    const { cafe, theme } = committed();
    const r = buildHarvestReport(cafe.state, cafe.now, 'organiser');
    const md = harvestMarkdown(r);
    expect(md).toContain('**What we will do:** Ask the council for an evening bus');
    expect(md).toContain('- Who: Transport team');
    expect(md).toContain('- By when: Wednesday 30 September 2026');
    expect(md).toMatch(/- Status: Not possible \(updated \w+day \d+ \w+ \d{4}\)/);
    expect(md).toMatch(/- \w+day \d+ \w+ \d{4}: In progress\. Met the council/);
    expect(md).toMatch(/- \w+day \d+ \w+ \d{4}: Not possible\. No money {2}\n {2}this year/);
    expect(md.match(/\*\*What we will do:\*\*/g)).toHaveLength(1);
    const csv = harvestCsv(r);
    const inTheme = r.notes.filter((n) => n.themeId === theme);
    expect(inTheme.length).toBeGreaterThan(0);
    expect(csv).toContain('commitment,commitment_who,commitment_due,commitment_status,commitment_updates');
    expect(csv.split('Transport team')).toHaveLength(inTheme.length + 1);
    expect(csv).toContain('Not possible');
  });

  it('count the commitments done as evidence of impact', () => {
    const { cafe, theme } = harvested();
    cafe.facilitate('commitment.set', { themeId: theme, ...SET });
    cafe.facilitate('commitment.update', { themeId: theme, status: 'done', note: '' });
    const impact = buildHarvestReport(cafe.state, cafe.now, 'public').evidence.find(
      (e) => e.heading === 'Impact',
    );
    expect(impact?.points).toContain(
      'Where the commitments stand: planned (0), in progress (0), done (1) and not possible (0).',
    );
  });
});
