import { sql, type Kysely, type LogEvent } from 'kysely';
import type { Logger } from '../logger.js';
import type { DatabaseEngine, EngineKind } from './engine.js';
import { openPostgresEngine } from './engines/postgres.js';
import { openSqliteEngine } from './engines/sqlite.js';
import { migrate } from './migrations.js';
import { isPostgresUrl } from './postgres-url.js';
import type { Schema } from './schema.js';
import { writeTransaction } from './write-transaction.js';

/**
 * The process's database: settings, digest slots, documents seen, feedback. SQLite (a file
 * under DATA_DIR) or Postgres (shared by several hosts); the stores do not know which.
 */
export interface AppDatabase {
  engine: EngineKind;
  /** The file, or the server and database without the password: safe to log and show. */
  location: string;
  kysely: Kysely<Schema>;
  /**
   * Runs `work` holding the database's write lock from its first statement, across processes
   * and hosts, so a read-then-write (a duplicate check, then the insert) is never interleaved.
   */
  writeTransaction<T>(work: (db: Kysely<Schema>) => Promise<T>): Promise<T>;
  /** Statements sent to the database since it was opened: its round trips. */
  statements(): number;
  /** How long a trivial statement takes to come back, in milliseconds. */
  ping(): Promise<number>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** SQLite: how long a statement waits for another connection's lock before giving up. Default 5000 ms. */
  busyTimeoutMs?: number;
  /** Postgres: how long to wait for a connection. Default 5000 ms. */
  connectTimeoutMs?: number;
  /** Postgres: how long to wait for a statement's answer. Default 15000 ms. */
  queryTimeoutMs?: number;
}

/**
 * Opens the database at `target` (a SQLite file, created when needed, or a Postgres URL) and
 * migrates its schema. Throws a `DatabaseOpenError` whose message says what to do when the
 * database is locked, unwritable, unreachable, refuses us, is not a database or is from a newer version.
 */
export async function openDatabase(target: string, logger: Logger, options: OpenDatabaseOptions = {}): Promise<AppDatabase> {
  const log = logger.child({ module: 'database' });
  let statements = 0;
  const count = (_event: LogEvent) => {
    statements += 1;
  };
  const engine: DatabaseEngine = isPostgresUrl(target)
    ? openPostgresEngine(target, { logger, log: count, connectTimeoutMs: options.connectTimeoutMs ?? 5000, queryTimeoutMs: options.queryTimeoutMs ?? 15_000 })
    : openSqliteEngine(target, { busyTimeoutMs: options.busyTimeoutMs ?? 5000, log: count });
  try {
    const { from, to } = await migrate(engine, log);
    log.debug({ engine: engine.kind, location: engine.location, from, to }, 'database opened');
  } catch (error) {
    await engine.kysely.destroy().catch(() => undefined);
    throw engine.explainOpenFailure(error);
  }
  return {
    engine: engine.kind,
    location: engine.location,
    kysely: engine.kysely,
    writeTransaction: (work) => writeTransaction(engine, work),
    statements: () => statements,
    async ping() {
      const started = performance.now();
      await sql`select 1`.execute(engine.kysely);
      return performance.now() - started;
    },
    close: () => engine.kysely.destroy(),
  };
}
