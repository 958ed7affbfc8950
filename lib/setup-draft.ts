/**
 * The set-up page's form as data: what the organiser is typing (numbers still as text, the kind of
 * event as a choice) and the settings it stands for, both ways. The page submits
 * `settingsOfDraft(draft)`; a copied event (lib/template.ts) fills the form with
 * `draftOfSettings(settings)`, so a copy created unchanged has the settings of the original.
 */
import type { EvaluationSettings } from './evaluation/bank';
import type { ResultsSettings } from './harvest/results';
import type { OpenSpaceSettings } from './openspace/settings';
import type { Identity } from './settings';
import type { TemplateSettings } from './template';

export type SetupKind = 'cafe' | 'openSpace' | 'both';

export interface RoundDraft {
  key: string;
  question: string;
  minutes: string;
}

export interface SlotDraft {
  key: string;
  start: string;
  end: string;
  isBreak: boolean;
  label: string;
}

export interface SpaceDraft {
  key: string;
  name: string;
  capacity: string;
  notes: string;
}

export interface OpenSpaceDraft {
  theme: string;
  slots: SlotDraft[];
  spaces: SpaceDraft[];
  selfScheduling: boolean;
  votesPerPerson: string;
}

export interface SetupDraft {
  kind: SetupKind;
  title: string;
  purpose: string;
  /** Work the number of tables out on the day, or use `tables`. */
  autoTables: boolean;
  tables: string;
  rounds: RoundDraft[];
  openSpace: OpenSpaceDraft;
  identity: Identity;
  evaluation: EvaluationSettings;
  notice: string;
  askGroups: boolean;
  /** The groups, one a line. */
  groups: string;
  askNeeds: boolean;
  askFirstTime: boolean;
  /** Where and when the results will be shared; null: not said. */
  results: ResultsSettings | null;
}

/**
 * A draft from settings. The parts the settings leave out come back null, so the form keeps its
 * own (the example Open Space of a café, the three empty rounds of an Open Space, the suggested
 * groups of an event that asked none, the table count of an event that worked it out).
 */
export type DraftOfSettings = Omit<SetupDraft, 'rounds' | 'openSpace' | 'groups' | 'tables'> & {
  rounds: RoundDraft[] | null;
  openSpace: OpenSpaceDraft | null;
  groups: string | null;
  tables: string | null;
};

let keyCounter = 0;
/** A key for a row of the form (rounds, slots, spaces), unique on this page. */
export const draftKey = () => `k${++keyCounter}`;

/** The Open Space draft as settings for the schema to check (numbers parsed, empty capacity = no limit). */
export const openSpaceSettings = (d: OpenSpaceDraft) => ({
  theme: d.theme,
  slots: d.slots.map(({ start, end, isBreak, label }) => ({ start, end, isBreak, label })),
  spaces: d.spaces.map(({ name, capacity, notes }) => ({
    name,
    capacity: capacity.trim() === '' ? null : Number(capacity),
    notes,
  })),
  selfScheduling: d.selfScheduling,
  votesPerPerson: Number(d.votesPerPerson),
});

export const openSpaceDraft = (s: OpenSpaceSettings): OpenSpaceDraft => ({
  theme: s.theme,
  slots: s.slots.map((slot) => ({ key: draftKey(), ...slot })),
  spaces: s.spaces.map((space) => ({
    key: draftKey(),
    name: space.name,
    capacity: space.capacity === null ? '' : String(space.capacity),
    notes: space.notes,
  })),
  selfScheduling: s.selfScheduling,
  votesPerPerson: String(s.votesPerPerson),
});

/** The groups typed one a line (blank lines left out). */
export const groupLines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** The settings the form stands for, for EventSettingsSchema to check. */
export function settingsOfDraft(d: SetupDraft) {
  const withCafe = d.kind !== 'openSpace';
  const withOpenSpace = d.kind !== 'cafe';
  return {
    title: d.title,
    purpose: d.purpose,
    tables: d.autoTables ? null : Number(d.tables),
    rounds: withCafe ? d.rounds.map((r) => ({ question: r.question, minutes: Number(r.minutes) })) : [],
    identity: d.identity,
    openSpace: withOpenSpace ? openSpaceSettings(d.openSpace) : null,
    evaluation: d.evaluation,
    notice: d.notice,
    groups: d.askGroups ? groupLines(d.groups) : [],
    askNeeds: d.askNeeds,
    askFirstTime: d.askFirstTime,
    results: d.results,
  };
}

/** The form filled in from settings (a copied event's). */
export function draftOfSettings(s: TemplateSettings): DraftOfSettings {
  const cafe = s.rounds.length > 0;
  return {
    kind: cafe && s.openSpace ? 'both' : s.openSpace ? 'openSpace' : 'cafe',
    title: s.title,
    purpose: s.purpose,
    autoTables: s.tables === null,
    tables: s.tables === null ? null : String(s.tables),
    rounds: cafe
      ? s.rounds.map((r) => ({ key: draftKey(), question: r.question, minutes: String(r.minutes) }))
      : null,
    openSpace: s.openSpace ? openSpaceDraft(s.openSpace) : null,
    identity: s.identity,
    evaluation: { statements: [...s.evaluation.statements], open: s.evaluation.open },
    notice: s.notice,
    askGroups: s.groups.length > 0,
    groups: s.groups.length > 0 ? s.groups.join('\n') : null,
    askNeeds: s.askNeeds,
    askFirstTime: s.askFirstTime,
    results: s.results,
  };
}
