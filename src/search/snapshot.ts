import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type MiniSearch from 'minisearch';
import { z } from 'zod';
import type { Passage } from '../corpus/passage-types.js';
import type { SourceDocument } from '../corpus/types.js';
import { passageSplitterVersion } from '../corpus/passages.js';
import type { IndexedPassage } from './passage-index.js';
import { loadPassageIndex, passageKey } from './passage-index.js';
import { writeIndexFile } from './index-file.js';
import { writePostingsSegment } from './postings-segment.js';
import { parseStoredJson, sha256Hex, unsealJson, writeJsonFile, writeObjectWithList } from './snapshot-stream.js';

/**
 * Bumped whenever what is saved, how text is analysed (tokenizer, stemmer, stop words) or how
 * passages are indexed changes: a snapshot of another version is rebuilt, never trusted.
 * Pages are not saved: a quote's page is computed from its document's page spans when it is
 * cited (src/corpus/pages.ts). A change to an extractor that moves text in the body of the
 * same file is caught per passage by its text hash, but should bump this too, so that text
 * the old body did not have is indexed.
 *
 * Version 4 adds the delta beside the base (snapshot-delta.ts): changes since the base was
 * written, appended rather than rewritten. Version 5 writes the index in arrays (index-file.ts),
 * which load in half the time of minisearch's own JSON. Version 6 stores each document's body hash,
 * so that an unchanged body is trusted whole instead of passage by passage. Version 7 indexes
 * hyphenated names also as one word ("IL-6" as "il6" beside "il" and "6", tokenizer.ts).
 * Version 8 indexes acronyms that are stop words in lower case ("US", "IT", "WHO"), though not
 * the words of a line in capitals ("THE US AND JAPAN", tokenizer.ts `termReader`).
 */
export const snapshotFormatVersion = 8;

