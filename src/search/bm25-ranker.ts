import type { RankingParameters } from './index-options.js';
import { readInternals, type IndexInternals, type RankableIndex } from './index-internals.js';
import { scoredPostings, type ScoredPostings } from './scored-postings.js';
import { bm25InverseFrequency, termPostings } from './term-statistics.js';

/** One term to look up, with its weight; `source` is the query term it stands for (itself, or the prefix it expands). */
export interface WeightedTerm {
  term: string;
  source: string;
  weight: number;
  /**
   * How an expansion term was found for its source: a Russian translation, an English one of a Russian word, an English synonym,
   * a related form ("tourist" → "tour"), or the other form of an abbreviation the library defines ("ODA" → "assistance").
   */
  via?: 'russian' | 'english' | 'synonym' | 'related' | 'abbreviation';
}

/** A document of the index with its score and the query terms it matched. */
export interface RankedDocument {
  id: string;
  score: number;
  matchedTerms: string[];
}

export interface RankOptions {
  limit: number;
  /** Only documents whose id passes are returned (e.g. the passages of one document). */
  accept?: (id: string) => boolean;
}

interface Buffers {
  scores: Float64Array;
  matched: Uint16Array;
  lastSource: Int32Array;
  found: Found;
}

/**
 * The documents a query has scored so far, in the order first found. One list per index, reused
 * from query to query: a common word finds thousands of passages, and a fresh array grown to
 * hold them was most of what a question allocated, so most of what the young generation collected.
 */
interface Found {
  ids: Int32Array;
  count: number;
}

const buffersByIndex = new WeakMap<RankableIndex, Buffers>();

const lengthNormsByIndex = new WeakMap<RankableIndex, LengthNorms>();

/** One field's postings of one query term, with what a match there is worth. */
interface Lookup {
  postings: Map<number, number>;
  /** weight · boost · IDF: a match scores factor · (d + tf·(k+1) / (tf + norm)). */
  factor: number;
  norms: Float64Array;
  /** The same postings as flat arrays with their saturations, and the best of them once read. */
  scored: ScoredPostings;
}

/** The lookups of one query term and its expansions, and the most they can add to any document. */
interface Step {
  sourceIndex: number;
  lookups: Lookup[];
  bound: number;
}

/**
 * Scores documents exactly as MiniSearch's BM25+ does (per-field IDF and length
 * normalisation, summed over fields), with a tunable coordination factor, and keeps the
 * best `limit`. Term-at-a-time into flat arrays, so a query costs one pass over its postings
 * and no allocation per matching document.
 *
 * Without coordination the query words are taken most valuable first, and once the `limit`-th
 * best score so far is more than all the remaining words could add to a document, those words
 * only add to the documents already found (MaxScore): a document holding none but them cannot
 * reach the results. The common words of a question ("said", "year") are the long postings,
 * so on a large library they are then read for a few hundred documents instead of all of theirs.
 * The results are the same; only their scores' rounding may differ in the last digit.
 */
export function rankDocuments(index: RankableIndex, terms: WeightedTerm[], parameters: RankingParameters, options: RankOptions): RankedDocument[] {
  if (terms.length === 0 || options.limit <= 0) return [];
  const internals = readInternals(index);
  const buffers = buffersFor(index, internals.nextId);
  const { k, b, d } = parameters.bm25;
  const fields = Object.entries(parameters.boost).filter(([field, boost]) => boost > 0 && internals.fieldIds[field] !== undefined);
  const termsBySource = groupBySource(terms);
  const sources = [...termsBySource.keys()];
  const norms = lengthNormsOf(index, internals, k, b);
  const version = `${d}:${norms.key}`;
  const steps = [...termsBySource.values()].map((sourceTerms, sourceIndex) => planStep(index, internals, sourceTerms, norms, sourceIndex, fields, parameters, version));
  const prune = parameters.coordination === 0;
  // Only the coordination factor needs to know how many of the query's words a document holds.
  const counting = !prune;
  // `steps` stays in the order of `sources`, for the matched terms; the scan takes the most valuable first.
  const order = prune ? [...steps].sort((first, second) => second.bound - first.bound) : steps;
  const remaining = suffixSums(order.map((step) => step.bound));
  const touched = buffers.found;
  touched.count = 0;
  let onlyFound = false;

  order.forEach((step, position) => {
    const rest = remaining[position] ?? 0;
    // No document found so far scores more than the words read so far can add: while that is no
    // more than the rest, the threshold cannot pass it, and working it out would be a wasted pass.
    if (prune && touched.count >= options.limit && (onlyFound || couldPass((remaining[0] ?? 0) - rest, rest))) {
      const threshold = kthBest(touched, buffers, options, internals);
      if (!onlyFound) onlyFound = threshold > cutAt(rest);
      if (onlyFound) dropHopeless(touched, buffers, threshold, rest);
    }
    for (const lookup of step.lookups) {
      if (onlyFound) addToFound(lookup, counting ? step.sourceIndex : -1, touched, buffers, k, d);
      else addAll(lookup, counting ? step.sourceIndex : -1, touched, buffers);
    }
  });

  const best = selectBest(touched, buffers, parameters.coordination, options, internals);
  for (let position = 0; position < touched.count; position += 1) forget(buffers, touched.ids[position] as number, counting);
  touched.count = 0;
  return best.map(({ shortId, score }) => ({
    id: internals.documentIds.get(shortId) ?? '',
    score,
    // A source's lookups are the postings of its terms in every ranked field: a document holds the source if one of them has it.
    matchedTerms: sources.filter((_, sourceIndex) => steps[sourceIndex]?.lookups.some((lookup) => lookup.postings.has(shortId)) === true),
  }));
}

