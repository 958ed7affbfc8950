/**
 * How harvest records change the state (kept apart from the harvest actions, so screens that
 * fold the log never load the theming engine).
 */
import type { RecordOf } from '../records';
import type { EventState } from '../state';
import type { Commitment, HarvestState, HarvestTheme } from './state';

export const themeById = (h: HarvestState, id: string): HarvestTheme | undefined =>
  Object.hasOwn(h.themes, id) ? h.themes[id] : undefined;

export const harvestDotsUsed = (h: HarvestState, pid: string) =>
  Object.values(h.votes[pid] ?? {}).reduce((n, d) => n + d, 0);

/** Themes gathered under their question, questions in the order their first theme comes. */
export function themesByQuestion<T extends { group: string }>(themes: readonly T[]) {
  const groups = new Map<string, T[]>();
  for (const theme of themes) groups.set(theme.group, [...(groups.get(theme.group) ?? []), theme]);
  return [...groups].map(([question, list]) => ({ question, themes: list }));
}

/**
 * The harvest with these notes waiting unthemed for the organiser to place them, leaving those it
 * already holds (in a theme or among the unthemed) where they are. What it holds is gathered once,
 * so an import of thousands of notes costs one pass over the harvest, not one per note.
 */
export function withUnthemed(h: HarvestState, noteIds: readonly string[]): HarvestState {
  const held = new Set(h.unthemed);
  for (const id of h.themeOrder) for (const n of h.themes[id]?.noteIds ?? []) held.add(n);
  const fresh = noteIds.filter((id) => !held.has(id));
  return fresh.length > 0 ? { ...h, unthemed: [...h.unthemed, ...fresh] } : h;
}

/** The theme a note is in now, if any. */
export const themeOfNote = (h: HarvestState, noteId: string): HarvestTheme | undefined =>
  h.themeOrder.map((id) => h.themes[id]).find((t) => t?.noteIds.includes(noteId));

type HarvestRecord = RecordOf<
  | 'harvest.started'
  | 'theme.renamed'
  | 'theme.merged'
  | 'theme.split'
  | 'theme.created'
  | 'harvest.note-moved'
  | 'harvest.note-hidden'
  | 'harvest.note-quoted'
  | 'theme.responded'
  | 'commitment.set'
  | 'commitment.updated'
  | 'harvest.voting'
  | 'harvest.voted'
  | 'harvest.published'
  | 'harvest.rethemed'
>;

/** The granularity a question's themes were last made with (-2 fewest … +2 most). */
export const granularityOf = (h: HarvestState, groupKey: string) =>
  h.granularity[groupKey] ?? h.startGranularity;

const toggle = (list: string[], id: string, on: boolean) =>
  on ? (list.includes(id) ? list : [...list, id]) : list.filter((x) => x !== id);

function patchTheme(h: HarvestState, id: string, patch: Partial<HarvestTheme>): HarvestState {
  const t = themeById(h, id);
  return t ? { ...h, themes: { ...h.themes, [id]: { ...t, ...patch } } } : h;
}

/** Take notes out of whatever themes (or the unthemed list) hold them, in one pass over the harvest. */
function detach(h: HarvestState, noteIds: readonly string[]): HarvestState {
  const leaving = new Set(noteIds);
  const themes = { ...h.themes };
  for (const id of h.themeOrder) {
    const t = themes[id];
    if (t?.noteIds.some((n) => leaving.has(n)))
      themes[id] = { ...t, noteIds: t.noteIds.filter((n) => !leaving.has(n)) };
  }
  return { ...h, themes, unthemed: h.unthemed.filter((n) => !leaving.has(n)) };
}

export function reduceHarvest(state: EventState, rec: HarvestRecord): EventState {
  if (rec.type === 'harvest.started') {
    if (state.harvest) return state;
    const p = rec.payload;
    const themes: Record<string, HarvestTheme> = {};
    for (const t of p.themes) themes[t.id] = { ...t, commitment: null };
    const harvest: HarvestState = {
      startedAt: rec.at,
      themes,
      themeOrder: p.themes.map((t) => t.id),
      unthemed: p.unthemed,
      hidden: [],
      quotes: [],
      votingOpen: false,
      votesPerPerson: p.votesPerPerson,
      votes: {},
      published: false,
      publishedAt: null,
      startGranularity: p.granularity ?? 0,
      granularity: {},
      curated: [],
      placedByHand: [],
    };
    return { ...state, harvest };
  }
  const h = state.harvest;
  if (!h) return state;
  return { ...state, harvest: reduceCurated(h, rec) };
}

