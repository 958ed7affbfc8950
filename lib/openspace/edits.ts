/**
 * Changing the wall while the Open Space runs: a facilitator adds a space, renames one or changes
 * its seats and access notes, or adds a time slot, at any stage. Each space and slot is checked
 * by the same schema as at set-up (lib/openspace/settings.ts); sessions refer to them by index,
 * so a new one goes at the end of its list and nothing is renumbered (lib/openspace/wall.ts).
 */
import { z } from 'zod';
import { type CommandContext, command, type Decision, draft } from '../command';
import { fail } from '../errors';
import { LIMITS } from '../limits';
import { type OpenSpaceSettings, SlotSchema, SpaceSchema } from './settings';
import { isOwnName, overlappingSlot, spaceNamed } from './wall';

/** Runs `decide` with the Open Space's settings, or refuses when the event has no Open Space. */
function withWall(ctx: CommandContext, decide: (settings: OpenSpaceSettings) => Decision): Decision {
  const settings = ctx.state.settings.openSpace;
  if (!settings || !ctx.state.openSpace) return fail('wrong_state', 'This event has no Open Space.');
  return decide(settings);
}

/** Refuses a name another space already has (in any case), else null. */
function nameTaken(settings: OpenSpaceSettings, name: string, except?: number): Decision | null {
  const other = spaceNamed(settings.spaces, name, except);
  if (other === null) return null;
  return fail('invalid_message', `There is already a space called “${settings.spaces[other]?.name}”.`);
}

export const wallCommands = {
  'space.add': command({
    schema: SpaceSchema,
    roles: ['facilitator'],
    decide: (space, ctx) =>
      withWall(ctx, (settings) => {
        if (settings.spaces.length >= LIMITS.spaces)
          return fail(
            'wrong_state',
            `The Open Space already has ${LIMITS.spaces} spaces, the most it can have.`,
          );
        return (
          nameTaken(settings, space.name) ?? draft('space.added', { space: settings.spaces.length, ...space })
        );
      }),
  }),
  'space.edit': command({
    schema: SpaceSchema.extend({ space: z.number().int().min(0).max(LIMITS.spaces) }),
    roles: ['facilitator'],
    decide: ({ space, ...changed }, ctx) =>
      withWall(ctx, (settings) => {
        const before = settings.spaces[space];
        if (!before) return fail('not_found', `There is no space ${space + 1}.`);
        // Keeping its own name (or changing only its case) never clashes, even with a space set up
        // under the same name before names had to differ.
        const taken = isOwnName(before, changed.name) ? null : nameTaken(settings, changed.name, space);
        return taken ?? draft('space.edited', { space, ...changed });
      }),
  }),
  'slot.add': command({
    schema: SlotSchema,
    roles: ['facilitator'],
    decide: (slot, ctx) =>
      withWall(ctx, (settings) => {
        if (settings.slots.length >= LIMITS.slots)
          return fail(
            'wrong_state',
            `The Open Space already has ${LIMITS.slots} time slots, the most it can have.`,
          );
        const other = settings.slots[overlappingSlot(settings.slots, slot) ?? -1];
        if (other)
          return fail(
            'invalid_message',
            `${slot.start}–${slot.end} overlaps the time slot ${other.start}–${other.end}${other.label ? ` (${other.label})` : ''}.`,
          );
        return draft('slot.added', { slot: settings.slots.length, ...slot });
      }),
  }),
};
