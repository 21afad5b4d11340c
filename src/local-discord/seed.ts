import type { RoleFlags} from 'discord-api-types/v10';
import { type ChannelFlags, ChannelType, Locale, OverwriteType, PermissionFlagsBits, type APIOverwrite, type APIRole, type APIUser } from 'discord-api-types/v10';
import { permissionBits, type PermissionName } from './permissions.js';
import { createSnowflakeGenerator, type SnowflakeGenerator } from './snowflake.js';
import type { GuildRecord, MemberRecord, StoredChannel } from './types.js';

/** A role to create in a seeded guild. */
export interface SeedRole {
  id?: string;
  name: string;
  permissions: PermissionName[];
}

/**
 * What the bot may do in a seeded channel: `full` (see and post), `read-only` (see, but
 * posting fails with 50013 Missing Permissions) or `hidden` (cannot see it: 50001 Missing Access).
 */
export type BotChannelAccess = 'full' | 'read-only' | 'hidden';

/** A text channel to create in a seeded guild. */
export interface SeedChannel {
  id?: string;
  name: string;
  topic?: string;
  /** Defaults to `full`. */
  bot?: BotChannelAccess;
}

/** A human member of a seeded guild. */
export interface SeedMember {
  id?: string;
  username: string;
  globalName?: string;
  /** Names of roles from the guild's `roles`. */
  roles?: string[];
  owner?: boolean;
}

/** A guild the bot is in when the server starts. */
export interface SeedGuild {
  id?: string;
  name: string;
  /** Permissions of `@everyone`; defaults to what Discord gives a new server's members. */
  everyonePermissions?: PermissionName[];
  roles?: SeedRole[];
  channels: SeedChannel[];
  members: SeedMember[];
  preferredLocale?: Locale;
}

/** Permissions Discord gives `@everyone` in a new server (without Mention Everyone). */
export const defaultEveryonePermissions: PermissionName[] = [
  'CreateInstantInvite', 'ChangeNickname', 'ViewChannel', 'SendMessages', 'SendMessagesInThreads',
  'CreatePublicThreads', 'CreatePrivateThreads', 'EmbedLinks', 'AttachFiles', 'AddReactions',
  'UseExternalEmojis', 'UseExternalStickers', 'ReadMessageHistory', 'UseApplicationCommands',
  'Connect', 'Speak', 'Stream', 'UseVAD', 'UseEmbeddedActivities', 'SendVoiceMessages', 'SendPolls',
];

/** What the bot's own managed role is granted when invited with a typical scope. */
export const botRolePermissions: PermissionName[] = [
  'ViewChannel', 'SendMessages', 'SendMessagesInThreads', 'EmbedLinks', 'AttachFiles',
  'ReadMessageHistory', 'UseExternalEmojis', 'AddReactions', 'UseApplicationCommands',
];

/**
 * One server, "Briefing HQ": `ada` has the Admin role (Manage Server), `bob` is a plain
 * member, `olive` owns the server. Channels: `general` and `digest` the bot can use,
 * `announcements` it can read but not post in, `staff` it cannot see.
 */
export const defaultSeed: SeedGuild[] = [
  {
    name: 'Briefing HQ',
    roles: [{ name: 'Admin', permissions: ['ManageGuild', 'ManageChannels', 'ManageMessages', 'ManageRoles', 'KickMembers'] }],
    channels: [
      { name: 'general', topic: 'Everything else' },
      { name: 'digest', topic: 'Where the briefing digest arrives' },
      { name: 'announcements', bot: 'read-only' },
      { name: 'staff', bot: 'hidden' },
    ],
    members: [
      { username: 'ada', globalName: 'Ada', roles: ['Admin'] },
      { username: 'bob', globalName: 'Bob' },
      { username: 'olive', globalName: 'Olive', owner: true },
    ],
  },
];

/** The users, guilds and channels the server starts with. */
export interface World {
  users: Map<string, APIUser>;
  guilds: Map<string, GuildRecord>;
  channels: Map<string, StoredChannel>;
}

