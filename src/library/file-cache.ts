import type { Stats } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { z } from 'zod';
import { folderFormatOf, folderReaderVersion } from '../corpus/document-file.js';
import type { FileOutcome } from '../corpus/types.js';
import type { Logger } from '../logger.js';
import { snapshotFolder } from '../search/snapshot.js';
import { sha256Hex } from '../search/snapshot-stream.js';
import { fromColumns, toColumns, type FileColumns, type StoredFile } from './file-cache-columns.js';

/*
 * What each file of the corpus folder became (its document, or why it is not one), remembered
 * with the file's lstat under DATA_DIR/index, so that a start or a command on an unchanged folder
 * reads and hashes no file at all: a file whose size, times and inode are as remembered has the
 * same bytes, as git's index assumes. Only a cache: a missing, corrupt or stale one means reading
 * the files, never an error.
 */

export const fileCacheFile = 'folder-files.v8';

/** Bumped whenever what is remembered changes shape. Version 2 stores the sealed files as columns (file-cache-columns.ts). */
const fileCacheVersion = 2;

/**
 * A file changed within this long of being checked may have been written again in the same tick
 * of a coarse file-system clock (FAT keeps two seconds), so its stamp proves nothing: it is read again.
 */
export const racyWindowMs = 2000;

/** What lstat says of a file: when all of it is as remembered, the bytes are taken to be too. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export interface RememberedFile {
  stamp: FileStamp;
  /** When the stamp was taken (epoch ms), before the file was read: what tells a racy stamp. */
  checkedAt: number;
  outcome: FileOutcome;
}

/** Which folder, and which reading of it, the remembered outcomes are of. */
export interface FileCacheKey {
  directory: string;
  maxFileBytes: number;
}

