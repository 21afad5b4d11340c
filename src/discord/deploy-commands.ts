import { Routes, type REST, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import type { Command, MessageCommand } from './command.js';

/** Where the commands went and which ones Discord now has. */
export interface DeployResult {
  scope: 'guild' | 'global';
  names: string[];
}

/**
 * Registers the commands with one bulk overwrite: on one server when `guildId` is given
 * (instant, for development), globally otherwise. Commands no longer in the list are
 * removed, so the registered set always equals the code's.
 */
export async function deployCommands(options: {
  rest: REST;
  applicationId: string;
  guildId: string | null;
  commands: readonly (Command | MessageCommand)[];
}): Promise<DeployResult> {
  const body = options.commands.map((command) => command.data.toJSON());
  const route = options.guildId === null ? Routes.applicationCommands(options.applicationId) : Routes.applicationGuildCommands(options.applicationId, options.guildId);
  const registered = (await options.rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
  return { scope: options.guildId === null ? 'global' : 'guild', names: registered.map((command) => command.name) };
}
