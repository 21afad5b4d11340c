import { renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type MiniSearch from 'minisearch';
import type { FieldPostings } from './index-internals.js';
import { writeIndexFile } from './index-file.js';
import { sealJson } from './snapshot-stream.js';
import type { StoredDocument, StoredPassage } from './snapshot.js';

/**
 * The base snapshot's postings addressable by term, for a process that answers one question
 * (`briefing ask`): loading the whole 30 MB index costs seconds at 20,000 documents, while a
 * question reads the postings of a handful of terms. A SQLite table keyed by term holds each
 * term's postings; beside it, the index without its terms (document ids, field lengths, counts)
 * in the index file's layout (index-file.ts), sealed, a few MB that load in a tenth of a second (segment-index.ts).
 * A third table holds the manifest's documents, each one's passages apart: a question reads its
 * documents' file and body hashes, and the passages of the few it cites, not the 22 MB manifest.
 *
 * Written with every base, after its index file and before its manifest, and tagged with the
 * index file's hash: a segment of another base is never paired with a manifest.
 */
export const postingsSegmentFile = 'passages.segment.sqlite';

/** Bumped when the tables or the postings' encoding change: a segment of another version is not read. */
const segmentVersion = 3;

/** The versions of the snapshot format and passage splitter that the base was written with (snapshot.ts). */
export interface SegmentVersions {
  formatVersion: number;
  splitterVersion: number;
}

export type WrittenSegment = { bytes: number } | { failed: string };

/**
 * Writes the segment of `index` for the base `baseId`, to a temporary file renamed into place.
 * Synchronous, like the rest of a base write, so the index cannot change meanwhile. Never
 * throws: the base is whole without it, so a failure only removes the old segment (asks then
 * load the whole index) and says why.
 */
export function writePostingsSegment(folder: string, index: MiniSearch, base: { id: string; versions: SegmentVersions; documents: readonly StoredDocument[] }): WrittenSegment {
  const file = path.join(folder, postingsSegmentFile);
  try {
    return { bytes: writeSegmentFile(file, index, base) };
  } catch (error) {
    removeStaleSegment(file);
    return { failed: (error as Error).message };
  }
}

/** Removes the previous segment so it is not read beside the new base; what cannot be removed (a folder in its place) is never read as a segment either. */
function removeStaleSegment(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Reported by the caller's failure: asks load the whole index while it stays.
  }
}

function writeSegmentFile(file: string, index: MiniSearch, { id: baseId, versions, documents }: { id: string; versions: SegmentVersions; documents: readonly StoredDocument[] }): number {
  const temporary = `${file}.${process.pid}.tmp`;
  rmSync(temporary, { force: true });
  const database = new Database(temporary);
  try {
    // A temporary file renamed only once complete: no journal is needed to survive a crash, only the sync at commit.
    database.pragma('journal_mode = OFF');
    database.pragma(`user_version = ${segmentVersion}`);
    database.exec(
      'CREATE TABLE head (base TEXT NOT NULL, shell TEXT NOT NULL, format INTEGER NOT NULL, splitter INTEGER NOT NULL); CREATE TABLE terms (term TEXT PRIMARY KEY, postings BLOB NOT NULL) WITHOUT ROWID;' +
        ' CREATE TABLE documents (docId TEXT NOT NULL UNIQUE, contentHash TEXT NOT NULL, bodyHash TEXT, passageCount INTEGER NOT NULL, passages TEXT NOT NULL);',
    );
    const parts: string[] = [];
    writeIndexFile({ write: (text) => parts.push(text) }, index, { terms: false });
    database.prepare('INSERT INTO head (base, shell, format, splitter) VALUES (?, ?, ?, ?)').run(baseId, sealJson(parts.join('')), versions.formatVersion, versions.splitterVersion);
    const insert = database.prepare('INSERT INTO terms (term, postings) VALUES (?, ?)');
    const insertDocument = database.prepare('INSERT INTO documents (docId, contentHash, bodyHash, passageCount, passages) VALUES (?, ?, ?, ?, ?)');
    database.transaction(() => {
      for (const [term, postings] of termsOf(index)) insert.run(term, encodePostings(postings));
      for (const { docId, contentHash, bodyHash, passages } of documents) insertDocument.run(docId, contentHash, bodyHash ?? null, passages.length, JSON.stringify(passages));
    })();
    database.close();
  } catch (error) {
    if (database.open) database.close();
    rmSync(temporary, { force: true });
    throw error;
  }
  renameSync(temporary, file);
  return statSync(file).size;
}

/** The private radix tree of minisearch 7.2, the same one the index file is written from (index-file.ts). */
function termsOf(index: MiniSearch): Iterable<[string, FieldPostings]> {
  return (index as unknown as { _index: Iterable<[string, FieldPostings]> })._index;
}

/**
 * A term's postings as little-endian 32-bit words: per field, its id, the number of documents,
 * then (short id, frequency) pairs. Fields and documents in ascending order: the order that
 * the index file's reader gives the same postings (index-file.ts: ascending ids), so a
 * ranker reading either adds the same numbers in the same order.
 */
