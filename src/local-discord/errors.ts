import { RESTJSONErrorCodes } from 'discord-api-types/v10';

/** One problem with one field, as Discord lists it under `_errors`. */
export interface FieldError {
  code: string;
  message: string;
}

/**
 * Discord's nested error tree for 50035 Invalid Form Body: keys follow the request's
 * JSON path (`embeds` → `0` → `title`), and leaves hold `_errors`.
 */
export interface FormErrorTree {
  [key: string]: FormErrorTree | FieldError[];
}

/** The JSON body Discord sends with a 4xx answer. */
export interface DiscordErrorBody {
  code: number;
  message: string;
  errors?: FormErrorTree;
}

/**
 * An answer the server gives instead of the normal result. Route handlers throw it; the
 * HTTP layer turns it into the status and JSON body Discord would send, so discord.js
 * raises the same `DiscordAPIError` it raises against the real API.
 */
export class DiscordHttpError extends Error {
  override readonly name = 'DiscordHttpError';
  constructor(
    readonly status: number,
    readonly body: DiscordErrorBody,
  ) {
    super(body.message);
  }
}

export function unknownChannel(): DiscordHttpError {
  return new DiscordHttpError(404, { code: RESTJSONErrorCodes.UnknownChannel, message: 'Unknown Channel' });
}

export function unknownMessage(): DiscordHttpError {
  return new DiscordHttpError(404, { code: RESTJSONErrorCodes.UnknownMessage, message: 'Unknown Message' });
}

export function unknownGuild(): DiscordHttpError {
  return new DiscordHttpError(404, { code: RESTJSONErrorCodes.UnknownGuild, message: 'Unknown Guild' });
}

export function unknownMember(): DiscordHttpError {
  return new DiscordHttpError(404, { code: RESTJSONErrorCodes.UnknownMember, message: 'Unknown Member' });
}

export function unknownUser(): DiscordHttpError {
  return new DiscordHttpError(404, { code: RESTJSONErrorCodes.UnknownUser, message: 'Unknown User' });
}

export function unknownWebhook(): DiscordHttpError {
  return new DiscordHttpError(404, { code: RESTJSONErrorCodes.UnknownWebhook, message: 'Unknown Webhook' });
}

export function invalidWebhookToken(): DiscordHttpError {
  return new DiscordHttpError(401, { code: RESTJSONErrorCodes.InvalidWebhookToken, message: 'Invalid Webhook Token' });
}

export function unknownApplicationCommand(): DiscordHttpError {
  return new DiscordHttpError(404, { code: RESTJSONErrorCodes.UnknownApplicationCommand, message: 'Unknown application command' });
}

export function unknownInteraction(): DiscordHttpError {
  return new DiscordHttpError(404, { code: RESTJSONErrorCodes.UnknownInteraction, message: 'Unknown interaction' });
}

export function interactionAlreadyAcknowledged(): DiscordHttpError {
  return new DiscordHttpError(400, {
    code: RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
    message: 'Interaction has already been acknowledged.',
  });
}

export function missingAccess(): DiscordHttpError {
  return new DiscordHttpError(403, { code: RESTJSONErrorCodes.MissingAccess, message: 'Missing Access' });
}

export function missingPermissions(): DiscordHttpError {
  return new DiscordHttpError(403, { code: RESTJSONErrorCodes.MissingPermissions, message: 'Missing Permissions' });
}

export function notAuthorizedForApplication(): DiscordHttpError {
  return new DiscordHttpError(403, {
    code: RESTJSONErrorCodes.NotAuthorizedToPerformThisActionOnThisApplication,
    message: 'You are not authorized to perform this action on this application',
  });
}

export function cannotEditOtherUsersMessage(): DiscordHttpError {
  return new DiscordHttpError(403, {
    code: RESTJSONErrorCodes.CannotEditMessageAuthoredByAnotherUser,
    message: 'Cannot edit a message authored by another user',
  });
}

export function emptyMessage(): DiscordHttpError {
  return new DiscordHttpError(400, { code: RESTJSONErrorCodes.CannotSendAnEmptyMessage, message: 'Cannot send an empty message' });
}

export function unauthorized(): DiscordHttpError {
  return new DiscordHttpError(401, { code: 0, message: '401: Unauthorized' });
}

export function notFound(): DiscordHttpError {
  return new DiscordHttpError(404, { code: 0, message: '404: Not Found' });
}

export function methodNotAllowed(): DiscordHttpError {
  return new DiscordHttpError(405, { code: 0, message: '405: Method Not Allowed' });
}

export function invalidFormBody(errors: FormErrorTree): DiscordHttpError {
  return new DiscordHttpError(400, { code: RESTJSONErrorCodes.InvalidFormBodyOrContentType, message: 'Invalid Form Body', errors });
}

/** An upload over Discord's size limit: Discord answers 413 with code 40005 before reading the rest. */
export function requestEntityTooLarge(): DiscordHttpError {
  return new DiscordHttpError(413, { code: RESTJSONErrorCodes.RequestEntityTooLarge, message: 'Request entity too large' });
}

/** A body that is not JSON (or not multipart with `payload_json`) where Discord expects one. */
export function malformedBody(): DiscordHttpError {
  return new DiscordHttpError(400, { code: RESTJSONErrorCodes.InvalidFormBodyOrContentType, message: 'The request body contains invalid JSON.' });
}
