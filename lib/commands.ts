/** Every action a client may send, by name: the registry the server's pipeline looks up. */
import type { z } from 'zod';
import { announcementCommands } from './announcements';
import { editCommands } from './cafe/edits';
import { roundCommands } from './cafe/rounds';
import type { CommandDef } from './command';
import { evaluationCommands } from './evaluation/actions';
import { harvestCommands } from './harvest/actions';
import { commitmentCommands } from './harvest/commitments';
import { resultsCommands } from './harvest/results';
import { screenCommands } from './harvest/screen';
import { moderationCommands } from './notes/moderation';
import { noteCommands } from './notes/notes';
import { paperCommands } from './notes/paper';
import { convergenceCommands } from './openspace/convergence';
import { wallCommands } from './openspace/edits';
import { openSpaceCommands } from './openspace/sessions';
import { careCommands } from './people/care';
import { moveCommands } from './people/moves';
import { peopleCommands } from './people/people';
import { linkCommands } from './team/links';

const ALL = {
  ...roundCommands,
  ...editCommands,
  ...peopleCommands,
  ...moveCommands,
  ...careCommands,
  ...noteCommands,
  ...paperCommands,
  ...moderationCommands,
  ...openSpaceCommands,
  ...convergenceCommands,
  ...wallCommands,
  ...harvestCommands,
  ...commitmentCommands,
  ...announcementCommands,
  ...screenCommands,
  ...linkCommands,
  ...evaluationCommands,
  ...resultsCommands,
};

export type CommandName = keyof typeof ALL;
export type CommandPayload<N extends CommandName> = z.input<(typeof ALL)[N]['schema']>;
export const COMMAND_NAMES = Object.keys(ALL) as CommandName[];

/** Look a command up by the name a client sent; own keys only, so "__proto__" finds nothing. */
export function findCommand(name: string): CommandDef | undefined {
  return Object.hasOwn(ALL, name) ? (ALL as Record<string, CommandDef>)[name] : undefined;
}
