import type { Logger } from '../logger.js';
import type { AppDatabase } from './database.js';
import { DatabaseOpenError } from './database-open-error.js';

/** One step of the schema. Steps only ever get added; a released step is never edited. */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'digest settings and slots, documents first seen, ask feedback',
    sql: `
      CREATE TABLE digest_settings (
        guild_id TEXT PRIMARY KEY,
        channel_id TEXT NOT NULL,
        schedule_input TEXT NOT NULL,
        schedule_cron TEXT NOT NULL,
        schedule_label TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        window_days INTEGER NOT NULL CHECK (window_days BETWEEN 1 AND 90),
        enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        active_since INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      -- One row per slot of a server's schedule. The key is the slot's wall-clock time in the
      -- server's time zone, so a time repeated or skipped by a DST change is still one slot.
      CREATE TABLE digest_slots (
        guild_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('scheduled', 'manual')),
        time_zone TEXT NOT NULL,
        local_time TEXT NOT NULL,
        slot_at INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('claimed', 'posted', 'skipped', 'missed', 'failed')),
        late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
        attempts INTEGER NOT NULL DEFAULT 0,
        reason TEXT,
        claimed_by TEXT,
        lease_until INTEGER,
        next_attempt_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        finished_at INTEGER,
        PRIMARY KEY (guild_id, kind, time_zone, local_time)
      ) STRICT;
      CREATE INDEX digest_slots_by_guild_time ON digest_slots (guild_id, slot_at);
      CREATE INDEX digest_slots_claimed ON digest_slots (lease_until) WHERE state = 'claimed';

      CREATE TABLE documents_seen (
        doc_id TEXT PRIMARY KEY,
        first_seen_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE ask_feedback (
        id INTEGER PRIMARY KEY,
        interaction_id TEXT NOT NULL,
        message_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        guild_id TEXT,
        question TEXT NOT NULL,
        doc_id TEXT,
        ordinal INTEGER,
        vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        at INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX ask_feedback_one_vote ON ask_feedback (message_id, user_id, ifnull(doc_id, ''), ifnull(ordinal, 0));
    `,
  },
  {
    version: 2,
    description: 'digest picture switch per server',
    sql: `
      -- On for every server already set up: the digest gains its picture unless turned off.
      ALTER TABLE digest_settings ADD COLUMN picture INTEGER NOT NULL DEFAULT 1 CHECK (picture IN (0, 1));
    `,
  },
];

export const latestSchemaVersion: number = migrations.reduce((latest, migration) => Math.max(latest, migration.version), 0);

/** The schema version stored in the file header (`PRAGMA user_version`); 0 for a new file. */
export function schemaVersion(db: AppDatabase): number {
  const version: unknown = db.pragma('user_version', { simple: true });
  return typeof version === 'number' ? version : 0;
}

/** Throws when the file was written by a newer version; returns its schema version otherwise. */
export function refuseNewerSchema(db: AppDatabase, file: string): number {
  const version = schemaVersion(db);
  if (version > latestSchemaVersion) {
    throw new DatabaseOpenError(
      'newer-schema',
      file,
      `The database ${file} was written by a newer version of briefing-bot (schema ${version}; this version knows up to ${latestSchemaVersion}). Upgrade briefing-bot, or set DATA_DIR to another folder. The file was not changed.`,
    );
  }
  return version;
}

/**
 * Brings the schema up to date, one transaction per step. A file written by a newer
 * version is refused untouched: an older program cannot know what the newer tables mean.
 */
export function migrate(db: AppDatabase, logger: Logger, file: string): { from: number; to: number } {
  const from = refuseNewerSchema(db, file);
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
    logger.info({ version: migration.version, description: migration.description }, 'database migrated');
  }
  return { from, to: Math.max(from, latestSchemaVersion) };
}