/** Seeded ids come from a fixed instant, so the same seed gives the same ids on every run. */
export function createSeedIdGenerator(): SnowflakeGenerator {
  return createSnowflakeGenerator(() => Date.UTC(2024, 0, 1));
}

export function humanUser(id: string, username: string, globalName: string | null): APIUser {
  return { id, username, discriminator: '0', global_name: globalName, avatar: null, bot: false };
}

export function buildWorld(seed: readonly SeedGuild[], botUser: APIUser, nextId: SnowflakeGenerator): World {
  const users = new Map<string, APIUser>([[botUser.id, botUser]]);
  const guilds = new Map<string, GuildRecord>();
  const channels = new Map<string, StoredChannel>();
  const joinedAt = new Date(Date.UTC(2024, 0, 1)).toISOString();

  for (const seedGuild of seed) {
    const guildId = seedGuild.id ?? nextId();
    const role = (id: string, name: string, position: number, permissions: bigint, extra: Partial<APIRole> = {}): APIRole => ({
      id, name, color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null }, hoist: false,
      position, permissions: permissions.toString(), managed: false, mentionable: false, flags: 0 as RoleFlags, ...extra,
    });
    const roles: APIRole[] = [role(guildId, '@everyone', 0, permissionBits(seedGuild.everyonePermissions ?? defaultEveryonePermissions))];
    (seedGuild.roles ?? []).forEach((seedRole, index) => {
      roles.push(role(seedRole.id ?? nextId(), seedRole.name, index + 1, permissionBits(seedRole.permissions)));
    });
    const botRole = role(nextId(), botUser.username, roles.length, permissionBits(botRolePermissions), {
      managed: true,
      tags: { bot_id: botUser.id },
    });
    roles.push(botRole);

    const members = new Map<string, MemberRecord>();
    let ownerId: string | null = null;
    for (const seedMember of seedGuild.members) {
      const user = [...users.values()].find((known) => known.username === seedMember.username) ??
        humanUser(seedMember.id ?? nextId(), seedMember.username, seedMember.globalName ?? null);
      users.set(user.id, user);
      const roleIds = (seedMember.roles ?? []).map((name) => {
        const found = roles.find((candidate) => candidate.name === name);
        if (!found) throw new Error(`local-discord seed: member ${seedMember.username} has role "${name}", which guild ${seedGuild.name} does not define`);
        return found.id;
      });
      members.set(user.id, { userId: user.id, roleIds, nick: null, joinedAt });
      if (seedMember.owner) ownerId = user.id;
    }
    members.set(botUser.id, { userId: botUser.id, roleIds: [botRole.id], nick: null, joinedAt });
    const firstHuman = [...members.keys()].find((id) => id !== botUser.id);
    ownerId ??= firstHuman ?? botUser.id;

    const channelIds: string[] = [];
    seedGuild.channels.forEach((seedChannel, position) => {
      const id = seedChannel.id ?? nextId();
      channels.set(id, {
        id, type: ChannelType.GuildText, guild_id: guildId, name: seedChannel.name, position,
        topic: seedChannel.topic ?? null, nsfw: false, last_message_id: null, rate_limit_per_user: 0, parent_id: null,
        flags: 0 as ChannelFlags, permission_overwrites: botOverwrites(seedChannel.bot ?? 'full', botRole.id),
      });
      channelIds.push(id);
    });

    guilds.set(guildId, {
      id: guildId, name: seedGuild.name, ownerId, preferredLocale: seedGuild.preferredLocale ?? Locale.EnglishUS,
      roles, members, channelIds, createdAt: joinedAt,
    });
  }
  return { users, guilds, channels };
}

function botOverwrites(access: BotChannelAccess, botRoleId: string): APIOverwrite[] {
  if (access === 'full') return [];
  const deny = access === 'hidden' ? PermissionFlagsBits.ViewChannel : PermissionFlagsBits.SendMessages;
  return [{ id: botRoleId, type: OverwriteType.Role, allow: '0', deny: deny.toString() }];
}