const passageSchema = z.object({
  ordinal: z.number().int().positive(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  kind: z.enum(['paragraph', 'list-item', 'table-row', 'footnote', 'reference']),
  heading: z.string().nullable(),
  context: z.string().nullable(),
  /** SHA-256 of the passage text, to prove the offsets still point at the same words. */
  textHash: z.string(),
});

const manifestSchema = z.object({
  formatVersion: z.number().int(),
  /** The splitter that cut the stored passages: another version would cut them elsewhere, so the snapshot is rebuilt. */
  splitterVersion: z.number().int(),
  /** SHA-256 of the index file's JSON (its seal, snapshot-stream.ts), so an index and a manifest from different saves are not paired. */
  indexHash: z.string(),
  // A list, not an object keyed by id: an id such as "__proto__" or "constructor" is data, never an object key.
  documents: z.array(
    z.object({
      docId: z.string(),
      contentHash: z.string(),
      /** SHA-256 of the body the passages were cut from: the same body holds them at the same offsets. Absent in the records of older writers. */
      bodyHash: z.string().optional(),
      passages: z.array(passageSchema),
    }),
  ),
});

export type SnapshotManifest = z.infer<typeof manifestSchema>;
export type StoredPassage = z.infer<typeof passageSchema>;
export type StoredDocument = SnapshotManifest['documents'][number];

export interface Snapshot {
  manifest: SnapshotManifest;
  index: MiniSearch<IndexedPassage>;
}

/** Why a snapshot could not be used; `missing` is the normal first start. */
export type SnapshotProblem = { reason: 'missing' } | { reason: 'corrupt' | 'stale'; detail: string };

export const snapshotFiles = { folder: 'index', index: 'passages.minisearch.json', manifest: 'manifest.json' } as const;

export function snapshotFolder(dataDir: string): string {
  return path.join(dataDir, snapshotFiles.folder);
}

export function hashText(text: string): string {
  return sha256Hex(text);
}

export function storePassage(passage: Passage): StoredPassage {
  const { ordinal, start, end, kind, heading, context, text } = passage;
  return { ordinal, start, end, kind, heading, context, textHash: hashText(text) };
}

/** What the manifest stores of a document and the passages cut from it. */
export function storeDocument(document: Pick<SourceDocument, 'id' | 'contentHash' | 'body'>, passages: readonly Passage[]): StoredDocument {
  return { docId: document.id, contentHash: document.contentHash, bodyHash: hashText(document.body), passages: passages.map(storePassage) };
}

/** A passage at its stored offsets of `body`, which is known to hold its text there. */
function cutPassage(docId: string, stored: StoredPassage, body: string): Passage {
  const { ordinal, start, end, kind, heading, context } = stored;
  return { docId, ordinal, start, end, text: body.slice(start, end), kind, heading, context };
}

/** Rebuilds a passage from what was stored and the current body, or null if the body no longer holds the same text there. */
export function restorePassage(docId: string, stored: StoredPassage, body: string): Passage | null {
  if (stored.end <= stored.start || stored.end > body.length) return null;
  const passage = cutPassage(docId, stored, body);
  return hashText(passage.text) === stored.textHash ? passage : null;
}

/** Rebuilds a document's stored passages from its current body, or null if any of them no longer holds its text. */
export function restorePassages(document: Pick<SourceDocument, 'id' | 'body'>, stored: readonly StoredPassage[]): Passage[] | null {
  const passages: Passage[] = [];
  for (const entry of stored) {
    const passage = restorePassage(document.id, entry, document.body);
    if (!passage) return null;
    passages.push(passage);
  }
  return passages;
}

/**
 * How to rebuild a document's stored passages when they still hold their text, or null when they
 * do not (another file, or a body the extractor now gives otherwise). When the body's hash is the
 * stored one, no passage is hashed and they are cut only when first asked for (a `briefing ask`
 * cites a few of 110,000); otherwise each passage is checked against its own hash.
 */
export function storedPassages(document: Pick<SourceDocument, 'id' | 'contentHash' | 'body'>, entry: StoredDocument): (() => Passage[]) | null {
  if (entry.contentHash !== document.contentHash) return null;
  if (entry.bodyHash !== undefined && entry.bodyHash === hashText(document.body)) {
    return () => entry.passages.map((stored) => cutPassage(document.id, stored, document.body));
  }
  const passages = restorePassages(document, entry.passages);
  return passages && (() => passages);
}

/** Reads the snapshot under `dataDir`, or says why it cannot be used. Never throws for bad content. */
export async function readSnapshot(dataDir: string): Promise<Snapshot | SnapshotProblem> {
  const folder = snapshotFolder(dataDir);
  // Read as bytes: a seal is checked over the bytes, before they are decoded.
  let indexBytes: Buffer;
  let manifestBytes: Buffer;
  try {
    [indexBytes, manifestBytes] = await Promise.all([readFile(path.join(folder, snapshotFiles.index)), readFile(path.join(folder, snapshotFiles.manifest))]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { reason: 'missing' };
    throw error;
  }
  const manifest = parseManifest(manifestBytes);
  if ('reason' in manifest) return manifest;
  // The index's seal is the hash of its JSON, which the manifest written with it records: an index of another save is never paired with it.
  const indexFile = unsealJson(indexBytes);
  if ('broken' in indexFile || manifest.indexHash !== (indexFile.seal ?? hashText(indexFile.json))) {
    return { reason: 'corrupt', detail: `${snapshotFiles.index} does not match the manifest (changed or truncated)` };
  }

  let index: MiniSearch<IndexedPassage>;
  try {
    index = loadPassageIndex(indexFile.json);
  } catch (error) {
    return { reason: 'corrupt', detail: `${snapshotFiles.index} cannot be loaded (${(error as Error).message})` };
  }
  return unmatchedPassages(manifest, index) ?? { manifest, index };
}

/** The manifest file's bytes, checked (a sealed one only for its versions) and of this version; its index is not read here. */
export function parseManifest(manifestBytes: Buffer): SnapshotManifest | SnapshotProblem {
  // A sealed manifest is what the writer wrote (snapshot-stream.ts): only its versions are checked.
  const parsed = parseStoredJson(manifestBytes, manifestSchema);
  if ('problem' in parsed) return { reason: 'corrupt', detail: `${snapshotFiles.manifest}: ${parsed.problem}` };
  return staleVersions(parsed.data) ?? parsed.data;
}

/** Why a base written with these versions is not used, or null when they are this program's. */
export function staleVersions({ formatVersion, splitterVersion }: Pick<SnapshotManifest, 'formatVersion' | 'splitterVersion'>): SnapshotProblem | null {
  if (formatVersion !== snapshotFormatVersion) return { reason: 'stale', detail: `format version ${formatVersion}, expected ${snapshotFormatVersion}` };
  if (splitterVersion !== passageSplitterVersion) return { reason: 'stale', detail: `passage splitter version ${splitterVersion}, expected ${passageSplitterVersion}` };
  return null;
}

/** Why an index does not hold exactly the manifest's passages, or null when it does. */
export function unmatchedPassages(manifest: SnapshotManifest, index: MiniSearch<IndexedPassage>): SnapshotProblem | null {
  const passages = manifest.documents.reduce((total, { passages: stored }) => total + stored.length, 0);
  if (index.documentCount !== passages || !holdsEveryPassage(index, manifest.documents)) {
    return { reason: 'corrupt', detail: `the index holds ${index.documentCount} passages that do not match the ${passages} of the manifest` };
  }
  return null;
}

/** Whether the index holds each passage of the manifest; a plain loop, since there are 110,000 of them at 21,578 Reuters documents. */
function holdsEveryPassage(index: MiniSearch<IndexedPassage>, documents: readonly StoredDocument[]): boolean {
  for (const { docId, passages } of documents) {
    for (const passage of passages) if (!index.has(passageKey(docId, passage.ordinal))) return false;
  }
  return true;
}

/** What a written base snapshot is known by: its index hash (the id its deltas carry) and the size of its two files. */
export interface WrittenSnapshot {
  indexHash: string;
  bytes: number;
  /** Why its postings segment could not be written: the base is whole, but `briefing ask` then loads the whole index. */
  segmentFailure?: string;
}

/**
 * Saves the index and its manifest; each file is streamed to a temporary file, then renamed into
 * place, the manifest last; the postings segment for `briefing ask` goes with the index
 * (postings-segment.ts). All in one tick, so an update arriving meanwhile cannot split the
 * index from its manifest (see snapshot-stream.ts for why it is streamed).
 */
export function writeSnapshot(dataDir: string, index: MiniSearch<IndexedPassage>, documents: Iterable<StoredDocument>): WrittenSnapshot {
  const folder = snapshotFolder(dataDir);
  mkdirSync(folder, { recursive: true });
  const written = writeJsonFile(path.join(folder, snapshotFiles.index), (writer) => writeIndexFile(writer, index));
  const versions = { formatVersion: snapshotFormatVersion, splitterVersion: passageSplitterVersion };
  const list = [...documents];
  // Tagged with the index's seal and renamed before the manifest; it holds the manifest's documents too.
  const segment = writePostingsSegment(folder, index, { id: written.hash, versions, documents: list });
  const head = { ...versions, indexHash: written.hash };
  const manifest = writeJsonFile(path.join(folder, snapshotFiles.manifest), (writer) => writeObjectWithList(writer, head, 'documents', list));
  return { indexHash: written.hash, bytes: written.bytes + manifest.bytes, ...('failed' in segment && { segmentFailure: segment.failed }) };
}

/** The shape of one document of the manifest, for the records of the snapshot's delta. */
export const storedDocumentSchema = manifestSchema.shape.documents.element;
