import type { QueryWord } from './query-expansion.js';
import { isCapitalisedName } from './query-expansion.js';

/** A query term and how specific it is in the index. */
export interface TermWeight {
  term: string;
  inverseFrequency: number;
  /** A name or number of the question ("Kazakhstan", "2019"): it says where and when, not what is asked. */
  name?: boolean;
}

/** The thresholds of the confidence rule. */
export interface ConfidenceRule {
  /** Least share of the question's specificity (IDF mass) the best passage must match. */
  minimumCoverage: number;
  /** Most share of the question's specificity that words found nowhere in the library may carry. */
  maximumMissingShare: number;
  /**
   * Least coverage of a best passage that holds only the question's names and numbers, none of
   * its other words, while one of its words occurs nowhere.
   */
  minimumNamesOnlyCoverage: number;
}

/**
 * When to call an answer confident, chosen on the tuning half of the ranking set with
 * `npm run bench:quality` (it prints both halves). Coverage is the share of the question's
 * specificity that the best passage matches: an off-topic question shares at most its generic
 * words with the corpus ("Japan", "policy"), an answerable one shares its specific words too.
 */
export const confidenceRule: ConfidenceRule = { minimumCoverage: 0.1, maximumMissingShare: 0.5, minimumNamesOnlyCoverage: 0.4 };

/** Share of the query's IDF mass that the matched terms carry, from 0 to 1. */
export function coverage(query: TermWeight[], matchedTerms: readonly string[]): number {
  const total = query.reduce((sum, term) => sum + term.inverseFrequency, 0);
  if (total === 0) return 0;
  const matched = new Set(matchedTerms);
  const covered = query.filter((term) => matched.has(term.term)).reduce((sum, term) => sum + term.inverseFrequency, 0);
  return covered / total;
}

/** A word no source mentions that names something (capitalised inside the question) or is a number: the question is about it. */
export function isDistinctive(word: QueryWord): boolean {
  return isCapitalisedName(word) || /\p{N}/u.test(word.word);
}

/**
 * True when the best passage covers enough of what the question is specifically about, and the
 * library mentions what the question names.
 * - A name, place or number that occurs nowhere ("Mongolia") means no passage is about it.
 * - Words found nowhere that carry half the question's specificity ("sourdough bread") do too.
 * - A passage that shares only the question's setting, its names and numbers ("Kazakhstan",
 *   "2019"), and none of what it asks, while a word occurs nowhere ("tourists"), is about the
 *   setting, not about the question, unless those names are most of the question ("Fumio Kishida").
 * - One matched word is never enough for a question of several: "What is the capital of
 *   Australia?" shares "Australia" with a passage on the Quad, which says nothing of capitals.
 */
export function isConfident(query: TermWeight[], bestMatchedTerms: readonly string[] | undefined, missing: readonly QueryWord[] = [], rule: ConfidenceRule = confidenceRule): boolean {
  if (bestMatchedTerms === undefined || bestMatchedTerms.length === 0) return false;
  if (missing.some(isDistinctive)) return false;
  if (coverage(query, missing.map((word) => word.term)) >= rule.maximumMissingShare) return false;
  if (missing.length > 0 && holdsOnlyNames(query, bestMatchedTerms) && coverage(query, bestMatchedTerms) < rule.minimumNamesOnlyCoverage) return false;
  if (new Set(bestMatchedTerms).size < Math.min(2, query.length)) return false;
  return coverage(query, bestMatchedTerms) >= rule.minimumCoverage;
}

/** True when every matched term is a name or number of the question, and the question has other words. */
function holdsOnlyNames(query: readonly TermWeight[], matchedTerms: readonly string[]): boolean {
  const names = new Set(query.filter((term) => term.name === true).map((term) => term.term));
  return names.size < query.length && matchedTerms.every((term) => names.has(term));
}
