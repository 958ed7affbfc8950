/**
 * The harvest: themes across every note (made by the theming engine when the organiser starts
 * the harvest), then curated by hand (rename, merge, split, move, hide, quote, respond), voted
 * on from phones, and published as "what you told us".
 */
import { z } from 'zod';
import { type CommandContext, command, type Decision, draft } from '../command';
import { fail } from '../errors';
import { LIMITS } from '../limits';
import type { RecordPayloads } from '../records';
import { type EventState, isShown, type Note, noteById, personById } from '../state';
import { humanText, requiredText } from '../text';
import { type NoteGroup, noteGroups, placeOf, questionOf, spreadText } from './groups';
import { harvestDotsUsed, themeById, themeOfNote } from './reducer';
import type { HarvestState } from './state';
import { type ThemingResult, themeAcrossQuestions, themeNotes } from './theming';
import type { WordVectors } from './theming-vectors';

/** A theme's or a note's id. */
export const Id = z.string().min(1).max(120);
const Label = requiredText(LIMITS.themeLabel, 'a theme needs a name');
/** How finely to theme: -2 (fewest themes) to +2 (most), 0 the engine's own judgement. */
export const Granularity = z.number().int().min(-2).max(2);
export const GRANULARITIES = [-2, -1, 0, 1, 2] as const;

export const NO_HARVEST = 'The harvest has not started yet.';
export const NO_THEME = 'There is no such theme.';

type Ctx = CommandContext & { h: HarvestState };

/** Refuses (NO_HARVEST) before the harvest has started; otherwise decides with the harvest as `h`. */
export function inHarvest(decide: (ctx: Ctx) => Decision) {
  return (ctx: CommandContext): Decision => {
    const h = ctx.state.harvest;
    if (!h) return fail('wrong_state', NO_HARVEST);
    return decide({ ...ctx, h });
  };
}

export interface LiveGroup {
  question: string;
  notes: number;
  themes: { id: string; label: string; notes: number; places: number; spread: string; examples: string[] }[];
  unthemed: number;
}

/** Themes one group of notes in one go (the live view may use a LiveThemer instead). */
export const themeGroup = (g: NoteGroup, granularity = 0, vectors?: WordVectors): ThemingResult =>
  themeNotes(
    g.notes.map((n) => ({ id: n.id, text: n.text })),
    { question: g.question, ...(vectors ? { vectors } : {}), ...(granularity ? { granularity } : {}) },
  );

/** The live harvest view: machine themes as the notes arrive, with spread beside volume. */
export function liveThemes(
  state: EventState,
  theme: (g: NoteGroup) => ThemingResult = (g) => themeGroup(g),
): LiveGroup[] {
  return noteGroups(state).map((g) => liveGroup(g, theme(g)));
}

/** Key of the one group of `acrossQuestions` (its `question` is empty: screens name it). */
export const ACROSS = 'all';

/**
 * A read-only look across every question at once: all notes themed as one group (the words of
 * every question carry no weight). Never recorded; curation stays per question.
 */
export function acrossQuestions(state: EventState, granularity = 0, vectors?: WordVectors): LiveGroup[] {
  const groups = noteGroups(state);
  const all: NoteGroup = { key: ACROSS, question: '', notes: groups.flatMap((g) => g.notes) };
  if (all.notes.length === 0) return [];
  const result = themeAcrossQuestions(
    groups.map((g) => ({ question: g.question, notes: g.notes.map((n) => ({ id: n.id, text: n.text })) })),
    { ...(vectors ? { vectors } : {}), ...(granularity ? { granularity } : {}) },
  );
  return [liveGroup(all, result)];
}

