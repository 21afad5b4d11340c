import { ChannelType, InteractionContextType, type APIUser, type Locale } from 'discord-api-types/v10';
import { userChannelPermissions } from '../access.js';
import { interactionMemberPayload } from '../payloads.js';
import { messageLimits } from '../message-validation.js';
import type { LocalDiscordState } from '../state.js';
import type { GuildRecord, StoredChannel } from '../types.js';

/** Who does something, where: the parts every interaction payload is built from. */
export interface InteractionScene {
  user: APIUser;
  channel: StoredChannel;
  guild: GuildRecord | null;
  locale: Locale;
}


/**
 * The fields common to every interaction, filled as Discord fills them: `member` with
 * permissions in a guild and `user` in a DM, the channel with the user's permissions,
 * the bot's permissions as `app_permissions`, locales, and empty `entitlements`.
 */
export function interactionBase(state: LocalDiscordState, scene: InteractionScene, id: string, token: string): Record<string, unknown> {
  const { user, channel, guild } = scene;
  const common = {
    id,
    application_id: state.applicationId,
    token,
    version: 1,
    app_permissions: userChannelPermissions(state, state.botUser.id, channel).toString(),
    locale: scene.locale,
    entitlements: [],
    attachment_size_limit: messageLimits.attachmentBytes,
    channel_id: channel.id,
  };
  if (guild === null || channel.type === ChannelType.DM) {
    return {
      ...common,
      channel: { ...channel, recipients: [user] },
      user,
      authorizing_integration_owners: { '0': '0' },
      context: InteractionContextType.BotDM,
    };
  }
  const member = guild.members.get(user.id);
  if (!member) throw new Error(`local-discord: ${user.username} is not a member of ${guild.name}`);
  const permissions = userChannelPermissions(state, user.id, channel);
  return {
    ...common,
    guild_id: guild.id,
    guild: { id: guild.id, locale: guild.preferredLocale, features: [] },
    guild_locale: guild.preferredLocale,
    channel: { ...channel, permissions: permissions.toString() },
    member: interactionMemberPayload(state, member, permissions),
    authorizing_integration_owners: { '0': guild.id },
    context: InteractionContextType.Guild,
  };
}