export function encodePostings(postings: FieldPostings): Buffer {
  let words = 0;
  for (const frequencies of postings.values()) words += 2 + frequencies.size * 2;
  const encoded = new Uint32Array(words);
  let position = 0;
  for (const fieldId of [...postings.keys()].sort((a, b) => a - b)) {
    const frequencies = postings.get(fieldId) ?? new Map<number, number>();
    encoded[position++] = fieldId;
    encoded[position++] = frequencies.size;
    for (const shortId of [...frequencies.keys()].sort((a, b) => a - b)) {
      encoded[position++] = shortId;
      encoded[position++] = frequencies.get(shortId) ?? 0;
    }
  }
  return Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength);
}

/** The inverse of `encodePostings`; null when the bytes are not whole postings. */
export function decodePostings(bytes: Uint8Array): FieldPostings | null {
  if (bytes.byteLength % 4 !== 0) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const words = bytes.byteLength / 4;
  const postings: FieldPostings = new Map();
  let position = 0;
  while (position < words) {
    if (position + 2 > words) return null;
    const fieldId = view.getUint32(position * 4, true);
    const count = view.getUint32(position * 4 + 4, true);
    position += 2;
    if (position + count * 2 > words) return null;
    const frequencies = new Map<number, number>();
    for (let entry = 0; entry < count; entry += 1) {
      frequencies.set(view.getUint32(position * 4, true), view.getUint32(position * 4 + 4, true));
      position += 2;
    }
    postings.set(fieldId, frequencies);
  }
  return postings;
}

/** An open segment: its head, its postings read by term, and its documents. */
export interface PostingsSegment {
  /** The hash of the index file it was written with. */
  base: string;
  versions: SegmentVersions;
  /** The base's documents in the manifest's order, each one's passages read when first asked for; and how many passages they have. */
  documents(): { entries: StoredDocument[]; passages: number };
  /** The index file without its terms, sealed (snapshot-stream.ts), for `loadPassageIndex`. */
  shell: string;
  postingsOf(term: string): FieldPostings | undefined;
  /** The terms starting with `prefix`, in byte order (SQLite's BINARY collation of UTF-8). */
  withPrefix(prefix: string): Iterable<[string, FieldPostings]>;
  close(): void;
}

/**
 * A manifest entry whose passages are read when first asked for. The getter is an own property,
 * so the entry is written out (JSON.stringify) with its passages like any other.
 */
function lazyEntry(docId: string, contentHash: string, bodyHash: string | null, read: () => StoredPassage[]): StoredDocument {
  let passages: StoredPassage[] | undefined;
  return {
    docId,
    contentHash,
    ...(bodyHash !== null && { bodyHash }),
    get passages() {
      passages ??= read();
      return passages;
    },
  };
}

/** Opens the segment under `folder`, or null when there is none, or one of another version or shape. */
export function openPostingsSegment(folder: string): PostingsSegment | null {
  let database: Database.Database;
  try {
    database = new Database(path.join(folder, postingsSegmentFile), { readonly: true, fileMustExist: true });
  } catch {
    return null;
  }
  try {
    if (database.pragma('user_version', { simple: true }) !== segmentVersion) throw new Error('another segment version');
    const head = database.prepare('SELECT base, shell, format, splitter FROM head').get() as { base?: unknown; shell?: unknown; format?: unknown; splitter?: unknown } | undefined;
    if (typeof head?.base !== 'string' || typeof head.shell !== 'string' || typeof head.format !== 'number' || typeof head.splitter !== 'number') throw new Error('no head');
    const get = database.prepare('SELECT postings FROM terms WHERE term = ?').pluck();
    const from = database.prepare('SELECT term, postings FROM terms WHERE term >= ? ORDER BY term').raw();
    const heads = database.prepare('SELECT docId, contentHash, bodyHash, passageCount FROM documents ORDER BY rowid').raw();
    const passagesOf = database.prepare('SELECT passages FROM documents WHERE docId = ?').pluck();
    return {
      base: head.base,
      shell: head.shell,
      versions: { formatVersion: head.format, splitterVersion: head.splitter },
      documents() {
        const entries: StoredDocument[] = [];
        let passages = 0;
        for (const [docId, contentHash, bodyHash, passageCount] of heads.all() as Array<[string, string, string | null, number]>) {
          entries.push(lazyEntry(docId, contentHash, bodyHash, () => JSON.parse(passagesOf.get(docId) as string) as StoredPassage[]));
          passages += passageCount;
        }
        return { entries, passages };
      },
      postingsOf(term) {
        const bytes = get.get(term) as Uint8Array | undefined;
        return bytes === undefined ? undefined : (decodePostings(bytes) ?? undefined);
      },
      *withPrefix(prefix) {
        for (const row of from.iterate(prefix) as Iterable<[string, Uint8Array]>) {
          const [term, bytes] = row;
          if (!term.startsWith(prefix)) return;
          const postings = decodePostings(bytes);
          if (postings) yield [term, postings];
        }
      },
      close: () => database.close(),
    };
  } catch {
    database.close();
    return null;
  }
}
