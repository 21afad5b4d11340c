import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';

const gunzipAsync = promisify(gunzip);

/** A dictionary in the dictd format: `NAME.index` (headword, offset, length) and `NAME.dict` or `NAME.dict.dz`. */
export interface DictdDictionary {
  /** The articles whose headword is `word` (case-insensitive), as text. */
  articles(word: string): string[];
  readonly headwords: number;
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
 * articles are kept as one buffer and decoded only when a word is looked up. Nothing is
 * copied anywhere: the dictionary stays where the system installed it.
 */
export async function openDictdDictionary(base: string): Promise<DictdDictionary> {
  const indexFile = `${base}.index`;
  const dictFile = [`${base}.dict.dz`, `${base}.dict`].find((file) => existsSync(file));
  if (!existsSync(indexFile) || dictFile === undefined) {
    throw new DictionaryUnavailable(`no dictd dictionary at ${base} (expected ${base}.index and ${base}.dict.dz or ${base}.dict)`);
  }
  let indexText: string;
  let articlesBuffer: Buffer;
  try {
    const [text, raw] = await Promise.all([readFile(indexFile, 'utf8'), readFile(dictFile)]);
    indexText = text;
    articlesBuffer = dictFile.endsWith('.dz') ? await gunzipAsync(raw) : raw;
  } catch (error) {
    throw new DictionaryUnavailable(`${base} cannot be read (${(error as Error).message})`);
  }
  const entries = new Map<string, Array<{ offset: number; length: number }>>();
  for (const line of indexText.split('\n')) {
    const [headword, offsetText, lengthText] = line.split('\t');
    if (headword === undefined || offsetText === undefined || lengthText === undefined) continue;
    const offset = decodeNumber(offsetText.trim());
    const length = decodeNumber(lengthText.trim());
    if (offset === null || length === null || offset + length > articlesBuffer.length) continue;
    const key = headword.toLowerCase();
    const list = entries.get(key) ?? [];
    list.push({ offset, length });
    entries.set(key, list);
  }
  if (entries.size === 0) throw new DictionaryUnavailable(`${indexFile} holds no usable entries`);
  return {
    headwords: entries.size,
    articles(word) {
      return (entries.get(word.toLowerCase()) ?? []).map(({ offset, length }) => articlesBuffer.toString('utf8', offset, offset + length));
    },
  };
}
