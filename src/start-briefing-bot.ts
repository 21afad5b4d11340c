import type { Config, DiscordConfig } from './config.js';
import { startBot, type Bot } from './discord/bot.js';
import type { GatewayLostError } from './discord/gateway-watch.js';
import { startHealthServer, type HealthServer } from './health/health-server.js';
import { openLiveLibrary, type LiveLibrary } from './library/live-library.js';
import type { Logger } from './logger.js';
import { openDatabase, type AppDatabase } from './storage/database.js';
import { recordDocumentsSeen } from './storage/documents-seen-store.js';

/** The bot with what it serves from; `stop` ends the schedules and the gateway, then closes the database. */
export interface RunningBot {
  bot: Bot;
  db: AppDatabase;
  stop(): Promise<void>;
}

export interface StartBriefingBotOptions {
  config: Config;
  /** Discord itself, or any Discord-compatible server (the sandbox's) through `apiBase`. */
  discord: DiscordConfig;
  /** Where settings, digest slots and feedback live: a SQLite file, `:memory:` for a session that keeps nothing, or a `postgres://` URL. */
  database: string;
  logger: Logger;
  /** The gateway is lost for good after start-up (see GATEWAY_GIVE_UP_SECONDS): the caller stops the bot and exits. */
  onGatewayLost?: (error: GatewayLostError) => void;
}

/**
 * Loads the corpus and follows its folder (index and timeline kept up to date), opens the
 * database and connects the bot. The one way the bot is started, whether against Discord or the sandbox.
 */
export async function startBriefingBot({ config, discord, database, logger, onGatewayLost }: StartBriefingBotOptions): Promise<RunningBot> {
  // The database first: the documents added from Discord are served beside the folder's from the start.
  const opened = await openDatabase(database, logger);
  let live: LiveLibrary | null = null;
  try {
    live = await openLiveLibrary({ config, logger, db: opened });
    const running = live;
    const { search } = running;
    const indexBuiltAt = new Date();
    let closed = false;
    await recordDocumentsSeen(opened, search.documents.map((document) => document.id), new Date());
    // A document that arrives while the bot runs counts as new from then on, as it would after a restart.
    running.library.subscribe((changes) => {
      const added = changes.filter((change) => change.kind === 'added').map((change) => change.docId);
      if (added.length === 0 || closed) return;
      recordDocumentsSeen(opened, added, new Date()).catch((error: unknown) => {
        logger.warn({ module: 'library', err: error, added }, 'could not record new documents for the digest; they are recorded at the next start');
      });
    });
    const bot = await startBot({
      discord,
      search,
      timeline: running.timeline,
      library: { reindex: () => running.reindex() },
      ...(running.intake && { intake: running.intake }),
      db: opened,
      logger,
      indexBuiltAt,
      scheduler: { graceHours: config.digestGraceHours, leaseMs: config.digestLeaseSeconds * 1000 },
      digestMinIntervalMinutes: config.digestMinIntervalMinutes,
      gateway: { giveUpAfterMs: config.gatewayGiveUpSeconds * 1000, ...(onGatewayLost ? { onLost: onGatewayLost } : {}) },
    });
    let health: HealthServer | null = null;
    if (config.health !== null) {
      try {
        health = await startHealthServer({ ...config.health, check: () => bot.health(null), logger });
      } catch (error) {
        await bot.stop();
        throw error;
      }
    }
    return {
      bot,
      db: opened,
      async stop() {
        await health?.close();
        await bot.stop();
        await running.stop();
        closed = true;
        await opened.close();
      },
    };
  } catch (error) {
    await live?.stop();
    await opened.close();
    throw error;
  }
}
