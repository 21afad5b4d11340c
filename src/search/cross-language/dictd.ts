import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { readDerivedCache, readDictdCache, sourceStamp, writeDerivedCache, writeDictdCache, type DictdFiles, type SourceStamp } from './dictd-cache.js';

const gunzipAsync = promisify(gunzip);

/** A dictionary in the dictd format: `NAME.index` (headword, offset, length) and `NAME.dict` or `NAME.dict.dz`. */
export interface DictdDictionary {
  /** The articles whose headword is `word` (case-insensitive), as text. */
  articles(word: string): string[];
  /** Every article, in headword order, for a table made once from the whole dictionary. */
  everyArticle(): Iterable<string>;
  /** Every headword, lower-cased, in ascending order (`byCodeUnits`). */
  everyHeadword(): readonly string[];
  /**
   * What `build` makes of the whole dictionary, made on first use: with a cache folder it is
   * kept there under `name`, for these versions of the dictionary's files, so that the next
   * process loads it instead of making it again. `isWhole` rejects a torn or older one.
   */
  derived<T>(name: string, build: () => T, isWhole: (data: unknown) => data is T): T;
  readonly headwords: number;
}

/**
 * What a lookup needs, compact: the lower-cased headwords in ascending order, where each one's
 * articles start in `spans` (offset, length pairs, in the index's order; one more start than
 * headwords), and the articles uncompressed. Arrays rather than a map of 46,000 lists: the
 * derived cache (dictd-cache.ts) loads them as they are, in about 12 ms.
 */
export interface DictdTable {
  headwords: string[];
  firstSpan: number[];
  spans: number[];
  articles: Buffer;
}

/** Why a dictionary could not be opened, in words a person can act on. */
export class DictionaryUnavailable extends Error {
  override readonly name = 'DictionaryUnavailable';
}

// dictd writes offsets and lengths in its own base64 digits.
const base64Digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeNumber(text: string): number | null {
  let value = 0;
  for (const character of text) {
    const digit = base64Digits.indexOf(character);
    if (digit === -1) return null;
    value = value * 64 + digit;
  }
  return text === '' ? null : value;
}

/**
 * Opens `base.index` with `base.dict.dz` (a dictzip file, which is gzip) or `base.dict`. The
 * articles are kept as one buffer and decoded only when a word is looked up. The dictionary
 * stays where the system installed it; with `cacheDir`, what a lookup needs is kept there once
 * (the index parsed, the articles uncompressed), for the next process to load instead of
 * parsing and uncompressing them again (about 0.2 s of a `briefing ask`).
 */
export async function openDictdDictionary(base: string, { cacheDir }: { cacheDir?: string } = {}): Promise<DictdDictionary> {
  const files = dictdFiles(base);
  if (cacheDir === undefined) return lookup(await readDictd(files), null);
  // Taken before the files are read: a file changed meanwhile leaves a cache that does not match it.
  const stamp = await sourceStamp(files).catch((error: unknown) => {
    throw new DictionaryUnavailable(`${base} cannot be read (${(error as Error).message})`);
  });
  const cached = await readDictdCache(cacheDir, files, stamp);
  if (cached) return lookup(cached, { cacheDir, files, stamp });
  const table = await readDictd(files);
  await writeDictdCache(cacheDir, files, stamp, table);
  return lookup(table, { cacheDir, files, stamp });
}

function dictdFiles(base: string): DictdFiles {
  const index = `${base}.index`;
  const dict = [`${base}.dict.dz`, `${base}.dict`].find((file) => existsSync(file));
  if (!existsSync(index) || dict === undefined) {
    throw new DictionaryUnavailable(`no dictd dictionary at ${base} (expected ${base}.index and ${base}.dict.dz or ${base}.dict)`);
  }
  return { base, index, dict };
}

async function readDictd({ base, index, dict }: DictdFiles): Promise<DictdTable> {
  let indexText: string;
  let articles: Buffer;
  try {
    const [text, raw] = await Promise.all([readFile(index, 'utf8'), readFile(dict)]);
    indexText = text;
    articles = dict.endsWith('.dz') ? await gunzipAsync(raw) : raw;
  } catch (error) {
    throw new DictionaryUnavailable(`${base} cannot be read (${(error as Error).message})`);
  }
  const entries = new Map<string, number[]>();
  for (const line of indexText.split('\n')) {
    const [headword, offsetText, lengthText] = line.split('\t');
    if (headword === undefined || offsetText === undefined || lengthText === undefined) continue;
    const offset = decodeNumber(offsetText.trim());
    const length = decodeNumber(lengthText.trim());
    if (offset === null || length === null || offset + length > articles.length) continue;
    const key = headword.toLowerCase();
    const spans = entries.get(key) ?? [];
    spans.push(offset, length);
    entries.set(key, spans);
  }
  if (entries.size === 0) throw new DictionaryUnavailable(`${index} holds no usable entries`);
  const headwords = [...entries.keys()].sort(byCodeUnits);
  const firstSpan = [0];
  const spans: number[] = [];
  for (const headword of headwords) {
    spans.push(...(entries.get(headword) ?? []));
    firstSpan.push(spans.length / 2);
  }
  return { headwords, firstSpan, spans, articles };
}

/** The order the headwords are kept and searched in: UTF-16 code units, the same in every locale. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The position of `key` among the ascending `headwords`, or -1. */
function positionOf(headwords: readonly string[], key: string): number {
  let low = 0;
  let high = headwords.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const order = byCodeUnits(headwords[middle] ?? '', key);
    if (order === 0) return middle;
    if (order < 0) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

function lookup({ headwords, firstSpan, spans, articles }: DictdTable, kept: { cacheDir: string; files: DictdFiles; stamp: SourceStamp } | null): DictdDictionary {
  const made = new Map<string, unknown>();
  return {
    headwords: headwords.length,
    everyHeadword: () => headwords,
    *everyArticle() {
      for (let span = 0; 2 * span < spans.length; span++) {
        const offset = spans[2 * span] ?? 0;
        yield articles.toString('utf8', offset, offset + (spans[2 * span + 1] ?? 0));
      }
    },
    derived<T>(name: string, build: () => T, isWhole: (data: unknown) => data is T): T {
      if (made.has(name)) return made.get(name) as T;
      const cached = kept === null ? null : readDerivedCache(kept.cacheDir, kept.files, kept.stamp, name);
      const value = isWhole(cached) ? cached : build();
      if (kept !== null && value !== cached) writeDerivedCache(kept.cacheDir, kept.files, kept.stamp, name, value);
      made.set(name, value);
      return value;
    },
    articles(word) {
      const position = positionOf(headwords, word.toLowerCase());
      if (position === -1) return [];
      const found: string[] = [];
      for (let span = firstSpan[position] ?? 0; span < (firstSpan[position + 1] ?? 0); span++) {
        const offset = spans[2 * span] ?? 0;
        found.push(articles.toString('utf8', offset, offset + (spans[2 * span + 1] ?? 0)));
      }
      return found;
    },
  };
}
