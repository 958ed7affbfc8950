/**
 * Closing an Open Space: dot votes on what matters most, the live ranking, and signing up to act.
 * Every command goes through the same steps as the server (look up, check who may ask, validate,
 * decide, number the record, reduce).
 */
import { describe, expect, it } from 'vitest';
import { reduce } from '../reducer';
import type { EventSettings } from '../settings';
import {
  EventUnderTest,
  FACILITATOR,
  GARDEN,
  HALL,
  LIBRARY,
  MIDDAY,
  MIN,
  MORNING,
  marketplace,
  openSpaceSettings,
  person,
  SHORT_CAFE,
} from '../testing/events';
import { dotsUsed, ranking, reportActionDrafts } from './convergence';
import { reportActionLines } from './reducer';

/** Ada, Ben and Eli each proposed a session; the facilitator has moved on to convergence. */
function convergence(s: EventSettings = openSpaceSettings()) {
  const ev = marketplace(s);
  const routes = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: GARDEN });
  const benches = ev.propose('p2', 'Benches everywhere', { slot: MORNING, space: LIBRARY });
  const dogs = ev.propose('p5', 'Dog walkers as street watch', { slot: MIDDAY, space: HALL });
  ev.later(3 * 60 * MIN).facilitate('stage.set', { stage: 'convergence' });
  return { ev, routes, benches, dogs };
}

const dots = (ev: EventUnderTest, pid: string) => ev.os.votes[pid] ?? {};

describe('moving through the stages', () => {
  it('goes from the agenda to convergence to action planning, as the facilitator says', () => {
    const ev = marketplace();
    expect(ev.os.stage).toBe('agenda');
    const rec = ev.facilitate('stage.set', { stage: 'convergence' });
    expect(rec).toMatchObject({ type: 'stage.changed', payload: { stage: 'convergence' } });
    expect(ev.os.stage).toBe('convergence');
    ev.facilitate('stage.set', { stage: 'actions' });
    expect(ev.os.stage).toBe('actions');
    // Going back is allowed (people remembered one more thing).
    ev.facilitate('stage.set', { stage: 'convergence' });
    expect(ev.os.stage).toBe('convergence');
  });

  it('refuses setting the stage it is already at, and refuses participants', () => {
    const ev = marketplace();
    expect(ev.refusal(FACILITATOR, 'stage.set', { stage: 'agenda' })).toMatchObject({
      code: 'wrong_state',
      message: 'The Open Space is already at that stage.',
    });
    expect(ev.refusal(person('p1'), 'stage.set', { stage: 'convergence' }).code).toBe('not_allowed');
    expect(ev.refusalRaw(FACILITATOR, 'stage.set', { stage: 'closing' }).code).toBe('invalid_message');
  });

  it('is refused in an event without an Open Space', () => {
    const ev = new EventUnderTest(openSpaceSettings({ ...SHORT_CAFE, openSpace: null }));
    expect(ev.refusal(FACILITATOR, 'stage.set', { stage: 'convergence' })).toMatchObject({
      code: 'wrong_state',
      message: 'This event has no Open Space.',
    });
  });
});

