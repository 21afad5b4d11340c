import type { RankableIndex } from './index-internals.js';
import { rankDocuments, type RankedDocument } from './bm25-ranker.js';
import type { RankingParameters } from './index-options.js';
import { expandQuery, type QueryExpander } from './query-expansion.js';
import { expandPrefixes } from './query-terms.js';

export interface RankQueryOptions {
  limit: number;
  accept?: (id: string) => boolean;
  /** Also match indexed terms that start with a query term (quick lookups). */
  prefix?: boolean;
  /** Translations and synonyms added to the query's own terms. */
  expanders?: readonly QueryExpander[];
}

/** The one query path: analyse the text like the index, then rank. `ask`, `search` and the benchmarks all go through it. */
export function rankQuery(index: RankableIndex, text: string, parameters: RankingParameters, options: RankQueryOptions): RankedDocument[] {
  const terms = expandQuery(text, options.expanders ?? []);
  return rankDocuments(index, options.prefix === true ? expandPrefixes(index, terms) : terms, parameters, options);
}
