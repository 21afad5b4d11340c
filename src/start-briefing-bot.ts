import type { Config, DiscordConfig } from './config.js';
import { loadCorpus } from './corpus/load-corpus.js';
import { buildTimeline } from './dates/timeline.js';
import { startBot, type Bot } from './discord/bot.js';
import { startHealthServer, type HealthServer } from './health/health-server.js';
import type { Logger } from './logger.js';
import { openSearchService } from './search/search-service.js';
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
}

/**
 * Loads the corpus, opens the index, builds the timeline, opens the database and connects
 * the bot. The one way the bot is started, whether against Discord or the sandbox.
 */
export async function startBriefingBot({ config, discord, database, logger }: StartBriefingBotOptions): Promise<RunningBot> {
  const corpus = await loadCorpus(config.corpusDir, { maxFileBytes: config.corpusMaxFileBytes });
  for (const problem of corpus.problems) logger.warn({ module: 'corpus', ...problem }, 'corpus file skipped');
  const search = await openSearchService({ corpus, dataDir: config.dataDir, logger });
  const indexBuiltAt = new Date();
  const timeline = buildTimeline(search.documents, (docId) => search.passagesOf(docId));
  const db = await openDatabase(database, logger);
  try {
    await recordDocumentsSeen(db, search.documents.map((document) => document.id), new Date());
    const bot = await startBot({ discord, search, timeline, db, logger, indexBuiltAt, scheduler: { graceHours: config.digestGraceHours, leaseMs: config.digestLeaseSeconds * 1000 } });
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
      db,
      async stop() {
        await health?.close();
        await bot.stop();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