function liveGroup(g: NoteGroup, result: ThemingResult): LiveGroup {
  const byId = new Map(g.notes.map((n) => [n.id, n]));
  return {
    question: g.question,
    notes: g.notes.length,
    themes: result.themes.map((t) => {
      const notes = t.noteIds.flatMap((id) => byId.get(id) ?? []);
      return {
        id: `${g.key}:${t.id}`,
        label: t.label,
        notes: notes.length,
        places: new Set(notes.map(placeOf)).size,
        spread: spreadText(notes.map(placeOf)),
        examples: t.representative.flatMap((id) => byId.get(id)?.text ?? []),
      };
    }),
    unthemed: result.unthemed.length,
  };
}

type MachineTheme = RecordPayloads['harvest.started']['themes'][number];

/** One group's machine themes as recorded: ids prefixed with the question's key. */
function recordedThemes(g: NoteGroup, result: ThemingResult, taken: (id: string) => boolean, suffix: string) {
  return result.themes.map((t): MachineTheme => {
    const id = `${g.key}:${t.id}`;
    const representative = t.representative[0];
    return {
      id: taken(id) ? `${id}~${suffix}` : id,
      group: g.question,
      label: t.label,
      noteIds: t.noteIds,
      ...(representative ? { representative } : {}),
    };
  });
}

/** Machine themes for every group of notes, as the first harvest record. */
export function machineThemes(state: EventState, granularity = 0, vectors?: WordVectors) {
  const themes: MachineTheme[] = [];
  const unthemed: string[] = [];
  for (const g of noteGroups(state)) {
    const result = themeGroup(g, granularity, vectors);
    themes.push(...recordedThemes(g, result, () => false, ''));
    unthemed.push(...result.unthemed);
  }
  return { themes, unthemed };
}

/**
 * Themes again what nobody has curated in the given questions: the notes of their untouched
 * machine themes and the waiting notes that were not put there by hand. Curated themes (see
 * `HarvestState.curated`) and themes holding dots keep their notes and names.
 */
export function rethemed(
  state: EventState,
  h: HarvestState,
  keys: string[],
  granularity: number,
  actionId: string,
  vectors?: WordVectors,
) {
  const dotted = new Set(
    Object.values(h.votes).flatMap((v) => Object.keys(v).filter((id) => (v[id] ?? 0) > 0)),
  );
  const kept = (id: string) => h.curated.includes(id) || dotted.has(id);
  const replaced: string[] = [];
  const themes: MachineTheme[] = [];
  const unthemed: string[] = [];
  const unthemedNow = new Set(h.unthemed);
  for (const g of noteGroups(state).filter((g) => keys.includes(g.key))) {
    const mine = h.themeOrder.filter((id) => id.startsWith(`${g.key}:`) && !kept(id));
    replaced.push(...mine);
    const loose = new Set(mine.flatMap((id) => h.themes[id]?.noteIds ?? []));
    const notes = g.notes.filter(
      (n) => loose.has(n.id) || (unthemedNow.has(n.id) && !h.placedByHand.includes(n.id)),
    );
    const result = themeGroup({ ...g, notes }, granularity, vectors);
    const taken = (id: string) => (!!themeById(h, id) && !mine.includes(id)) || h.curated.includes(id);
    themes.push(...recordedThemes(g, result, taken, actionId));
    unthemed.push(...result.unthemed);
  }
  return { groups: keys, granularity, replaced, themes, unthemed };
}

