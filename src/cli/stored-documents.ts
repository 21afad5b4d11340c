import { existsSync } from 'node:fs';
import { databaseTarget, type Config } from '../config.js';
import type { LoadedCorpus } from '../corpus/types.js';
import { withAddedDocuments } from '../library/library.js';
import type { Logger } from '../logger.js';
import { isPostgresUrl } from '../storage/postgres-url.js';
import type { AppDatabase } from '../storage/database.js';

/**
 * The folder's corpus with the documents added from Discord and `briefing add`, for the commands
 * that read. A SQLite file that does not exist yet holds none, and is not created by reading.
 * The storage modules (kysely, both engines' drivers) are loaded only when there is a database:
 * a `briefing ask` beside none does not pay for them.
 */
export async function withStoredDocuments(folder: LoadedCorpus, config: Config, logger: Logger): Promise<LoadedCorpus> {
  const target = databaseTarget(config);
  if (!isPostgresUrl(target) && !existsSync(target)) return folder;
  const { loadAddedDocuments } = await import('../storage/added-documents-store.js');
  return withDatabase(config, logger, async (db) => withAddedDocuments(folder, await loadAddedDocuments(db)));
}

/** Opens the configured database for `work` and closes it after, whatever happens. */
export async function withDatabase<T>(config: Config, logger: Logger, work: (db: AppDatabase) => Promise<T>): Promise<T> {
  const { openDatabase } = await import('../storage/database.js');
  const db = await openDatabase(databaseTarget(config), logger);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}