const curate = (h: HarvestState, ...ids: string[]) => ({
  ...h,
  curated: [...h.curated, ...ids.filter((id) => !h.curated.includes(id))],
});

function reduceCurated(
  h: HarvestState,
  rec: Exclude<HarvestRecord, RecordOf<'harvest.started'>>,
): HarvestState {
  switch (rec.type) {
    case 'theme.renamed':
      return curate(patchTheme(h, rec.payload.themeId, { label: rec.payload.label }), rec.payload.themeId);
    case 'theme.merged': {
      const from = themeById(h, rec.payload.themeId);
      const into = themeById(h, rec.payload.into);
      if (!from || !into) return h;
      const { [from.id]: _gone, ...themes } = h.themes;
      themes[into.id] = {
        ...into,
        noteIds: [...into.noteIds, ...from.noteIds.filter((n) => !into.noteIds.includes(n))],
        commitment: mergedCommitment(into.commitment, from.commitment),
      };
      // Dots given to the merged-away theme now count for the merged one.
      const votes: HarvestState['votes'] = {};
      for (const [pid, dots] of Object.entries(h.votes)) {
        const { [from.id]: moving = 0, ...rest } = dots;
        votes[pid] = moving ? { ...rest, [into.id]: (rest[into.id] ?? 0) + moving } : rest;
      }
      return curate(
        { ...h, themes, themeOrder: h.themeOrder.filter((id) => id !== from.id), votes },
        into.id,
      );
    }
    case 'theme.split': {
      const t = themeById(h, rec.payload.themeId);
      if (!t || themeById(h, rec.payload.newThemeId)) return h;
      const moving = new Set(rec.payload.noteIds);
      const split: HarvestTheme = {
        id: rec.payload.newThemeId,
        group: t.group,
        label: rec.payload.label,
        noteIds: t.noteIds.filter((n) => moving.has(n)),
        commitment: null,
      };
      const at = h.themeOrder.indexOf(t.id) + 1;
      return curate(
        {
          ...h,
          themes: {
            ...h.themes,
            [t.id]: { ...t, noteIds: t.noteIds.filter((n) => !moving.has(n)) },
            [split.id]: split,
          },
          themeOrder: [...h.themeOrder.slice(0, at), split.id, ...h.themeOrder.slice(at)],
        },
        t.id,
        split.id,
      );
    }
    case 'theme.created': {
      const { themeId, group, label, noteIds } = rec.payload;
      if (themeById(h, themeId)) return h;
      // The notes leave whatever held them, as a move does: a theme left empty stays, empty.
      const detached = detach(h, noteIds);
      const made: HarvestTheme = { id: themeId, group, label, noteIds, commitment: null };
      return curate(
        {
          ...detached,
          themes: { ...detached.themes, [themeId]: made },
          themeOrder: [...h.themeOrder, themeId],
        },
        themeId,
      );
    }
    case 'harvest.note-moved': {
      const { noteId, themeId } = rec.payload;
      const detached = { ...detach(h, [noteId]), placedByHand: toggle(h.placedByHand, noteId, true) };
      if (themeId === null) return { ...detached, unthemed: [...detached.unthemed, noteId] };
      const t = themeById(detached, themeId);
      return t ? curate(patchTheme(detached, themeId, { noteIds: [...t.noteIds, noteId] }), themeId) : h;
    }
    case 'harvest.note-hidden':
      return { ...h, hidden: toggle(h.hidden, rec.payload.noteId, rec.payload.hidden) };
    case 'harvest.note-quoted':
      return { ...h, quotes: toggle(h.quotes, rec.payload.noteId, rec.payload.quoted) };
    case 'theme.responded': {
      const t = themeById(h, rec.payload.themeId);
      return t
        ? curate(patchTheme(h, t.id, { commitment: responded(t.commitment, rec.payload.text) }), t.id)
        : h;
    }
    case 'commitment.set': {
      const { themeId, what, who, due } = rec.payload;
      const t = themeById(h, themeId);
      return t
        ? curate(
            patchTheme(h, themeId, { commitment: { what, who, due, updates: t.commitment?.updates ?? [] } }),
            themeId,
          )
        : h;
    }
    case 'commitment.updated': {
      const { themeId, status, note } = rec.payload;
      const c = themeById(h, themeId)?.commitment;
      return c
        ? patchTheme(h, themeId, {
            commitment: { ...c, updates: [...c.updates, { at: rec.at, status, note }] },
          })
        : h;
    }
    case 'harvest.voting':
      return { ...h, votingOpen: rec.payload.open };
    case 'harvest.voted': {
      const { participantId, themeId, dot } = rec.payload;
      const mine = h.votes[participantId] ?? {};
      const n = (mine[themeId] ?? 0) + dot;
      const { [themeId]: _old, ...rest } = mine;
      return { ...h, votes: { ...h.votes, [participantId]: n > 0 ? { ...rest, [themeId]: n } : rest } };
    }
    case 'harvest.published':
      return {
        ...h,
        published: rec.payload.published,
        publishedAt: rec.payload.published ? rec.at : h.publishedAt,
      };
    case 'harvest.rethemed':
      return rethemed(h, rec.payload);
  }
}

