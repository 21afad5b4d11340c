import type {
  GuildMemberFlags} from 'discord-api-types/v10';
import {
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  type APIGuild,
  type APIGuildMember,
  type APIInteractionGuildMember,
  type APIUser,
  type GatewayGuildCreateDispatchData,
} from 'discord-api-types/v10';
import type { LocalDiscordState } from './state.js';
import type { GuildRecord, MemberRecord } from './types.js';
import { guildPermissions } from './permissions.js';

/** The guild object of `GET /guilds/:id`, built from the stored record. */
export function guildPayload(state: LocalDiscordState, guild: GuildRecord): APIGuild {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: guild.roles,
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: guild.channelIds[0] ?? null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: guild.preferredLocale,
    nsfw_level: GuildNSFWLevel.Default,
    hub_type: null,
    incidents_data: null,
    max_members: 500_000,
    max_video_channel_users: 25,
  } as APIGuild;
}

export function memberPayload(state: LocalDiscordState, member: MemberRecord): APIGuildMember {
  const user = state.users.get(member.userId);
  if (!user) throw new Error(`local-discord: member ${member.userId} has no user`);
  return {
    user,
    nick: member.nick,
    avatar: null,
    banner: null,
    roles: member.roleIds,
    joined_at: member.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

/** The member object inside an interaction, which adds the member's permissions in the channel. */
export function interactionMemberPayload(state: LocalDiscordState, member: MemberRecord, permissions: bigint): APIInteractionGuildMember {
  const base = memberPayload(state, member);
  const user: APIUser | undefined = base.user;
  if (!user) throw new Error(`local-discord: member ${member.userId} has no user`);
  return { ...base, user, permissions: permissions.toString() };
}

/**
 * GUILD_CREATE as Discord sends it to a bot with the Guilds intent: the full guild with
 * its channels and roles, and (without the privileged Guild Members intent) only the
 * bot's own member, which discord.js needs for `guild.members.me` and permission checks.
 */
export function guildCreatePayload(state: LocalDiscordState, guild: GuildRecord, includeAllMembers: boolean): GatewayGuildCreateDispatchData {
  const members = [...guild.members.values()].filter((member) => includeAllMembers || member.userId === state.botUser.id);
  const channels = guild.channelIds
    .map((id) => state.channels.get(id))
    .filter((channel) => channel !== undefined && channel.type !== ChannelType.DM);
  return {
    ...guildPayload(state, guild),
    joined_at: guild.members.get(state.botUser.id)?.joinedAt ?? guild.createdAt,
    large: false,
    unavailable: false,
    member_count: guild.members.size,
    voice_states: [],
    members: members.map((member) => memberPayload(state, member)),
    channels: channels as GatewayGuildCreateDispatchData['channels'],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** Guild-wide permissions of a user, or none when the user is not a member. */
export function memberGuildPermissions(guild: GuildRecord, userId: string): bigint {
  const member = guild.members.get(userId);
  return member ? guildPermissions(guild, member) : 0n;
}
