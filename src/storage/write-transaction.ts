import { sql, type Kysely } from 'kysely';
import type { DatabaseEngine } from './engine.js';
import type { Schema } from './schema.js';

/**
 * Runs `work` in a transaction that holds the database's write lock from its first statement,
 * so a read-then-write is never interleaved with another writer, in this process or another.
 * `work` must use the `db` it is given: the engine's other connections wait for this one.
 */
export async function writeTransaction<T>(engine: Pick<DatabaseEngine, 'kysely' | 'beginWrite' | 'endWrite'>, work: (db: Kysely<Schema>) => Promise<T>): Promise<T> {
  return engine.kysely.connection().execute(async (db) => {
    try {
      await engine.beginWrite(db);
      const result = await work(db);
      await sql`commit`.execute(db);
      return result;
    } catch (error) {
      // The connection may be gone; the original error is what the caller needs to see.
      await sql`rollback`.execute(db).catch(() => undefined);
      throw error;
    } finally {
      // A lost connection released its locks with it.
      await engine.endWrite(db).catch(() => undefined);
    }
  });
}
