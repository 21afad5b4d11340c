import {
  ApplicationCommandType,
  InteractionType,
  MessageType,
  type APIMessage,
  type APIMessageInteractionMetadata,
} from 'discord-api-types/v10';
import type { LocalDiscordState } from '../state.js';
import type { InteractionRecord } from '../types.js';

/**
 * The fields Discord puts on a message an interaction created: the application as
 * webhook and author application, and `interaction_metadata` naming the interaction
 * and its user (with the original response for a follow-up).
 */
export function interactionMessageFields(
  state: LocalDiscordState,
  record: InteractionRecord,
  originalResponseMessageId: string | null,
): Partial<APIMessage> {
  const user = state.users.get(record.userId);
  if (!user) throw new Error(`local-discord: interaction ${record.id} has no user`);
  const payload = record.payload;
  const metadata = {
    id: record.id,
    type: payload.type,
    user,
    authorizing_integration_owners: payload.authorizing_integration_owners,
    ...(originalResponseMessageId === null ? {} : { original_response_message_id: originalResponseMessageId }),
    ...(record.componentMessageId === null ? {} : { interacted_message_id: record.componentMessageId }),
    ...(payload.type === InteractionType.ApplicationCommand && payload.data.type === ApplicationCommandType.Message
      ? { target_message_id: payload.data.target_id }
      : {}),
  } as APIMessageInteractionMetadata;
  const fields: Partial<APIMessage> = {
    webhook_id: state.applicationId,
    application_id: state.applicationId,
    interaction_metadata: metadata,
  };
  if (payload.type === InteractionType.ApplicationCommand) {
    fields.interaction = { id: record.id, type: payload.type, name: payload.data.name, user };
  }
  return fields;
}

/** The message type Discord gives an interaction's first response. */
export function responseMessageType(record: InteractionRecord): MessageType {
  const payload = record.payload;
  if (payload.type !== InteractionType.ApplicationCommand) return MessageType.Default;
  return payload.data.type === ApplicationCommandType.ChatInput ? MessageType.ChatInputCommand : MessageType.ContextMenuCommand;
}
