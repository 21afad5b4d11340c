import type { RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import type { MessagePayload } from './render/payload.js';

/**
 * A rendered payload as the body of `POST /channels/:id/messages`, for posts made with
 * the REST client directly rather than through an interaction.
 */
export function toRestMessage(payload: MessagePayload): RESTPostAPIChannelMessageJSONBody {
  return {
    ...(payload.content === undefined ? {} : { content: payload.content }),
    ...(payload.embeds === undefined ? {} : { embeds: payload.embeds }),
    ...(payload.components === undefined ? {} : { components: payload.components }),
    allowed_mentions: { parse: [] },
  };
}
