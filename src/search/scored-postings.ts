import type { RankableIndex } from './index-internals.js';

/**
 * One field's postings of one term as flat arrays, with each document's BM25+ saturation
 * d + tf·(k+1)/(tf+norm) worked out once. Reading a MiniSearch postings map costs a callback per
 * document; the same common words ("oil", "bank", "rate") come back in question after question,
 * so on a large library the scan is most of a query. The arrays hold the map's documents in its
 * own order, so a ranker reading them adds the same numbers in the same order as from the map.
 */
export interface ScoredPostings {
  /** Short document ids, in the order of the postings map; documents discarded but not yet vacuumed are left out. */
  ids: Int32Array;
  /** The saturation of each document in `ids`. */
  saturations: Float64Array;
  /** The best saturation of any document: the most one match of the term can be worth, before its factor. */
  most: number;
  /** Whether a query has read all of it yet; until then the ranker does not lean on `most` (see bm25-ranker). */
  read: boolean;
}

interface ScoredPostingsCache {
  key: string;
  /** By term, then by field id: no key is built per lookup. */
  entries: Map<string, Array<ScoredPostings | undefined>>;
  /** Documents held by all entries: the cache is emptied past `cachedPostingsLimit`. */
  size: number;
}

const cachesByIndex = new WeakMap<RankableIndex, ScoredPostingsCache>();

/** About 12 bytes a document: 4 M documents in all is under 50 MB, and far more than the terms of many questions. */
const cachedPostingsLimit = 4_000_000;

/**
 * The scored postings of a term in a field, built on first use and kept until the index or the
 * BM25 parameters change: `versionKey` must change whenever a document is added, discarded or
 * vacuumed, or k, b or d change. `norms` gives k·(1 − b + b·length/average) per document, NaN
 * for a discarded one.
 */
export function scoredPostings(index: RankableIndex, versionKey: string, term: string, fieldId: number, postings: Map<number, number>, norms: Float64Array, k: number, d: number): ScoredPostings {
  let cache = cachesByIndex.get(index);
  if (!cache || cache.key !== versionKey || cache.size > cachedPostingsLimit) {
    cache = { key: versionKey, entries: new Map(), size: 0 };
    cachesByIndex.set(index, cache);
  }
  let byField = cache.entries.get(term);
  if (!byField) {
    byField = [];
    cache.entries.set(term, byField);
  }
  const cached = byField[fieldId];
  if (cached) return cached;
  const entry = scorePostings(postings, norms, k, d);
  byField[fieldId] = entry;
  cache.size += entry.ids.length;
  return entry;
}

/** The saturation of each live document of a postings map, in the map's order. */
export function scorePostings(postings: Map<number, number>, norms: Float64Array, k: number, d: number): ScoredPostings {
  const ids = new Int32Array(postings.size);
  const saturations = new Float64Array(postings.size);
  let count = 0;
  let most = 0;
  for (const [shortId, frequency] of postings) {
    const norm = norms[shortId];
    // A discarded document keeps its postings until MiniSearch vacuums; it has no length.
    if (norm === undefined || Number.isNaN(norm)) continue;
    const saturation = d + (frequency * (k + 1)) / (frequency + norm);
    if (saturation > most) most = saturation;
    ids[count] = shortId;
    saturations[count] = saturation;
    count += 1;
  }
  return { ids: count === ids.length ? ids : ids.slice(0, count), saturations: count === saturations.length ? saturations : saturations.slice(0, count), most, read: false };
}