export const harvestCommands = {
  'harvest.start': command({
    schema: z.strictObject({
      votesPerPerson: z.number().int().min(1).max(20),
      granularity: Granularity.optional(),
    }),
    roles: ['facilitator'],
    decide: ({ votesPerPerson, granularity = 0 }, { state, services }) => {
      if (state.harvest) return fail('wrong_state', 'The harvest has already started.');
      const themes = machineThemes(state, granularity, services.vectors);
      return draft('harvest.started', { ...themes, votesPerPerson, granularity });
    },
  }),
  'harvest.retheme': command({
    schema: z.strictObject({ group: Id.nullable(), granularity: Granularity }),
    roles: ['facilitator'],
    decide: ({ group, granularity }, ctx) =>
      inHarvest(({ state, h, actionId, services }) => {
        if (h.votingOpen)
          return fail(
            'wrong_state',
            'Close the voting before theming again: people are giving dots to these themes.',
          );
        const keys = noteGroups(state).map((g) => g.key);
        if (group !== null && !keys.includes(group))
          return fail('not_found', 'There is no question with notes by that key.');
        return draft(
          'harvest.rethemed',
          rethemed(state, h, group === null ? keys : [group], granularity, actionId, services.vectors),
        );
      })(ctx),
  }),
  'theme.rename': command({
    schema: z.strictObject({ themeId: Id, label: Label }),
    roles: ['facilitator'],
    decide: ({ themeId, label }, ctx) =>
      inHarvest(({ h }) =>
        themeById(h, themeId) ? draft('theme.renamed', { themeId, label }) : fail('not_found', NO_THEME),
      )(ctx),
  }),
  'theme.merge': command({
    schema: z.strictObject({ themeId: Id, into: Id }),
    roles: ['facilitator'],
    decide: ({ themeId, into }, ctx) =>
      inHarvest(({ h }) => {
        if (themeId === into) return fail('invalid_message', 'Choose two different themes to merge.');
        const a = themeById(h, themeId);
        const b = themeById(h, into);
        if (!a || !b) return fail('not_found', NO_THEME);
        if (a.group !== b.group)
          return fail('wrong_state', 'Only themes from the same question can be merged.');
        return draft('theme.merged', { themeId, into });
      })(ctx),
  }),
  'theme.split': command({
    schema: z.strictObject({ themeId: Id, noteIds: z.array(Id).min(1).max(10_000), label: Label }),
    roles: ['facilitator'],
    decide: ({ themeId, noteIds, label }, ctx) =>
      inHarvest(({ h, actionId }) => {
        const t = themeById(h, themeId);
        if (!t) return fail('not_found', NO_THEME);
        const moving = [...new Set(noteIds)];
        if (!moving.every((id) => t.noteIds.includes(id)))
          return fail('invalid_message', 'Only notes in the theme can be split off from it.');
        if (moving.length === t.noteIds.length)
          return fail('invalid_message', 'Leave at least one note in the theme (or rename it instead).');
        return draft('theme.split', { themeId, newThemeId: `split:${actionId}`, label, noteIds: moving });
      })(ctx),
  }),
  'theme.create': command({
    schema: z.strictObject({
      question: z.string().min(1).max(LIMITS.question).optional(),
      label: Label,
      noteIds: z
        .array(Id)
        .min(1)
        .max(10_000)
        .refine((ids) => new Set(ids).size === ids.length, 'list each note once'),
    }),
    roles: ['facilitator'],
    decide: ({ question, label, noteIds }, ctx) =>
      inHarvest(({ state, actionId }) => {
        const shown = noteIds.map((id) => noteById(state, id)).filter((n): n is Note => !!n && isShown(n));
        if (shown.length < noteIds.length) return fail('not_found', 'There is no such note.');
        const questions = new Set(shown.map((n) => questionOf(state, n)));
        if (questions.size > 1)
          return fail(
            'wrong_state',
            'A theme holds the notes of one question: these answered different ones.',
          );
        const group = [...questions][0] ?? '';
        if (question !== undefined && question !== group)
          return fail('wrong_state', 'These notes did not answer that question.');
        return draft('theme.created', { themeId: `new:${actionId}`, group, label, noteIds });
      })(ctx),
  }),
  'harvest.move-note': command({
    schema: z.strictObject({ noteId: Id, themeId: Id.nullable() }),
    roles: ['facilitator'],
    decide: ({ noteId, themeId }, ctx) =>
      inHarvest(({ state, h }) => {
        const note = noteById(state, noteId);
        if (!note || !isShown(note)) return fail('not_found', 'There is no such note.');
        const target = themeId === null ? undefined : themeById(h, themeId);
        if (themeId !== null && !target) return fail('not_found', NO_THEME);
        if (target && target.group !== questionOf(state, note))
          return fail('wrong_state', 'A note can only move to a theme of the question it answered.');
        if ((themeOfNote(h, noteId)?.id ?? null) === themeId)
          return fail('wrong_state', 'The note is already there.');
        return draft('harvest.note-moved', { noteId, themeId });
      })(ctx),
  }),
  'harvest.hide-note': command({
    schema: z.strictObject({ noteId: Id, hidden: z.boolean() }),
    roles: ['facilitator'],
    decide: ({ noteId, hidden }, ctx) =>
      inHarvest(({ state }) =>
        noteById(state, noteId)
          ? draft('harvest.note-hidden', { noteId, hidden })
          : fail('not_found', 'There is no such note.'),
      )(ctx),
  }),
  'harvest.quote-note': command({
    schema: z.strictObject({ noteId: Id, quoted: z.boolean() }),
    roles: ['facilitator'],
    decide: ({ noteId, quoted }, ctx) =>
      inHarvest(({ state }) =>
        noteById(state, noteId)
          ? draft('harvest.note-quoted', { noteId, quoted })
          : fail('not_found', 'There is no such note.'),
      )(ctx),
  }),
  'theme.respond': command({
    schema: z.strictObject({ themeId: Id, text: humanText(LIMITS.themeResponse) }),
    roles: ['facilitator'],
    decide: ({ themeId, text }, ctx) =>
      inHarvest(({ h }) => {
        const t = themeById(h, themeId);
        if (!t) return fail('not_found', NO_THEME);
        // The text is the commitment's "what" (lib/harvest/commitments.ts): its history stays.
        if (!text && t.commitment?.updates.length)
          return fail(
            'wrong_state',
            'This commitment has dated updates, so it cannot be emptied; change what you will do instead.',
          );
        return draft('theme.responded', { themeId, text });
      })(ctx),
  }),
  'harvest.voting': command({
    schema: z.strictObject({ open: z.boolean() }),
    roles: ['facilitator'],
    decide: ({ open }, ctx) =>
      inHarvest(({ h }) =>
        h.votingOpen === open
          ? fail('wrong_state', open ? 'Voting is already open.' : 'Voting is already closed.')
          : draft('harvest.voting', { open }),
      )(ctx),
  }),
  'harvest.vote': command({
    schema: z.strictObject({ themeId: Id, dot: z.union([z.literal(1), z.literal(-1)]) }),
    roles: ['participant'],
    decide: ({ themeId, dot }, ctx) =>
      inHarvest(({ state, h, actor }) => {
        if (actor.role !== 'participant') return fail('not_allowed', 'Only participants vote.');
        if (personById(state, actor.id)?.left !== false)
          return fail('not_allowed', 'You have left this event.');
        if (!h.votingOpen) return fail('wrong_state', 'Voting on the harvest is not open now.');
        if (!themeById(h, themeId)) return fail('not_found', NO_THEME);
        if (dot === 1 && harvestDotsUsed(h, actor.id) >= h.votesPerPerson)
          return fail(
            'wrong_state',
            `You have used all ${h.votesPerPerson} of your dots. Take one back to move it.`,
          );
        if (dot === -1 && !(h.votes[actor.id]?.[themeId] ?? 0))
          return fail('not_found', 'You have no dot on that theme.');
        return draft('harvest.voted', { participantId: actor.id, themeId, dot });
      })(ctx),
  }),
  'harvest.publish': command({
    schema: z.strictObject({ published: z.boolean() }),
    roles: ['facilitator'],
    decide: ({ published }, ctx) =>
      inHarvest(({ h }) =>
        h.published === published
          ? fail('wrong_state', published ? 'It is already published.' : 'It is not published.')
          : draft('harvest.published', { published }),
      )(ctx),
  }),
};
