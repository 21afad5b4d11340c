import { InteractionResponseType, InteractionType, MessageFlags, type RESTPostAPIInteractionCallbackWithResponseResult } from 'discord-api-types/v10';
import type { LocalDiscordCore } from '../core.js';
import { emptyMessage, interactionAlreadyAcknowledged, unknownInteraction } from '../errors.js';
import { FormErrors, isRecord } from '../form-errors.js';
import { isEmptyMessage, validateAutocompleteChoices, validateMessageBody } from '../message-validation.js';
import { validateModal } from '../modal-forms.js';
import { createMessage, editMessage } from '../messages.js';
import type { RouteResponse } from '../http/router.js';
import type { AttachmentUpload, InteractionRecord, MessageRecord } from '../types.js';
import { interactionMessageFields, responseMessageType } from './response-messages.js';

/** Which callback types Discord accepts for each kind of interaction. */
const allowedCallbacks: Record<number, readonly number[]> = {
  [InteractionType.ApplicationCommand]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.Modal,
  ],
  [InteractionType.MessageComponent]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
    InteractionResponseType.Modal,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [InteractionResponseType.ApplicationCommandAutocompleteResult],
  [InteractionType.ModalSubmit]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
  ],
};

export interface CallbackRequest {
  interactionId: string;
  token: string;
  body: unknown;
  files: AttachmentUpload[];
  withResponse: boolean;
}

/**
 * `POST /interactions/:id/:token/callback`: the first and only answer to an interaction,
 * accepted within the acknowledgement window. A second answer gets 40060, a late or
 * unknown one 10062, exactly the errors the bot must cope with against Discord.
 */
export function handleInteractionCallback(core: LocalDiscordCore, request: CallbackRequest): RouteResponse {
  const { state } = core;
  const record = state.interactions.get(request.interactionId);
  if (!record || record.token !== request.token) throw unknownInteraction();
  if (record.callback) throw interactionAlreadyAcknowledged();
  const receivedAt = core.now();
  if (receivedAt - record.createdAt > core.timings.interactionAckWindowMs) throw unknownInteraction();

  const body = isRecord(request.body) ? request.body : {};
  const errors = new FormErrors();
  const type = body.type;
  if (typeof type !== 'number') {
    errors.add(['type'], 'BASE_TYPE_REQUIRED', 'This field is required');
    errors.throwIfAny();
  }
  const callbackType = type as InteractionResponseType;
  if (!(allowedCallbacks[record.payload.type] ?? []).includes(callbackType)) {
    errors.add(['type'], 'INTERACTION_CALLBACK_TYPE_INVALID', `Callback type ${callbackType} is not valid for interaction type ${record.payload.type}`);
    errors.throwIfAny();
  }
  if (record.payload.type === InteractionType.ModalSubmit && record.componentMessageId === null && updatesMessage(callbackType)) {
    // Only a modal opened from a message's component has a message to update.
    errors.add(['type'], 'INTERACTION_CALLBACK_TYPE_INVALID', `Callback type ${callbackType} needs a message: this modal was not opened from one`);
    errors.throwIfAny();
  }
  const data = isRecord(body.data) ? body.data : {};
  if (callbackType === InteractionResponseType.ApplicationCommandAutocompleteResult) validateAutocompleteChoices(data, errors, ['data']);
  else if (callbackType === InteractionResponseType.Modal) validateModal(data, errors, ['data']);
  else validateMessageBody(data, errors, ['data'], request.files);
  errors.throwIfAny();
  if (callbackType === InteractionResponseType.ChannelMessageWithSource && isEmptyMessage(data, request.files.length)) throw emptyMessage();

  const message = applyCallback(core, record, callbackType, data, request.files);
  record.callback = {
    interactionId: record.id,
    type: callbackType,
    data: isRecord(body.data) ? body.data : null,
    receivedAt,
    latencyMs: receivedAt - record.createdAt,
  };
  core.events.emit('interaction-response', record.callback);
  if (!request.withResponse) return { status: 204 };
  const result: RESTPostAPIInteractionCallbackWithResponseResult = {
    interaction: {
      id: record.id,
      type: record.payload.type,
      ...(message
        ? {
            response_message_id: message.message.id,
            response_message_loading: ((message.message.flags ?? 0) & MessageFlags.Loading) !== 0,
            response_message_ephemeral: message.visibleTo !== null,
          }
        : {}),
    },
    resource: { type: callbackType, ...(message ? { message: message.message } : {}) },
  };
  return { status: 200, body: result };
}

function updatesMessage(type: InteractionResponseType): boolean {
  return type === InteractionResponseType.UpdateMessage || type === InteractionResponseType.DeferredMessageUpdate;
}

function applyCallback(
  core: LocalDiscordCore,
  record: InteractionRecord,
  type: InteractionResponseType,
  data: Record<string, unknown>,
  files: AttachmentUpload[],
): MessageRecord | null {
  const { state } = core;
  const ephemeral = typeof data.flags === 'number' && (data.flags & MessageFlags.Ephemeral) !== 0;
  switch (type) {
    case InteractionResponseType.ChannelMessageWithSource:
    case InteractionResponseType.DeferredChannelMessageWithSource: {
      const deferred = type === InteractionResponseType.DeferredChannelMessageWithSource;
      const message = createMessage(core, {
        channelId: record.channelId,
        body: deferred ? { flags: data.flags } : data,
        files: deferred ? [] : files,
        author: state.botUser,
        type: responseMessageType(record),
        visibleTo: ephemeral ? record.userId : null,
        interactionId: record.id,
        extra: interactionMessageFields(state, record, null),
        serverFlags: deferred ? MessageFlags.Loading : 0,
        link: (created) => {
          record.originalMessageId = created.message.id;
        },
      });
      return message;
    }
    case InteractionResponseType.DeferredMessageUpdate:
    case InteractionResponseType.UpdateMessage: {
      const target = record.componentMessageId === null ? undefined : state.messages.get(record.componentMessageId);
      record.originalMessageId = record.componentMessageId;
      if (!target) return null;
      if (type === InteractionResponseType.UpdateMessage) editMessage(core, target, data, files, { markEdited: true });
      return target;
    }
    default:
      return null;
  }
}
