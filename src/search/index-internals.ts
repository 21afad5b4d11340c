import type MiniSearch from 'minisearch';

/** Per field: the documents (short ids) holding a term, with the term's frequency there. */
export type FieldPostings = Map<number, Map<number, number>>;

/**
 * The parts of a MiniSearch index that ranking reads. MiniSearch keeps them private; the
 * ranker reads them directly because its public `search` allocates an object per matching
 * document and sorts them all, which costs ~50 ms on a 20,000-document collection where a
 * plain scan costs a few. Read-only: every change still goes through MiniSearch's own API.
 */
export interface IndexInternals {
  /** term → field id → short document id → term frequency. */
  terms: {
    get(term: string): FieldPostings | undefined;
    atPrefix(prefix: string): Iterable<[string, FieldPostings]>;
  };
  fieldIds: Record<string, number>;
  /** short document id → length of each field (by field id). */
  fieldLength: Map<number, number[]>;
  averageFieldLength: number[];
  documentIds: Map<number, string>;
  documentCount: number;
  nextId: number;
  dirtCount: number;
}

/**
 * An index whose ranking data is not one MiniSearch's own: the base's postings segment read by
 * term with the documents changed since in memory (segment-index.ts). The ranker and the term
 * statistics read either kind through `readInternals`.
 */
export interface InternalsSource {
  readonly rankingInternals: IndexInternals;
}

/** What the ranker and the term statistics rank over. */
export type RankableIndex = MiniSearch | InternalsSource;

interface MiniSearchPrivateFields {
  _index?: unknown;
  _fieldIds?: unknown;
  _fieldLength?: unknown;
  _avgFieldLength?: unknown;
  _documentIds?: unknown;
  _documentCount?: unknown;
  _nextId?: unknown;
  _dirtCount?: unknown;
}

/** Reads the ranking data of an index, failing loudly if a MiniSearch upgrade moved it. */
export function readInternals(index: RankableIndex): IndexInternals {
  if ('rankingInternals' in index) return index.rankingInternals;
  const fields = index as unknown as MiniSearchPrivateFields;
  const terms = fields._index as { get?: unknown; atPrefix?: unknown } | undefined;
  const valid =
    typeof terms?.get === 'function' &&
    typeof terms.atPrefix === 'function' &&
    typeof fields._fieldIds === 'object' &&
    fields._fieldLength instanceof Map &&
    Array.isArray(fields._avgFieldLength) &&
    fields._documentIds instanceof Map &&
    typeof fields._documentCount === 'number' &&
    typeof fields._nextId === 'number' &&
    typeof fields._dirtCount === 'number';
  if (!valid) {
    throw new Error('minisearch: the index layout is not the one of minisearch 7.2 that the ranker reads; pin minisearch to 7.2 or update src/search/index-internals.ts');
  }
  return {
    terms: fields._index as IndexInternals['terms'],
    fieldIds: fields._fieldIds as Record<string, number>,
    fieldLength: fields._fieldLength as Map<number, number[]>,
    averageFieldLength: fields._avgFieldLength as number[],
    documentIds: fields._documentIds as Map<number, string>,
    documentCount: fields._documentCount as number,
    nextId: fields._nextId as number,
    dirtCount: fields._dirtCount as number,
  };
}
