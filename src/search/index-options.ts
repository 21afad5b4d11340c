import type { Options } from 'minisearch';
import { normalizeTerm, splitWords, termsOf } from './tokenizer.js';

/** How matches are scored: BM25+ per field, field boosts, and a reward for matching more of the query. */
export interface RankingParameters {
  /** BM25+ term-frequency saturation (k), length normalisation (b) and lower bound (d). */
  bm25: { k: number; b: number; d: number };
  /** Weight of each field; fields not named are not searched. */
  boost: Record<string, number>;
  /**
   * The score is multiplied by (distinct query terms matched)^coordination. MiniSearch uses 1;
   * 0 is plain BM25. It favours a passage that answers all of a question over one that
   * repeats one of its words.
   */
  coordination: number;
}

// Splitting a term's occurrences apart: MiniSearch measures a field's length as its number of
// *distinct* tokens, while BM25 normalises by the number of tokens. Tagging the n-th
// occurrence of a term ("cell", "cell\u00002", …) makes every token distinct for the length,
// and the tag is stripped again before the term is stored. Words never hold U+0000.
const occurrenceTag = '\u0000';

function tagOccurrences(terms: string[]): string[] {
  const seen = new Map<string, number>();
  return terms.map((term) => {
    const count = (seen.get(term) ?? 0) + 1;
    seen.set(term, count);
    return count === 1 ? term : `${term}${occurrenceTag}${count}`;
  });
}

function stripOccurrenceTag(token: string): string {
  const tag = token.indexOf(occurrenceTag);
  return tag === -1 ? token : token.slice(0, tag);
}

/**
 * MiniSearch options for an index over the given fields, shared by the passage index and the
 * benchmarks so both run the same analysis: words split on anything but letters and digits,
 * stop words dropped, English or Russian stemming by script.
 */
export function createIndexOptions<T>(fields: string[], storeFields: string[] = [], extractField?: (document: T, field: string) => string | undefined): Options<T> {
  return {
    idField: 'id',
    fields,
    storeFields,
    ...(extractField && { extractField: (document: T, field: string) => (field === 'id' ? (document as { id: string }).id : extractField(document, field)) }),
    tokenize: (text) => tagOccurrences(termsOf(text)),
    processTerm: stripOccurrenceTag,
    // Only used when MiniSearch's own search is called (tests compare the ranker against it).
    searchOptions: { tokenize: splitWords, processTerm: (word) => normalizeTerm(word) ?? undefined },
  };
}
