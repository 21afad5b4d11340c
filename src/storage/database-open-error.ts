import { UserError } from '../errors.js';

/** Why the database could not be opened; `locked` and `unreachable` may clear by themselves, the others need a person. */
export type DatabaseOpenFailure = 'locked' | 'unwritable' | 'newer-schema' | 'not-a-database' | 'unreachable' | 'refused';

/**
 * The database cannot be used. The message names the file (or the server, without its password), says why and what to do,
 * so the process can print it and stop once instead of crashing again and again.
 */
export class DatabaseOpenError extends UserError {
  constructor(
    readonly reason: DatabaseOpenFailure,
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

function errorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  return typeof error.code === 'string' ? error.code : null;
}

/** Turns what better-sqlite3 or the file system threw while opening into a message for the operator. */
export function explainSqliteOpenFailure(error: unknown, file: string): unknown {
  if (error instanceof DatabaseOpenError) return error;
  const code = errorCode(error) ?? '';
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_LOCKED')) {
    return new DatabaseOpenError(
      'locked',
      file,
      `The database ${file} is locked by another process (${detail}). Stop the other briefing-bot process using it, or set DATA_DIR to another folder.`,
      { cause: error },
    );
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new DatabaseOpenError(
      'not-a-database',
      file,
      `The file ${file} is not a briefing-bot database (${detail}). Move it away, or set DATA_DIR to another folder.`,
      { cause: error },
    );
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_IOERR') || ['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'EISDIR'].includes(code)) {
    return new DatabaseOpenError(
      'unwritable',
      file,
      `The database ${file} cannot be opened for writing (${detail}). Make the file and its folder writable by this user, or set DATA_DIR to a writable folder.`,
      { cause: error },
    );
  }
  return error;
}

/** SQLSTATEs that mean the server answered but will not let us in, with what to check. */
const refusals: Record<string, string> = {
  '28P01': 'the password was not accepted',
  '28000': 'the server does not allow this user to connect',
  '3D000': 'the database does not exist: create it first (createdb)',
  '42501': 'this user may not create the tables: grant it CREATE on the database or schema',
};

/** Turns what `pg` threw while connecting or migrating into a message for the operator. */
export function explainPostgresOpenFailure(error: unknown, location: string): unknown {
  if (error instanceof DatabaseOpenError) return error;
  const code = errorCode(error) ?? '';
  const detail = error instanceof Error ? error.message : String(error);
  const refusal = refusals[code];
  if (refusal !== undefined) {
    return new DatabaseOpenError('refused', location, `The database ${location} refused briefing-bot: ${refusal} (${detail}). Check DATABASE_URL.`, { cause: error });
  }
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET', '57P03'].includes(code) || /timeout|terminated/i.test(detail)) {
    return new DatabaseOpenError(
      'unreachable',
      location,
      `The database ${location} cannot be reached (${detail}). Start Postgres or fix the host and port in DATABASE_URL; unset DATABASE_URL to use SQLite under DATA_DIR.`,
      { cause: error },
    );
  }
  return error;
}
