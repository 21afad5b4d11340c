import { sql, type Kysely } from 'kysely';
import type { Logger } from '../logger.js';
import { DatabaseOpenError } from './database-open-error.js';
import type { DatabaseEngine, EngineKind, SchemaDialect } from './engine.js';
import type { Schema } from './schema.js';
import { writeTransaction } from './write-transaction.js';

/**
 * One step of the schema, written once for both engines with Kysely's schema builder (or
 * SQL both engines read alike). Steps only ever get added; a released step is never edited.
 */
export interface Migration {
  version: number;
  description: string;
  // The schema builder works on tables that do not exist yet, so it is typed loosely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(db: Kysely<any>, ddl: SchemaDialect): Promise<void>;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'digest settings and slots, documents first seen, ask feedback',
    async up(db, ddl) {
      await ddl
        .table(
          db.schema
            .createTable('digest_settings')
            .addColumn('guild_id', 'text', (column) => column.primaryKey())
            .addColumn('channel_id', 'text', (column) => column.notNull())
            .addColumn('schedule_input', 'text', (column) => column.notNull())
            .addColumn('schedule_cron', 'text', (column) => column.notNull())
            .addColumn('schedule_label', 'text', (column) => column.notNull())
            .addColumn('time_zone', 'text', (column) => column.notNull())
            .addColumn('window_days', 'integer', (column) => column.notNull().check(sql`window_days BETWEEN 1 AND 90`))
            .addColumn('enabled', 'integer', (column) => column.notNull().check(sql`enabled IN (0, 1)`))
            .addColumn('active_since', ddl.epochMs, (column) => column.notNull())
            .addColumn('created_at', ddl.epochMs, (column) => column.notNull())
            .addColumn('updated_at', ddl.epochMs, (column) => column.notNull()),
        )
        .execute();

      // One row per slot of a server's schedule. The key is the slot's wall-clock time in the
      // server's time zone, so a time repeated or skipped by a DST change is still one slot.
      await ddl
        .table(
          db.schema
            .createTable('digest_slots')
            .addColumn('guild_id', 'text', (column) => column.notNull())
            .addColumn('kind', 'text', (column) => column.notNull().check(sql`kind IN ('scheduled', 'manual')`))
            .addColumn('time_zone', 'text', (column) => column.notNull())
            .addColumn('local_time', 'text', (column) => column.notNull())
            .addColumn('slot_at', ddl.epochMs, (column) => column.notNull())
            .addColumn('state', 'text', (column) => column.notNull().check(sql`state IN ('claimed', 'posted', 'skipped', 'missed', 'failed')`))
            .addColumn('late', 'integer', (column) => column.notNull().defaultTo(0).check(sql`late IN (0, 1)`))
            .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
            .addColumn('reason', 'text')
            .addColumn('claimed_by', 'text')
            .addColumn('lease_until', ddl.epochMs)
            .addColumn('next_attempt_at', ddl.epochMs)
            .addColumn('created_at', ddl.epochMs, (column) => column.notNull())
            .addColumn('updated_at', ddl.epochMs, (column) => column.notNull())
            .addColumn('finished_at', ddl.epochMs)
            .addPrimaryKeyConstraint('digest_slots_key', ['guild_id', 'kind', 'time_zone', 'local_time']),
        )
        .execute();
      await sql`CREATE INDEX digest_slots_by_guild_time ON digest_slots (guild_id, slot_at)`.execute(db);
      await sql`CREATE INDEX digest_slots_claimed ON digest_slots (lease_until) WHERE state = 'claimed'`.execute(db);

      await ddl
        .table(
          db.schema
            .createTable('documents_seen')
            .addColumn('doc_id', 'text', (column) => column.primaryKey())
            .addColumn('first_seen_at', ddl.epochMs, (column) => column.notNull()),
        )
        .execute();

      await ddl
        .table(
          db.schema
            .createTable('ask_feedback')
            .addColumn('id', 'integer', (column) => ddl.generatedId(column))
            .addColumn('interaction_id', 'text', (column) => column.notNull())
            .addColumn('message_id', 'text', (column) => column.notNull())
            .addColumn('user_id', 'text', (column) => column.notNull())
            .addColumn('guild_id', 'text')
            .addColumn('question', 'text', (column) => column.notNull())
            .addColumn('doc_id', 'text')
            .addColumn('ordinal', 'integer')
            .addColumn('vote', 'text', (column) => column.notNull().check(sql`vote IN ('up', 'down')`))
            .addColumn('at', ddl.epochMs, (column) => column.notNull()),
        )
        .execute();
      await sql`CREATE UNIQUE INDEX ask_feedback_one_vote ON ask_feedback (message_id, user_id, coalesce(doc_id, ''), coalesce(ordinal, 0))`.execute(db);
    },
  },
  {
    version: 2,
    description: 'digest picture switch per server',
    async up(db) {
      // On for every server already set up: the digest gains its picture unless turned off.
      await db.schema
        .alterTable('digest_settings')
        .addColumn('picture', 'integer', (column) => column.notNull().defaultTo(1).check(sql`picture IN (0, 1)`))
        .execute();
    },
  },
  {
    version: 3,
    description: 'documents added from Discord and the command line, and the library revision',
    async up(db, ddl) {
      await ddl
        .table(
          db.schema
            .createTable('added_documents')
            .addColumn('id', 'text', (column) => column.primaryKey())
            // The server that may see it; null: every server (added from the command line).
            .addColumn('scope', 'text')
            .addColumn('format', 'text', (column) => column.notNull().check(sql`format IN ('pdf', 'html', 'docx', 'markdown', 'text')`))
            .addColumn('title', 'text', (column) => column.notNull())
            .addColumn('author', 'text')
            .addColumn('outlet', 'text')
            .addColumn('published', 'text')
            .addColumn('published_precision', 'text', (column) => column.check(sql`published_precision IN ('year', 'month', 'day')`))
            .addColumn('published_basis', 'text')
            .addColumn('file_name', 'text')
            .addColumn('content_type', 'text')
            .addColumn('link_url', 'text')
            .addColumn('original', ddl.bytes, (column) => column.notNull())
            .addColumn('body', 'text', (column) => column.notNull())
            // Page spans as JSON, for paged formats; null otherwise.
            .addColumn('pages', 'text')
            .addColumn('content_hash', 'text', (column) => column.notNull())
            .addColumn('added_by_id', 'text')
            .addColumn('added_by_name', 'text')
            .addColumn('added_at', ddl.epochMs, (column) => column.notNull())
            // The library revision that added it: what another host compares to notice it.
            .addColumn('revision', 'integer', (column) => column.notNull()),
        )
        .execute();
      // Unique per server, not globally: a global rule would tell one server the title of another's
      // document, and refuse it a file it has every right to add. Null (every server) is its own key.
      await sql`CREATE UNIQUE INDEX added_documents_one_content ON added_documents (coalesce(scope, ''), content_hash)`.execute(db);
      await sql`CREATE UNIQUE INDEX added_documents_one_link ON added_documents (coalesce(scope, ''), link_url) WHERE link_url IS NOT NULL`.execute(db);

      // One row, bumped with every addition and removal: one cheap read tells a host whether to look again.
      await ddl
        .table(
          db.schema
            .createTable('library_revision')
            .addColumn('id', 'integer', (column) => column.primaryKey().check(sql`id = 1`))
            .addColumn('revision', 'integer', (column) => column.notNull()),
        )
        .execute();
      await db.insertInto('library_revision').values({ id: 1, revision: 0 }).execute();
    },
  },
  {
    version: 4,
    description: 'the role that may add and remove documents, per server',
    async up(db, ddl) {
      await ddl
        .table(
          db.schema
            .createTable('library_settings')
            .addColumn('guild_id', 'text', (column) => column.primaryKey())
            .addColumn('editor_role_id', 'text')
            .addColumn('updated_at', ddl.epochMs, (column) => column.notNull()),
        )
        .execute();
    },
  },
];

