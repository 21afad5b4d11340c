import { createHash } from 'node:crypto';
import { RESTJSONErrorCodes, Routes, SnowflakeUtil, type APIMessage, type REST } from 'discord.js';
import { DigestDeliveryError } from '../digest/delivery-error.js';
import type { DeliverDigest, FindDeliveredDigest } from '../digest/slot-runner.js';
import type { Logger } from '../logger.js';
import { discordErrorCode } from './discord-errors.js';
import { digestReferenceLine, renderDigest } from './render/digest.js';
import { withDigestPicture } from './pictures.js';
import { toRestFiles, toRestMessage } from './rest-message.js';

/** Why a post failed, in the words `/digest status` shows, and whether trying again can help. */
const failureReasons = new Map<number, { reason: string; retryable: boolean }>([
  [RESTJSONErrorCodes.UnknownChannel, { reason: 'the channel no longer exists (Unknown Channel). Pick another channel with /digest setup.', retryable: false }],
  [RESTJSONErrorCodes.MissingAccess, { reason: 'the bot cannot see the channel (Missing Access). Give it View Channel there, or pick another channel with /digest setup.', retryable: true }],
  [RESTJSONErrorCodes.MissingPermissions, { reason: 'the bot may not post in the channel (Missing Permissions). Give it Send Messages and Embed Links there.', retryable: true }],
]);

/** A Discord error as the DigestDeliveryError the scheduler records, or the error itself when it is not one Discord explained. */
function deliveryError(error: unknown): unknown {
  const code = discordErrorCode(error);
  const known = code === null ? undefined : failureReasons.get(code);
  return known === undefined ? error : new DigestDeliveryError(known.reason, { retryable: known.retryable, cause: error });
}

/**
 * Posts each digest to its server's channel through the bot's REST client. Rate limits
 * (429) are waited out by discord.js's queue, so they never fail a post. A message nonce
 * derived from the slot makes Discord drop a repeat of the same slot's post for a few
 * minutes, and the same reference ends the message as a small line, which stays: see
 * `createDeliveredDigestFinder`. A missing channel or permission becomes a
 * DigestDeliveryError whose reason the scheduler records; settings are untouched.
 */
export function createDigestDelivery(options: { rest: REST; logger: Logger }): DeliverDigest {
  const log = options.logger.child({ module: 'digest-delivery' });
  return async (settings, digest, meta) => {
    const reference = slotReference(meta.key);
    const payload = await withDigestPicture(renderDigest(digest, { late: meta.late, reference }), digest, { enabled: settings.picture !== false, logger: log });
    const body = { ...toRestMessage(payload), nonce: reference, enforce_nonce: true };
    try {
      await options.rest.post(Routes.channelMessages(settings.channelId), { body, files: toRestFiles(payload) });
    } catch (error) {
      log.warn({ err: error, guildId: settings.guildId, channelId: settings.channelId, code: discordErrorCode(error), attempt: meta.attempt }, 'digest post refused');
      throw deliveryError(error);
    }
  };
}

/** Pages of 100 messages read at most while looking for an earlier post: a busy channel's day, bounded. */
const maxPages = 10;
/** Clocks of this process and Discord's may disagree by this much. */
const clockSkewMs = 60_000;

/**
 * Looks through the channel's messages since the slot was claimed for one of the bot's own
 * posts ending with the slot's reference line. Discord's nonce de-duplicates for a few
 * minutes only, far less than a lease; the message itself stays. A bot that may not read
 * the channel's history cannot look: it says so and posts, since a lost digest is worse
 * than a rare second copy.
 */
export function createDeliveredDigestFinder(options: { rest: REST; botUserId: () => string | null; logger: Logger }): FindDeliveredDigest {
  const log = options.logger.child({ module: 'digest-delivery' });
  return async (settings, meta) => {
    const line = digestReferenceLine(slotReference(meta.key));
    let after = SnowflakeUtil.generate({ timestamp: Math.max(Number(SnowflakeUtil.epoch), meta.claimedAt.getTime() - clockSkewMs) }).toString();
    try {
      for (let page = 0; page < maxPages; page += 1) {
        const messages = (await options.rest.get(Routes.channelMessages(settings.channelId), { query: new URLSearchParams({ after, limit: '100' }) })) as APIMessage[];
        const botUserId = options.botUserId();
        if (messages.some((message) => (botUserId === null || message.author.id === botUserId) && message.content.split('\n').includes(line))) return true;
        if (messages.length < 100) return false;
        after = messages.reduce((newest, message) => (BigInt(message.id) > BigInt(newest) ? message.id : newest), after);
      }
      log.warn({ guildId: settings.guildId, channelId: settings.channelId, pages: maxPages }, 'too many messages since the slot was claimed to look through them all; posting the digest');
      return false;
    } catch (error) {
      const code = discordErrorCode(error);
      if (code === RESTJSONErrorCodes.MissingAccess || code === RESTJSONErrorCodes.MissingPermissions) {
        log.warn({ err: error, guildId: settings.guildId, channelId: settings.channelId, code }, 'cannot read the channel to check for an earlier post of this digest; posting it (give the bot Read Message History there to avoid a second copy)');
        return false;
      }
      throw deliveryError(error);
    }
  };
}

/** Discord nonces hold at most 25 characters; a hash of the slot key is stable across processes. */
export function slotReference(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 25);
}
