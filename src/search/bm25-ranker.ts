import type MiniSearch from 'minisearch';
import type { RankingParameters } from './index-options.js';
import { readInternals, type FieldPostings, type IndexInternals } from './index-internals.js';
import { bm25InverseFrequency } from './term-statistics.js';

/** One term to look up, with its weight; `source` is the query term it stands for (itself, or the prefix it expands). */
export interface WeightedTerm {
  term: string;
  source: string;
  weight: number;
  /** How an expansion term was found for its source: a Russian translation, an English synonym, or a related form ("tourist" → "tour"). */
  via?: 'russian' | 'synonym' | 'related';
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
}

const buffersByIndex = new WeakMap<MiniSearch, Buffers>();

/** Per term and field, the best saturation d + tf·(k+1)/(tf+norm) of any document, learnt the first time the term is read. */
interface BoundsCache {
  key: string;
  values: Map<string, number>;
}
const boundsByIndex = new WeakMap<MiniSearch, BoundsCache>();
const boundsCacheLimit = 200_000;

/** The bounds of an index for these parameters; emptied whenever the index or the parameters change. */
function boundsFor(index: MiniSearch, key: string): BoundsCache {
  let cache = boundsByIndex.get(index);
  if (!cache || cache.key !== key) {
    cache = { key, values: new Map() };
    boundsByIndex.set(index, cache);
  }
  return cache;
}
const lengthNormsByIndex = new WeakMap<MiniSearch, { key: string; norms: Map<number, Float64Array> }>();

