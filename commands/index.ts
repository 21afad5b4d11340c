/*
 * Every command, listed by hand: what is here is what `npm run deploy` registers and what
 * the router answers. A command's file is named after it.
 */
import type { Command, MessageCommand } from '../src/discord/command.js';
import type { CommandHelp } from '../src/discord/render/help.js';
import add from './add.js';
import ask from './ask.js';
import digest from './digest.js';
import findSources from './find-sources.js';
import help from './help.js';
import library from './library.js';
import reindex from './reindex.js';
import remove from './remove.js';
import search from './search.js';
import sources from './sources.js';
import status from './status.js';
import timeline from './timeline.js';

export const slashCommands: readonly Command[] = [ask, search, sources, timeline, add, remove, library, digest, reindex, status, help];

export const messageCommands: readonly MessageCommand[] = [findSources];

export const allCommands: readonly (Command | MessageCommand)[] = [...slashCommands, ...messageCommands];

/** What /help lists, in the order above. */
export const commandHelp: readonly CommandHelp[] = allCommands.map((command) => command.help);
