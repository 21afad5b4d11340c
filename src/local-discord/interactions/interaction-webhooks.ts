import { InteractionResponseType, MessageFlags, type APIMessage } from 'discord-api-types/v10';
import type { LocalDiscordCore } from '../core.js';
import { emptyMessage, invalidWebhookToken, unknownMessage, unknownWebhook } from '../errors.js';
import { FormErrors, isRecord } from '../form-errors.js';
import { isEmptyMessage, validateMessageBody } from '../message-validation.js';
import { createMessage, deleteMessage, editMessage } from '../messages.js';
import type { AttachmentUpload, InteractionRecord, MessageRecord } from '../types.js';
import { interactionMessageFields } from './response-messages.js';

/**
 * The interaction an interaction webhook (`/webhooks/:applicationId/:token`) belongs to.
 * Tokens work for 15 minutes; after that, and for tokens never issued, Discord answers
 * 401 Invalid Webhook Token.
 */
export function interactionForWebhook(core: LocalDiscordCore, applicationId: string, token: string): InteractionRecord {
  if (applicationId !== core.state.applicationId) throw unknownWebhook();
  const record = core.state.interactionByToken(token);
  if (!record) throw invalidWebhookToken();
  if (core.now() - record.createdAt > core.timings.interactionTokenLifetimeMs) throw invalidWebhookToken();
  return record;
}

/** `@original` or the id of one of this interaction's own messages; anything else is Unknown Message. */
export function interactionMessage(core: LocalDiscordCore, record: InteractionRecord, messageId: string): MessageRecord {
  const id = messageId === '@original' ? record.originalMessageId : messageId;
  const belongs = id !== null && (id === record.originalMessageId || record.followUpIds.includes(id));
  const message = belongs ? core.state.messages.get(id) : undefined;
  if (!message || message.deleted) throw unknownMessage();
  return message;
}

export function editInteractionMessage(
  core: LocalDiscordCore,
  record: InteractionRecord,
  messageId: string,
  body: unknown,
  files: AttachmentUpload[],
): APIMessage {
  const message = interactionMessage(core, record, messageId);
  const data = isRecord(body) ? body : {};
  const errors = new FormErrors();
  validateMessageBody(data, errors, [], files);
  errors.throwIfAny();
  // Filling in a deferred "thinking" message is not an edit in Discord's eyes.
  const wasLoading = ((message.message.flags ?? 0) & MessageFlags.Loading) !== 0;
  editMessage(core, message, data, files, { markEdited: !wasLoading });
  return message.message;
}

export function deleteInteractionMessage(core: LocalDiscordCore, record: InteractionRecord, messageId: string): void {
  deleteMessage(core, interactionMessage(core, record, messageId));
}

/**
 * `POST /webhooks/:applicationId/:token`: a follow-up. As on Discord, the first follow-up
 * after a deferred reply fills in the "thinking" message (keeping its ephemerality) rather
 * than posting a new one.
 */
export function createFollowUp(core: LocalDiscordCore, record: InteractionRecord, body: unknown, files: AttachmentUpload[]): APIMessage {
  if (!record.callback) throw unknownWebhook();
  const data = isRecord(body) ? body : {};
  const errors = new FormErrors();
  validateMessageBody(data, errors, [], files);
  errors.throwIfAny();
  if (isEmptyMessage(data, files.length)) throw emptyMessage();

  const original = record.originalMessageId === null ? undefined : core.state.messages.get(record.originalMessageId);
  const fillsDeferred =
    record.callback.type === InteractionResponseType.DeferredChannelMessageWithSource &&
    record.followUpIds.length === 0 &&
    original !== undefined &&
    !original.deleted &&
    ((original.message.flags ?? 0) & MessageFlags.Loading) !== 0;
  if (fillsDeferred) {
    record.followUpIds.push(original.message.id);
    editMessage(core, original, data, files, { markEdited: false });
    return original.message;
  }
  const ephemeral = typeof data.flags === 'number' && (data.flags & MessageFlags.Ephemeral) !== 0;
  const message = createMessage(core, {
    channelId: record.channelId,
    body: data,
    files,
    author: core.state.botUser,
    visibleTo: ephemeral ? record.userId : null,
    interactionId: record.id,
    extra: interactionMessageFields(core.state, record, record.originalMessageId),
    link: (created) => record.followUpIds.push(created.message.id),
  });
  return message.message;
}
