import { createHash } from 'node:crypto';
import { appendFile, readFile, rm, stat } from 'node:fs/promises';

/**
 * An append-only log of records that belong to one base file (a snapshot, the stored key
 * events): what changed since the base was written, so that one changed document costs one
 * record rather than a rewrite of the base. Each record is a line of its own, checksummed and
 * tagged with the base's id:
 *
 *     \n<sha256 of the JSON> <JSON of { base, record }>
 *
 * A line is written after a newline, so a record torn by a crash ends its own line and never
 * spoils the next one; a torn, altered or foreign line (of another base) is skipped when read.
 * Only a cache: the reader falls back on what the base says, and callers check every record
 * against the documents it names.
 */
export interface DeltaRecords<T> {
  records: T[];
  /** Lines skipped: torn, altered, not of this base, or not of the expected shape. */
  skipped: number;
  /** Size of the log file, to weigh it against its base. */
  bytes: number;
}

/** Records of the base `baseId` as the lines to append, built once: a saver weighs them against the base, then appends them. */
export interface DeltaLines {
  text: string;
  bytes: number;
}

export function deltaLines(baseId: string, records: readonly unknown[]): DeltaLines {
  const text = records.map((record) => deltaLine(baseId, record)).join('');
  return { text, bytes: Buffer.byteLength(text) };
}

/** One write per call, so a save is one append. */
export async function appendDeltaLines(file: string, lines: DeltaLines): Promise<void> {
  if (lines.bytes > 0) await appendFile(file, lines.text);
}

function deltaLine(baseId: string, record: unknown): string {
  const json = JSON.stringify({ base: baseId, record });
  return `\n${checksum(json)} ${json}`;
}

/** The records of base `baseId`, in the order written; none when the file is missing. `accept` checks a record's shape. */
export async function readDeltaRecords<T>(file: string, baseId: string, accept: (record: unknown) => T | null): Promise<DeltaRecords<T>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], skipped: 0, bytes: 0 };
    throw error;
  }
  const records: T[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const record = parseLine(line, baseId, accept);
    if (record === null) skipped += 1;
    else records.push(record);
  }
  return { records, skipped, bytes: Buffer.byteLength(text) };
}

function parseLine<T>(line: string, baseId: string, accept: (record: unknown) => T | null): T | null {
  const space = line.indexOf(' ');
  if (space < 0) return null;
  const json = line.slice(space + 1);
  if (checksum(json) !== line.slice(0, space)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { base?: unknown }).base !== baseId) return null;
  return accept((parsed as { record?: unknown }).record);
}

/** Removes the log, once its records are in a new base. */
export async function removeDeltaLog(file: string): Promise<void> {
  await rm(file, { force: true });
}

/** The size of a file (the log, its base), 0 when there is none. */
export async function fileBytes(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

function checksum(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}
