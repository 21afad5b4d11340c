import { PermissionFlagsBits, type BaseInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { UserError } from '../errors.js';

/**
 * Manage Server is declared as the default permission of admin commands, but a server can
 * override that in its integration settings, so it is checked again when the command runs.
 */
export function requireManageServer(interaction: ChatInputCommandInteraction, action: string): void {
  if (!hasManageServer(interaction)) {
    throw new UserError(`You need the Manage Server permission to ${action}. Ask a server admin to do it.`);
  }
}

/** Whether the member behind an interaction holds Manage Server in its channel. */
export function hasManageServer(interaction: BaseInteraction): boolean {
  return interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) === true;
}

/** The server an interaction comes from; a UserError when it was used in a direct message. */
export function requireGuildId(interaction: ChatInputCommandInteraction): string {
  if (interaction.guildId === null) throw new UserError('This command only works in a server, not in direct messages.');
  return interaction.guildId;
}
