import type { Config, DiscordConfig } from '../config.js';
import { loadCorpus } from '../corpus/load-corpus.js';
import { buildTimeline } from '../dates/timeline.js';
import { startBot, type Bot } from '../discord/bot.js';
import type { Logger } from '../logger.js';
import { openSearchService } from '../search/search-service.js';
import { openDatabase, type AppDatabase } from '../storage/database.js';
import { recordDocumentsSeen } from '../storage/documents-seen-store.js';

/** The bot as the sandbox runs it, with the database it owns. */
export interface SandboxBot {
  bot: Bot;
  db: AppDatabase;
}

/**
 * Starts the unchanged bot the way `src/main.ts` does (corpus, search, timeline, database,
 * `startBot`), pointed at the local Discord server through `discord.apiBase`. Only the
 * database differs: in memory for a fresh session, or the file beside SANDBOX_STATE_FILE.
 */
export async function startSandboxBot(options: {
  config: Config;
  discord: DiscordConfig;
  databaseFile: string;
  logger: Logger;
}): Promise<SandboxBot> {
  const { config, logger } = options;
  const corpus = await loadCorpus(config.corpusDir, { maxFileBytes: config.corpusMaxFileBytes });
  for (const problem of corpus.problems) logger.warn({ module: 'corpus', ...problem }, 'corpus file skipped');
  const search = await openSearchService({ corpus, dataDir: config.dataDir, logger });
  const timeline = buildTimeline(search.documents, (docId) => search.passagesOf(docId));
  const db = openDatabase(options.databaseFile, logger);
  try {
    recordDocumentsSeen(db, search.documents.map((document) => document.id), new Date());
    const bot = await startBot({ discord: options.discord, search, timeline, db, logger, scheduler: { graceHours: config.digestGraceHours } });
    return { bot, db };
  } catch (error) {
    db.close();
    throw error;
  }
}
