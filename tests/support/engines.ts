import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, inject } from 'vitest';
import pg from 'pg';
import pino from 'pino';
import { openDatabase, type AppDatabase } from '../../src/storage/database.js';

const silentLogger = pino({ level: 'silent' });

/** A database the test owns, and how to drop it. */
export interface ScratchDatabase {
  /** What `openDatabase` takes: a SQLite file or a Postgres URL. */
  target: string;
  open(): Promise<AppDatabase>;
  drop(): Promise<void>;
}

/** Runs one statement as the cluster's superuser. */
export async function asSuperuser(statement: string, url: string = inject('postgresUrl')): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new, empty schema in the run's Postgres cluster, reached through the connection's search_path. */
export async function scratchPostgres(): Promise<ScratchDatabase> {
  const schema = `test_${randomUUID().replaceAll('-', '')}`;
  await asSuperuser(`CREATE SCHEMA ${schema}`);
  const base = new URL(inject('postgresUrl'));
  base.searchParams.set('options', `-c search_path=${schema}`);
  const target = base.toString();
  return { target, open: () => openDatabase(target, silentLogger), drop: () => asSuperuser(`DROP SCHEMA ${schema} CASCADE`) };
}

/** A SQLite file in a new temporary folder: every `open` is another connection to the same database, as another process would have. */
async function scratchSqlite(): Promise<ScratchDatabase> {
  const folder = mkdtempSync(path.join(tmpdir(), 'briefing-sqlite-'));
  const target = path.join(folder, 'briefing.sqlite');
  return { target, open: () => openDatabase(target, silentLogger), drop: async () => rmSync(folder, { recursive: true, force: true }) };
}

/** The engines every store test runs on. */
export const engines = [
  { engine: 'SQLite', scratch: scratchSqlite },
  { engine: 'Postgres', scratch: scratchPostgres },
] as const;

/**
 * A scratch database of the given engine for each test of the calling `describe`, opened
 * before and closed and dropped after. Returns a getter, as the database is new for every test.
 */
export function useScratchDatabase(scratch: () => Promise<ScratchDatabase>): { db: () => AppDatabase; scratch: () => ScratchDatabase } {
  let current: { scratch: ScratchDatabase; db: AppDatabase } | undefined;
  beforeEach(async () => {
    const created = await scratch();
    current = { scratch: created, db: await created.open() };
  });
  afterEach(async () => {
    await current?.db.close();
    await current?.scratch.drop();
    current = undefined;
  });
  const get = () => {
    if (current === undefined) throw new Error('useScratchDatabase: the database exists only inside a test');
    return current;
  };
  return { db: () => get().db, scratch: () => get().scratch };
}
