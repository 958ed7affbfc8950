/**
 * The evaluation at the end: what is asked and when it may change, opening and closing it (by
 * hand, and by itself when the event is over), answering once (a second answer replaces the
 * first), and anonymity: no screen but the person's own learns who answered what.
 */
import { describe, expect, it } from 'vitest';
import { findCommand } from '../commands';
import { foldLog } from '../reducer';
import { EventSettingsSchema } from '../settings';
import type { EventState } from '../state';
import { cafeSettings, EventUnderTest, FACILITATOR, openSpaceSettings, person } from '../testing/events';
import {
  canSee,
  deliveriesOf,
  personRoom,
  ROOM_ALL_NOTES,
  roomsOf,
  type Viewer,
  viewFor,
} from '../visibility';
import { DEFAULT_EVALUATION } from './bank';
import { answerOf, isEvaluationOpen, tallyEvaluation } from './state';

const ORGANISER: Viewer = { role: 'facilitator' };
const CO_FACILITATOR: Viewer = { role: 'facilitator', link: 'lnk-co' };
const HELPER: Viewer = { role: 'helper', link: 'lnk-help' };
const PROJECTOR: Viewer = { role: 'projector', link: 'lnk-proj' };
const phone = (id: string): Viewer => ({ role: 'participant', id });

/** A one-round café at one table: Ada, Ben and Cy; the round is running. */
function cafe(evaluation?: { statements: string[]; open: string }) {
  const settings = EventSettingsSchema.parse({ ...cafeSettings({ tables: 1 }), evaluation });
  const ev = new EventUnderTest({ ...settings, rounds: [{ question: 'What now?', minutes: 20 }] });
  ev.later(1_000).join('ada', 'Ada');
  ev.later(1_000).join('ben', 'Ben');
  ev.later(1_000).join('cy', null);
  ev.facilitate('seating.plan');
  ev.facilitate('round.start');
  return ev;
}

const opened = (ev: EventUnderTest) => {
  ev.facilitate('evaluation.open', { open: true });
  return ev;
};

/** The state a screen builds from what it is sent. */
function screenState(ev: EventUnderTest, viewer: Viewer): EventState {
  const state = foldLog(ev.log.map((r) => viewFor(ev.state, r, viewer)));
  if (!state) throw new Error('no log');
  return state;
}

describe('the evaluation’s actions', () => {
  it('are the facilitators’ to set and open, and the participants’ to answer', () => {
    expect(findCommand('evaluation.set')?.roles).toEqual(['facilitator']);
    expect(findCommand('evaluation.open')?.roles).toEqual(['facilitator']);
    expect(findCommand('evaluation.answer')?.roles).toEqual(['participant']);
  });
});

describe('what the evaluation asks', () => {
  it('asks the default when the settings leave it out (older logs, API clients)', () => {
    const ev = cafe();
    expect(ev.state.settings.evaluation).toBeUndefined();
    expect(ev.state.evaluation.ask).toEqual(DEFAULT_EVALUATION);
  });

  it('asks what the organiser chose when setting up', () => {
    const ev = cafe({ statements: ['welcome', 'worth_it'], open: '' });
    expect(ev.state.evaluation.ask).toEqual({ statements: ['welcome', 'worth_it'], open: '' });
  });

  it('refuses settings with a statement twice, more than six, or one not in the bank', () => {
    const base = cafeSettings();
    const bad = [
      { statements: ['listened', 'listened'], open: '' },
      {
        statements: [
          'listened',
          'could_say',
          'understand_next',
          'welcome',
          'accessible',
          'worth_it',
          'would_come_again',
        ],
        open: '',
      },
      { statements: ['made_up'], open: '' },
      { statements: [], open: 'x'.repeat(201) },
    ];
    for (const evaluation of bad)
      expect(EventSettingsSchema.safeParse({ ...base, evaluation }).success).toBe(false);
  });

  it('may change until the first answer, and not after', () => {
    const ev = cafe();
    ev.facilitate('evaluation.set', { statements: ['welcome'], open: 'What would you keep?' });
    expect(ev.state.evaluation.ask).toEqual({ statements: ['welcome'], open: 'What would you keep?' });
    opened(ev).run(person('ada'), 'evaluation.answer', { answers: { welcome: 5 } });
    expect(ev.refusal(FACILITATOR, 'evaluation.set', { statements: [], open: 'Anything else?' })).toEqual({
      code: 'wrong_state',
      message:
        'People have started answering the evaluation, so its statements and question can no longer change.',
    });
  });
});