/** The terms of each source, in the order of the query; the sources in the order they first come. */
function groupBySource(terms: readonly WeightedTerm[]): Map<string, WeightedTerm[]> {
  const bySource = new Map<string, WeightedTerm[]>();
  for (const term of terms) {
    const group = bySource.get(term.source);
    if (group) group.push(term);
    else bySource.set(term.source, [term]);
  }
  return bySource;
}

/** The lookups of one source's terms (the query word and its expansions), in their order. */
function planStep(index: RankableIndex, internals: IndexInternals, terms: readonly WeightedTerm[], lengths: LengthNorms, sourceIndex: number, fields: Array<[string, number]>, parameters: RankingParameters, version: string): Step {
  const { k, b, d } = parameters.bm25;
  const lookups: Lookup[] = [];
  let bound = 0;
  for (const { term, weight } of terms) {
    const postingsByField = termPostings(index, internals, term);
    if (!postingsByField) continue;
    for (const [field, boost] of fields) {
      const fieldId = internals.fieldIds[field] as number;
      const postings = postingsByField.get(fieldId);
      if (!postings) continue;
      const norms = fieldNorms(lengths, internals, fieldId, k, b);
      const scored = scoredPostings(index, version, term, fieldId, postings, norms, k, d);
      // The scored postings leave out the documents discarded but not vacuumed, as counting the
      // live ones would: after an update, that count was a pass over every posting in every query.
      const documentFrequency = scored.ids.length;
      const inverseFrequency = bm25InverseFrequency(internals.documentCount, documentFrequency);
      const factor = weight * boost * inverseFrequency;
      // Until the term has been read once, the most a match can be worth: tf·(k+1)/(tf+norm) < k+1.
      bound += factor * (scored.read ? scored.most : d + k + 1);
      lookups.push({ postings, factor, norms, scored });
    }
  }
  return { sourceIndex, lookups, bound };
}

/** Adds a lookup's score to every document holding it; from then on the term's best saturation bounds it. */
function addAll(lookup: Lookup, sourceIndex: number, touched: Found, buffers: Buffers): void {
  const { scores } = buffers;
  const { factor } = lookup;
  const { ids, saturations } = lookup.scored;
  for (let position = 0; position < ids.length; position += 1) {
    const shortId = ids[position] as number;
    if (scores[shortId] === 0) remember(touched, shortId);
    scores[shortId] = (scores[shortId] ?? 0) + factor * (saturations[position] as number);
    if (sourceIndex >= 0) countSource(buffers, shortId, sourceIndex);
  }
  lookup.scored.read = true;
}

/**
 * Reading a posting from the flat arrays is sequential and costs a fraction of a lookup in the
 * postings map: the map is only worth it when its postings outnumber the documents found this many times.
 */
const postingsPerMapLookup = 8;

