import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { sha256Hex } from '../snapshot-stream.js';
import type { DictdTable } from './dictd.js';

/** A dictd dictionary's files: `index`, and `dict`, compressed (`.dict.dz`) or not. */
export interface DictdFiles {
  base: string;
  index: string;
  dict: string;
}

/** The size and modification time of each source file: the cache is of those versions only. */
export type SourceStamp = Record<'index' | 'dict', { size: number; mtimeMs: number }>;

/** Bumped when what the cache holds changes. */
const cacheLayout = 2;

export async function sourceStamp(files: DictdFiles): Promise<SourceStamp> {
  const [index, dict] = await Promise.all([stat(files.index), stat(files.dict)]);
  return { index: { size: index.size, mtimeMs: index.mtimeMs }, dict: { size: dict.size, mtimeMs: dict.mtimeMs } };
}

/**
 * One file, named after the dictionary's path so that two dictionaries of one name have a cache
 * each: the table and the articles in one V8 serialisation, written whole and renamed into place,
 * so a table never meets the articles of another version of the dictionary.
 */
function cachePath(cacheDir: string, base: string, derived?: string): string {
  return path.join(cacheDir, `${path.basename(base)}-${sha256Hex(base).slice(0, 12)}${derived === undefined ? '' : `-${derived}`}.v8`);
}

/**
 * The table kept for these versions of the dictionary's files, or null when there is none or it
 * is of other versions, torn or not readable: the dictionary is then read from its files.
 */
export async function readDictdCache(cacheDir: string, files: DictdFiles, stamp: SourceStamp): Promise<DictdTable | null> {
  try {
    const data = deserialize(await readFile(cachePath(cacheDir, files.base))) as Partial<DictdTable> & { layout?: unknown; source?: unknown };
    if (!ofThisVersion(data, stamp)) return null;
    const table = { headwords: data.headwords, firstSpan: data.firstSpan, spans: data.spans, articles: data.articles };
    return isWhole(table) ? table : null;
  } catch {
    return null;
  }
}

/** Whether a kept file was written in this layout for these versions of the dictionary's files. */
function ofThisVersion(data: { layout?: unknown; source?: unknown }, stamp: SourceStamp): boolean {
  return data.layout === cacheLayout && JSON.stringify(data.source) === JSON.stringify(stamp);
}

/** Whether the arrays fit together and every span lies within the articles. */
function isWhole(table: Partial<DictdTable>): table is DictdTable {
  const { headwords, firstSpan, spans, articles } = table;
  if (!Array.isArray(headwords) || !Array.isArray(firstSpan) || !Array.isArray(spans) || !Buffer.isBuffer(articles)) return false;
  if (firstSpan.length !== headwords.length + 1 || 2 * (firstSpan.at(-1) ?? -1) !== spans.length) return false;
  for (let span = 0; span < spans.length; span += 2) {
    const [offset, length] = [spans[span], spans[span + 1]];
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || (offset ?? 0) + (length ?? 0) > articles.length) return false;
  }
  return true;
}

/**
 * Keeps the table for the next process. Not being able to is no error: the dictionary is then
 * read from its own files each time, as without a cache.
 */
export async function writeDictdCache(cacheDir: string, files: DictdFiles, stamp: SourceStamp, table: DictdTable): Promise<void> {
  const file = cachePath(cacheDir, files.base);
  const temporary = `${file}.${process.pid}.tmp`;
  const { headwords, firstSpan, spans, articles } = table;
  try {
    await mkdir(cacheDir, { recursive: true });
    await writeFile(temporary, sealed(stamp, { headwords, firstSpan, spans, articles }));
    await rename(temporary, file);
  } catch {
    // The cache only saves time.
  }
}

/**
 * A table made from the whole dictionary (`DictdDictionary.derived`), kept for these versions of
 * its files, or null. Read and written synchronously: it is made on first use, inside a lookup.
 */
export function readDerivedCache(cacheDir: string, files: DictdFiles, stamp: SourceStamp, name: string): unknown {
  try {
    const data = deserialize(readFileSync(cachePath(cacheDir, files.base, name))) as { layout?: unknown; source?: unknown; value?: unknown };
    return ofThisVersion(data, stamp) ? data.value : null;
  } catch {
    return null;
  }
}

/** Keeps a derived table for the next process, written whole and renamed into place; failing to is no error. */
export function writeDerivedCache(cacheDir: string, files: DictdFiles, stamp: SourceStamp, name: string, value: unknown): void {
  const file = cachePath(cacheDir, files.base, name);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(temporary, sealed(stamp, { value }));
    renameSync(temporary, file);
  } catch {
    // The cache only saves time.
  }
}

/** What a kept file holds: the payload, with the layout and the versions of the files it was made from. */
function sealed(stamp: SourceStamp, payload: object): Buffer {
  return serialize({ layout: cacheLayout, source: stamp, ...payload });
}
