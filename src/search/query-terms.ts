import type { WeightedTerm } from './bm25-ranker.js';
import { readInternals, type RankableIndex } from './index-internals.js';
import { termsOf } from './tokenizer.js';

/** The terms of a query, each weighted by how often the query uses it. */
export function queryTerms(text: string): WeightedTerm[] {
  return countedTerms(termsOf(text));
}

/** Terms in order of first use, each weighted by how many times it comes. */
export function countedTerms(terms: Iterable<string>): WeightedTerm[] {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return [...counts].map(([term, count]) => ({ term, source: term, weight: count }));
}

const shortestPrefix = 3;
const maximumExpansions = 30;
const prefixWeight = 0.375;

/** Whether a term is long enough, and not a number, to stand for the terms it begins. */
export function expandsAsPrefix(term: string): boolean {
  return term.length >= shortestPrefix && !/^\p{N}+$/u.test(term);
}

/**
 * Adds, for each query term of three letters or more, the indexed terms that start with it
 * ("uzbek" → "uzbekistan"), weighted down the longer they are, as MiniSearch weighs prefix
 * matches. For quick lookups, where people type the start of a name.
 */
export function expandPrefixes(index: RankableIndex, terms: WeightedTerm[]): WeightedTerm[] {
  const internals = readInternals(index);
  const expanded = [...terms];
  for (const { term, source, weight } of terms) {
    if (!expandsAsPrefix(term)) continue;
    let added = 0;
    for (const [candidate] of internals.terms.atPrefix(term)) {
      if (candidate === term) continue;
      const distance = candidate.length - term.length;
      expanded.push({ term: candidate, source, weight: (weight * prefixWeight * candidate.length) / (candidate.length + 0.3 * distance) });
      added += 1;
      if (added === maximumExpansions) break;
    }
  }
  return expanded;
}