describe('dot voting', () => {
  it('is open only at convergence', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school');
    expect(ev.refusal(person('p3'), 'vote.cast', { sessionId: a })).toMatchObject({
      code: 'wrong_state',
      message: 'Voting is not open now.',
    });
    ev.facilitate('stage.set', { stage: 'convergence' });
    ev.run(person('p3'), 'vote.cast', { sessionId: a });
    ev.facilitate('stage.set', { stage: 'actions' });
    expect(ev.refusal(person('p3'), 'vote.cast', { sessionId: a }).code).toBe('wrong_state');
    expect(ev.refusal(person('p3'), 'vote.remove', { sessionId: a }).code).toBe('wrong_state');
    expect(dots(ev, 'p3')).toEqual({ [a]: 1 });
  });

  it('gives each person the event’s number of dots, and refuses one more', () => {
    const { ev, routes, benches, dogs } = convergence();
    ev.run(person('p3'), 'vote.cast', { sessionId: routes });
    ev.run(person('p3'), 'vote.cast', { sessionId: benches });
    ev.run(person('p3'), 'vote.cast', { sessionId: dogs });
    expect(dotsUsed(ev.os, 'p3')).toBe(3);
    expect(ev.refusal(person('p3'), 'vote.cast', { sessionId: routes })).toMatchObject({
      code: 'wrong_state',
      message: 'You have used all 3 of your dots. Take one back to move it.',
    });
    // Someone else still has all of theirs.
    ev.run(person('p4'), 'vote.cast', { sessionId: routes });
    expect(dotsUsed(ev.os, 'p4')).toBe(1);
  });

  it('allows several dots on one session, up to the allowance', () => {
    const { ev, routes, benches } = convergence();
    for (let i = 0; i < 3; i++) ev.run(person('p3'), 'vote.cast', { sessionId: routes });
    expect(dots(ev, 'p3')).toEqual({ [routes]: 3 });
    expect(ev.refusal(person('p3'), 'vote.cast', { sessionId: routes }).code).toBe('wrong_state');
    expect(ev.refusal(person('p3'), 'vote.cast', { sessionId: benches }).code).toBe('wrong_state');
  });

  it('follows a different allowance when the facilitator set one', () => {
    const { ev, routes } = convergence(openSpaceSettings({}, { votesPerPerson: 1 }));
    ev.run(person('p3'), 'vote.cast', { sessionId: routes });
    expect(ev.refusal(person('p3'), 'vote.cast', { sessionId: routes }).message).toBe(
      'You have used all 1 of your dots. Take one back to move it.',
    );
  });

  it('withdrawing a dot frees it to be given again', () => {
    const { ev, routes, benches } = convergence();
    for (let i = 0; i < 3; i++) ev.run(person('p3'), 'vote.cast', { sessionId: routes });
    const rec = ev.run(person('p3'), 'vote.remove', { sessionId: routes });
    expect(rec.payload).toEqual({ participantId: 'p3', sessionId: routes });
    expect(dots(ev, 'p3')).toEqual({ [routes]: 2 });
    ev.run(person('p3'), 'vote.cast', { sessionId: benches });
    expect(dots(ev, 'p3')).toEqual({ [routes]: 2, [benches]: 1 });
    // Taking the last dot off a session forgets it altogether.
    ev.run(person('p3'), 'vote.remove', { sessionId: benches });
    expect(dots(ev, 'p3')).toEqual({ [routes]: 2 });
  });

  it('refuses taking back a dot you did not give', () => {
    const { ev, routes, benches } = convergence();
    expect(ev.refusal(person('p3'), 'vote.remove', { sessionId: routes })).toMatchObject({
      code: 'not_found',
      message: 'You have no dot on that session.',
    });
    ev.run(person('p4'), 'vote.cast', { sessionId: benches });
    expect(ev.refusal(person('p3'), 'vote.remove', { sessionId: benches }).code).toBe('not_found');
  });

  it('refuses dots on sessions that are cancelled, merged away or unknown', () => {
    const { ev, routes, benches, dogs } = convergence();
    ev.facilitate('session.merge', { sessionId: benches, into: routes });
    ev.facilitate('session.cancel', { sessionId: dogs });
    for (const sessionId of [benches, dogs, 'nope']) {
      expect(ev.refusal(person('p3'), 'vote.cast', { sessionId })).toMatchObject({
        code: 'not_found',
        message: 'There is no such session to vote for.',
      });
    }
  });

  it('gives back the dots on a session that is then cancelled, to be spent again', () => {
    const { ev, routes, dogs } = convergence();
    ev.run(person('p3'), 'vote.cast', { sessionId: dogs });
    ev.run(person('p3'), 'vote.cast', { sessionId: routes });
    ev.facilitate('session.cancel', { sessionId: dogs });
    expect(ranking(ev.os).map((r) => r.sessionId)).not.toContain(dogs);
    expect(dots(ev, 'p3')).toEqual({ [routes]: 1 });
    expect(ev.refusal(person('p3'), 'vote.remove', { sessionId: dogs }).code).toBe('not_found');
    ev.run(person('p3'), 'vote.cast', { sessionId: routes });
    expect(dots(ev, 'p3')).toEqual({ [routes]: 2 });
  });

  it('is for participants still in the event', () => {
    const { ev, routes } = convergence();
    expect(ev.refusal(FACILITATOR, 'vote.cast', { sessionId: routes }).code).toBe('not_allowed');
    ev.run(person('p3'), 'vote.cast', { sessionId: routes });
    ev.run(person('p3'), 'participant.leave', {});
    expect(ev.refusal(person('p3'), 'vote.cast', { sessionId: routes })).toMatchObject({
      code: 'not_allowed',
      message: 'You have left this event; join again to take part.',
    });
    expect(ev.refusal(person('p3'), 'vote.remove', { sessionId: routes }).code).toBe('not_allowed');
  });
});

