import { readInternals, type FieldPostings, type IndexInternals, type RankableIndex } from './index-internals.js';

/**
 * Document frequencies, kept per index until it changes. The union of a common term's postings
 * over the fields costs milliseconds on a large library, and the same words recur in every
 * question: the confidence check (IDF per query word) and the filter on common expansions both
 * read them. Any addition, removal or vacuum changes the version, which empties the cache.
 */
interface FrequencyCache {
  version: string;
  /** `fields` joined with U+0001, then the term: one key space for every field set. */
  values: Map<string, number>;
}
const frequencyCaches = new WeakMap<RankableIndex, FrequencyCache>();
const frequencyCacheLimit = 100_000;

/** What a cached statistic depends on: every change to the index's documents moves one of these. */
export function indexVersion(internals: IndexInternals): string {
  return `${internals.documentCount}:${internals.nextId}:${internals.dirtCount}`;
}

/**
 * BM25 inverse document frequency of a term over the union of some fields. A term the
 * index has never seen gets the highest value: it is the most specific word of a question.
 */
export function inverseDocumentFrequency(index: RankableIndex, term: string, fields: readonly string[]): number {
  return bm25InverseFrequency(readInternals(index).documentCount, termDocumentFrequency(index, term, fields));
}

/** BM25's inverse document frequency of a term held by `frequency` of `total` documents. */
export function bm25InverseFrequency(total: number, frequency: number): number {
  return Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
}

/** How many live documents of the index hold the term in any of the fields. */
export function termDocumentFrequency(index: RankableIndex, term: string, fields: readonly string[]): number {
  const internals = readInternals(index);
  const version = indexVersion(internals);
  let cache = frequencyCaches.get(index);
  if (!cache || cache.version !== version || cache.values.size >= frequencyCacheLimit) {
    cache = { version, values: new Map() };
    frequencyCaches.set(index, cache);
  }
  const key = `${fields.join('\u0001')}\u0001${term}`;
  const cached = cache.values.get(key);
  if (cached !== undefined) return cached;
  const frequency = documentFrequency(internals, internals.terms.get(term), fields);
  cache.values.set(key, frequency);
  return frequency;
}

/**
 * How many live documents hold the term in any of the fields: the largest field's postings are
 * counted as they are, and only the few documents the other fields add are collected, so a
 * term found in thousands of passages costs no set of thousands.
 */
function documentFrequency(internals: IndexInternals, postingsByField: FieldPostings | undefined, fields: readonly string[]): number {
  if (!postingsByField) return 0;
  const lists = fields.flatMap((field) => {
    const fieldId = internals.fieldIds[field];
    const postings = fieldId === undefined ? undefined : postingsByField.get(fieldId);
    return postings ? [postings] : [];
  });
  const largest = lists.reduce<Map<number, number> | undefined>((best, postings) => (best === undefined || postings.size > best.size ? postings : best), undefined);
  if (!largest) return 0;
  const live = (shortId: number) => internals.dirtCount === 0 || internals.documentIds.has(shortId);
  let count = 0;
  if (internals.dirtCount === 0) count = largest.size;
  else for (const shortId of largest.keys()) if (live(shortId)) count += 1;
  const added = new Set<number>();
  for (const postings of lists) {
    if (postings === largest) continue;
    for (const shortId of postings.keys()) if (!largest.has(shortId) && live(shortId)) added.add(shortId);
  }
  return count + added.size;
}

/**
 * Whether any live passage of the index holds the term, in any field. Every question asks it of
 * each of its terms, translations and synonyms (some twenty look-ups in the radix tree), so it
 * is read from the cached frequencies, which the filter on common expansions fills for most of them.
 */
export function occursInIndex(index: RankableIndex, term: string): boolean {
  return termDocumentFrequency(index, term, Object.keys(readInternals(index).fieldIds)) > 0;
}