/** Adds a lookup's score to the documents already found only, reading the postings map for them or the flat arrays, whichever costs less. */
function addToFound(lookup: Lookup, sourceIndex: number, touched: Found, buffers: Buffers, k: number, d: number): void {
  const { scores } = buffers;
  const { postings, factor, norms } = lookup;
  const add = (frequency: number, shortId: number) => {
    const norm = norms[shortId];
    if (norm === undefined || Number.isNaN(norm)) return;
    scores[shortId] = (scores[shortId] ?? 0) + factor * (d + (frequency * (k + 1)) / (frequency + norm));
    if (sourceIndex >= 0) countSource(buffers, shortId, sourceIndex);
  };
  if (touched.count * postingsPerMapLookup < postings.size) {
    for (let position = 0; position < touched.count; position += 1) {
      const shortId = touched.ids[position] as number;
      const frequency = postings.get(shortId);
      if (frequency !== undefined) add(frequency, shortId);
    }
  } else {
    const { ids, saturations } = lookup.scored;
    for (let position = 0; position < ids.length; position += 1) {
      const shortId = ids[position] as number;
      if (scores[shortId] === 0) continue;
      scores[shortId] = (scores[shortId] ?? 0) + factor * (saturations[position] as number);
      if (sourceIndex >= 0) countSource(buffers, shortId, sourceIndex);
    }
  }
}

/** A margin keeps rounding in the sums from ever cutting a document that could tie. */
function cutAt(rest: number): number {
  return rest * (1 + 1e-9) + 1e-12;
}

/** Whether documents holding only the words read so far (`read` at most) could score past what the rest could add. */
function couldPass(read: number, rest: number): boolean {
  return read * (1 + 1e-9) > cutAt(rest);
}

/**
 * Forgets the documents found so far that cannot reach the results even if they hold every
 * remaining word: the words left are then read for the few documents still in the running.
 */
function dropHopeless(touched: Found, buffers: Buffers, threshold: number, rest: number): void {
  const cut = threshold - rest * (1 + 1e-9) - 1e-12;
  let kept = 0;
  for (let position = 0; position < touched.count; position += 1) {
    const shortId = touched.ids[position] as number;
    if ((buffers.scores[shortId] ?? 0) >= cut) {
      touched.ids[kept] = shortId;
      kept += 1;
    } else forget(buffers, shortId, false);
  }
  touched.count = kept;
}

/** Adds a document to the found list, growing it in the rare case that a document is found twice (a term of weight 0 scores nothing). */
function remember(touched: Found, shortId: number): void {
  if (touched.count === touched.ids.length) {
    const grown = new Int32Array(Math.max(16, touched.ids.length * 2));
    grown.set(touched.ids);
    touched.ids = grown;
  }
  touched.ids[touched.count] = shortId;
  touched.count += 1;
}

/**
 * Resets a document's place in the buffers, which stay zeroed between queries. The words a
 * document holds are only counted, so only reset, with coordination on: without it, these two
 * more writes at random places were a tenth of a question's time.
 */
function forget(buffers: Buffers, shortId: number, counting: boolean): void {
  buffers.scores[shortId] = 0;
  if (!counting) return;
  buffers.matched[shortId] = 0;
  buffers.lastSource[shortId] = -1;
}

function countSource(buffers: Buffers, shortId: number, sourceIndex: number): void {
  if (buffers.lastSource[shortId] === sourceIndex) return;
  buffers.lastSource[shortId] = sourceIndex;
  buffers.matched[shortId] = (buffers.matched[shortId] ?? 0) + 1;
}

function suffixSums(values: number[]): number[] {
  const sums = new Array<number>(values.length + 1).fill(0);
  for (let position = values.length - 1; position >= 0; position -= 1) sums[position] = (sums[position + 1] ?? 0) + (values[position] ?? 0);
  return sums;
}

/** The `limit`-th best score among the accepted documents found so far. */
function kthBest(touched: Found, buffers: Buffers, options: RankOptions, internals: IndexInternals): number {
  const heap = boundedHeap(touched, buffers, 0, options, internals);
  return heap.length < options.limit ? 0 : (heap.scores[0] ?? 0);
}

function buffersFor(index: RankableIndex, size: number): Buffers {
  const existing = buffersByIndex.get(index);
  if (existing && existing.scores.length >= size) return existing;
  const buffers = { scores: new Float64Array(size), matched: new Uint16Array(size), lastSource: new Int32Array(size).fill(-1), found: { ids: new Int32Array(size), count: 0 } };
  buffersByIndex.set(index, buffers);
  return buffers;
}

/** The length norms of one version of an index for one k and b, by field id; looked up once per query. */
interface LengthNorms {
  key: string;
  norms: Map<number, Float64Array>;
}

