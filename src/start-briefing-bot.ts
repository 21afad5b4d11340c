import type { Config, DiscordConfig } from './config.js';
import { startBot, type Bot } from './discord/bot.js';
import type { GatewayLostError } from './discord/gateway-watch.js';
import { startHealthServer, type HealthServer } from './health/health-server.js';
import { openLiveLibrary } from './library/live-library.js';
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
  const live = await openLiveLibrary({ config, logger });
  const { search } = live;
  const indexBuiltAt = new Date();
  let db: AppDatabase | null = null;
  try {
    db = await openDatabase(database, logger);
    const opened = db;
    let closed = false;
    await recordDocumentsSeen(opened, search.documents.map((document) => document.id), new Date());
    // A document that arrives while the bot runs counts as new from then on, as it would after a restart.
    live.library.subscribe((changes) => {
      const added = changes.filter((change) => change.kind === 'added').map((change) => change.docId);
      if (added.length === 0 || closed) return;
      recordDocumentsSeen(opened, added, new Date()).catch((error: unknown) => {
        logger.warn({ module: 'library', err: error, added }, 'could not record new documents for the digest; they are recorded at the next start');
      });
    });
    const bot = await startBot({
      discord,
      search,
      timeline: live.timeline,
      library: { reindex: () => live.reindex() },
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
        await live.stop();
        closed = true;
        await opened.close();
      },
    };
  } catch (error) {
    await db?.close();
    await live.stop();
    throw error;
  }
}
