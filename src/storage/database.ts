import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from '../logger.js';
import { explainOpenFailure } from './database-open-error.js';
import { migrate, refuseNewerSchema } from './migrations.js';

/** The one SQLite connection of a process: settings, digest slots, documents seen, feedback. */
export type AppDatabase = Database.Database;

export interface OpenDatabaseOptions {
  /** How long a statement waits for another connection's lock before giving up. Default 5000 ms. */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating when needed) the database file, switches it to WAL so that readers never
 * wait for the writer, and migrates the schema. Throws a `DatabaseOpenError` whose message
 * says what to do when the file is locked, unwritable, not a database or from a newer version.
 */
export function openDatabase(file: string, logger: Logger, options: OpenDatabaseOptions = {}): AppDatabase {
  const log = logger.child({ module: 'database' });
  const resolved = file === ':memory:' ? file : path.resolve(file);
  let db: AppDatabase | undefined;
  try {
    if (resolved !== ':memory:') mkdirSync(path.dirname(resolved), { recursive: true });
    db = new Database(resolved, { timeout: options.busyTimeoutMs ?? 5000 });
    // Before anything writes: switching to WAL rewrites the header of a file we may have to refuse.
    refuseNewerSchema(db, resolved);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const { from, to } = migrate(db, log, resolved);
    log.debug({ file: resolved, from, to }, 'database opened');
    return db;
  } catch (error) {
    db?.close();
    throw explainOpenFailure(error, resolved);
  }
}