describe('opening and closing', () => {
  it('is closed while the café runs, and opens by itself when the last round ends', () => {
    const ev = cafe();
    expect(isEvaluationOpen(ev.state)).toBe(false);
    expect(ev.refusal(person('ada'), 'evaluation.answer', { answers: { listened: 4 } })).toEqual({
      code: 'wrong_state',
      message: 'The evaluation is not open; the facilitators open it at the end.',
    });
    ev.facilitate('round.end');
    expect(isEvaluationOpen(ev.state)).toBe(true);
    ev.facilitate('evaluation.open', { open: false });
    expect(isEvaluationOpen(ev.state)).toBe(false);
  });

  it('in an Open Space, opens by itself once the harvest starts', () => {
    const ev = new EventUnderTest(openSpaceSettings());
    expect(isEvaluationOpen(ev.state)).toBe(false);
    ev.facilitate('harvest.start', { votesPerPerson: 3 });
    expect(isEvaluationOpen(ev.state)).toBe(true);
  });

  it('opens and closes by hand, and refuses what would change nothing', () => {
    const ev = cafe();
    expect(ev.refusal(FACILITATOR, 'evaluation.open', { open: false })).toEqual({
      code: 'wrong_state',
      message: 'The evaluation is not open.',
    });
    opened(ev);
    expect(isEvaluationOpen(ev.state)).toBe(true);
    expect(ev.refusal(FACILITATOR, 'evaluation.open', { open: true })).toEqual({
      code: 'wrong_state',
      message: 'The evaluation is already open.',
    });
  });

  it('refuses to open an evaluation that asks nothing (and never opens it by itself)', () => {
    const ev = cafe({ statements: [], open: '' });
    expect(ev.refusal(FACILITATOR, 'evaluation.open', { open: true })).toEqual({
      code: 'wrong_state',
      message: 'The evaluation has no statements and no open question; choose what to ask first.',
    });
    ev.facilitate('round.end');
    expect(isEvaluationOpen(ev.state)).toBe(false);
  });
});

describe('answering', () => {
  it('counts each answer, and a second answer replaces the first', () => {
    const ev = opened(cafe());
    const first = ev.run(person('ada'), 'evaluation.answer', {
      answers: { listened: 5, could_say: 4 },
      open: 'More time',
    });
    expect(first.payload).toEqual({
      key: first.id,
      answers: { listened: 5, could_say: 4 },
      open: 'More time',
    });
    ev.run(person('ben'), 'evaluation.answer', { answers: { listened: 2 } });
    const again = ev.run(person('ada'), 'evaluation.answer', {
      answers: { listened: 3 },
      open: 'Shorter rounds',
    });
    expect(again.payload).toMatchObject({ key: first.id });
    const tally = tallyEvaluation(ev.state);
    expect(tally.answers).toBe(2);
    expect(tally.statements[0]).toEqual({ id: 'listened', counts: [0, 1, 1, 0, 0], answered: 2, agree: 0 });
    expect(tally.statements[1]).toEqual({ id: 'could_say', counts: [0, 0, 0, 0, 0], answered: 0, agree: 0 });
    expect(tally.open).toEqual(['Shorter rounds']);
    expect(answerOf(ev.state, 'ada')).toMatchObject({ answers: { listened: 3 }, open: 'Shorter rounds' });
  });

  it('works out % agree from agree and strongly agree', () => {
    const ev = opened(cafe());
    ev.run(person('ada'), 'evaluation.answer', { answers: { listened: 5 } });
    ev.run(person('ben'), 'evaluation.answer', { answers: { listened: 4 } });
    ev.run(person('cy'), 'evaluation.answer', { answers: { listened: 1 } });
    expect(tallyEvaluation(ev.state).statements[0]).toMatchObject({ counts: [1, 0, 0, 1, 1], agree: 67 });
  });

  it('takes an answer from someone who has left (on the way out)', () => {
    const ev = opened(cafe());
    ev.run(person('cy'), 'participant.leave', {});
    ev.run(person('cy'), 'evaluation.answer', { answers: { understand_next: 4 } });
    expect(tallyEvaluation(ev.state).answers).toBe(1);
  });

  it('refuses someone who never joined, a statement not asked, an unasked question and an empty answer', () => {
    const ev = opened(cafe({ statements: ['listened'], open: '' }));
    expect(ev.refusal(person('zed'), 'evaluation.answer', { answers: { listened: 4 } })).toEqual({
      code: 'not_allowed',
      message: 'Join the event to answer its evaluation.',
    });
    expect(ev.refusal(person('ada'), 'evaluation.answer', { answers: { welcome: 4 } })).toEqual({
      code: 'not_found',
      message: '“I felt welcome” is not one of this evaluation’s statements.',
    });
    expect(ev.refusal(person('ada'), 'evaluation.answer', { answers: {}, open: 'Hello' })).toEqual({
      code: 'not_found',
      message: 'This evaluation has no open question to answer.',
    });
    expect(ev.refusal(person('ada'), 'evaluation.answer', { answers: {}, open: '  ' })).toMatchObject({
      code: 'invalid_message',
    });
    expect(ev.refusalRaw(person('ada'), 'evaluation.answer', { answers: { listened: 6 } }).code).toBe(
      'invalid_message',
    );
    expect(ev.refusalRaw(person('ada'), 'evaluation.answer', { answers: { made_up: 3 } }).code).toBe(
      'invalid_message',
    );
  });

  it('is refused to the team: only participants answer', () => {
    const ev = opened(cafe());
    expect(ev.refusal(FACILITATOR, 'evaluation.answer', { answers: { listened: 4 } }).code).toBe(
      'not_allowed',
    );
    expect(ev.refusal(person('ada'), 'evaluation.open', { open: false }).code).toBe('not_allowed');
  });

  it('applies the latest answer even when an older one arrives after it', () => {
    const ev = opened(cafe());
    const first = ev.run(person('ada'), 'evaluation.answer', { answers: { listened: 1 } });
    const second = ev.run(person('ada'), 'evaluation.answer', { answers: { listened: 5 } });
    const before = ev.log.filter((r) => r !== first && r !== second);
    const state = foldLog([...before, second, first]);
    if (!state) throw new Error('no log');
    expect(tallyEvaluation(state).statements[0]?.counts).toEqual([0, 0, 0, 0, 1]);
  });
});