function lengthNormsOf(index: RankableIndex, internals: IndexInternals, k: number, b: number): LengthNorms {
  const key = `${k}:${b}:${internals.nextId}:${internals.documentCount}:${internals.dirtCount}`;
  const cached = lengthNormsByIndex.get(index);
  if (cached && cached.key === key) return cached;
  const fresh = { key, norms: new Map<number, Float64Array>() };
  lengthNormsByIndex.set(index, fresh);
  return fresh;
}

/** k·(1 − b + b·length/average) per document for one field; NaN where the document is gone. */
function fieldNorms(lengths: LengthNorms, internals: IndexInternals, fieldId: number, k: number, b: number): Float64Array {
  const cached = lengths.norms.get(fieldId);
  if (cached) return cached;
  const average = internals.averageFieldLength[fieldId] ?? 0;
  const norms = new Float64Array(internals.nextId).fill(Number.NaN);
  for (const [shortId, lengthsOfFields] of internals.fieldLength) {
    const length = lengthsOfFields[fieldId] ?? 0;
    norms[shortId] = k * (1 - b + (average > 0 ? (b * length) / average : 0));
  }
  lengths.norms.set(fieldId, norms);
  return norms;
}

interface Candidate {
  shortId: number;
  score: number;
}

/** The `limit` best candidates, best first. */
function selectBest(touched: Found, buffers: Buffers, coordination: number, options: RankOptions, internals: IndexInternals): Candidate[] {
  const heap = boundedHeap(touched, buffers, coordination, options, internals);
  const best: Candidate[] = [];
  for (let position = 0; position < heap.length; position += 1) best.push({ shortId: heap.ids[position] ?? 0, score: heap.scores[position] ?? 0 });
  return best.sort((a, b) => b.score - a.score || a.shortId - b.shortId);
}

/**
 * A min-heap of candidates in two flat arrays, the worst of them at 0: the heap is built over
 * every document found, once per query word, so it allocates nothing per document.
 */
interface Heap {
  ids: Int32Array;
  scores: Float64Array;
  length: number;
}

/** A document's score, times (words matched)^coordination when coordination is on. */
function scoreOf(buffers: Buffers, shortId: number, coordination: number): number {
  const score = buffers.scores[shortId] ?? 0;
  return coordination === 0 ? score : score * (buffers.matched[shortId] ?? 1) ** coordination;
}

/** The `limit` best accepted documents by score, as a min-heap. */
function boundedHeap(touched: Found, buffers: Buffers, coordination: number, options: RankOptions, internals: IndexInternals): Heap {
  const { limit, accept } = options;
  const capacity = Math.min(limit, touched.count);
  const heap: Heap = { ids: new Int32Array(capacity), scores: new Float64Array(capacity), length: 0 };
  for (let position = 0; position < touched.count; position += 1) {
    const shortId = touched.ids[position] as number;
    const score = scoreOf(buffers, shortId, coordination);
    if (heap.length === limit && score <= (heap.scores[0] ?? 0)) continue;
    if (accept) {
      const id = internals.documentIds.get(shortId);
      if (id === undefined || !accept(id)) continue;
    }
    if (heap.length < limit) {
      heap.ids[heap.length] = shortId;
      heap.scores[heap.length] = score;
      heap.length += 1;
      siftUp(heap, heap.length - 1);
    } else {
      heap.ids[0] = shortId;
      heap.scores[0] = score;
      siftDown(heap, 0);
    }
  }
  return heap;
}

function siftUp(heap: Heap, position: number): void {
  let child = position;
  while (child > 0) {
    const parent = (child - 1) >> 1;
    if ((heap.scores[parent] ?? 0) <= (heap.scores[child] ?? 0)) return;
    swap(heap, parent, child);
    child = parent;
  }
}

function siftDown(heap: Heap, position: number): void {
  let parent = position;
  for (;;) {
    const left = parent * 2 + 1;
    const right = left + 1;
    let smallest = parent;
    if (left < heap.length && (heap.scores[left] ?? 0) < (heap.scores[smallest] ?? 0)) smallest = left;
    if (right < heap.length && (heap.scores[right] ?? 0) < (heap.scores[smallest] ?? 0)) smallest = right;
    if (smallest === parent) return;
    swap(heap, parent, smallest);
    parent = smallest;
  }
}

function swap(heap: Heap, first: number, second: number): void {
  const id = heap.ids[first] ?? 0;
  const score = heap.scores[first] ?? 0;
  heap.ids[first] = heap.ids[second] ?? 0;
  heap.scores[first] = heap.scores[second] ?? 0;
  heap.ids[second] = id;
  heap.scores[second] = score;
}
