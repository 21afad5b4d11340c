import { ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';
import { missingAccess, missingPermissions, unknownChannel } from './errors.js';
import { channelPermissions, directMessagePermissions, hasPermission } from './permissions.js';
import type { LocalDiscordState } from './state.js';
import type { StoredChannel } from './types.js';

/** A user's permissions in a channel: their DM with the bot gives the DM set, a guild channel its computed set. */
export function userChannelPermissions(state: LocalDiscordState, userId: string, channel: StoredChannel): bigint {
  if (channel.type === ChannelType.DM) {
    return channel.recipients?.some((recipient) => recipient.id === userId) || userId === state.botUser.id ? directMessagePermissions : 0n;
  }
  const guild = state.guildOfChannel(channel);
  const member = guild?.members.get(userId);
  return guild && member ? channelPermissions(guild, member, channel) : 0n;
}

/**
 * The channel, if the bot may act in it: Unknown Channel (10003) when it does not
 * exist, Missing Access (50001) when the bot cannot see it, Missing Permissions (50013)
 * when it can see it but lacks `required`.
 */
export function channelForBot(state: LocalDiscordState, channelId: string | undefined, required: bigint = 0n): StoredChannel {
  const channel = channelId === undefined ? undefined : state.channels.get(channelId);
  if (!channel) throw unknownChannel();
  const permissions = userChannelPermissions(state, state.botUser.id, channel);
  if (!hasPermission(permissions, PermissionFlagsBits.ViewChannel)) throw missingAccess();
  if (!hasPermission(permissions, required)) throw missingPermissions();
  return channel;
}
