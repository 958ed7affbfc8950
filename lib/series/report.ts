/**
 * A series report: several events an organiser ran (a council's listening events across a
 * season, say) combined into one document: the events, the totals, each event's themes with the
 * commitments made and where they stand, and the themes that came up at more than one event.
 * Built from each event's harvest report (lib/harvest/report.ts), so it says what each event's
 * own report says. Counts and the organiser's own words (titles, theme names, commitments) only:
 * no note and no name of anyone who took part is in it.
 */

import { buildHarvestReport, type ReportCommitment } from '../harvest/report';
import { DisjointSets } from '../harvest/theming-cluster';
import { analyse, normaliseText } from '../harvest/theming-text';
import { groupCountsOf } from '../people/about';
import { type EventState, liveNotes, peopleOf, shownName } from '../state';

export type SeriesMethod = 'cafe' | 'openSpace' | 'both';

export interface SeriesTheme {
  label: string;
  notes: number;
  commitment: ReportCommitment | null;
}

export interface SeriesEvent {
  title: string;
  /** The day it ran (YYYY-MM-DD, UTC): the day the first person joined, else the day it was set up. */
  day: string;
  method: SeriesMethod;
  people: number;
  /** Notes neither withdrawn nor removed (the harvest report's count, hidden ones included). */
  notes: number;
  /** Of those, the ones that carry no name. */
  anonymousNotes: number;
  /** Whether its harvest was started (an event without one has no themes yet). */
  harvested: boolean;
  /** Its harvest's themes in the report's order (most dots, widest spread, most notes first). */
  themes: SeriesTheme[];
  /** "I'm here as…" counts, or null when the event did not ask. */
  groups: { label: string; count: number }[] | null;
  /** People who did not say (0 when the event did not ask). */
  notSaid: number;
}

export interface SeriesGroup {
  /** The label as the first event that used it wrote it. */
  label: string;
  count: number;
  /** How many events offered it. */
  events: number;
}

export interface RecurringTheme {
  /** The name of its biggest member (most notes). */
  label: string;
  notes: number;
  /** Each event's themes in it: the event's index in `events`, the theme's own name and notes. */
  members: { event: number; label: string; notes: number }[];
  /** How many different events it came up at (at least 2). */
  events: number;
}

