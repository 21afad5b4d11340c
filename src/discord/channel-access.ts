import { PermissionFlagsBits, RESTJSONErrorCodes, Routes, channelMention, type Client } from 'discord.js';
import { UserError } from '../errors.js';
import { discordErrorCode } from './discord-errors.js';

/** Checks, before settings are saved, that the bot can post the digest in a channel. */
export interface ChannelAccess {
  /** Resolves when the bot can see and post in the channel; a UserError saying what to fix otherwise. */
  assertCanPost(guildId: string, channelId: string): Promise<void>;
}

const needed = [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks];

/**
 * Asks Discord for the channel: a channel the bot cannot see answers Unknown Channel or
 * Missing Access. When the guild and the bot's member are cached, the bot's permissions
 * there are checked too, so a channel it can read but not post in is refused as well.
 */
export function createChannelAccess(client: Client): ChannelAccess {
  return {
    async assertCanPost(guildId, channelId) {
      const channel = channelMention(channelId);
      try {
        await client.rest.get(Routes.channel(channelId));
      } catch (error) {
        const code = discordErrorCode(error);
        if (code === RESTJSONErrorCodes.UnknownChannel || code === RESTJSONErrorCodes.MissingAccess || code === RESTJSONErrorCodes.MissingPermissions) {
          throw new UserError(`I cannot see ${channel}. Give me the View Channel, Send Messages and Embed Links permissions there, or pick another channel.`);
        }
        throw error;
      }
      const guild = client.guilds.cache.get(guildId);
      const me = guild?.members.me;
      const cached = guild?.channels.cache.get(channelId);
      if (guild === undefined || me === null || me === undefined || cached === undefined) return;
      const permissions = cached.permissionsFor(me);
      if (!permissions.has(needed)) {
        const missing = permissions.missing(needed).join(', ');
        throw new UserError(`I can see ${channel} but lack ${missing} there. Give me those permissions in the channel settings, or pick another channel.`);
      }
    },
  };
}
