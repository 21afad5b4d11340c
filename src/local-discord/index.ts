import type { AddressInfo } from 'node:net';
import type { APIMessage, APIUser } from 'discord-api-types/v10';
import { hostsWithPort, loopbackNames } from '../http/host-guard.js';
import { createAttachmentCdn } from './cdn.js';
import { toApplicationCommand, validateCommandBodies } from './commands.js';
import { defaultTimings, type LocalDiscordCore, type LocalDiscordTimings } from './core.js';
import { LocalDiscordEvents, type WaitForOptions } from './events.js';
import { FaultInjector } from './faults.js';
import { isRecord } from './form-errors.js';
import { GatewayServer } from './gateway/gateway-server.js';
import { createHttpServer } from './http/http-server.js';
import { Router } from './http/router.js';
import { InteractionDriver } from './interactions/interaction-driver.js';
import { RateLimiter, defaultRateLimits, type RateLimitOptions } from './rate-limits.js';
import { channelRoutes } from './routes/channel-routes.js';
import { commandRoutes } from './routes/command-routes.js';
import { guildRoutes } from './routes/guild-routes.js';
import { identityRoutes } from './routes/identity-routes.js';
import { interactionRoutes } from './routes/interaction-routes.js';
import { buildWorld, createSeedIdGenerator, defaultSeed, type SeedGuild } from './seed.js';
import { createSnowflakeGenerator } from './snowflake.js';
import { LocalDiscordState } from './state.js';

export type { ActAs, MessageReference } from './interactions/interaction-driver.js';
export type { InteractionHandle } from './interactions/interaction-handle.js';
export type { OptionValue } from './interactions/command-options.js';
export type { FileInput, PendingUpload } from './interactions/option-attachments.js';
export type { StoredAttachment } from './state.js';
export type { ShownModal, ModalItem, ModalTextField, ModalSelectField, ModalText, ModalValues } from './modal-forms.js';
export { DriverError } from './interactions/driver-error.js';
export type { LocalDiscordEventMap, LocalDiscordEventName, WaitForOptions } from './events.js';
export type { HttpFault } from './faults.js';
export type { LocalDiscordTimings } from './core.js';
export type { RateLimitOptions } from './rate-limits.js';
export type { SeedGuild, SeedChannel, SeedMember, SeedRole, BotChannelAccess } from './seed.js';
export type { InteractionCallbackRecord, InteractionRecord, MessageRecord, RequestLogEntry } from './types.js';
export { defaultSeed, InteractionDriver, LocalDiscordEvents, LocalDiscordState, FaultInjector };

/** Options of `startLocalDiscord`; every one has a default. */
export interface LocalDiscordOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** 127.0.0.1 by default, so the server is never reachable from another machine unless asked. */
  host?: string;
  /** The bot token discord.js must present. */
  token?: string;
  applicationId?: string;
  /** The application's and the bot user's name. */
  applicationName?: string;
  /** The guilds the bot is in; `defaultSeed` when left out. */
  guilds?: SeedGuild[];
  /** Command bodies (`builder.toJSON()`) registered globally before the bot starts, as if deployed. */
  commands?: unknown[];
  timings?: Partial<LocalDiscordTimings>;
  /** Rate-limit rules, or false for no rate-limit headers and no enforced limits. */
  rateLimits?: Partial<RateLimitOptions> | false;
  /** Privileged intents the application may use, as a bitfield; none by default, as for a new application. */
  allowedPrivilegedIntents?: number;
  /** The server's clock, for tests that move time forward. */
  now?: () => number;
  /** Shards the bot must run, as GET /gateway/bot recommends; guilds go to `(guild_id >> 22) % shardCount`. Default 1. */
  shardCount?: number;
}

/** A running local Discord. */
export interface LocalDiscord {
  /** Pass as discord.js `ClientOptions.rest.api` (or `DISCORD_API_BASE`): `http://127.0.0.1:PORT/api`. */
  apiBase: string;
  /** What `GET /gateway/bot` answers: `ws://127.0.0.1:PORT/gateway`. */
  gatewayUrl: string;
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  port: number;
  token: string;
  applicationId: string;
  botUser: APIUser;
  state: LocalDiscordState;
  events: LocalDiscordEvents;
  driver: InteractionDriver;
  faults: FaultInjector;
  /** The next event of a kind that matches. */
  waitFor: LocalDiscordEvents['waitFor'];
  /**
   * The first message in a channel (by name or id) that matches, already there or still
   * to come. Ephemeral messages are not in a channel for this purpose.
   */
  waitForMessage(channel: string, predicate?: (message: APIMessage) => boolean, options?: WaitForOptions): Promise<APIMessage>;
  /** Number of gateway sessions that can still receive events (connected or resumable). */
  readonly liveSessionCount: number;
  /** Stops the server: drops gateway connections, rejects pending waits, closes HTTP connections. */
  close(): Promise<void>;
}

