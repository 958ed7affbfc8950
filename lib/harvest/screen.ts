/**
 * What the projector shows, as the facilitator chose it: the room (the café or the Open Space),
 * the harvest, or the published "What you told us" with its QR code; and which harvest themes
 * may go on it. Machine labels are raw words from the notes, so nothing of the harvest reaches
 * the projector until a facilitator has chosen it. The choice is recorded like everything else,
 * so a projector window opened (or reloaded) later shows the same thing as the console expects.
 */
import { z } from 'zod';
import { command, draft } from '../command';
import { fail } from '../errors';
import type { RecordOf } from '../records';
import type { EventState } from '../state';
import { themeById } from './reducer';

export const PROJECTOR_VIEWS = ['room', 'harvest', 'told'] as const;
export type ProjectorViewName = (typeof PROJECTOR_VIEWS)[number];

export interface ProjectorState {
  view: ProjectorViewName;
  /** The `seq` of the record that last chose the view; 0 while nobody has chosen. */
  viewSeq: number;
  /** Live themes (before the harvest starts) chosen to show, by their live-themes id. */
  live: string[];
  /** Curated themes (after the start) chosen to show. */
  themes: string[];
  /** After the start: show every curated theme, chosen or not. */
  allThemes: boolean;
}

export const NO_CHOICE: ProjectorState = { view: 'room', viewSeq: 0, live: [], themes: [], allThemes: false };

/** The projector's recorded choice (NO_CHOICE, the room and no themes, until a facilitator makes one). */
export const projectorOf = (state: EventState): ProjectorState => state.projector;

/**
 * Whether a theme may go on the projector now. Before the start: only the live themes chosen.
 * After: the curated themes chosen, or all of them; and, once the harvest is published, all of
 * them when none was chosen, since the published page already shows every one to anyone.
 */
export function projectorShows(state: EventState, themeId: string): boolean {
  const p = projectorOf(state);
  const h = state.harvest;
  if (!h) return p.live.includes(themeId);
  if (p.allThemes || p.themes.includes(themeId)) return true;
  return h.published && p.themes.length === 0;
}

const Id = z.string().min(1).max(120);

export const screenCommands = {
  'projector.show': command({
    schema: z.strictObject({ view: z.enum(PROJECTOR_VIEWS) }),
    roles: ['facilitator'],
    decide: ({ view }, { state }) => {
      if (projectorOf(state).view === view) return fail('wrong_state', 'The projector already shows that.');
      if (view === 'told' && !state.harvest?.published)
        return fail('wrong_state', 'Publish “What you told us” before showing its link.');
      return draft('projector.shown', { view });
    },
  }),
  'projector.theme': command({
    schema: z.strictObject({ themeId: Id, shown: z.boolean() }),
    roles: ['facilitator'],
    decide: ({ themeId, shown }, { state }) => {
      const h = state.harvest;
      // Live themes are not recorded anywhere (the server works them out in memory), so their ids
      // cannot be checked here; an id that matches no live theme simply shows nothing.
      if (h && !themeById(h, themeId)) return fail('not_found', 'There is no such theme.');
      const p = projectorOf(state);
      const list = h ? p.themes : p.live;
      if (list.includes(themeId) === shown)
        return fail(
          'wrong_state',
          shown ? 'That theme is already on the projector.' : 'That theme is not on the projector.',
        );
      return draft('projector.theme-shown', { themeId, shown, live: !h });
    },
  }),
  'projector.all-themes': command({
    schema: z.strictObject({ all: z.boolean() }),
    roles: ['facilitator'],
    decide: ({ all }, { state }) => {
      if (!state.harvest) return fail('wrong_state', 'The harvest has not started yet.');
      if (projectorOf(state).allThemes === all)
        return fail(
          'wrong_state',
          all ? 'Every theme is already on the projector.' : 'Only the chosen themes are on the projector.',
        );
      return draft('projector.all-themes', { all });
    },
  }),
};

type ScreenRecord = RecordOf<'projector.shown' | 'projector.theme-shown' | 'projector.all-themes'>;

const toggle = (list: string[], id: string, on: boolean) =>
  on ? (list.includes(id) ? list : [...list, id]) : list.filter((x) => x !== id);

export function reduceScreen(state: EventState, rec: ScreenRecord): EventState {
  const p = projectorOf(state);
  switch (rec.type) {
    case 'projector.shown':
      return { ...state, projector: { ...p, view: rec.payload.view, viewSeq: rec.seq } };
    case 'projector.theme-shown': {
      const { themeId, shown, live } = rec.payload;
      return {
        ...state,
        projector: live
          ? { ...p, live: toggle(p.live, themeId, shown) }
          : { ...p, themes: toggle(p.themes, themeId, shown) },
      };
    }
    case 'projector.all-themes':
      return { ...state, projector: { ...p, allThemes: rec.payload.all } };
  }
}
