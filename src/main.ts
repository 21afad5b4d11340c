/*
 * `npm start`: the bot. Loads the corpus, opens the index, the timeline and the database,
 * connects to Discord and posts the digests; shuts down cleanly on SIGINT and SIGTERM.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from './config.js';
import { loadCorpus } from './corpus/load-corpus.js';
import { buildTimeline } from './dates/timeline.js';
import { startBot } from './discord/bot.js';
import { createLogger } from './logger.js';
import { openSearchService } from './search/search-service.js';
import { openDatabase } from './storage/database.js';
import { recordDocumentsSeen } from './storage/documents-seen-store.js';

const config = readConfig();
if (config.discord === null) {
  console.error('DISCORD_TOKEN and DISCORD_APP_ID are not set, so there is no Discord to connect to. Set them in .env (see .env.example), run `npm run deploy` once, then `npm start`.');
  process.exit(1);
}
const logger = createLogger({ level: config.logLevel });

const { discord } = config;
const { bot, db } = await start().catch((error: unknown) => {
  // A wrong token, a locked database or a missing corpus is for the operator to fix: say what, not where.
  console.error(`briefing-bot could not start: ${error instanceof Error ? error.message : String(error)}`);
  logger.debug({ err: error }, 'start-up failed');
  logger.flush();
  process.exit(1);
});

async function start() {
  const corpus = await loadCorpus(config.corpusDir, { maxFileBytes: config.corpusMaxFileBytes });
  for (const problem of corpus.problems) logger.warn({ module: 'corpus', ...problem }, 'corpus file skipped');
  const search = await openSearchService({ corpus, dataDir: config.dataDir, logger });
  const timeline = buildTimeline(search.documents, (docId) => search.passagesOf(docId));
  const database = openDatabase(path.join(config.dataDir, 'briefing.db'), logger);
  recordDocumentsSeen(database, search.documents.map((document) => document.id), new Date());
  return { bot: await startBot({ discord, search, timeline, db: database, logger, scheduler: { graceHours: config.digestGraceHours } }), db: database };
}

let shuttingDown = false;
async function shutDown(signal: NodeJS.Signals): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ signal }, 'shutting down');
  try {
    await bot.stop();
    db.close();
  } catch (error) {
    logger.error({ err: error }, 'shutdown was not clean');
    process.exitCode = 1;
  }
  logger.flush();
  // Everything is closed; if a stray handle still holds the process, do not hang the terminal.
  setTimeout(() => process.exit(), 5000).unref();
}
process.once('SIGINT', (signal) => void shutDown(signal));
process.once('SIGTERM', (signal) => void shutDown(signal));

/** The configuration, or every problem with it on stderr and exit code 1. */
function readConfig(): Config {
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
