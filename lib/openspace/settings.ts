/** What a facilitator sets up for an Open Space: the theme, the time slots and the spaces. */
import { z } from 'zod';
import { LIMITS } from '../limits';
import { humanText, requiredText } from '../text';
import { spaceNamed } from './wall';

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use a 24-hour time like 13:30');

export const SlotSchema = z
  .strictObject({
    start: Clock,
    end: Clock,
    /** A break holds no sessions (lunch, coffee, the closing circle). */
    isBreak: z.boolean(),
    label: humanText(LIMITS.slotLabel),
  })
  .refine((s) => s.end > s.start, { message: 'a slot must end after it starts', path: ['end'] });

export const SpaceSchema = z.strictObject({
  name: requiredText(LIMITS.spaceName, 'each space needs a name'),
  /** How many people fit; null when it does not matter. */
  capacity: z.number().int().min(1).max(LIMITS.spaceSeats).nullable(),
  /** e.g. "step-free access", "has a screen". */
  notes: humanText(LIMITS.spaceNotes),
});

export const OpenSpaceSettingsSchema = z
  .strictObject({
    theme: requiredText(LIMITS.question, 'the Open Space needs a theme'),
    slots: z.array(SlotSchema).min(1, 'add at least one time slot').max(LIMITS.slots),
    spaces: z.array(SpaceSchema).min(1, 'add at least one space').max(LIMITS.spaces),
    /** Participants may put their own proposal in a free slot and space. */
    selfScheduling: z.boolean(),
    /** Dot votes each person has at convergence. */
    votesPerPerson: z.number().int().min(1).max(20),
  })
  .refine((s) => s.slots.some((slot) => !slot.isBreak), {
    message: 'at least one slot must be for sessions, not a break',
    path: ['slots'],
  })
  .refine((s) => s.slots.every((slot, i) => i === 0 || (s.slots[i - 1]?.end ?? '') <= slot.start), {
    message: 'slots must be in time order and must not overlap',
    path: ['slots'],
  })
  .superRefine((s, ctx) => {
    // Screens and signs tell spaces apart by name (in any case: "Garden" and "garden" are one).
    s.spaces.forEach((space, i) => {
      if (spaceNamed(s.spaces.slice(0, i), space.name) !== null)
        ctx.addIssue({
          code: 'custom',
          message: 'each space needs its own name',
          path: ['spaces', i, 'name'],
        });
    });
  });

export type OpenSpaceSettings = z.infer<typeof OpenSpaceSettingsSchema>;
export type Slot = z.infer<typeof SlotSchema>;
export type Space = z.infer<typeof SpaceSchema>;
