import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { openDatabase, type OpenDatabaseOptions } from '../../src/storage/database.js';
import { DatabaseOpenError } from '../../src/storage/database-open-error.js';
import { latestSchemaVersion } from '../../src/storage/migrations.js';
import { claimSlot } from '../../src/digest/slot-store.js';
import { recordDocumentsSeen } from '../../src/storage/documents-seen-store.js';
import { recordFeedback } from '../../src/storage/feedback-store.js';
import { silentLogger, temporaryFolder } from '../digest/helpers.js';
import { scratchPostgres, type ScratchDatabase } from '../support/engines.js';

async function openFailure(target: string, options: OpenDatabaseOptions = { busyTimeoutMs: 50 }): Promise<DatabaseOpenError> {
  try {
    await (await openDatabase(target, silentLogger, options)).close();
  } catch (error) {
    if (error instanceof DatabaseOpenError) return error;
    throw error;
  }
  throw new Error(`${target} opened, but a failure was expected`);
}

describe('opening a SQLite database', () => {
  let folder: string;
  let cleanup: () => void;

  beforeEach(() => {
    ({ folder, cleanup } = temporaryFolder());
  });

  afterEach(() => cleanup());

  it('turns the digest picture on for servers set up before the switch existed', async () => {
    const file = path.join(folder, 'briefing.sqlite');
    const old = new Database(file);
    old.exec(readFileSync(new URL('./fixtures/schema-v1-sqlite.sql', import.meta.url), 'utf8'));
    old.pragma('user_version = 1');
    old.prepare("INSERT INTO digest_settings VALUES ('g', 'c', 'daily 09:00', '0 9 * * *', 'daily at 09:00', 'UTC', 7, 1, 0, 0, 0)").run();
    old.close();
    const db = await openDatabase(file, silentLogger);
    expect(await db.kysely.selectFrom('digest_settings').select('picture').execute()).toEqual([{ picture: 1 }]);
    await expect(db.kysely.updateTable('digest_settings').set({ picture: 2 }).where('guild_id', '=', 'g').execute()).rejects.toThrow(/CHECK/);
    await db.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    raw.close();
  });

  it('creates the file, its folder and the latest schema, in WAL mode, with tables as strict as the first version made them', async () => {
    const file = path.join(folder, 'nested', 'data', 'briefing.sqlite');
    const db = await openDatabase(file, silentLogger);
    expect(db.engine).toBe('sqlite');
    await db.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = raw.prepare<[], { name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
    expect(tables).toEqual([
      { name: 'added_documents', strict: 1 },
      { name: 'ask_feedback', strict: 1 },
      { name: 'digest_settings', strict: 1 },
      { name: 'digest_slots', strict: 1 },
      { name: 'documents_seen', strict: 1 },
      { name: 'library_revision', strict: 1 },
      { name: 'library_settings', strict: 1 },
    ]);
    raw.close();
  });

  it('opens an existing file again and keeps its rows', async () => {
    const file = path.join(folder, 'briefing.sqlite');
    const first = await openDatabase(file, silentLogger);
    await first.kysely.insertInto('documents_seen').values({ doc_id: 'seed-001', first_seen_at: 1 }).execute();
    await first.close();
    const second = await openDatabase(file, silentLogger);
    expect(await sql<{ count: number }>`SELECT count(*) AS count FROM documents_seen`.execute(second.kysely).then((result) => result.rows)).toEqual([{ count: 1 }]);
    await second.close();
  });

  it('refuses a file from a newer schema version and leaves it unchanged', async () => {
    const file = path.join(folder, 'briefing.sqlite');
    const newer = new Database(file);
    newer.exec('CREATE TABLE from_the_future (x)');
    newer.pragma(`user_version = ${latestSchemaVersion + 1}`);
    newer.close();
    const before = readFileSync(file);
    const failure = await openFailure(file);
    expect(failure.reason).toBe('newer-schema');
    expect(failure).toBeInstanceOf(UserError);
    expect(failure.message).toMatch(/written by a newer version of briefing-bot \(schema \d+; this version knows up to \d+\)\. Upgrade briefing-bot/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('says the file is locked when another connection holds an exclusive lock', async () => {
    const file = path.join(folder, 'briefing.sqlite');
    const holder = new Database(file);
    holder.pragma('journal_mode = DELETE');
    holder.exec('CREATE TABLE held (x); BEGIN EXCLUSIVE; INSERT INTO held VALUES (1);');
    try {
      const failure = await openFailure(file);
      expect(failure.reason).toBe('locked');
      expect(failure.message).toContain(`The database ${file} is locked by another process`);
      expect(failure.message).toMatch(/Stop the other briefing-bot process/);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });

  it('says the folder is unwritable when a file stands where the folder should be', async () => {
    writeFileSync(path.join(folder, 'data'), 'not a folder');
    const failure = await openFailure(path.join(folder, 'data', 'briefing.sqlite'));
    expect(failure.reason).toBe('unwritable');
    expect(failure.message).toMatch(/cannot be opened for writing .* set DATA_DIR to a writable folder/);
  });

  it('says the database cannot be opened when its path is a folder', async () => {
    const file = path.join(folder, 'briefing.sqlite');
    mkdirSync(file);
    expect((await openFailure(file)).reason).toBe('unwritable');
  });

  it('refuses a file that is not a database', async () => {
    const file = path.join(folder, 'briefing.sqlite');
    writeFileSync(file, 'These are notes, not a database. '.repeat(200));
    const failure = await openFailure(file);
    expect(failure.reason).toBe('not-a-database');
    expect(failure.message).toContain('is not a briefing-bot database');
  });
});

describe('opening a Postgres database', () => {
  let database: ScratchDatabase;

  beforeEach(async () => {
    database = await scratchPostgres();
  });

  afterEach(() => database.drop());

  it('creates the latest schema, and opens it again keeping its rows', async () => {
    const first = await database.open();
    expect(first.engine).toBe('postgres');
    expect(first.location).not.toContain('search_path');
    await first.kysely.insertInto('documents_seen').values({ doc_id: 'seed-001', first_seen_at: Date.UTC(2030, 0, 1) }).execute();
    await first.close();
    const second = await database.open();
    expect(await second.kysely.selectFrom('documents_seen').selectAll().execute()).toEqual([{ doc_id: 'seed-001', first_seen_at: Date.UTC(2030, 0, 1) }]);
    expect(await sql<{ version: number }>`SELECT version FROM briefing_schema`.execute(second.kysely).then((result) => result.rows)).toEqual([{ version: latestSchemaVersion }]);
    await second.close();
  });

  it('migrates once when three hosts start on an empty database at the same moment', async () => {
    const opened = await Promise.all([database.open(), database.open(), database.open()]);
    const versions = await sql<{ version: number }>`SELECT version FROM briefing_schema`.execute(opened[0]!.kysely);
    expect(versions.rows).toEqual([{ version: latestSchemaVersion }]);
    await Promise.all(opened.map((db) => db.close()));
  });

  it('refuses a database from a newer schema version and leaves it unchanged', async () => {
    const db = await database.open();
    await sql`UPDATE briefing_schema SET version = ${latestSchemaVersion + 1}`.execute(db.kysely);
    await sql`CREATE TABLE from_the_future (x integer)`.execute(db.kysely);
    await db.close();
    const failure = await openFailure(database.target);
    expect(failure.reason).toBe('newer-schema');
    expect(failure).toBeInstanceOf(UserError);
    expect(failure.message).toMatch(/written by a newer version of briefing-bot \(schema \d+; this version knows up to \d+\)\. Upgrade briefing-bot, or point DATABASE_URL at another database/);
    const again = await openFailure(database.target);
    expect(again.reason).toBe('newer-schema');
  });

  it('says the server cannot be reached, without the password, when nothing listens at the address', async () => {
    const failure = await openFailure('postgres://briefing:s3cret-password@127.0.0.1:1/briefing', { connectTimeoutMs: 2000 });
    expect(failure.reason).toBe('unreachable');
    expect(failure.message).toContain('The database postgres://briefing@127.0.0.1:1/briefing cannot be reached');
    expect(failure.message).toMatch(/unset DATABASE_URL to use SQLite under DATA_DIR/);
    expect(failure.message).not.toContain('s3cret-password');
  });

  it('says the database does not exist when the URL names one the server does not have', async () => {
    const missing = new URL(database.target);
    missing.pathname = '/no_such_database';
    const failure = await openFailure(missing.toString());
    expect(failure.reason).toBe('refused');
    expect(failure.message).toMatch(/the database does not exist: create it first/);
  });
});

describe('a SQLite file written before the shared data-access layer', () => {
  it('opens it, adds what later schemas brought, and works with every store', async () => {
    const { folder, cleanup } = temporaryFolder();
    try {
      const file = path.join(folder, 'briefing.db');
      const old = new Database(file);
      old.exec(readFileSync(new URL('./fixtures/schema-v1-sqlite.sql', import.meta.url), 'utf8'));
      old.pragma('user_version = 1');
      old.close();
      const db = await openDatabase(file, silentLogger);
      try {
        const vote = { interactionId: 'i', messageId: 'm', userId: 'u', guildId: 'g', question: 'q', docId: null, ordinal: null, vote: 'up' as const, at: new Date(0) };
        expect(await recordFeedback(db, vote)).toBe('recorded');
        expect(await recordFeedback(db, { ...vote, interactionId: 'j' })).toBe('unchanged');
        expect(await recordFeedback(db, { ...vote, vote: 'down' })).toBe('changed');
        const claim = { guildId: 'g', kind: 'scheduled' as const, timeZone: 'UTC', slotAt: new Date(Date.UTC(2030, 0, 1, 9)), late: false, owner: 'a', leaseUntil: new Date(Date.UTC(2030, 0, 1, 10)), now: new Date(Date.UTC(2030, 0, 1, 9)) };
        expect(await claimSlot(db, claim)).toMatchObject({ localTime: '2030-01-01T09:00:00', state: 'claimed' });
        expect(await claimSlot(db, { ...claim, owner: 'b' })).toBeNull();
        expect(await recordDocumentsSeen(db, ['seed-001'], new Date(0))).toBe(1);
      } finally {
        await db.close();
      }
      const reopened = new Database(file, { readonly: true });
      expect(reopened.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      reopened.close();
    } finally {
      cleanup();
    }
  });
});