describe('anonymity', () => {
  function answered() {
    const ev = opened(cafe());
    const ada = ev.run(person('ada'), 'evaluation.answer', { answers: { listened: 5 }, open: 'Lovely' });
    ev.run(person('ben'), 'evaluation.answer', { answers: { listened: 2 } });
    const again = ev.run(person('ada'), 'evaluation.answer', { answers: { listened: 4 }, open: 'Lovely' });
    return { ev, ada, again };
  }

  it('goes to the team and the person only; the team live receives no actor', () => {
    const { ev, again } = answered();
    expect(roomsOf(ev.state, again)).toEqual([ROOM_ALL_NOTES, personRoom('ada')]);
    // Ben (who answered too) and Cy (who did not) are never sent Ada's answer.
    for (const other of ['ben', 'cy']) expect(canSee(ev.state, phone(other), again)).toBe(false);
    expect(canSee(ev.state, phone('ada'), again)).toBe(true);
    const sent = deliveriesOf(ev.state, again, roomsOf(ev.state, again));
    expect(sent).toEqual([
      { rec: again, to: [personRoom('ada')] },
      {
        rec: { ...again, actor: { role: 'anonymous' } },
        to: [ROOM_ALL_NOTES, personRoom('ada')],
        except: [personRoom('ada')],
      },
    ]);
  });

  it('on catching up, every team screen counts the answers without knowing whose they are', () => {
    const { ev } = answered();
    for (const viewer of [ORGANISER, CO_FACILITATOR, HELPER, PROJECTOR]) {
      const seen = ev.log
        .map((r) => viewFor(ev.state, r, viewer))
        .filter((r) => r.type === 'evaluation.answered');
      expect(seen).toHaveLength(3);
      for (const r of seen) expect(r.actor).toEqual({ role: 'anonymous' });
      const state = screenState(ev, viewer);
      expect(state.evaluation.by).toEqual({});
      expect(tallyEvaluation(state)).toEqual(tallyEvaluation(ev.state));
      expect(JSON.stringify(state.evaluation)).not.toContain('ada');
      expect(JSON.stringify(state.evaluation)).not.toContain('ben');
    }
  });

  it('the person’s own phone knows its answer; it alone', () => {
    const { ev } = answered();
    const own = screenState(ev, phone('ada'));
    expect(answerOf(own, 'ada')).toMatchObject({ answers: { listened: 4 } });
    expect(answerOf(own, 'ben')).toBeUndefined();
    const last = ev.log.at(-1);
    if (!last) throw new Error('no log');
    expect(viewFor(ev.state, last, phone('ada')).actor).toEqual(person('ada'));
  });
});
