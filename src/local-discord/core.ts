import type { GatewayDispatchEvents } from 'discord-api-types/v10';
import type { AttachmentCdn } from './cdn.js';
import type { LocalDiscordEvents } from './events.js';
import type { LocalDiscordState } from './state.js';

/** Timings a test may shorten. The defaults are Discord's. */
export interface LocalDiscordTimings {
  /** Sent in HELLO. Discord uses 41,250 ms; tests of zombie connections use less. */
  heartbeatIntervalMs: number;
  /** How long the bot has to answer an interaction's callback before it is unknown (10062). Discord: 3 s. */
  interactionAckWindowMs: number;
  /** How long an interaction token works for edits and follow-ups. Discord: 15 minutes. */
  interactionTokenLifetimeMs: number;
  /** How long the signed URL of a file attached to a command option works (`ex` minus `is`). Discord: 24 hours. */
  attachmentUrlLifetimeMs: number;
}

export const defaultTimings: LocalDiscordTimings = {
  heartbeatIntervalMs: 41_250,
  interactionAckWindowMs: 3_000,
  interactionTokenLifetimeMs: 15 * 60_000,
  attachmentUrlLifetimeMs: 24 * 60 * 60_000,
};

/** How the rest of the server hands dispatches to the gateway. */
export interface GatewayDispatcher {
  /**
   * Queues a dispatch on every live session of the bot (and sends it at once on the
   * connected ones). `intent` limits it to sessions that asked for that intent.
   * Returns how many sessions it was queued on.
   */
  dispatch(type: GatewayDispatchEvents, data: unknown, intent?: number): number;
}

/** The shared parts every piece of the protocol works with. */
export interface LocalDiscordCore {
  readonly token: string;
  readonly state: LocalDiscordState;
  readonly events: LocalDiscordEvents;
  readonly timings: LocalDiscordTimings;
  readonly gateway: GatewayDispatcher;
  now(): number;
  /** `http://127.0.0.1:PORT`, known once the server listens; used for attachment URLs. */
  origin(): string;
  /** Attachment URLs, signed where Discord signs them, and what a request for one may be served. */
  readonly cdn: AttachmentCdn;
}
