import type MiniSearch from 'minisearch';
import { splitPassages } from '../corpus/passages.js';
import type { SourceDocument } from '../corpus/types.js';
import type { Logger } from '../logger.js';
import type { RankableIndex } from './index-internals.js';
import { createPassageIndex, passageKey, toIndexedPassages, type IndexedPassage } from './passage-index.js';
import { createPassageTable, type PassageTable } from './passage-table.js';
import { readSegmentSnapshot } from './segment-index.js';
import { createSnapshotSaver, noDeltaState, replaySnapshotDelta, type CompactionPolicy, type SnapshotSaver } from './snapshot-delta.js';
import { readSnapshot, storeDocument, storedPassages, type StoredDocument } from './snapshot.js';

/** How the snapshot on disk differed from the corpus when the search opened (document ids). */
export interface IndexChanges {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: number;
}

/** The index over a corpus, from the snapshot where it still holds, and what it took. */
export interface PreparedIndex {
  index: MiniSearch<IndexedPassage>;
  /** What questions are ranked over: `index` itself, or its postings segment with what `index` was given since. */
  ranked: RankableIndex;
  passages: PassageTable;
  stored: Map<string, StoredDocument>;
  changes: IndexChanges;
  saver: SnapshotSaver;
}

/**
 * The index snapshot under `dataDir/index`, reused for documents whose file is unchanged and whose
 * passages still sit at the same offsets; changed, added and removed documents are re-split and
 * re-indexed; a corrupt or stale snapshot is logged and rebuilt. The snapshot is saved again
 * whenever something changed. With `readByTerm`, a term's postings are read from the base's
 * postings segment when a question needs them (`OpenSearchServiceOptions.readByTerm`).
 */
export async function prepareIndex(documents: SourceDocument[], dataDir: string, log: Logger, compaction: CompactionPolicy, readByTerm: boolean): Promise<PreparedIndex> {
  const segmented = readByTerm ? await readSegmentSnapshot(dataDir) : null;
  const byTerm = segmented !== null && 'manifest' in segmented ? segmented : null;
  if (segmented && !byTerm) log.debug({ reason: 'reason' in segmented ? segmented.reason : undefined }, 'the postings segment cannot be used; loading the whole index');
  const snapshot = byTerm ?? (await readSnapshot(dataDir));
  if ('reason' in snapshot && snapshot.reason !== 'missing') log.warn({ reason: snapshot.reason, detail: snapshot.detail }, 'search index snapshot is unusable; rebuilding it');
  const replayed = 'manifest' in snapshot ? await replaySnapshotDelta(dataDir, snapshot, documents, log) : null;
  const usable = replayed?.snapshot ?? null;
  // A base without a segment (written before segments) is written again once, with one, so later asks read by term. Not one whose
  // segment is of another base: that is a bot's save under way (or a crash between its renames), which its next base mends.
  const withoutSegment = segmented !== null && 'reason' in segmented && segmented.reason === 'missing' && usable !== null;
  const state = replayed?.state ?? noDeltaState;
  const saver = createSnapshotSaver(dataDir, withoutSegment ? { ...state, compactNext: true } : state, compaction, log);
  if (withoutSegment) log.info('the search index snapshot has no postings segment for asking by term; writing it again with one');
  const index = usable?.index ?? createPassageIndex();
  const stored = new Map((usable?.manifest.documents ?? []).map((entry) => [entry.docId, entry]));
  const passageTable = createPassageTable();
  const manifestDocuments: StoredDocument[] = [];
  const counts = { reused: 0, indexed: 0, removed: 0 };
  const changes: IndexChanges = { added: [], changed: [], removed: [], unchanged: 0 };
  const current = new Set(documents.map((document) => document.id));

  for (const [docId, entry] of stored) {
    if (current.has(docId)) continue;
    index.discardAll(entry.passages.map((passage) => passageKey(docId, passage.ordinal)));
    counts.removed += 1;
    changes.removed.push(docId);
  }
  for (const document of documents) {
    const entry = stored.get(document.id);
    const reused = entry ? storedPassages(document, entry) : null;
    if (entry && !reused) {
      if (entry.contentHash === document.contentHash) log.warn({ docId: document.id }, 'stored passage offsets no longer match the document; re-indexing it');
      index.discardAll(entry.passages.map((passage) => passageKey(document.id, passage.ordinal)));
    }
    counts[reused ? 'reused' : 'indexed'] += 1;
    if (reused && entry) {
      changes.unchanged += 1;
      passageTable.set(document.id, reused);
      // A reused document's entry is the stored one: hashing its passages again would give the same hashes.
      manifestDocuments.push(entry);
      continue;
    }
    changes[entry ? 'changed' : 'added'].push(document.id);
    const passages = splitPassages(document);
    index.addAll(toIndexedPassages(document, passages));
    passageTable.set(document.id, passages);
    manifestDocuments.push(storeDocument(document, passages));
  }

  const storedById = new Map(manifestDocuments.map((entry) => [entry.docId, entry]));
  if (byTerm && (counts.indexed > 0 || counts.removed > 0)) {
    // The save may have to write a new base, which needs every term: the whole index is loaded instead.
    log.info({ ...counts }, 'the folder changed since the snapshot was saved; loading the whole index');
    return prepareIndex(documents, dataDir, log, compaction, false);
  }
  if (!usable || counts.indexed > 0 || counts.removed > 0 || withoutSegment) {
    const written = await saver.save(index, storedById, [...changes.added, ...changes.changed, ...changes.removed]);
    log.info({ ...counts, passages: index.documentCount, written }, usable ? 'search index updated and saved' : 'search index built and saved');
  } else {
    log.info({ documents: counts.reused, passages: index.documentCount }, 'search index loaded from snapshot');
  }
  if (byTerm) return { index, ranked: byTerm.ranked, passages: passageTable, stored: storedById, changes, saver: unsavedByTerm };
  return { index, ranked: index, passages: passageTable, stored: storedById, changes, saver };
}

/** The shell of an index read by term has no terms: saving it as a base would lose them all. */
const unsavedByTerm: SnapshotSaver = {
  save: () => Promise.reject(new Error('an index read by term from its postings segment is not saved; open the search without readByTerm to save')),
};
