import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from './errors.js';

/**
 * Makes sure DATA_DIR is a folder this process can write, creating it when missing. Checked
 * once at start, so the operator reads what to change instead of a file-system error later.
 */
export async function prepareDataDir(dataDir: string): Promise<void> {
  try {
    await mkdir(dataDir, { recursive: true });
    if (!(await stat(dataDir)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR', path: dataDir });
    await access(dataDir, constants.W_OK | constants.X_OK);
  } catch (error) {
    throw dataDirError(error, dataDir) ?? error;
  }
}

/**
 * A file-system error about a path inside DATA_DIR, as a UserError naming the variable and
 * what to do; null for any other error. Covers what can change after the start-up check,
 * e.g. a folder where the index file should be.
 */
export function dataDirError(error: unknown, dataDir: string): UserError | null {
  const { code, path: source, dest } = error as NodeJS.ErrnoException & { dest?: string };
  if (typeof code !== 'string') return null;
  // A failed rename is about where the file was going.
  const failedPath = dest ?? source;
  const where = typeof failedPath === 'string' ? path.resolve(failedPath) : dataDir;
  // The path in the way is DATA_DIR, inside it, or above it (a file named like one of its folders).
  const inside = where.startsWith(`${dataDir}${path.sep}`);
  const above = dataDir.startsWith(`${where}${path.sep}`);
  if (where !== dataDir && !inside && !above) return null;
  const shown = where === dataDir ? `DATA_DIR (${dataDir})` : `${where}, ${inside ? 'inside' : 'on the way to'} DATA_DIR (${dataDir}),`;
  switch (code) {
    case 'ENOTDIR':
    case 'EEXIST':
      return new UserError(`${shown} is, or is under, a file where a folder should be. Move that file away, or set DATA_DIR to a folder, e.g. DATA_DIR=data.`, { cause: error });
    case 'EISDIR':
      return new UserError(`${shown} is a folder where the bot keeps a file. Remove that folder (the bot rebuilds what was there), or set DATA_DIR to another folder.`, { cause: error });
    case 'EACCES':
    case 'EPERM':
      return new UserError(`${shown} cannot be written by this user (permission denied). Give the user running the bot write access to it, e.g. chown or chmod u+w, or set DATA_DIR to a folder it can write.`, { cause: error });
    case 'EROFS':
      return new UserError(`${shown} is on a read-only file system. Set DATA_DIR to a folder on a writable disk.`, { cause: error });
    case 'ENOSPC':
    case 'EDQUOT':
      return new UserError(`${shown}: the disk is full. Free some space, or set DATA_DIR to a folder on another disk.`, { cause: error });
    default:
      return null;
  }
}
