import type MiniSearch from 'minisearch';
import { readInternals, type FieldPostings, type IndexInternals, type InternalsSource } from './index-internals.js';
import { loadPassageIndex, type IndexedPassage } from './passage-index.js';
import { openPostingsSegment, type PostingsSegment } from './postings-segment.js';
import { unsealJson } from './snapshot-stream.js';
import { snapshotFolder, staleVersions, type Snapshot, type SnapshotProblem } from './snapshot.js';
import { indexVersion } from './term-statistics.js';

/**
 * A snapshot opened without its index file: the manifest, and in place of the index a MiniSearch
 * "shell" that holds every document's id and field lengths but no terms (postings-segment.ts).
 * Everything that changes documents goes through the shell as through a loaded index: the
 * delta's replay discards the base's old versions and adds the new ones, with MiniSearch's own
 * bookkeeping of counts and average lengths. `ranked` reads a term's postings from the segment
 * and adds those the shell was given since, so it ranks exactly as the loaded index would.
 */
export interface SegmentSnapshot extends Snapshot {
  ranked: InternalsSource;
}

/**
 * Reads the snapshot under `dataDir` through its segment alone, or says why not (a base written
 * before segments held their documents: `missing`). The manifest file is not read: the segment
 * holds the base's documents, from the same save as its shell, and each one's passages are read
 * only when asked for. A segment left from another save than the manifest's (a crash between
 * their renames) is still one whole base: what differs from the folder is noticed document by
 * document, as against any base, and then the whole index is loaded (prepare-index.ts).
 */
export async function readSegmentSnapshot(dataDir: string): Promise<SegmentSnapshot | SnapshotProblem> {
  const segment = openPostingsSegment(snapshotFolder(dataDir));
  if (segment === null) return { reason: 'missing' };
  const opened = openOnSegment(segment);
  if ('reason' in opened) segment.close();
  return opened;
}

/** The segment's shell and documents, checked against each other, and the index over both; the caller closes the segment on a problem. */
function openOnSegment(segment: PostingsSegment): SegmentSnapshot | SnapshotProblem {
  const stale = staleVersions(segment.versions);
  if (stale) return stale;
  let index: MiniSearch<IndexedPassage>;
  let documents: ReturnType<PostingsSegment['documents']>;
  try {
    const shell = unsealJson(segment.shell);
    if ('broken' in shell || shell.seal === null) throw new Error('it does not match its seal');
    // Sealed as the writer wrote it: its ids are mapped to short ids only if a change since the base needs them.
    index = loadPassageIndex(shell.json, { idsWhenUsed: true });
    documents = segment.documents();
  } catch (error) {
    return { reason: 'corrupt', detail: `the postings segment's documents cannot be loaded (${(error as Error).message})` };
  }
  // Written in one transaction from one index: the counts agree unless the file is damaged.
  if (documents.passages !== index.documentCount) return { reason: 'corrupt', detail: `the postings segment's shell holds ${index.documentCount} passages, its documents ${documents.passages}` };
  const manifest = { ...segment.versions, indexHash: segment.base, documents: documents.entries };
  return { manifest, index, ranked: segmentIndex(index, segment) };
}

/** Decoded terms kept at most: a question reads a few dozen. */
const cachedTermsLimit = 10_000;

/** The segment's postings with the shell's own (the documents added since the base) after them. */
export function segmentIndex(shell: MiniSearch, segment: PostingsSegment): InternalsSource {
  let cache = { version: '', terms: new Map<string, FieldPostings | undefined>() };
  const get = (term: string): FieldPostings | undefined => {
    const internals = readInternals(shell);
    const version = indexVersion(internals);
    if (cache.version !== version || cache.terms.size >= cachedTermsLimit) cache = { version, terms: new Map() };
    if (cache.terms.has(term)) return cache.terms.get(term);
    const postings = appendPostings(segment.postingsOf(term), internals.terms.get(term));
    cache.terms.set(term, postings);
    return postings;
  };
  const terms: IndexInternals['terms'] = {
    get,
    *atPrefix(prefix) {
      const seen = new Set<string>();
      for (const [term] of segment.withPrefix(prefix)) seen.add(term);
      for (const [term] of readInternals(shell).terms.atPrefix(prefix)) seen.add(term);
      for (const term of seen) {
        const postings = get(term);
        if (postings) yield [term, postings];
      }
    },
  };
  return {
    // Read at each use: the shell's documents, lengths and counts change with every discard and addition.
    get rankingInternals(): IndexInternals {
      return { ...readInternals(shell), terms };
    },
  };
}

/**
 * The base's postings, then the later ones: the order a loaded index holds them in, as the
 * documents added after loading it take the next short ids. A discarded base document stays in
 * the base's postings, as it stays in a loaded index until vacuumed; the ranker leaves it out.
 */
function appendPostings(base: FieldPostings | undefined, later: FieldPostings | undefined): FieldPostings | undefined {
  if (!later || later.size === 0) return base;
  if (!base) return later;
  const merged: FieldPostings = new Map();
  for (const [fieldId, frequencies] of base) merged.set(fieldId, new Map(frequencies));
  for (const [fieldId, frequencies] of later) {
    const into = merged.get(fieldId);
    if (!into) merged.set(fieldId, new Map(frequencies));
    else for (const [shortId, frequency] of frequencies) into.set(shortId, frequency);
  }
  return merged;
}