/** One field's postings of one query term, with what a match there is worth. */
interface Lookup {
  postings: Map<number, number>;
  /** weight · boost · IDF: a match scores factor · (d + tf·(k+1) / (tf + norm)). */
  factor: number;
  norms: Float64Array;
  /** Key of the term's best saturation in this field, in the bounds cache. */
  boundKey: string;
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
export function rankDocuments(index: MiniSearch, terms: WeightedTerm[], parameters: RankingParameters, options: RankOptions): RankedDocument[] {
  if (terms.length === 0 || options.limit <= 0) return [];
  const internals = readInternals(index);
  const buffers = buffersFor(index, internals.nextId);
  const { k, b, d } = parameters.bm25;
  const fields = Object.entries(parameters.boost).filter(([field, boost]) => boost > 0 && internals.fieldIds[field] !== undefined);
  const sources = [...new Set(terms.map((term) => term.source))];
  const bounds = boundsFor(index, `${d}:${lengthNormsKey(k, b, internals)}`);
  const steps = sources.map((source, sourceIndex) => planStep(index, internals, terms, source, sourceIndex, fields, parameters, bounds));
  const prune = parameters.coordination === 0;
  if (prune) steps.sort((first, second) => second.bound - first.bound);
  const remaining = suffixSums(steps.map((step) => step.bound));
  const touched: number[] = [];
  let onlyFound = false;

  steps.forEach((step, position) => {
    if (prune && touched.length >= options.limit) {
      const threshold = kthBest(touched, buffers.scores, options, internals);
      const rest = remaining[position] ?? 0;
      // A margin keeps rounding in the sums from ever cutting a document that could tie.
      if (!onlyFound) onlyFound = threshold > rest * (1 + 1e-9) + 1e-12;
      if (onlyFound) dropHopeless(touched, buffers, threshold, rest);
    }
    for (const lookup of step.lookups) {
      if (onlyFound) addToFound(lookup, step.sourceIndex, touched, buffers, k, d);
      else bounds.values.set(lookup.boundKey, addAll(lookup, step.sourceIndex, touched, buffers, k, d));
    }
  });

  const best = selectBest(touched, buffers, parameters.coordination, options, internals);
  for (const shortId of touched) forget(buffers, shortId);
  if (bounds.values.size > boundsCacheLimit) bounds.values.clear();
  return best.map(({ shortId, score }) => ({
    id: internals.documentIds.get(shortId) ?? '',
    score,
    matchedTerms: sources.filter((source) => terms.some((term) => term.source === source && holds(internals.terms.get(term.term), shortId, fields, internals))),
  }));
}

function planStep(index: MiniSearch, internals: IndexInternals, terms: WeightedTerm[], source: string, sourceIndex: number, fields: Array<[string, number]>, parameters: RankingParameters, bounds: BoundsCache): Step {
  const { k, b, d } = parameters.bm25;
  const lookups: Lookup[] = [];
  let bound = 0;
  for (const { term, weight, source: termSource } of terms) {
    if (termSource !== source) continue;
    const postingsByField = internals.terms.get(term);
    if (!postingsByField) continue;
    for (const [field, boost] of fields) {
      const fieldId = internals.fieldIds[field] as number;
      const postings = postingsByField.get(fieldId);
      if (!postings) continue;
      const documentFrequency = internals.dirtCount === 0 ? postings.size : countLive(postings, internals);
      const inverseFrequency = bm25InverseFrequency(internals.documentCount, documentFrequency);
      const factor = weight * boost * inverseFrequency;
      const boundKey = `${fieldId}\u0001${term}`;
      // Until the term has been read once, the most a match can be worth: tf·(k+1)/(tf+norm) < k+1.
      bound += factor * (bounds.values.get(boundKey) ?? d + k + 1);
      lookups.push({ postings, factor, norms: lengthNorms(index, internals, fieldId, k, b), boundKey });
    }
  }
  return { sourceIndex, lookups, bound };
}

/** Adds a lookup's score to every document holding it; returns the best saturation seen, the term's bound from now on. */
function addAll(lookup: Lookup, sourceIndex: number, touched: number[], buffers: Buffers, k: number, d: number): number {
  const { scores } = buffers;
  const { factor, norms } = lookup;
  let most = 0;
  lookup.postings.forEach((frequency, shortId) => {
    const norm = norms[shortId];
    // A discarded document keeps its postings until MiniSearch vacuums; it has no length.
    if (norm === undefined || Number.isNaN(norm)) return;
    const saturation = d + (frequency * (k + 1)) / (frequency + norm);
    if (saturation > most) most = saturation;
    if (scores[shortId] === 0) touched.push(shortId);
    scores[shortId] = (scores[shortId] ?? 0) + factor * saturation;
    countSource(buffers, shortId, sourceIndex);
  });
  return most;
}

/** Adds a lookup's score to the documents already found only, reading whichever of the two lists is shorter. */
function addToFound(lookup: Lookup, sourceIndex: number, touched: number[], buffers: Buffers, k: number, d: number): void {
  const { scores } = buffers;
  const { postings, factor, norms } = lookup;
  const add = (frequency: number, shortId: number) => {
    const norm = norms[shortId];
    if (norm === undefined || Number.isNaN(norm)) return;
    scores[shortId] = (scores[shortId] ?? 0) + factor * (d + (frequency * (k + 1)) / (frequency + norm));
    countSource(buffers, shortId, sourceIndex);
  };
  if (touched.length < postings.size) {
    for (const shortId of touched) {
      const frequency = postings.get(shortId);
      if (frequency !== undefined) add(frequency, shortId);
    }
  } else {
    postings.forEach((frequency, shortId) => {
      if (scores[shortId] !== 0) add(frequency, shortId);
    });
  }
}

/**
 * Forgets the documents found so far that cannot reach the results even if they hold every
 * remaining word: the words left are then read for the few documents still in the running.
 */
function dropHopeless(touched: number[], buffers: Buffers, threshold: number, rest: number): void {
  const cut = threshold - rest * (1 + 1e-9) - 1e-12;
  let kept = 0;
  for (const shortId of touched) {
    if ((buffers.scores[shortId] ?? 0) >= cut) {
      touched[kept] = shortId;
      kept += 1;
    } else forget(buffers, shortId);
  }
  touched.length = kept;
}

/** Resets a document's place in the buffers, which stay zeroed between queries. */
function forget(buffers: Buffers, shortId: number): void {
  buffers.scores[shortId] = 0;
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
function kthBest(touched: number[], scores: Float64Array, options: RankOptions, internals: IndexInternals): number {
  const heap = boundedHeap(touched, (shortId) => scores[shortId] ?? 0, options, internals);
  return heap.length < options.limit ? 0 : (heap[0]?.score ?? 0);
}

function holds(postingsByField: FieldPostings | undefined, shortId: number, fields: Array<[string, number]>, internals: IndexInternals): boolean {
  if (!postingsByField) return false;
  return fields.some(([field]) => postingsByField.get(internals.fieldIds[field] as number)?.has(shortId) === true);
}

function countLive(postings: Map<number, number>, internals: IndexInternals): number {
  let live = 0;
  for (const shortId of postings.keys()) if (internals.documentIds.has(shortId)) live += 1;
  return live;
}

function buffersFor(index: MiniSearch, size: number): Buffers {
  const existing = buffersByIndex.get(index);
  if (existing && existing.scores.length >= size) return existing;
  const buffers = { scores: new Float64Array(size), matched: new Uint16Array(size), lastSource: new Int32Array(size).fill(-1) };
  buffersByIndex.set(index, buffers);
  return buffers;
}

function lengthNormsKey(k: number, b: number, internals: IndexInternals): string {
  return `${k}:${b}:${internals.nextId}:${internals.documentCount}:${internals.dirtCount}`;
}

/** k·(1 − b + b·length/average) per document for one field; NaN where the document is gone. */
function lengthNorms(index: MiniSearch, internals: IndexInternals, fieldId: number, k: number, b: number): Float64Array {
  const key = lengthNormsKey(k, b, internals);
  let cache = lengthNormsByIndex.get(index);
  if (!cache || cache.key !== key) {
    cache = { key, norms: new Map() };
    lengthNormsByIndex.set(index, cache);
  }
  const cached = cache.norms.get(fieldId);
  if (cached) return cached;
  const average = internals.averageFieldLength[fieldId] ?? 0;
  const norms = new Float64Array(internals.nextId).fill(Number.NaN);
  for (const [shortId, lengths] of internals.fieldLength) {
    const length = lengths[fieldId] ?? 0;
    norms[shortId] = k * (1 - b + (average > 0 ? (b * length) / average : 0));
  }
  cache.norms.set(fieldId, norms);
  return norms;
}

interface Candidate {
  shortId: number;
  score: number;
}

/** The `limit` best candidates, best first. */
function selectBest(touched: number[], buffers: Buffers, coordination: number, options: RankOptions, internals: IndexInternals): Candidate[] {
  const scoreOf = (shortId: number) => (buffers.scores[shortId] ?? 0) * (coordination === 0 ? 1 : (buffers.matched[shortId] ?? 1) ** coordination);
  return boundedHeap(touched, scoreOf, options, internals).sort((a, b) => b.score - a.score || a.shortId - b.shortId);
}

/** The `limit` best accepted documents by `scoreOf`, as a min-heap: the worst of them first. */
function boundedHeap(touched: number[], scoreOf: (shortId: number) => number, options: RankOptions, internals: IndexInternals): Candidate[] {
  const heap: Candidate[] = [];
  for (const shortId of touched) {
    const score = scoreOf(shortId);
    if (heap.length === options.limit && score <= (heap[0]?.score ?? 0)) continue;
    if (options.accept) {
      const id = internals.documentIds.get(shortId);
      if (id === undefined || !options.accept(id)) continue;
    }
    if (heap.length < options.limit) {
      heap.push({ shortId, score });
      siftUp(heap, heap.length - 1);
    } else {
      heap[0] = { shortId, score };
      siftDown(heap, 0);
    }
  }
  return heap;
}

function siftUp(heap: Candidate[], position: number): void {
  let child = position;
  while (child > 0) {
    const parent = (child - 1) >> 1;
    if ((heap[parent]?.score ?? 0) <= (heap[child]?.score ?? 0)) return;
    swap(heap, parent, child);
    child = parent;
  }
}

function siftDown(heap: Candidate[], position: number): void {
  let parent = position;
  for (;;) {
    const left = parent * 2 + 1;
    const right = left + 1;
    let smallest = parent;
    if (left < heap.length && (heap[left]?.score ?? 0) < (heap[smallest]?.score ?? 0)) smallest = left;
    if (right < heap.length && (heap[right]?.score ?? 0) < (heap[smallest]?.score ?? 0)) smallest = right;
    if (smallest === parent) return;
    swap(heap, parent, smallest);
    parent = smallest;
  }
}

function swap(heap: Candidate[], first: number, second: number): void {
  const item = heap[first];
  const other = heap[second];
  if (item === undefined || other === undefined) return;
  heap[first] = other;
  heap[second] = item;
}
