import { Events, Status, type Client } from 'discord.js';
import { allCommands, commandHelp, messageCommands, slashCommands } from '../../commands/index.js';
import type { DiscordConfig } from '../config.js';
import type { TimelineEntry } from '../dates/types.js';
import { defaultMinIntervalMinutes } from '../digest/schedule.js';
import { createDigestScheduler, type DigestScheduler, type DigestSchedulerOptions } from '../digest/scheduler.js';
import { createSlotComposer } from '../digest/slot-composer.js';
import { checkInstanceHealth, type InstanceHealth } from '../health/instance-health.js';
import type { DocumentIntake } from '../library/intake-types.js';
import type { Logger } from '../logger.js';
import type { AppDatabase } from '../storage/database.js';
import { createChannelAccess } from './channel-access.js';
import { createDiscordClient } from './client.js';
import type { CommandContext } from './command-context.js';
import { createDeliveredDigestFinder, createDigestDelivery } from './digest-delivery.js';
import { createDigestPreview } from './digest-preview.js';
import { watchGateway, type GatewayLostError, type GatewayWatch } from './gateway-watch.js';
import { createInteractionRouter, type InteractionRouter } from './interaction-router.js';
import type { LibraryControl, SearchService } from './ports.js';
import { clientSharding, runsDigestScheduler } from './sharding.js';
import { render } from './render/index.js';
import { createSessionStore, type SessionStoreOptions } from './session-store.js';
import type { InteractionSession } from './sessions.js';

export interface StartBotOptions {
  discord: DiscordConfig;
  search: SearchService;
  /** The key dates; a function when the library changes while the bot runs. */
  timeline: readonly TimelineEntry[] | (() => readonly TimelineEntry[]);
  /** The library's full check, for /reindex; absent when the bot serves a fixed corpus. */
  library?: LibraryControl;
  /** Adds and removes documents for /add and /remove; absent, those commands say the bot cannot store documents. */
  intake?: DocumentIntake;
  db: AppDatabase;
  logger: Logger;
  /** The scheduler's and the commands' clock; the system clock by default. */
  clock?: () => Date;
  scheduler?: Pick<DigestSchedulerOptions, 'graceHours' | 'retry' | 'instanceId' | 'leaseMs' | 'postEmpty'>;
  sessions?: SessionStoreOptions;
  /** The shortest time a digest schedule may leave between two posts; an hour by default. */
  digestMinIntervalMinutes?: number;
  gateway?: {
    /** How long an unreachable gateway is retried before giving up; 10 minutes by default. */
    giveUpAfterMs?: number;
    /**
     * Called when the gateway is lost for good once the bot has started: stop it and let a
     * supervisor restart the process. Before the bot is ready, `startBot` rejects instead.
     */
    onLost?: (error: GatewayLostError) => void;
  };
  /** When the search index was last built or loaded; start-up by default. */
  indexBuiltAt?: Date;
}

/** A running bot: connected, answering interactions, posting digests. */
export interface Bot {
  client: Client;
  router: InteractionRouter;
  scheduler: DigestScheduler;
  context: CommandContext;
  /** True while the gateway session is up; what the health file reports. */
  readonly gatewayConnected: boolean;
  /** This instance's health, with the next digest of `guildId` when one is given. */
  health(guildId: string | null): Promise<InstanceHealth>;
  /** Stops the schedules, lets replies in flight finish, then closes the gateway. Database and logs stay open for the caller. */
  stop(): Promise<void>;
}

/**
 * Connects the bot and starts its schedules. Nothing is registered with Discord here:
 * that is `npm run deploy`'s job.
 */