describe('the live ranking', () => {
  it('orders sessions by dots, then by how many people gave them, then by agenda order', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'A: one keen voter');
    const b = ev.propose('p2', 'B: three voters');
    const c = ev.propose('p3', 'C: two dots');
    const d = ev.propose('p4', 'D: no dots');
    const e = ev.propose('p5', 'E: three voters, proposed after B');
    ev.facilitate('stage.set', { stage: 'convergence' });
    for (let i = 0; i < 3; i++) ev.run(person('p1'), 'vote.cast', { sessionId: a });
    for (const pid of ['p2', 'p3', 'p4']) ev.run(person(pid), 'vote.cast', { sessionId: e });
    for (const pid of ['p2', 'p3', 'p4']) ev.run(person(pid), 'vote.cast', { sessionId: b });
    ev.run(person('p5'), 'vote.cast', { sessionId: c });
    ev.run(person('p5'), 'vote.cast', { sessionId: c });
    expect(ranking(ev.os)).toEqual([
      { sessionId: b, dots: 3, voters: 3 },
      { sessionId: e, dots: 3, voters: 3 },
      { sessionId: a, dots: 3, voters: 1 },
      { sessionId: c, dots: 2, voters: 1 },
      { sessionId: d, dots: 0, voters: 0 },
    ]);
  });

  it('leaves out merged and cancelled sessions; dots on a merged session count for the one it joined', () => {
    const { ev, routes, benches, dogs } = convergence();
    ev.run(person('p3'), 'vote.cast', { sessionId: benches });
    ev.run(person('p4'), 'vote.cast', { sessionId: benches });
    ev.run(person('p4'), 'vote.cast', { sessionId: routes });
    ev.run(person('p5'), 'vote.cast', { sessionId: dogs });
    ev.facilitate('session.merge', { sessionId: benches, into: routes });
    ev.facilitate('session.cancel', { sessionId: dogs });
    expect(ranking(ev.os)).toEqual([{ sessionId: routes, dots: 3, voters: 2 }]);
    // Nobody lost a dot in the merge.
    expect(dotsUsed(ev.os, 'p4')).toBe(2);
  });
});

