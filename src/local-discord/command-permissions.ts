import { ApplicationCommandPermissionType, PermissionFlagsBits, type APIApplicationCommand } from 'discord-api-types/v10';
import { memberGuildPermissions } from './payloads.js';
import { allPermissions, hasPermission } from './permissions.js';
import type { LocalDiscordState } from './state.js';
import type { GuildRecord } from './types.js';

/**
 * Whether Discord's command picker offers a command to a member. A server's own settings
 * for the command (Server Settings → Integrations, kept in `state.commandPermissions`) come
 * first: the member's entry, then their roles' (any allow wins), then `@everyone`'s. Without
 * one that applies, `default_member_permissions` decides. Administrators and the owner see everything.
 */
export function memberCanUseCommand(state: LocalDiscordState, guild: GuildRecord, userId: string, command: APIApplicationCommand): boolean {
  const permissions = memberGuildPermissions(guild, userId);
  if (permissions === allPermissions || hasPermission(permissions, PermissionFlagsBits.Administrator)) return true;
  const overrides = state.commandPermissionsFor(guild.id, command.id);
  const own = overrides.find((entry) => entry.type === ApplicationCommandPermissionType.User && entry.id === userId);
  if (own) return own.permission;
  const roleIds = guild.members.get(userId)?.roleIds ?? [];
  const roles = overrides.filter((entry) => entry.type === ApplicationCommandPermissionType.Role && roleIds.includes(entry.id));
  if (roles.length > 0) return roles.some((entry) => entry.permission);
  const everyone = overrides.find((entry) => entry.type === ApplicationCommandPermissionType.Role && entry.id === guild.id);
  if (everyone) return everyone.permission;
  if (command.default_member_permissions === null || command.default_member_permissions === undefined) return true;
  const required = BigInt(command.default_member_permissions);
  return required !== 0n && hasPermission(permissions, required);
}
