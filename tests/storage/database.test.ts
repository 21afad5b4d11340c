import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { openDatabase } from '../../src/storage/database.js';
import { DatabaseOpenError } from '../../src/storage/database-open-error.js';
import { latestSchemaVersion, migrations, schemaVersion } from '../../src/storage/migrations.js';
import { silentLogger, temporaryFolder } from '../digest/helpers.js';

function openFailure(file: string, busyTimeoutMs = 50): DatabaseOpenError {
  try {
    openDatabase(file, silentLogger, { busyTimeoutMs }).close();
  } catch (error) {
    if (error instanceof DatabaseOpenError) return error;
    throw error;
  }
  throw new Error(`${file} opened, but a failure was expected`);
}

describe('opening the database', () => {
  let folder: string;
  let cleanup: () => void;

  beforeEach(() => {
    ({ folder, cleanup } = temporaryFolder());
  });

  afterEach(() => cleanup());

  it('turns the digest picture on for servers set up before the switch existed', () => {
    const file = path.join(folder, 'briefing.sqlite');
    const old = new Database(file);
    old.exec(migrations[0]?.sql ?? '');
    old.pragma('user_version = 1');
    old.prepare("INSERT INTO digest_settings VALUES ('g', 'c', 'daily 09:00', '0 9 * * *', 'daily at 09:00', 'UTC', 7, 1, 0, 0, 0)").run();
    old.close();
    const db = openDatabase(file, silentLogger);
    expect(schemaVersion(db)).toBe(latestSchemaVersion);
    expect(db.prepare('SELECT picture FROM digest_settings').get()).toEqual({ picture: 1 });
    expect(() => db.prepare("UPDATE digest_settings SET picture = 2 WHERE guild_id = 'g'").run()).toThrow(/CHECK/);
    db.close();
  });

  it('creates the file, its folder and the latest schema, in WAL mode', () => {
    const file = path.join(folder, 'nested', 'data', 'briefing.sqlite');
    const db = openDatabase(file, silentLogger);
    expect(schemaVersion(db)).toBe(latestSchemaVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((row) => row.name);
    expect(tables).toEqual(expect.arrayContaining(['ask_feedback', 'digest_settings', 'digest_slots', 'documents_seen']));
    db.close();
  });

  it('opens an existing file again and keeps its rows', () => {
    const file = path.join(folder, 'briefing.sqlite');
    const first = openDatabase(file, silentLogger);
    first.prepare('INSERT INTO documents_seen (doc_id, first_seen_at) VALUES (?, ?)').run('seed-001', 1);
    first.close();
    const second = openDatabase(file, silentLogger);
    expect(second.prepare('SELECT count(*) AS count FROM documents_seen').get()).toEqual({ count: 1 });
    second.close();
  });

  it('refuses a file from a newer schema version and leaves it unchanged', () => {
    const file = path.join(folder, 'briefing.sqlite');
    const newer = new Database(file);
    newer.exec('CREATE TABLE from_the_future (x)');
    newer.pragma(`user_version = ${latestSchemaVersion + 1}`);
    newer.close();
    const before = readFileSync(file);
    const failure = openFailure(file);
    expect(failure.reason).toBe('newer-schema');
    expect(failure).toBeInstanceOf(UserError);
    expect(failure.message).toMatch(/written by a newer version of briefing-bot \(schema \d+; this version knows up to \d+\)\. Upgrade briefing-bot/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('says the file is locked when another connection holds an exclusive lock', () => {
    const file = path.join(folder, 'briefing.sqlite');
    const holder = new Database(file);
    holder.pragma('journal_mode = DELETE');
    holder.exec('CREATE TABLE held (x); BEGIN EXCLUSIVE; INSERT INTO held VALUES (1);');
    try {
      const failure = openFailure(file);
      expect(failure.reason).toBe('locked');
      expect(failure.message).toContain(`The database ${file} is locked by another process`);
      expect(failure.message).toMatch(/Stop the other briefing-bot process/);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });

  it('says the folder is unwritable when a file stands where the folder should be', () => {
    writeFileSync(path.join(folder, 'data'), 'not a folder');
    const failure = openFailure(path.join(folder, 'data', 'briefing.sqlite'));
    expect(failure.reason).toBe('unwritable');
    expect(failure.message).toMatch(/cannot be opened for writing .* set DATA_DIR to a writable folder/);
  });

  it('says the database cannot be opened when its path is a folder', () => {
    const file = path.join(folder, 'briefing.sqlite');
    mkdirSync(file);
    expect(openFailure(file).reason).toBe('unwritable');
  });

  it('refuses a file that is not a database', () => {
    const file = path.join(folder, 'briefing.sqlite');
    writeFileSync(file, 'These are notes, not a database. '.repeat(200));
    const failure = openFailure(file);
    expect(failure.reason).toBe('not-a-database');
    expect(failure.message).toContain('is not a briefing-bot database');
  });
});
