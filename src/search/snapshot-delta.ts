import path from 'node:path';
import type MiniSearch from 'minisearch';
import { z } from 'zod';
import type { SourceDocument } from '../corpus/types.js';
import type { Logger } from '../logger.js';
import { appendDeltaLines, deltaLines, fileBytes, readDeltaRecords, removeDeltaLog } from './delta-log.js';
import { passageKey, toIndexedPassages, type IndexedPassage } from './passage-index.js';
import { snapshotFiles, storedPassages, snapshotFolder, storedDocumentSchema, writeSnapshot, type Snapshot, type StoredDocument, type WrittenSnapshot } from './snapshot.js';

/**
 * The snapshot's delta: the documents added, changed and removed since its base was written,
 * one checksummed line per document (delta-log.ts). A save appends the touched documents' manifest
 * entries instead of vacuuming the index and rewriting 50 MB; a start replays them onto the base,
 * re-indexing those documents' passages from their bodies, a cost in proportion to the delta.
 */
export const snapshotDeltaFile = 'passages.delta.jsonl';

/** When a delta is folded into a new base: once it passes `share` of the base's bytes, and `minimumBytes`. */
export interface CompactionPolicy {
  share: number;
  minimumBytes: number;
}

/**
 * A record is about a kilobyte per Reuters document and costs its re-indexing at every start
 * (about 0.75 ms a document at 21,578 documents, bench/scale), while a new base costs a full
 * write (a few seconds there): at 2 % of a 50 MB base a start replays about a thousand
 * documents at most, and a base is rewritten once every few hundred changed documents. Below
 * 256 KiB a replay costs little whatever the base, so a small library is not rewritten at every save.
 */
export const compactionPolicy: CompactionPolicy = { share: 0.02, minimumBytes: 256 * 1024 };

/** Whether a delta of `deltaBytes` may stay beside a base of `baseBytes`. */
export function deltaFits(deltaBytes: number, baseBytes: number, policy: CompactionPolicy): boolean {
  return deltaBytes <= Math.max(policy.share * baseBytes, policy.minimumBytes);
}

const recordSchema = z.union([z.object({ upsert: storedDocumentSchema }), z.object({ remove: z.string() })]);
type DeltaRecord = z.infer<typeof recordSchema>;

export function snapshotDeltaPath(dataDir: string): string {
  return path.join(snapshotFolder(dataDir), snapshotDeltaFile);
}

/** Where a snapshot's saves stand: the base its deltas belong to, and how much has been appended to it. */
export interface DeltaState {
  base: WrittenSnapshot | null;
  deltaBytes: number;
  /** Set when the log holds lines that were skipped, so that the next save writes a clean base. */
  compactNext: boolean;
}

export const noDeltaState: DeltaState = { base: null, deltaBytes: 0, compactNext: true };

/**
 * Applies the base's delta to a snapshot just read, so that its index and manifest are those of
 * the last save. A document whose record no longer fits its body (changed since, or torn) is
 * left out of both, to be indexed as a new one; a document the corpus no longer has is only
 * taken out. Records of another base or torn ones are skipped, never an error.
 */
export async function replaySnapshotDelta(dataDir: string, snapshot: Snapshot, documents: readonly SourceDocument[], log: Logger): Promise<{ snapshot: Snapshot; state: DeltaState }> {
  const baseId = snapshot.manifest.indexHash;
  const delta = await readDeltaRecords(snapshotDeltaPath(dataDir), baseId, (record) => parseRecord(record));
  const state: DeltaState = { base: { indexHash: baseId, bytes: await baseBytes(dataDir) }, deltaBytes: delta.bytes, compactNext: delta.skipped > 0 };
  if (delta.skipped > 0) log.warn({ skipped: delta.skipped }, 'records of the search index delta are torn or of another snapshot; their documents are indexed again');
  if (delta.records.length === 0) return { snapshot, state };

  const latest = new Map<string, StoredDocument | null>();
  for (const record of delta.records) {
    if ('upsert' in record) latest.set(record.upsert.docId, record.upsert);
    else latest.set(record.remove, null);
  }
  const bodies = new Map(documents.filter((document) => latest.has(document.id)).map((document) => [document.id, document]));
  const entries = new Map(snapshot.manifest.documents.map((entry) => [entry.docId, entry]));
  const { index } = snapshot;
  for (const [docId, entry] of latest) {
    const old = entries.get(docId);
    if (old) index.discardAll(old.passages.map((passage) => passageKey(docId, passage.ordinal)));
    entries.delete(docId);
    const document = bodies.get(docId);
    const passages = entry && document ? (storedPassages(document, entry)?.() ?? null) : null;
    if (!entry || !document || !passages) continue;
    index.addAll(toIndexedPassages(document, passages));
    entries.set(docId, entry);
  }
  log.info({ records: delta.records.length, documents: latest.size }, 'search index delta replayed');
  return { snapshot: { index, manifest: { ...snapshot.manifest, documents: [...entries.values()] } }, state };
}

async function baseBytes(dataDir: string): Promise<number> {
  const folder = snapshotFolder(dataDir);
  const sizes = await Promise.all([snapshotFiles.index, snapshotFiles.manifest].map((name) => fileBytes(path.join(folder, name))));
  return sizes.reduce((total, size) => total + size, 0);
}

function parseRecord(record: unknown): DeltaRecord | null {
  const parsed = recordSchema.safeParse(record);
  return parsed.success ? parsed.data : null;
}

/** Saves a snapshot as a delta on its base when that is small enough, or as a new base. */
export interface SnapshotSaver {
  /**
   * Saves the documents touched since the last save; `stored` is every document's manifest
   * entry as it is now. The records are taken before the first await.
   */
  save(index: MiniSearch<IndexedPassage>, stored: ReadonlyMap<string, StoredDocument>, touched: Iterable<string>): Promise<'delta' | 'base'>;
}

export function createSnapshotSaver(dataDir: string, initial: DeltaState, policy: CompactionPolicy = compactionPolicy, log?: Logger): SnapshotSaver {
  const state = { ...initial };
  const file = snapshotDeltaPath(dataDir);
  return {
    async save(index, stored, touched) {
      const records: DeltaRecord[] = [...new Set(touched)].map((docId) => {
        const entry = stored.get(docId);
        return entry ? { upsert: entry } : { remove: docId };
      });
      const base = state.base;
      if (base && !state.compactNext) {
        const lines = deltaLines(base.indexHash, records);
        if (deltaFits(state.deltaBytes + lines.bytes, base.bytes, policy)) {
          await appendDeltaLines(file, lines);
          state.deltaBytes += lines.bytes;
          return 'delta';
        }
      }
      // A new base: the dirt of discarded passages is dropped first, so the base holds none of it.
      if (index.dirtCount > 0) await index.vacuum();
      state.base = writeSnapshot(dataDir, index, stored.values());
      if (state.base.segmentFailure !== undefined) log?.warn({ reason: state.base.segmentFailure }, 'postings segment could not be written; briefing ask loads the whole index until the next snapshot');
      state.deltaBytes = 0;
      state.compactNext = false;
      await removeDeltaLog(file);
      return 'base';
    },
  };
}
