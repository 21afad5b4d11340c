import { hostname } from 'node:os';
import { Kysely, PostgresDialect, sql, type KyselyConfig } from 'kysely';
import pg from 'pg';
import type { Logger } from '../../logger.js';
import { explainPostgresOpenFailure } from '../database-open-error.js';
import type { DatabaseEngine } from '../engine.js';
import type { Schema } from '../schema.js';

export interface PostgresEngineOptions {
  logger: Logger;
  log: KyselyConfig['log'];
  /** How long to wait for a connection, and for a statement's answer, before giving up. */
  connectTimeoutMs: number;
  queryTimeoutMs: number;
}

/** Any key of our own: every writer of every process takes it, so their transactions go one at a time. */
const writeLockKey = 0x62726965;

/** A `postgres://` URL as it can be shown and logged: no password, no query string. */
export function displayPostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : '';
    return `${parsed.protocol}//${user}${parsed.host}${parsed.pathname}`;
  } catch {
    return 'postgres://(unreadable URL)';
  }
}

/**
 * BIGINT (times in ms) and NUMERIC (sums) arrive as strings by default, because they may
 * exceed a JavaScript number; ours never do, so they are read as numbers.
 */
const numericTypes = new Set<number>([pg.types.builtins.INT8, pg.types.builtins.NUMERIC]);
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (numericTypes.has(oid) && format !== 'binary') return (value: string) => Number(value);
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  },
} as pg.CustomTypesConfig;

export function openPostgresEngine(url: string, options: PostgresEngineOptions): DatabaseEngine {
  const location = displayPostgresUrl(url);
  const log = options.logger.child({ module: 'database', engine: 'postgres', location });
  const pool = new pg.Pool({
    connectionString: url,
    types,
    max: 5,
    keepAlive: true,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: options.connectTimeoutMs,
    query_timeout: options.queryTimeoutMs,
    // Names the host and process in pg_stat_activity, so an operator sees whose connections these are.
    application_name: `briefing-bot ${hostname()}:${process.pid}`.slice(0, 63),
  });
  // An idle connection the server dropped is reported here; without a listener it would end the process.
  pool.on('error', (error) => log.warn({ err: error }, 'an idle database connection was lost; the next query opens a new one'));
  return {
    kind: 'postgres',
    location,
    kysely: new Kysely<Schema>({ dialect: new PostgresDialect({ pool }), log: options.log }),
    ddl: {
      epochMs: 'bigint',
      bytes: 'bytea',
      generatedId: (column) => column.primaryKey().generatedByDefaultAsIdentity(),
      table: (builder) => builder,
    },
    async readSchemaVersion(db) {
      const { rows: found } = await sql<{ present: boolean }>`select to_regclass('briefing_schema') is not null as present`.execute(db);
      if (found[0]?.present !== true) return 0;
      const { rows } = await sql<{ version: number | null }>`select max(version) as version from briefing_schema`.execute(db);
      return rows[0]?.version ?? 0;
    },
    async writeSchemaVersion(db, version) {
      await sql`create table if not exists briefing_schema (version integer not null)`.execute(db);
      await sql`delete from briefing_schema`.execute(db);
      await sql`insert into briefing_schema (version) values (${version})`.execute(db);
    },
    async beginWrite(db) {
      // The lock comes before BEGIN: a transaction reads the catalog as it stood when it began,
      // so one begun before the lock was granted would not see the tables its predecessor made.
      await sql`select pg_advisory_lock(${writeLockKey})`.execute(db);
      await sql`begin`.execute(db);
    },
    async endWrite(db) {
      await sql`select pg_advisory_unlock(${writeLockKey})`.execute(db);
    },
    explainOpenFailure: (error) => explainPostgresOpenFailure(error, location),
  };
}
