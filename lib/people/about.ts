/**
 * What a person may tell the organisers when they join, each optional and asked only when the
 * organiser chose to: "I'm here as…" (one of the event's own groups), "Anything that would help
 * you take part?" (access needs) and "Is this your first event like this?". The phone also says
 * which language it was showing. Groups, first times and languages are kept only as counts, never
 * beside a person; needs are kept beside the person for the facilitator team alone (organiser,
 * co-facilitators and helpers, who may be the ones helping), never for the projector, the
 * person's tablemates or any export (lib/visibility.ts strips them).
 */
import { z } from 'zod';
import type { ActionError } from '../errors';
import { fail } from '../errors';
import { LOCALES, type Locale } from '../i18n/locales';
import { LIMITS } from '../limits';
import type { GroupCounts } from '../protocol';
import type { EventSettings } from '../settings';
import type { EventState } from '../state';
import { peopleCount } from '../state';
import { humanText } from '../text';
import { NEEDS, type Need } from './needs';

export { NEEDS, type Need } from './needs';

/** What a phone may send with its join; each part may be left out. */
export const AboutSchema = z.strictObject({
  /** One of the event's groups, exactly as the organiser wrote it; absent: "Rather not say". */
  group: z
    .string()
    .min(1)
    .max(LIMITS.groupLabel * 2)
    .optional(),
  needs: z
    .array(z.enum(NEEDS))
    .max(NEEDS.length)
    .refine((n) => new Set(n).size === n.length, 'each need once')
    .optional(),
  needsOther: humanText(LIMITS.needsOther).optional(),
  /** "Is this your first event like this?": true yes, false no; absent: "Rather not say". */
  firstTime: z.boolean().optional(),
  /** The language the phone showed when its person joined (counted only). */
  language: z.enum(LOCALES).optional(),
});
export type About = z.infer<typeof AboutSchema>;

/** What a join record keeps of it (empty parts left out). */
export interface Told {
  group?: string;
  needs?: Need[];
  needsOther?: string;
  firstTime?: boolean;
  language?: Locale;
}

/** The event's own groups and whether it asks about needs (older events ask neither). */
export const groupsOf = (settings: EventSettings): string[] => settings.groups ?? [];
export const asksNeeds = (settings: EventSettings): boolean => settings.askNeeds ?? false;
export const asksFirstTime = (settings: EventSettings): boolean => settings.askFirstTime ?? false;

/** Check what a person told against what the event asks; the parts worth keeping, or a refusal. */
export function checkAbout(
  settings: EventSettings,
  about: About,
): { ok: true; told: Told } | { ok: false; error: ActionError } {
  const told: Told = {};
  if (about.group !== undefined) {
    const groups = groupsOf(settings);
    if (groups.length === 0) return fail('invalid_message', 'This event does not ask who you are here as.');
    if (!groups.includes(about.group))
      return fail(
        'invalid_message',
        `“${about.group.slice(0, 40)}” is not one of this event’s choices; pick one of the list or “Rather not say”.`,
      );
    told.group = about.group;
  }
  const needs = about.needs ?? [];
  const other = about.needsOther ?? '';
  if (needs.length > 0 || other !== '') {
    if (!asksNeeds(settings)) return fail('invalid_message', 'This event does not ask about access needs.');
    if (other !== '' && !needs.includes('other'))
      return fail('invalid_message', 'Tick “Something else” to say what else would help.');
    if (needs.length > 0) told.needs = NEEDS.filter((n) => needs.includes(n));
    if (other !== '') told.needsOther = other;
  }
  if (about.firstTime !== undefined) {
    if (!asksFirstTime(settings))
      return fail('invalid_message', 'This event does not ask whether this is your first event like this.');
    told.firstTime = about.firstTime;
  }
  // Not a question: every phone may say which language it shows.
  if (about.language !== undefined) told.language = about.language;
  return { ok: true, told };
}

/**
 * Counts per group, and how many did not say, over everyone who has joined (still here or not);
 * null when the event asks nobody's group.
 */
export function groupCountsOf(state: EventState): GroupCounts | null {
  const labels = groupsOf(state.settings);
  if (labels.length === 0) return null;
  const counts = state.groupCounts;
  const groups = labels.map((label) => ({
    label,
    count: Object.hasOwn(counts, label) ? (counts[label] ?? 0) : 0,
  }));
  const said = groups.reduce((n, g) => n + g.count, 0);
  const joined = peopleCount(state);
  return { groups, notSaid: Math.max(0, joined - said) };
}

/** How many said this is or is not their first event like this, and how many did not say; null when not asked. */
export function firstTimeCountsOf(
  state: EventState,
): { first: number; returning: number; notSaid: number } | null {
  if (!asksFirstTime(state.settings)) return null;
  const { first, returning } = state.firstTimeCounts;
  const joined = peopleCount(state);
  return { first, returning, notSaid: Math.max(0, joined - first - returning) };
}

/** How many joined from a phone showing each language, in the order of LOCALES (languages nobody used left out). */
export function languageCountsOf(state: EventState): { language: Locale; count: number }[] {
  return LOCALES.flatMap((language) => {
    const count = state.languageCounts[language] ?? 0;
    return count > 0 ? [{ language, count }] : [];
  });
}
