import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';

/**
 * API errors that mean the interaction can no longer be answered, not that the bot is
 * broken: it expired (10062), its token did (50027), it was answered already (40060), or
 * the message or webhook is gone. They are logged, never re-thrown.
 */
export const harmlessInteractionErrorCodes: ReadonlySet<number> = new Set([
  RESTJSONErrorCodes.UnknownInteraction,
  RESTJSONErrorCodes.InvalidWebhookToken,
  RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
  RESTJSONErrorCodes.UnknownWebhook,
  RESTJSONErrorCodes.UnknownMessage,
]);

/** The numeric Discord error code of an API error, or null for anything else. */
export function discordErrorCode(error: unknown): number | null {
  return error instanceof DiscordAPIError && typeof error.code === 'number' ? error.code : null;
}

/** True for an error that only says this interaction can no longer be answered. */
export function isHarmlessInteractionError(error: unknown): boolean {
  const code = discordErrorCode(error);
  if (code !== null) return harmlessInteractionErrorCodes.has(code);
  // discord.js refuses a second reply itself, before any request is made.
  return error instanceof Error && 'code' in error && error.code === 'InteractionAlreadyReplied';
}
