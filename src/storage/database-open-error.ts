import { UserError } from '../errors.js';

/** Why the database could not be opened; `locked` may clear by itself, the others need a person. */
export type DatabaseOpenFailure = 'locked' | 'unwritable' | 'newer-schema' | 'not-a-database';

/**
 * The database file cannot be used. The message names the file, says why and what to do,
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

function sqliteCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  return typeof error.code === 'string' ? error.code : null;
}

/** Turns what better-sqlite3 or the file system threw while opening into a message for the operator. */
export function explainOpenFailure(error: unknown, file: string): unknown {
  if (error instanceof DatabaseOpenError) return error;
  const code = sqliteCode(error) ?? '';
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
