import { MessageFlags, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';

/** No mention in a message ever pings: text quoted from a source or typed by a user stays inert. */
export const noMentions = { parse: [] as [] } as const;

/** A file sent with a message, such as the timeline's `.ics` or its picture. */
export interface FilePayload {
  name: string;
  attachment: Buffer;
  /** Alt text, which Discord shows to screen readers (at most 1,024 characters). */
  description?: string;
}

/**
 * What a renderer returns: plain data that `reply`, `update`, `editReply`, `followUp`
 * and the digest's REST post all accept. Renderers never call Discord.
 */
export interface MessagePayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
  files?: FilePayload[];
  flags?: MessageFlags.Ephemeral;
  allowedMentions: { parse: [] };
}

/** The same payload, seen only by the person who used the command. */
export function ephemeral(payload: MessagePayload): MessagePayload {
  return { ...payload, flags: MessageFlags.Ephemeral };
}

/** The same payload, visible to the channel. */
export function visible(payload: MessagePayload): Omit<MessagePayload, 'flags'> {
  const { flags: _flags, ...rest } = payload;
  return rest;
}

/** A short text message: the shape of confirmations and errors. */
export function textMessage(content: string): MessagePayload {
  return { content, allowedMentions: noMentions };
}