export function stampOf(stats: Pick<Stats, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>): FileStamp {
  return { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
}

/** Whether a file with this stamp may be taken as remembered without reading it. */
export function isUnchanged(remembered: RememberedFile, stamp: FileStamp): boolean {
  const before = remembered.stamp;
  const same = before.size === stamp.size && before.mtimeMs === stamp.mtimeMs && before.ctimeMs === stamp.ctimeMs && before.ino === stamp.ino;
  return same && !isRacy(remembered);
}

/** A stamp taken so soon after the file changed that a later write in the same clock tick would not show in it. */
export function isRacy({ stamp, checkedAt }: RememberedFile): boolean {
  return Math.max(stamp.mtimeMs, stamp.ctimeMs) >= checkedAt - racyWindowMs;
}

/** Whether an outcome says what the bytes are, rather than that reading them failed for now. */
export function isLasting(outcome: FileOutcome): boolean {
  return outcome === null || !('problem' in outcome) || outcome.transient !== true;
}

const partialDate = z.object({ iso: z.string(), precision: z.enum(['year', 'month', 'day']) });
const count = z.number().int().nonnegative();
const documentSchema = z.object({
  id: z.string(),
  file: z.string(),
  title: z.string(),
  author: z.string().nullable(),
  outlet: z.string().nullable(),
  published: partialDate.nullable(),
  publishedBasis: z.string().nullable(),
  body: z.string(),
  contentHash: z.string(),
  format: z.enum(['pdf', 'html', 'docx', 'markdown', 'text']),
  pages: z.array(z.object({ page: z.number().int().positive(), start: count, end: count })).nullable(),
  // A folder document is everyone's and was added by no one.
  scope: z.null(),
  addition: z.null(),
});
const problemSchema = z.object({ file: z.string(), line: z.number().int().positive().optional(), reason: z.string() });
const outcomeSchema = z.union([z.object({ document: documentSchema }), z.object({ problem: problemSchema }), z.null()]);
const fileSchema = z.object({
  name: z.string(),
  size: count,
  mtimeMs: z.number(),
  ctimeMs: z.number(),
  ino: z.number(),
  checkedAt: z.number(),
  outcome: outcomeSchema,
});
/**
 * The files are serialised on their own, as columns, and sealed with their SHA-256: a payload that
 * matches its checksum is what `writeFileCache` wrote from its typed entries, and is not checked
 * again field by field (about 0.15 s of zod over 21,578 files). Entries written unsealed, as a
 * list of files, are checked in full.
 */
const headerSchema = z.object({
  version: z.number(),
  readerVersion: z.number(),
  directory: z.string(),
  maxFileBytes: z.number(),
  checksum: z.string().optional(),
  files: z.union([z.instanceof(Uint8Array), z.array(z.unknown())]),
});
/** The header's files: trusted when sealed and intact, checked against the schema when unsealed; why not, when corrupt. */
function filesOf(header: z.infer<typeof headerSchema>): StoredFile[] | { problem: string } {
  if (Array.isArray(header.files)) {
    const files = z.array(fileSchema).safeParse(header.files);
    return files.success ? files.data : { problem: files.error.issues[0]?.message ?? 'invalid' };
  }
  if (header.checksum !== sha256Hex(header.files)) return { problem: 'the files do not match their checksum' };
  return fromColumns(deserialize(header.files) as FileColumns);
}

function cachePath(dataDir: string): string {
  return path.join(snapshotFolder(dataDir), fileCacheFile);
}

/** The remembered files of this folder by name; empty when there is no usable cache, and why is logged. */
export async function readFileCache(dataDir: string, key: FileCacheKey, log: Logger): Promise<Map<string, RememberedFile>> {
  const none = new Map<string, RememberedFile>();
  let bytes: Buffer;
  try {
    bytes = await readFile(cachePath(dataDir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log.warn({ err: error }, 'the cache of the folder files cannot be read; reading every file');
    return none;
  }
  let header: z.infer<typeof headerSchema>;
  try {
    header = headerSchema.parse(deserialize(bytes));
  } catch (error) {
    log.warn({ err: error }, 'the cache of the folder files is corrupt; reading every file');
    return none;
  }
  if (header.version !== fileCacheVersion || header.readerVersion !== folderReaderVersion || header.directory !== key.directory) {
    log.info({ version: header.version, readerVersion: header.readerVersion }, 'the cache of the folder files is of another folder or reader; reading every file');
    return none;
  }
  let files: StoredFile[] | { problem: string };
  try {
    files = filesOf(header);
  } catch (error) {
    files = { problem: (error as Error).message };
  }
  if (!Array.isArray(files)) {
    log.warn({ detail: files.problem }, 'the cache of the folder files is corrupt; reading every file');
    return none;
  }
  const limits = { before: header.maxFileBytes, now: key.maxFileBytes };
  const trusted = limits.before === limits.now ? files : files.filter((file) => holdsUnderBothLimits(file, limits));
  return new Map(trusted.map(({ name, size, mtimeMs, ctimeMs, ino, checkedAt, outcome }) => [name, { stamp: { size, mtimeMs, ctimeMs, ino }, checkedAt, outcome }]));
}

/**
 * Whether an outcome read under another size limit holds under this one. A Markdown or text file
 * within both limits reads the same whatever the limit, and so does a file of a format that is not
 * read at all: their documents and their problems (an empty file, bad front matter) are kept, so
 * that the command line (20 MB by default) and a bot with its own limit do not each read the other's
 * problem files again. An extractor is also bounded by the limit (pages, unpacked size), and a file
 * over either limit may read otherwise under the other, so those are read again.
 */
function holdsUnderBothLimits({ name, size, outcome }: { name: string; size: number; outcome: FileOutcome }, limits: { before: number; now: number }): boolean {
  if (outcome === null || size > Math.min(limits.before, limits.now)) return false;
  const format = folderFormatOf(name);
  return !('format' in format) || format.format === 'markdown' || format.format === 'text';
}

/** Writes the remembered files whole, then renames them into place. */
export async function writeFileCache(dataDir: string, key: FileCacheKey, files: ReadonlyMap<string, RememberedFile>): Promise<void> {
  const file = cachePath(dataDir);
  await mkdir(path.dirname(file), { recursive: true });
  const entries: StoredFile[] = [...files].map(([name, { stamp, checkedAt, outcome }]) => ({ name, ...stamp, checkedAt, outcome }));
  const temporary = `${file}.${process.pid}.tmp`;
  const payload = serialize(toColumns(entries));
  await writeFile(temporary, serialize({ version: fileCacheVersion, readerVersion: folderReaderVersion, directory: key.directory, maxFileBytes: key.maxFileBytes, checksum: sha256Hex(payload), files: payload }));
  await rename(temporary, file);
}