export async function startBot(options: StartBotOptions): Promise<Bot> {
  const { db, search, logger } = options;
  const source = options.timeline;
  const timeline = typeof source === 'function' ? source : () => source;
  const log = logger.child({ module: 'bot' });
  const now = options.clock ?? (() => new Date());
  const client = createDiscordClient({ apiBase: options.discord.apiBase, token: options.discord.token, logger, sharding: await clientSharding(options.discord) });
  const schedules = runsDigestScheduler(options.discord.sharding);
  const indexBuiltAt = options.indexBuiltAt ?? now();
  const health = (guildId: string | null) =>
    checkInstanceHealth(
      {
        shards: () => client.ws.shards.map((shard) => ({ id: shard.id, status: Status[shard.status] ?? String(shard.status), pingMs: shard.ping >= 0 ? shard.ping : null })),
        pingDatabase: () => db.ping(),
        database: { engine: db.engine, location: db.location },
        index: () => ({ documents: search.documents.length, passages: search.documents.reduce((sum, document) => sum + search.passagesOf(document.id).length, 0), builtAt: indexBuiltAt }),
        schedulesDigests: schedules,
        nextDigest: async (guildId) => (await scheduler.status(guildId)).nextRun,
        clock: now,
      },
      guildId,
    );
  const compose = createSlotComposer({ db, timeline, documents: () => search.documents });
  const scheduler = createDigestScheduler({
    ...options.scheduler,
    minIntervalMinutes: options.digestMinIntervalMinutes ?? defaultMinIntervalMinutes,
    db,
    compose,
    deliver: createDigestDelivery({ rest: client.rest, logger }),
    findDelivered: createDeliveredDigestFinder({ rest: client.rest, botUserId: () => client.user?.id ?? null, logger }),
    clock: now,
    logger,
  });
  const context: CommandContext = {
    search,
    get timeline() {
      return timeline();
    },
    ...(options.library && { library: options.library }),
    ...(options.intake && { intake: options.intake }),
    db,
    scheduler,
    previewDigest: createDigestPreview({ db, compose, now }),
    channels: createChannelAccess(client),
    render,
    sessions: createSessionStore<InteractionSession>(options.sessions),
    help: commandHelp,
    health,
    logger,
    now,
    digestMinIntervalMinutes: options.digestMinIntervalMinutes ?? defaultMinIntervalMinutes,
  };
  const router = createInteractionRouter({ commands: slashCommands, messageCommands, context, logger });
  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));

  const gateway = await connect(client, options);
  if (schedules) await scheduler.start();
  log.info({ commands: allCommands.length, shards: client.ws.shards.map((shard) => shard.id), schedulesDigests: schedules }, 'bot started');

  let stopping: Promise<void> | null = null;
  return {
    client,
    router,
    scheduler,
    context,
    get gatewayConnected() {
      return gateway.connected;
    },
    health,
    stop() {
      stopping ??= (async () => {
        gateway.stop();
        await scheduler.stop();
        await router.idle();
        // Closing the gateway is not a disconnection worth a warning.
        client.removeAllListeners(Events.ShardDisconnect).removeAllListeners(Events.ShardReconnecting);
        await client.destroy();
        log.info('bot stopped');
      })();
      return stopping;
    },
  };
}

/**
 * Logs in and waits until the client is ready, under a gateway watch. Should the gateway stay
 * out of reach past `giveUpAfterMs` before that, the start fails with the watch's message;
 * after it, `gateway.onLost` decides (by default the loss is logged).
 */
async function connect(client: Client, options: StartBotOptions): Promise<GatewayWatch> {
  const log = options.logger.child({ module: 'bot' });
  let started = false;
  let failStart: (error: GatewayLostError) => void = () => undefined;
  const lostBeforeStart = new Promise<never>((_resolve, reject) => {
    failStart = reject;
  });
  const gateway = watchGateway({
    client,
    logger: options.logger,
    giveUpAfterMs: options.gateway?.giveUpAfterMs ?? 10 * 60_000,
    onLost: (error) => {
      if (!started) failStart(error);
      else if (options.gateway?.onLost) options.gateway.onLost(error);
      else log.error({ err: error }, 'gateway lost; the bot no longer receives interactions');
    },
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  const connected = client.login(options.discord.token).then(() => ready);
  // Should the watch give up first, the login left behind may still fail; the race below has the error to report.
  connected.catch(() => undefined);
  try {
    await Promise.race([connected, lostBeforeStart]);
  } catch (error) {
    gateway.stop();
    await client.destroy();
    throw error;
  }
  started = true;
  return gateway;
}