/**
 * Starts a Discord-compatible server (REST v10 and Gateway v10) on 127.0.0.1 that the real
 * discord.js client logs in to, with a driver that acts as users and state to assert on.
 */
export async function startLocalDiscord(options: LocalDiscordOptions = {}): Promise<LocalDiscord> {
  const now = options.now ?? Date.now;
  const seedIds = createSeedIdGenerator();
  const applicationId = options.applicationId ?? seedIds();
  const applicationName = options.applicationName ?? 'briefing-bot';
  const token = options.token ?? 'local-discord-token';
  const botUser: APIUser = {
    id: applicationId,
    username: applicationName,
    discriminator: '0',
    global_name: null,
    avatar: null,
    bot: true,
    verified: true,
    mfa_enabled: false,
  };
  const nextId = createSnowflakeGenerator(now);
  const state = new LocalDiscordState({
    applicationId,
    applicationName,
    botUser,
    world: buildWorld(options.guilds ?? defaultSeed, botUser, seedIds),
    nextId,
  });
  const events = new LocalDiscordEvents();
  let origin = '';
  const gatewayUrl = (): string => `${origin.replace(/^http/, 'ws')}/gateway`;
  const timings = { ...defaultTimings, ...options.timings };

  let gateway: GatewayServer | null = null;
  const core: LocalDiscordCore = {
    token,
    state,
    events,
    timings,
    now,
    origin: () => origin,
    cdn: createAttachmentCdn(() => origin, (id) => state.attachments.get(id)),
    gateway: { dispatch: (type, data, intent) => gateway?.dispatch(type, data, intent) ?? 0 },
  };
  const shardCount = options.shardCount ?? 1;
  if (!Number.isInteger(shardCount) || shardCount < 1) throw new Error(`shardCount must be a whole number of at least 1, not ${shardCount}`);
  gateway = new GatewayServer(core, { allowedPrivilegedIntents: options.allowedPrivilegedIntents ?? 0, gatewayUrl, shardCount });
  const liveGateway = gateway;

  if (options.commands) {
    validateCommandBodies(options.commands, (index) => ['commands', index]);
    state.setCommands(
      null,
      options.commands.filter(isRecord).map((body) => toApplicationCommand(body, { applicationId, guildId: null, existing: [], nextId })),
    );
  }

  const router = new Router();
  router.add(
    ...identityRoutes(core, gatewayUrl, shardCount),
    ...commandRoutes(core),
    ...interactionRoutes(core),
    ...channelRoutes(core),
    ...guildRoutes(core),
  );
  const faults = new FaultInjector(liveGateway);
  const rateLimiter = new RateLimiter(options.rateLimits === false ? { ...defaultRateLimits, enabled: false } : { ...defaultRateLimits, ...options.rateLimits }, now);
  const host = options.host ?? '127.0.0.1';
  let ownHosts: ReadonlySet<string> = new Set();
  const server = createHttpServer({
    core,
    router,
    faults,
    rateLimiter,
    ownHosts: () => ownHosts,
    upgrade: (request, target, socket, head) => liveGateway.handleUpgrade(request, target, socket, head),
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  ownHosts = hostsWithPort([...loopbackNames, host], port);
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const driver = new InteractionDriver(core, liveGateway);

  return {
    apiBase: `${origin}/api`,
    gatewayUrl: gatewayUrl(),
    origin,
    port,
    token,
    applicationId,
    botUser,
    state,
    events,
    driver,
    faults,
    waitFor: events.waitFor.bind(events),
    waitForMessage: (channel, predicate = () => true, waitOptions = {}) => {
      const channelId = state.channel(channel).id;
      return events.waitUntil(() => state.messagesIn(channelId).find(predicate), ['message', 'message-update'], {
        timeoutMs: waitOptions.timeoutMs,
        description: `no matching message appeared in ${channel}`,
      });
    },
    get liveSessionCount() {
      return liveGateway.liveSessionCount;
    },
    close: async () => {
      liveGateway.close();
      events.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
