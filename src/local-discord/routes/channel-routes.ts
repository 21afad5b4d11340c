import { PermissionFlagsBits } from 'discord-api-types/v10';
import { channelForBot } from '../access.js';
import type { LocalDiscordCore } from '../core.js';
import { cannotEditOtherUsersMessage, emptyMessage, missingPermissions, unknownMessage, unknownUser } from '../errors.js';
import { FormErrors, isRecord } from '../form-errors.js';
import { isEmptyMessage, validateMessageBody } from '../message-validation.js';
import { createMessage, deleteMessage, editMessage } from '../messages.js';
import type { Route } from '../http/router.js';
import type { MessageRecord } from '../types.js';

/** Channels and their messages, as the bot's REST client uses them to post digests and read history. */
export function channelRoutes(core: LocalDiscordCore): Route[] {
  const { state } = core;

  const channelMessage = (channelId: string, messageId: string | undefined): MessageRecord => {
    const record = messageId === undefined ? undefined : state.messages.get(messageId);
    if (!record || record.deleted || record.visibleTo !== null || record.message.channel_id !== channelId) throw unknownMessage();
    return record;
  };

  return [
    {
      method: 'GET',
      pattern: '/channels/:channelId',
      auth: 'bot',
      handle: ({ params }) => ({ status: 200, body: channelForBot(state, params.channelId) }),
    },
    {
      method: 'GET',
      pattern: '/channels/:channelId/messages',
      auth: 'bot',
      handle: ({ params, query }) => {
        const channel = channelForBot(state, params.channelId, PermissionFlagsBits.ReadMessageHistory);
        const limit = Math.min(100, Math.max(1, Number(query.get('limit') ?? 50) || 50));
        const before = query.get('before');
        const after = query.get('after');
        let messages = state.messagesIn(channel.id);
        if (before !== null) messages = messages.filter((message) => BigInt(message.id) < BigInt(before));
        if (after !== null) messages = messages.filter((message) => BigInt(message.id) > BigInt(after));
        // Discord lists newest first; `after` keeps the oldest ones after the given id.
        const page = after !== null ? messages.slice(0, limit) : messages.slice(-limit);
        return { status: 200, body: page.reverse() };
      },
    },
    {
      method: 'GET',
      pattern: '/channels/:channelId/messages/:messageId',
      auth: 'bot',
      handle: ({ params }) => {
        const channel = channelForBot(state, params.channelId, PermissionFlagsBits.ReadMessageHistory);
        return { status: 200, body: channelMessage(channel.id, params.messageId).message };
      },
    },
    {
      method: 'POST',
      pattern: '/channels/:channelId/messages',
      auth: 'bot',
      handle: ({ params, body, files }) => {
        const channel = channelForBot(state, params.channelId, PermissionFlagsBits.SendMessages);
        const data = isRecord(body) ? body : {};
        if (files.length > 0) channelForBot(state, channel.id, PermissionFlagsBits.AttachFiles);
        const errors = new FormErrors();
        validateMessageBody(data, errors, [], files);
        errors.throwIfAny();
        if (isEmptyMessage(data, files.length)) throw emptyMessage();
        const record = createMessage(core, { channelId: channel.id, body: data, files, author: state.botUser });
        return { status: 200, body: record.message };
      },
    },
    {
      method: 'PATCH',
      pattern: '/channels/:channelId/messages/:messageId',
      auth: 'bot',
      handle: ({ params, body, files }) => {
        const channel = channelForBot(state, params.channelId);
        const record = channelMessage(channel.id, params.messageId);
        if (record.message.author.id !== state.botUser.id) throw cannotEditOtherUsersMessage();
        const data = isRecord(body) ? body : {};
        const errors = new FormErrors();
        validateMessageBody(data, errors, [], files);
        errors.throwIfAny();
        editMessage(core, record, data, files, { markEdited: true });
        return { status: 200, body: record.message };
      },
    },
    {
      method: 'DELETE',
      pattern: '/channels/:channelId/messages/:messageId',
      auth: 'bot',
      handle: ({ params }) => {
        const channel = channelForBot(state, params.channelId);
        const record = channelMessage(channel.id, params.messageId);
        if (record.message.author.id !== state.botUser.id) channelForBot(state, channel.id, PermissionFlagsBits.ManageMessages);
        deleteMessage(core, record);
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      pattern: '/users/@me/channels',
      auth: 'bot',
      handle: ({ body }) => {
        const recipient = isRecord(body) && typeof body.recipient_id === 'string' ? state.users.get(body.recipient_id) : undefined;
        if (!recipient) throw unknownUser();
        if (recipient.bot === true) throw missingPermissions();
        return { status: 200, body: state.directMessageChannel(recipient.id) };
      },
    },
  ];
}