/**
 * `theme.respond`'s text is the commitment's `what`, keeping who, by when and the updates; an
 * empty text withdraws a commitment that has no updates yet (one with updates is never emptied:
 * `theme.respond` refuses that).
 */
function responded(c: Commitment | null, text: string): Commitment | null {
  if (text) return c ? { ...c, what: text } : { what: text, who: '', due: null, updates: [] };
  return c && c.updates.length > 0 ? c : null;
}

/**
 * Merging two themes keeps both commitments as one: the kept theme's words first (a blank line
 * between), its who and by when unless it has none, and both histories in order of date.
 */
function mergedCommitment(into: Commitment | null, from: Commitment | null): Commitment | null {
  if (!into || !from) return into ?? from;
  return {
    what: [into.what, from.what].filter(Boolean).join('\n\n'),
    who: into.who || from.who,
    due: into.due ?? from.due,
    updates: [...into.updates, ...from.updates].sort((a, b) => a.at - b.at),
  };
}

/**
 * A re-theme replaces the untouched machine themes of some questions with fresh ones made from
 * their notes and the waiting notes; curated themes, notes placed by hand, hidden notes and
 * quotes are left as they were.
 */
function rethemed(h: HarvestState, p: RecordOf<'harvest.rethemed'>['payload']): HarvestState {
  const replaced = new Set(p.replaced.filter((id) => !h.curated.includes(id)));
  const fresh = p.themes.filter((t) => replaced.has(t.id) || !themeById(h, t.id));
  const pool = new Set([...fresh.flatMap((t) => t.noteIds), ...p.unthemed]);
  const themes: Record<string, HarvestTheme> = {};
  const leftOver: string[] = [];
  for (const id of h.themeOrder) {
    const t = h.themes[id];
    if (!t) continue;
    if (replaced.has(id)) leftOver.push(...t.noteIds.filter((n) => !pool.has(n)));
    else
      themes[id] = t.noteIds.some((n) => pool.has(n))
        ? { ...t, noteIds: t.noteIds.filter((n) => !pool.has(n)) }
        : t;
  }
  for (const t of fresh) themes[t.id] = { ...t, commitment: null };
  const granularity = { ...h.granularity };
  for (const key of p.groups) granularity[key] = p.granularity;
  const unique = (ids: string[]) => [...new Set(ids)];
  return {
    ...h,
    themes,
    themeOrder: unique([...h.themeOrder.filter((id) => !replaced.has(id)), ...fresh.map((t) => t.id)]),
    unthemed: unique([...h.unthemed.filter((n) => !pool.has(n)), ...leftOver, ...p.unthemed]),
    granularity,
  };
}