export interface SeriesReport {
  title: string;
  madeAt: string;
  /** In the order they ran. */
  events: SeriesEvent[];
  totals: {
    /** Added up event by event: someone who came to two events counts twice (nobody has an account). */
    people: number;
    notes: number;
    anonymousNotes: number;
    /** Percentage of the notes written anonymously (0 when there are no notes). */
    anonymousShare: number;
    /** How many events asked "I'm here as…". */
    eventsAskingGroups: number;
    groups: SeriesGroup[];
    notSaid: number;
    /** Commitments by their latest status. */
    commitments: Record<ReportCommitment['status'], number>;
  };
  recurring: RecurringTheme[];
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function seriesEvent(state: EventState, now: number): SeriesEvent {
  const report = buildHarvestReport(state, now, 'organiser');
  const people = peopleOf(state);
  const firstJoin = people.reduce((min, p) => Math.min(min, p.joinedAt), Number.POSITIVE_INFINITY);
  // The same rule as the harvest report's share: a note is anonymous unless it shows a name, its
  // author's or the one a paper card or an imported row gave.
  const anonymousNotes = liveNotes(state).filter((n) => !shownName(state, n)).length;
  const counts = groupCountsOf(state);
  const cafe = state.settings.rounds.length > 0;
  return {
    title: state.settings.title,
    day: dayOf(Number.isFinite(firstJoin) ? firstJoin : state.createdAt),
    method: cafe && state.settings.openSpace ? 'both' : state.settings.openSpace ? 'openSpace' : 'cafe',
    people: report.participation.people,
    notes: report.participation.notes,
    anonymousNotes,
    harvested: state.harvest !== null,
    themes: report.themes.map((t) => ({ label: t.label, notes: t.notes, commitment: t.commitment })),
    groups: counts ? counts.groups : null,
    notSaid: counts ? counts.notSaid : 0,
  };
}

/** The words of a group label, compared without case or spacing ("Carer" and " carer " are one). */
const groupKey = (label: string) => normaliseText(label);

function addGroups(events: readonly SeriesEvent[]): SeriesGroup[] {
  const byKey = new Map<string, SeriesGroup>();
  for (const e of events)
    for (const g of e.groups ?? []) {
      const key = groupKey(g.label);
      const seen = byKey.get(key);
      if (seen) {
        seen.count += g.count;
        seen.events++;
      } else byKey.set(key, { label: g.label, count: g.count, events: 1 });
    }
  return [...byKey.values()];
}

/**
 * The content words of a theme's name, found as theming finds a note's (lib/harvest/theming-text.ts),
 * as their lemmas. In lower case: a name is a heading, and the tagger takes a heading's first word
 * for a proper noun and leaves it as written ("Buses in the evening" would keep "Buses"). Lemmas,
 * not theming's lighter stems, which also cut a final e: among a few words of a name, "care"
 * and "car" must stay apart.
 */
function labelTerms(label: string): Set<string> {
  return new Set(analyse(label.toLowerCase()).lemmas);
}

/**
 * Whether two theme names say the same thing. Names are short, so they are compared by their
 * words, not by the notes under them: each name's content words are found as theming finds a
 * note's (`analyse` in lib/harvest/theming-text.ts: lemmas of content words, filler and stop
 * words left out, case ignored: labelTerms), so "Buses in the evening" and "Evening buses" have
 * the same words. Two names are alike when the words they share are at least half of all the
 * words either has (Jaccard similarity ≥ 0.5): "Evening buses" and "Buses" are alike, and so are
 * "Respite care" and "Respite care at weekends"; "Green spaces" and "Safe spaces" are not. Words
 * are compared as written, not by meaning: "Buses" and "Public transport" are not alike. Names
 * with no content word at all (only stop words, or symbols) are alike only when their text is the
 * same.
 */
export function labelsAlike(a: string, b: string): boolean {
  return termsAlike(labelTerms(a), labelTerms(b), a, b);
}

function termsAlike(x: ReadonlySet<string>, y: ReadonlySet<string>, a: string, b: string): boolean {
  if (x.size === 0 || y.size === 0) return normaliseText(a) === normaliseText(b);
  let shared = 0;
  for (const term of x) if (y.has(term)) shared++;
  return shared / (x.size + y.size - shared) >= 0.5;
}

/**
 * The themes that came up at two or more of the events: every pair of themes whose names are
 * alike (labelsAlike) is joined, and each group so joined that spans two events or more is one
 * recurring theme. Most events first, then most notes.
 */
export function recurringThemes(events: readonly Pick<SeriesEvent, 'themes'>[]): RecurringTheme[] {
  const items = events.flatMap((e, event) =>
    e.themes.map((t) => ({ event, label: t.label, notes: t.notes, terms: labelTerms(t.label) })),
  );
  const sets = new DisjointSets(items.length);
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i];
      const b = items[j];
      if (a && b && termsAlike(a.terms, b.terms, a.label, b.label)) sets.union(i, j);
    }
  const groups = new Map<number, typeof items>();
  items.forEach((item, i) => {
    const root = sets.find(i);
    groups.set(root, [...(groups.get(root) ?? []), item]);
  });
  const recurring: RecurringTheme[] = [];
  for (const members of groups.values()) {
    const eventCount = new Set(members.map((m) => m.event)).size;
    if (eventCount < 2) continue;
    // The biggest member names it; among equals, the one from the earliest event.
    const biggest = members.reduce((best, m) => (m.notes > best.notes ? m : best));
    recurring.push({
      label: biggest.label,
      notes: members.reduce((n, m) => n + m.notes, 0),
      members: members.map(({ event, label, notes }) => ({ event, label, notes })),
      events: eventCount,
    });
  }
  return recurring.sort((a, b) => b.events - a.events || b.notes - a.notes);
}

/** The series report of these events, in the order they ran (ties keep the order given). */
export function buildSeriesReport(title: string, states: readonly EventState[], now: number): SeriesReport {
  const events = states
    .map((s, i) => ({ e: seriesEvent(s, now), i }))
    .sort((a, b) => a.e.day.localeCompare(b.e.day) || a.i - b.i)
    .map(({ e }) => e);
  const sum = (f: (e: SeriesEvent) => number) => events.reduce((n, e) => n + f(e), 0);
  const notes = sum((e) => e.notes);
  const anonymousNotes = sum((e) => e.anonymousNotes);
  const commitments = { planned: 0, in_progress: 0, done: 0, not_possible: 0 };
  for (const e of events) for (const t of e.themes) if (t.commitment) commitments[t.commitment.status]++;
  return {
    title,
    madeAt: new Date(now).toISOString(),
    events,
    totals: {
      people: sum((e) => e.people),
      notes,
      anonymousNotes,
      anonymousShare: notes === 0 ? 0 : Math.round((anonymousNotes / notes) * 100),
      eventsAskingGroups: events.filter((e) => e.groups !== null).length,
      groups: addGroups(events),
      notSaid: sum((e) => e.notSaid),
      commitments,
    },
    recurring: recurringThemes(events),
  };
}
