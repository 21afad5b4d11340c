import type { RawFile, RESTPostAPIChannelMessageJSONBody } from 'discord.js';
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
    ...(payload.files === undefined ? {} : { attachments: payload.files.map((file, id) => ({ id, filename: file.name, ...(file.description === undefined ? {} : { description: file.description }) })) }),
    allowed_mentions: { parse: [] },
  };
}

/** The payload's files for the REST client, which sends them as `files[n]` matching the `attachments` ids above. */
export function toRestFiles(payload: MessagePayload): RawFile[] {
  return (payload.files ?? []).map((file) => ({ name: file.name, data: file.attachment }));
}
