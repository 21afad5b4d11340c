import { OverwriteType, PermissionFlagsBits } from 'discord-api-types/v10';
import type { GuildRecord, MemberRecord, StoredChannel } from './types.js';

/** A permission by its discord-api-types name, such as `'ManageGuild'` or `'SendMessages'`. */
export type PermissionName = keyof typeof PermissionFlagsBits;

export const allPermissions = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

/** What a bot may do in a DM with a user: Discord sends this as `app_permissions` there. */
export const directMessagePermissions =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis;

export function permissionBits(names: readonly PermissionName[]): bigint {
  return names.reduce((bits, name) => bits | PermissionFlagsBits[name], 0n);
}

/** Guild-wide permissions, following Discord's order: owner, then `@everyone` and role grants, then Administrator. */
export function guildPermissions(guild: GuildRecord, member: MemberRecord): bigint {
  if (member.userId === guild.ownerId) return allPermissions;
  let bits = 0n;
  for (const role of guild.roles) {
    if (role.id === guild.id || member.roleIds.includes(role.id)) bits |= BigInt(role.permissions);
  }
  return (bits & PermissionFlagsBits.Administrator) !== 0n ? allPermissions : bits;
}

/**
 * Permissions in one channel: guild permissions with the channel's overwrites applied in
 * Discord's order (`@everyone`, then the member's roles together, then the member).
 */
export function channelPermissions(guild: GuildRecord, member: MemberRecord, channel: StoredChannel): bigint {
  let bits = guildPermissions(guild, member);
  if (bits === allPermissions) return allPermissions;
  const overwrites = 'permission_overwrites' in channel ? (channel.permission_overwrites ?? []) : [];
  const everyone = overwrites.find((overwrite) => overwrite.id === guild.id);
  if (everyone) bits = (bits & ~BigInt(everyone.deny)) | BigInt(everyone.allow);
  let roleAllow = 0n;
  let roleDeny = 0n;
  for (const overwrite of overwrites) {
    if (overwrite.type === OverwriteType.Role && overwrite.id !== guild.id && member.roleIds.includes(overwrite.id)) {
      roleAllow |= BigInt(overwrite.allow);
      roleDeny |= BigInt(overwrite.deny);
    }
  }
  bits = (bits & ~roleDeny) | roleAllow;
  const own = overwrites.find((overwrite) => overwrite.type === OverwriteType.Member && overwrite.id === member.userId);
  if (own) bits = (bits & ~BigInt(own.deny)) | BigInt(own.allow);
  // Without View Channel nothing else in the channel applies.
  return (bits & PermissionFlagsBits.ViewChannel) === 0n ? 0n : bits;
}

export function hasPermission(bits: bigint, permission: bigint): boolean {
  return (bits & permission) === permission;
}
