import type { ColumnDataType, ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import type { Schema } from './schema.js';

export type EngineKind = 'sqlite' | 'postgres';

/** What a migration may ask of the engine: the few column and table details the two engines spell differently. */
export interface SchemaDialect {
  /** Milliseconds since the epoch. */
  epochMs: ColumnDataType;
  /** Raw bytes (an added document's original file): BLOB in SQLite, BYTEA in Postgres. */
  bytes: ColumnDataType;
  /** A surrogate key the database numbers itself. */
  generatedId(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /** Options every table gets (SQLite: STRICT, so a value of the wrong type is refused as Postgres refuses it). */
  table<Name extends string, Columns extends string>(builder: CreateTableBuilder<Name, Columns>): CreateTableBuilder<Name, Columns>;
}

/**
 * The one seam between the stores and a database engine. Everything the stores and the
 * migrations run goes through `kysely`, compiled for the engine; only what cannot be said
 * in shared SQL (where the schema version is kept, how a writer locks) lives here.
 */
export interface DatabaseEngine {
  kind: EngineKind;
  /** Where the data lives, safe to log and show: a file path, or the server and database without the password. */
  location: string;
  kysely: Kysely<Schema>;
  ddl: SchemaDialect;
  /** The schema version the database holds; 0 when it is new. */
  readSchemaVersion(db: Kysely<Schema>): Promise<number>;
  writeSchemaVersion(db: Kysely<Schema>, version: number): Promise<void>;
  /** Opens a transaction on `db` that holds the database's write lock from its first statement, across processes. */
  beginWrite(db: Kysely<Schema>): Promise<void>;
  /** Releases what `beginWrite` took beyond the transaction, after COMMIT or ROLLBACK. */
  endWrite(db: Kysely<Schema>): Promise<void>;
  /** Turns a driver error raised while opening into a DatabaseOpenError saying what to do, or returns it unchanged. */
  explainOpenFailure(error: unknown): unknown;
}
