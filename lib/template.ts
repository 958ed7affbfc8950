/**
 * An event as a template for the next one: what the organiser set up, as the event stands now
 * (questions and minutes edited on the day, the wall as it was changed, the evaluation as last
 * chosen), in the shape `POST /api/events` accepts. Nothing about people, notes, tokens or codes
 * is in it: only settings.
 */
import { LIMITS } from './limits';
import { type EventSettings, EventSettingsSchema } from './settings';
import type { EventState } from './state';

/** Every field of the settings, filled in: what the set-up page shows and `POST /api/events` takes. */
export type TemplateSettings = Required<EventSettings>;

/**
 * The settings of `state` as a template. Events made before a field existed get what they ran
 * with: no notice, no groups, no needs question, no Open Space, and the evaluation they asked
 * (the default one, when they were made before the choice existed).
 */
export function templateOf(state: EventState): TemplateSettings {
  const s = state.settings;
  const copy: TemplateSettings = {
    title: s.title,
    purpose: s.purpose,
    tables: s.tables,
    rounds: s.rounds.map((r) => ({ question: r.question, minutes: r.minutes })),
    identity: s.identity,
    openSpace: s.openSpace
      ? {
          ...s.openSpace,
          slots: s.openSpace.slots.map((slot) => ({ ...slot })),
          spaces: s.openSpace.spaces.map((space) => ({ ...space })),
        }
      : null,
    evaluation: {
      statements: [...state.evaluation.ask.statements],
      open: state.evaluation.ask.open,
    },
    notice: s.notice ?? '',
    groups: [...(s.groups ?? [])],
    askNeeds: s.askNeeds ?? false,
    askFirstTime: s.askFirstTime ?? false,
    // Where the results are shared is likely the same next time; when is the new event's to say.
    results: s.results?.where ? { where: s.results.where, by: null } : null,
  };
  // Checked as the set-up page will check it: today's rules may be stricter than the day's.
  const parsed = EventSettingsSchema.safeParse(copy);
  if (!parsed.success) return copy;
  return {
    ...parsed.data,
    evaluation: parsed.data.evaluation ?? copy.evaluation,
    results: parsed.data.results ?? null,
  };
}

/**
 * The title of a copy: the original's with `suffix` after it ("Carers' café (copy)"), the
 * original cut short when both would not fit in a title.
 */
export function copiedTitle(title: string, suffix: string): string {
  const room = LIMITS.title - [...suffix].length - 1;
  const chars = [...title.trim()];
  const kept =
    chars.length > room
      ? `${chars
          .slice(0, Math.max(0, room - 1))
          .join('')
          .trimEnd()}…`
      : title.trim();
  return `${kept} ${suffix}`;
}
