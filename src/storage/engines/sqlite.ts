import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type KyselyConfig } from 'kysely';
import type { DatabaseEngine } from '../engine.js';
import { explainSqliteOpenFailure } from '../database-open-error.js';
import { refuseNewerSchema } from '../migrations.js';
import type { Schema } from '../schema.js';

export interface SqliteEngineOptions {
  /** How long a statement waits for another connection's lock before giving up. */
  busyTimeoutMs: number;
  log: KyselyConfig['log'];
}

/**
 * Opens (creating when needed) a SQLite file, or `:memory:`. A file from a newer version is
 * refused before anything writes to it: switching to WAL rewrites the header of a file we
 * may have to refuse.
 */
export function openSqliteEngine(file: string, options: SqliteEngineOptions): DatabaseEngine {
  const location = file === ':memory:' ? file : path.resolve(file);
  let database: Database.Database | undefined;
  try {
    if (location !== ':memory:') mkdirSync(path.dirname(location), { recursive: true });
    database = new Database(location, { timeout: options.busyTimeoutMs });
    refuseNewerSchema(userVersion(database), location);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
  } catch (error) {
    database?.close();
    throw explainSqliteOpenFailure(error, location);
  }
  return {
    kind: 'sqlite',
    location,
    kysely: new Kysely<Schema>({ dialect: new SqliteDialect({ database }), log: options.log }),
    ddl: {
      epochMs: 'integer',
      bytes: 'blob',
      generatedId: (column) => column.primaryKey(),
      table: (builder) => builder.modifyEnd(sql`strict`),
    },
    async readSchemaVersion(db) {
      const { rows } = await sql<{ user_version: number }>`pragma user_version`.execute(db);
      return rows[0]?.user_version ?? 0;
    },
    async writeSchemaVersion(db, version) {
      await sql.raw(`pragma user_version = ${Math.trunc(version)}`).execute(db);
    },
    async beginWrite(db) {
      // IMMEDIATE takes the write lock at once, so a read-then-write never meets a writer from another process halfway.
      await sql`begin immediate`.execute(db);
    },
    async endWrite() {
      // COMMIT or ROLLBACK released the lock.
    },
    explainOpenFailure: (error) => explainSqliteOpenFailure(error, location),
  };
}

function userVersion(database: Database.Database): number {
  const version: unknown = database.pragma('user_version', { simple: true });
  return typeof version === 'number' ? version : 0;
}