describe('action planning', () => {
  /** At the actions stage, with Ada’s session at the top. */
  function actions() {
    const { ev, routes, benches, dogs } = convergence();
    ev.facilitate('stage.set', { stage: 'actions' });
    return { ev, routes, benches, dogs };
  }
  const PLAN = { title: 'Walking bus pilot', nextStep: 'Ask two schools', due: '2025-09-01' };

  it('is open only at the actions stage', () => {
    const { ev, routes } = convergence();
    expect(ev.refusal(person('p1'), 'action.propose', { sessionId: routes, ...PLAN })).toMatchObject({
      code: 'wrong_state',
      message: 'Action planning is not open now.',
    });
  });

  it('makes whoever proposes an action its first owner', () => {
    const { ev, routes } = actions();
    ev.later(MIN);
    const rec = ev.run(person('p3'), 'action.propose', { sessionId: routes, ...PLAN });
    expect(ev.os.actionOrder).toEqual([rec.id]);
    expect(ev.os.actions[rec.id]).toEqual({
      id: rec.id,
      sessionId: routes,
      title: 'Walking bus pilot',
      nextStep: 'Ask two schools',
      due: '2025-09-01',
      owners: ['p3'],
      createdAt: ev.now,
      fromReport: null,
    });
  });

  it('an action the facilitator writes up has no owner until someone signs up', () => {
    const { ev, routes } = actions();
    const id = ev.facilitate('action.propose', { sessionId: routes, ...PLAN, due: null }).id;
    expect(ev.os.actions[id]?.owners).toEqual([]);
  });

  it('refuses an action for a session that is not on the agenda, or without a title or a proper date', () => {
    const { ev, benches, dogs } = actions();
    ev.facilitate('session.cancel', { sessionId: dogs });
    expect(ev.refusal(person('p1'), 'action.propose', { sessionId: dogs, ...PLAN }).code).toBe('not_found');
    expect(ev.refusal(person('p1'), 'action.propose', { sessionId: 'nope', ...PLAN }).code).toBe('not_found');
    expect(ev.refusal(person('p1'), 'action.propose', { sessionId: benches, ...PLAN, title: ' ' }).code).toBe(
      'invalid_message',
    );
    expect(
      ev.refusal(person('p1'), 'action.propose', { sessionId: benches, ...PLAN, due: 'next Tuesday' }).code,
    ).toBe('invalid_message');
  });

  it('people sign up and step back; signing up twice or stepping back twice is refused', () => {
    const { ev, routes } = actions();
    const id = ev.run(person('p1'), 'action.propose', { sessionId: routes, ...PLAN }).id;
    ev.run(person('p4'), 'action.signup', { actionId: id, signedUp: true });
    ev.run(person('p5'), 'action.signup', { actionId: id, signedUp: true });
    expect(ev.os.actions[id]?.owners).toEqual(['p1', 'p4', 'p5']);
    expect(ev.refusal(person('p4'), 'action.signup', { actionId: id, signedUp: true })).toMatchObject({
      code: 'wrong_state',
      message: 'You are already an owner.',
    });
    ev.run(person('p4'), 'action.signup', { actionId: id, signedUp: false });
    expect(ev.os.actions[id]?.owners).toEqual(['p1', 'p5']);
    expect(ev.refusal(person('p4'), 'action.signup', { actionId: id, signedUp: false })).toMatchObject({
      code: 'wrong_state',
      message: 'You are not an owner.',
    });
    expect(ev.refusal(person('p4'), 'action.signup', { actionId: 'nope', signedUp: true }).code).toBe(
      'not_found',
    );
    expect(ev.refusal(FACILITATOR, 'action.signup', { actionId: id, signedUp: true }).code).toBe(
      'not_allowed',
    );
  });

  it('owners and facilitators edit an action; others are refused until they sign up', () => {
    const { ev, routes } = actions();
    const id = ev.run(person('p1'), 'action.propose', { sessionId: routes, ...PLAN }).id;
    ev.run(person('p1'), 'action.edit', { actionId: id, ...PLAN, nextStep: 'Ask three schools' });
    expect(ev.os.actions[id]?.nextStep).toBe('Ask three schools');
    ev.facilitate('action.edit', { actionId: id, ...PLAN, due: null });
    expect(ev.os.actions[id]).toMatchObject({ nextStep: 'Ask two schools', due: null, owners: ['p1'] });
    expect(ev.refusal(person('p2'), 'action.edit', { actionId: id, ...PLAN, title: 'Mine' })).toMatchObject({
      code: 'not_allowed',
      message: 'Only its owners or a facilitator can change an action.',
    });
    ev.run(person('p2'), 'action.signup', { actionId: id, signedUp: true });
    ev.run(person('p2'), 'action.edit', { actionId: id, ...PLAN, title: 'Walking bus pilot, two schools' });
    expect(ev.os.actions[id]?.title).toBe('Walking bus pilot, two schools');
    expect(ev.refusal(FACILITATOR, 'action.edit', { actionId: 'nope', ...PLAN }).code).toBe('not_found');
  });

  it('people who left cannot propose, sign up or edit', () => {
    const { ev, routes } = actions();
    const id = ev.run(person('p1'), 'action.propose', { sessionId: routes, ...PLAN }).id;
    ev.run(person('p1'), 'participant.leave', {});
    ev.run(person('p2'), 'participant.leave', {});
    expect(ev.refusal(person('p1'), 'action.edit', { actionId: id, ...PLAN }).code).toBe('not_allowed');
    expect(ev.refusal(person('p2'), 'action.signup', { actionId: id, signedUp: true }).code).toBe(
      'not_allowed',
    );
    expect(ev.refusal(person('p2'), 'action.propose', { sessionId: routes, ...PLAN }).code).toBe(
      'not_allowed',
    );
  });
});

