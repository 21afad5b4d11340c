import type MiniSearch from 'minisearch';
import type { RankingParameters } from './index-options.js';
import { readInternals, type FieldPostings, type IndexInternals } from './index-internals.js';

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
const lengthNormsByIndex = new WeakMap<MiniSearch, { key: string; norms: Map<number, Float64Array> }>();

/**
 * Scores documents exactly as MiniSearch's BM25+ does (per-field IDF and length
 * normalisation, summed over fields), with a tunable coordination factor, and keeps the
 * best `limit`. Term-at-a-time into flat arrays, so a query costs one pass over its postings
 * and no allocation per matching document.
 */
export function rankDocuments(index: MiniSearch, terms: WeightedTerm[], parameters: RankingParameters, options: RankOptions): RankedDocument[] {
  if (terms.length === 0 || options.limit <= 0) return [];
  const internals = readInternals(index);
  const buffers = buffersFor(index, internals.nextId);
  const { scores, matched, lastSource } = buffers;
  const { k, b, d } = parameters.bm25;
  const fields = Object.entries(parameters.boost).filter(([field, boost]) => boost > 0 && internals.fieldIds[field] !== undefined);
  const touched: number[] = [];
  const sources = [...new Set(terms.map((term) => term.source))];

  sources.forEach((source, sourceIndex) => {
    for (const { term, weight, source: termSource } of terms) {
      if (termSource !== source) continue;
      const postingsByField = internals.terms.get(term);
      if (!postingsByField) continue;
      for (const [field, boost] of fields) {
        const fieldId = internals.fieldIds[field] as number;
        const postings = postingsByField.get(fieldId);
        if (!postings) continue;
        const documentFrequency = internals.dirtCount === 0 ? postings.size : countLive(postings, internals);
        const inverseFrequency = Math.log(1 + (internals.documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
        const factor = weight * boost * inverseFrequency;
        const norms = lengthNorms(index, internals, fieldId, k, b);
        postings.forEach((frequency, shortId) => {
          const norm = norms[shortId];
          // A discarded document keeps its postings until MiniSearch vacuums; it has no length.
          if (norm === undefined || Number.isNaN(norm)) return;
          const score = factor * (d + (frequency * (k + 1)) / (frequency + norm));
          if (scores[shortId] === 0) touched.push(shortId);
          scores[shortId] = (scores[shortId] ?? 0) + score;
          if (lastSource[shortId] !== sourceIndex) {
            lastSource[shortId] = sourceIndex;
            matched[shortId] = (matched[shortId] ?? 0) + 1;
          }
        });
      }
    }
  });

  const best = selectBest(touched, buffers, parameters.coordination, options, internals);
  for (const shortId of touched) {
    scores[shortId] = 0;
    matched[shortId] = 0;
    lastSource[shortId] = -1;
  }
  return best.map(({ shortId, score }) => ({
    id: internals.documentIds.get(shortId) ?? '',
    score,
    matchedTerms: sources.filter((source) => terms.some((term) => term.source === source && holds(internals.terms.get(term.term), shortId, fields, internals))),
  }));
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

/** k·(1 − b + b·length/average) per document for one field; NaN where the document is gone. */
function lengthNorms(index: MiniSearch, internals: IndexInternals, fieldId: number, k: number, b: number): Float64Array {
  const key = `${k}:${b}:${internals.nextId}:${internals.documentCount}:${internals.dirtCount}`;
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

/** The `limit` best candidates, best first, using a bounded min-heap. */
function selectBest(touched: number[], buffers: Buffers, coordination: number, options: RankOptions, internals: IndexInternals): Candidate[] {
  const heap: Candidate[] = [];
  for (const shortId of touched) {
    const matchedCount = buffers.matched[shortId] ?? 1;
    const score = (buffers.scores[shortId] ?? 0) * (coordination === 0 ? 1 : matchedCount ** coordination);
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
  return heap.sort((a, b) => b.score - a.score || a.shortId - b.shortId);
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
