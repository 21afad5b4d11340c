import { readInternals, type FieldPostings, type IndexInternals, type RankableIndex } from './index-internals.js';

/**
 * What the term statistics keep per index until it changes. A term's postings are looked up in
 * MiniSearch's radix tree, whose nodes are scanned child by child: some twenty terms a question
 * (its words, their translations and synonyms, most of them the same from question to question,
 * many found nowhere) cost a twentieth of an answer. The union of a common term's postings over
 * the fields costs milliseconds on a large library, and the same words recur in every question:
 * the confidence check (IDF per query word) and the filter on common expansions both read them.
 * Any addition, removal or vacuum moves one of the counts, which empties the cache.
 */
interface StatisticsCache {
  documentCount: number;
  nextId: number;
  dirtCount: number;
  /** A term's postings, null for a term no document holds. */
  postings: Map<string, FieldPostings | null>;
  /** Per set of fields (`fieldSetKey`), each term's document frequency. */
  frequencies: Map<string, Map<string, number>>;
  /** Every field of the index, for `occursInIndex`. */
  allFields: readonly string[];
  /** Entries in `postings` and `frequencies`: the cache is emptied past `statisticsCacheLimit`. */
  size: number;
}
const statisticsCaches = new WeakMap<RankableIndex, StatisticsCache>();
const statisticsCacheLimit = 100_000;

/** What a cached statistic depends on: every change to the index's documents moves one of these. */
export function indexVersion(internals: IndexInternals): string {
  return `${internals.documentCount}:${internals.nextId}:${internals.dirtCount}`;
}

function statisticsOf(index: RankableIndex, internals: IndexInternals): StatisticsCache {
  const cache = statisticsCaches.get(index);
  const current = cache !== undefined && cache.documentCount === internals.documentCount && cache.nextId === internals.nextId && cache.dirtCount === internals.dirtCount;
  if (current && cache.size < statisticsCacheLimit) return cache;
  const fresh: StatisticsCache = {
    documentCount: internals.documentCount,
    nextId: internals.nextId,
    dirtCount: internals.dirtCount,
    postings: new Map(),
    frequencies: new Map(),
    allFields: Object.keys(internals.fieldIds),
    size: 0,
  };
  statisticsCaches.set(index, fresh);
  return fresh;
}

/**
 * A term's postings in the index, looked up once per version of it. `internals` must be
 * `readInternals(index)` as it is now. The postings are the index's own, read-only.
 */
export function termPostings(index: RankableIndex, internals: IndexInternals, term: string): FieldPostings | undefined {
  const cache = statisticsOf(index, internals);
  const cached = cache.postings.get(term);
  if (cached !== undefined) return cached ?? undefined;
  const postings = internals.terms.get(term);
  cache.postings.set(term, postings ?? null);
  cache.size += 1;
  return postings;
}

/** The key of a set of fields, worked out once per array: the callers pass the same few constant arrays. */
const fieldSetKeys = new WeakMap<readonly string[], string>();
function fieldSetKey(fields: readonly string[]): string {
  let key = fieldSetKeys.get(fields);
  if (key === undefined) {
    key = fields.join('\u0001');
    fieldSetKeys.set(fields, key);
  }
  return key;
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
  const cache = statisticsOf(index, internals);
  const fieldSet = fieldSetKey(fields);
  let frequencies = cache.frequencies.get(fieldSet);
  if (!frequencies) {
    frequencies = new Map();
    cache.frequencies.set(fieldSet, frequencies);
  }
  const cached = frequencies.get(term);
  if (cached !== undefined) return cached;
  const frequency = documentFrequency(internals, termPostings(index, internals, term), fields);
  frequencies.set(term, frequency);
  cache.size += 1;
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
  return termDocumentFrequency(index, term, statisticsOf(index, readInternals(index)).allFields) > 0;
}