describe('adopting a report’s proposed actions as action plans', () => {
  const ACTIONS = '- Ask two schools about a walking bus\n- Map the crossings\n\n3. Map the crossings';
  /** Ada’s report proposes two actions (one typed twice), and action planning is open. */
  function reported() {
    const { ev, routes, benches, dogs } = convergence();
    ev.run(person('p1'), 'session.report', {
      sessionId: routes,
      keyPoints: 'Parents want company on the way.',
      questions: '',
      actions: ACTIONS,
      attendance: 7,
      names: '',
    });
    ev.facilitate('stage.set', { stage: 'actions' });
    return { ev, routes, benches, dogs };
  }

  it('reads one action per line, without the bullets and numbers people type', () => {
    expect(reportActionLines(ACTIONS)).toEqual(['Ask two schools about a walking bus', 'Map the crossings']);
    expect(reportActionLines('  \n* One\n+ Two\n• Three\n10) Four\n-not a bullet')).toEqual([
      'One',
      'Two',
      'Three',
      'Four',
      '-not a bullet',
    ]);
    expect(reportActionLines('')).toEqual([]);
  });

  it('offers each proposed action as a ready-made draft, with its session', () => {
    const { ev, routes } = reported();
    expect(reportActionDrafts(ev.os)).toEqual([
      { sessionId: routes, text: 'Ask two schools about a walking bus' },
      { sessionId: routes, text: 'Map the crossings' },
    ]);
  });

  it('one tap makes the draft an action plan, owned by whoever adopted it, recorded with its source', () => {
    const { ev, routes } = reported();
    ev.later(MIN);
    const rec = ev.run(person('p3'), 'action.adopt', { sessionId: routes, text: 'Map the crossings' });
    expect(rec.type).toBe('action.proposed');
    expect(rec.payload).toEqual({
      actionId: rec.id,
      sessionId: routes,
      title: 'Map the crossings',
      nextStep: '',
      due: null,
      fromReport: 'Map the crossings',
    });
    expect(ev.os.actions[rec.id]).toMatchObject({
      sessionId: routes,
      owners: ['p3'],
      fromReport: 'Map the crossings',
    });
    // The draft is gone; the other stays. Editing the plan's title does not bring the draft back.
    expect(reportActionDrafts(ev.os).map((d) => d.text)).toEqual(['Ask two schools about a walking bus']);
    ev.run(person('p3'), 'action.edit', {
      actionId: rec.id,
      title: 'Map every crossing',
      nextStep: 'Walk it on Saturday',
      due: null,
    });
    expect(reportActionDrafts(ev.os).map((d) => d.text)).toEqual(['Ask two schools about a walking bus']);
    // The facilitator can adopt too; the plan then waits for owners.
    const fac = ev.facilitate('action.adopt', {
      sessionId: routes,
      text: 'Ask two schools about a walking bus',
    });
    expect(ev.os.actions[fac.id]?.owners).toEqual([]);
    expect(reportActionDrafts(ev.os)).toEqual([]);
  });

  it('refuses twice, a line the report does not have, the wrong stage, or a dead session, changing nothing', () => {
    const { ev, routes, benches } = reported();
    ev.run(person('p2'), 'action.adopt', { sessionId: routes, text: 'Map the crossings' });
    expect(
      ev.refusal(person('p3'), 'action.adopt', { sessionId: routes, text: 'Map the crossings' }),
    ).toMatchObject({
      code: 'wrong_state',
      message: 'That proposed action is already an action plan.',
    });
    expect(ev.refusal(person('p3'), 'action.adopt', { sessionId: routes, text: 'Free cake' }).code).toBe(
      'not_found',
    );
    expect(
      ev.refusal(person('p3'), 'action.adopt', { sessionId: benches, text: 'Map the crossings' }).code,
    ).toBe('not_found');
    expect(
      ev.refusal(person('p3'), 'action.adopt', { sessionId: 'nope', text: 'Map the crossings' }).code,
    ).toBe('not_found');
    expect(ev.refusalRaw(person('p3'), 'action.adopt', { sessionId: routes, text: '  ' }).code).toBe(
      'invalid_message',
    );
    ev.facilitate('stage.set', { stage: 'convergence' });
    expect(
      ev.refusal(person('p3'), 'action.adopt', {
        sessionId: routes,
        text: 'Ask two schools about a walking bus',
      }),
    ).toMatchObject({ code: 'wrong_state', message: 'Action planning is not open now.' });
  });

  it('a very long proposed action becomes a title within the limit, keeping the whole line as its source', () => {
    const { ev, routes } = convergence();
    const long = `Ask ${'the council '.repeat(40)}`.trim();
    ev.run(person('p1'), 'session.report', {
      sessionId: routes,
      keyPoints: '',
      questions: '',
      actions: long,
      attendance: null,
      names: '',
    });
    ev.facilitate('stage.set', { stage: 'actions' });
    const rec = ev.run(person('p1'), 'action.adopt', { sessionId: routes, text: long });
    const plan = ev.os.actions[rec.id];
    expect(plan?.title.length).toBe(300);
    expect(plan?.title.endsWith('…')).toBe(true);
    expect(plan?.fromReport).toBe(long);
  });
});

describe('replaying convergence records', () => {
  it('applying the same vote or sign-up twice changes nothing', () => {
    const { ev, routes } = convergence();
    const vote = ev.run(person('p3'), 'vote.cast', { sessionId: routes });
    ev.facilitate('stage.set', { stage: 'actions' });
    const plan = ev.run(person('p3'), 'action.propose', {
      sessionId: routes,
      title: 'Walking bus pilot',
      nextStep: '',
      due: null,
    });
    const signup = ev.run(person('p4'), 'action.signup', { actionId: plan.id, signedUp: true });
    const state = ev.state;
    for (const rec of [vote, plan, signup]) expect(reduce(state, rec)).toBe(state);
    expect(dots(ev, 'p3')).toEqual({ [routes]: 1 });
  });
});
