import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256Hex } from '../snapshot-stream.js';
import type { DictdTable } from './dictd.js';

/** A dictd dictionary's files: `index`, and `dict`, compressed (`.dict.dz`) or not. */
export interface DictdFiles {
  base: string;
  index: string;
  dict: string;
}

/** The size and modification time of each source file: the cache is of those versions only. */
type SourceStamp = Record<'index' | 'dict', { size: number; mtimeMs: number }>;

/** Bumped when what the cache holds changes. */
const cacheLayout = 1;

export async function sourceStamp(files: DictdFiles): Promise<SourceStamp> {
  const [index, dict] = await Promise.all([stat(files.index), stat(files.dict)]);
  return { index: { size: index.size, mtimeMs: index.mtimeMs }, dict: { size: dict.size, mtimeMs: dict.mtimeMs } };
}

/** Named after the dictionary's path, so that two dictionaries of one name have a cache each. */
function cachePaths(cacheDir: string, base: string): { table: string; articles: string } {
  const name = `${path.basename(base)}-${sha256Hex(base).slice(0, 12)}`;
  return { table: path.join(cacheDir, `${name}.table.json`), articles: path.join(cacheDir, `${name}.dict`) };
}

const isCompressed = (files: DictdFiles) => files.dict.endsWith('.dz');

/**
 * The table kept for these versions of the dictionary's files, or null when there is none or it
 * is of other versions, torn or not readable: the dictionary is then read from its files.
 */
export async function readDictdCache(cacheDir: string, files: DictdFiles, stamp: SourceStamp): Promise<DictdTable | null> {
  const paths = cachePaths(cacheDir, files.base);
  try {
    const data = JSON.parse(await readFile(paths.table, 'utf8')) as Partial<DictdTable> & { layout?: unknown; source?: unknown; articlesBytes?: unknown };
    if (data.layout !== cacheLayout || JSON.stringify(data.source) !== JSON.stringify(stamp)) return null;
    const articles = await readFile(isCompressed(files) ? paths.articles : files.dict);
    const table = { headwords: data.headwords, firstSpan: data.firstSpan, spans: data.spans, articles };
    return articles.length === data.articlesBytes && isWhole(table) ? table : null;
  } catch {
    return null;
  }
}

/** Whether the arrays fit together and every span lies within the articles. */
function isWhole(table: Partial<DictdTable>): table is DictdTable {
  const { headwords, firstSpan, spans, articles } = table;
  if (!Array.isArray(headwords) || !Array.isArray(firstSpan) || !Array.isArray(spans) || !articles) return false;
  if (firstSpan.length !== headwords.length + 1 || 2 * (firstSpan.at(-1) ?? -1) !== spans.length) return false;
  for (let span = 0; span < spans.length; span += 2) {
    const [offset, length] = [spans[span], spans[span + 1]];
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || (offset ?? 0) + (length ?? 0) > articles.length) return false;
  }
  return true;
}

/**
 * Keeps the table for the next process: the articles uncompressed, then the table that names
 * their size, each written whole and renamed into place. Not being able to is no error: the
 * dictionary is then read from its own files each time, as without a cache.
 */
export async function writeDictdCache(cacheDir: string, files: DictdFiles, stamp: SourceStamp, table: DictdTable): Promise<void> {
  const paths = cachePaths(cacheDir, files.base);
  const { headwords, firstSpan, spans, articles } = table;
  try {
    await mkdir(cacheDir, { recursive: true });
    if (isCompressed(files)) await writeWhole(paths.articles, articles);
    await writeWhole(paths.table, JSON.stringify({ layout: cacheLayout, source: stamp, articlesBytes: articles.length, headwords, firstSpan, spans }));
  } catch {
    // The cache only saves time.
  }
}

async function writeWhole(file: string, content: string | Buffer): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}
