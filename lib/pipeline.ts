/**
 * The action pipeline, once: look the action up, check who may send it, validate its payload,
 * then decide on a state. The server's room (server/room.ts) and the unit-test harness
 * (lib/testing/events.ts) both run exactly this, so a test sees the refusals a phone would get.
 *
 * It is split in two because the server may have to decide again: with several processes, a
 * store conflict means another process appended first, and the same valid action is decided
 * afresh on the newer state. Checking the sender and the payload does not depend on the state.
 */
import { type Decision, NO_SERVICES, type Services } from './command';
import { findCommand } from './commands';
import { type ActionError, fail } from './errors';
import type { Actor } from './records';
import type { EventState } from './state';
import { linkById, linkOf } from './team/roles';

/** What anything sent by way of a revoked team link is told. */
export const REVOKED = 'This link was revoked by the organiser; ask them for a new one.';

export interface Action {
  id: string;
  type: string;
  payload: unknown;
}

/** What a sender whose role may not send an action at all is told, by the sender's role. */
export const ROLE_REFUSALS = {
  participant: 'Only a facilitator can do that.',
  other: 'Only a participant can do that.',
  helper: 'A helper’s link can type in paper notes and mark needs as met, nothing else.',
  projector: 'A projector link only shows the event; it cannot change anything.',
} as const;

const roleRefusal = (role: Actor['role']) =>
  role === 'participant' || role === 'helper' || role === 'projector'
    ? ROLE_REFUSALS[role]
    : ROLE_REFUSALS.other;

export type Prepared =
  | { ok: true; decide: (state: EventState, now: number) => Decision }
  | { ok: false; error: ActionError };

/** Look up, authorise by role and validate an action; the result decides on any state. */
export function prepareAction(actor: Actor, action: Action, services: Services = NO_SERVICES): Prepared {
  const cmd = findCommand(action.type);
  if (!cmd) return fail('unknown_action', `There is no action called "${action.type.slice(0, 64)}".`);
  if (!cmd.roles.includes(actor.role)) return fail('not_allowed', roleRefusal(actor.role));
  const parsed = cmd.schema.safeParse(action.payload ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid_message',
        message: `The ${action.type} action is not valid: ${parsed.error.issues[0]?.message ?? 'bad payload'}.`,
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      },
    };
  }
  const payload = parsed.data;
  const link = linkOf(actor);
  return {
    ok: true,
    decide: (state, now) => {
      // A revoked link's connections are closed at once; this also refuses anything still in flight.
      if (link !== null && linkById(state, link)?.revokedAt !== null) return fail('not_allowed', REVOKED);
      return cmd.decide(payload, { state, actor, now, actionId: action.id, services });
    },
  };
}

/** The whole pipeline on one state: the record draft to append, or the refusal. */
export function handle(
  state: EventState,
  actor: Actor,
  action: Action,
  now: number,
  services: Services = NO_SERVICES,
): Decision {
  const prepared = prepareAction(actor, action, services);
  return prepared.ok ? prepared.decide(state, now) : prepared;
}

/** Whether a refusal came from the role check (the sender may never send this action). */
export const isRoleRefusal = (e: ActionError) =>
  e.code === 'not_allowed' && Object.values<string>(ROLE_REFUSALS).includes(e.message);