export const latestSchemaVersion: number = migrations.reduce((latest, migration) => Math.max(latest, migration.version), 0);

const elsewhere: Record<EngineKind, string> = {
  sqlite: 'set DATA_DIR to another folder. The file was not changed.',
  postgres: 'point DATABASE_URL at another database. Nothing in it was changed.',
};

/** Throws when the database was written by a newer version; returns its schema version otherwise. */
export function refuseNewerSchema(version: number, location: string, kind: EngineKind = 'sqlite'): number {
  if (version > latestSchemaVersion) {
    throw new DatabaseOpenError(
      'newer-schema',
      location,
      `The database ${location} was written by a newer version of briefing-bot (schema ${version}; this version knows up to ${latestSchemaVersion}). Upgrade briefing-bot, or ${elsewhere[kind]}`,
    );
  }
  return version;
}

/** The schema version the database holds; 0 for a new one. */
function schemaVersion(engine: Pick<DatabaseEngine, 'kysely' | 'readSchemaVersion'>): Promise<number> {
  return engine.readSchemaVersion(engine.kysely);
}

/**
 * Brings the schema up to date, one write transaction per step. Several processes may start
 * at once on one database: each step is checked again under the write lock, so it runs once.
 * A database written by a newer version is refused untouched: an older program cannot know
 * what the newer tables mean.
 */
export async function migrate(engine: DatabaseEngine, logger: Logger): Promise<{ from: number; to: number }> {
  const from = refuseNewerSchema(await schemaVersion(engine), engine.location, engine.kind);
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    const applied = await writeTransaction(engine, async (db: Kysely<Schema>) => {
      const current = refuseNewerSchema(await engine.readSchemaVersion(db), engine.location, engine.kind);
      if (current >= migration.version) return false;
      await migration.up(db, engine.ddl);
      await engine.writeSchemaVersion(db, migration.version);
      return true;
    });
    if (applied) logger.info({ version: migration.version, description: migration.description }, 'database migrated');
  }
  return { from, to: Math.max(from, latestSchemaVersion) };
}
