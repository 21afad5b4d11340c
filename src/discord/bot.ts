import { Events, Status, type Client } from 'discord.js';
import { allCommands, commandHelp, messageCommands, slashCommands } from '../../commands/index.js';
import type { DiscordConfig } from '../config.js';
import type { TimelineEntry } from '../dates/types.js';
import { createDigestScheduler, type DigestScheduler, type DigestSchedulerOptions } from '../digest/scheduler.js';
import { createSlotComposer } from '../digest/slot-composer.js';
import { checkInstanceHealth, type InstanceHealth } from '../health/instance-health.js';
import type { Logger } from '../logger.js';
import type { AppDatabase } from '../storage/database.js';
import { createChannelAccess } from './channel-access.js';
import { createDiscordClient } from './client.js';
import type { CommandContext } from './command-context.js';
import { createDigestDelivery } from './digest-delivery.js';
import { createDigestPreview } from './digest-preview.js';
import { createInteractionRouter, type InteractionRouter } from './interaction-router.js';
import { clientSharding, runsDigestScheduler } from './sharding.js';
import type { SearchService } from './ports.js';
import { render } from './render/index.js';
import { createSessionStore, type SessionStoreOptions } from './session-store.js';
import type { InteractionSession } from './sessions.js';

export interface StartBotOptions {
  discord: DiscordConfig;
  search: SearchService;
  timeline: readonly TimelineEntry[];
  db: AppDatabase;
  logger: Logger;
  /** The scheduler's and the commands' clock; the system clock by default. */
  clock?: () => Date;
  scheduler?: Pick<DigestSchedulerOptions, 'graceHours' | 'retry' | 'instanceId' | 'leaseMs' | 'postEmpty'>;
  sessions?: SessionStoreOptions;
  /** When the search index was last built or loaded; start-up by default. */
  indexBuiltAt?: Date;
}

/** A running bot: connected, answering interactions, posting digests. */
export interface Bot {
  client: Client;
  router: InteractionRouter;
  scheduler: DigestScheduler;
  context: CommandContext;
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
  const { db, search, timeline, logger } = options;
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
  const compose = createSlotComposer({ db, timeline: () => timeline, documents: () => search.documents });
  const scheduler = createDigestScheduler({
    ...options.scheduler,
    db,
    compose,
    deliver: createDigestDelivery({ rest: client.rest, logger }),
    clock: now,
    logger,
  });
  const context: CommandContext = {
    search,
    timeline,
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
  };
  const router = createInteractionRouter({ commands: slashCommands, messageCommands, context, logger });
  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(options.discord.token);
  await ready;
  if (schedules) await scheduler.start();
  log.info({ commands: allCommands.length, shards: client.ws.shards.map((shard) => shard.id), schedulesDigests: schedules }, 'bot started');

  let stopping: Promise<void> | null = null;
  return {
    client,
    router,
    scheduler,
    context,
    health,
    stop() {
      stopping ??= (async () => {
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
