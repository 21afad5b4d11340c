import { createHash } from 'node:crypto';
import { RESTJSONErrorCodes, Routes, type REST } from 'discord.js';
import { DigestDeliveryError } from '../digest/delivery-error.js';
import type { DeliverDigest } from '../digest/slot-runner.js';
import type { Logger } from '../logger.js';
import { discordErrorCode } from './discord-errors.js';
import { renderDigest } from './render/digest.js';
import { toRestMessage } from './rest-message.js';

/** Why a post failed, in the words `/digest status` shows, and whether trying again can help. */
const failureReasons = new Map<number, { reason: string; retryable: boolean }>([
  [RESTJSONErrorCodes.UnknownChannel, { reason: 'the channel no longer exists (Unknown Channel). Pick another channel with /digest setup.', retryable: false }],
  [RESTJSONErrorCodes.MissingAccess, { reason: 'the bot cannot see the channel (Missing Access). Give it View Channel there, or pick another channel with /digest setup.', retryable: true }],
  [RESTJSONErrorCodes.MissingPermissions, { reason: 'the bot may not post in the channel (Missing Permissions). Give it Send Messages and Embed Links there.', retryable: true }],
]);

/**
 * Posts each digest to its server's channel through the bot's REST client. Rate limits
 * (429) are waited out by discord.js's queue, so they never fail a post. A message nonce
 * derived from the slot makes Discord drop a repeat of the same slot's post, should a
 * retry follow a request that actually went through. A missing channel or permission
 * becomes a DigestDeliveryError whose reason the scheduler records; settings are untouched.
 */
export function createDigestDelivery(options: { rest: REST; logger: Logger }): DeliverDigest {
  const log = options.logger.child({ module: 'digest-delivery' });
  return async (settings, digest, meta) => {
    const body = { ...toRestMessage(renderDigest(digest, { late: meta.late })), nonce: nonceFor(meta.key), enforce_nonce: true };
    try {
      await options.rest.post(Routes.channelMessages(settings.channelId), { body });
    } catch (error) {
      const code = discordErrorCode(error);
      const known = code === null ? undefined : failureReasons.get(code);
      log.warn({ err: error, guildId: settings.guildId, channelId: settings.channelId, code, attempt: meta.attempt }, 'digest post refused');
      if (known !== undefined) throw new DigestDeliveryError(known.reason, { retryable: known.retryable, cause: error });
      throw error;
    }
  };
}

/** Discord nonces hold at most 25 characters; a hash of the slot key is stable across processes. */
export function nonceFor(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 25);
}
