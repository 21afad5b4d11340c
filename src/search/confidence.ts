/** A query term and how specific it is in the index. */
export interface TermWeight {
  term: string;
  inverseFrequency: number;
}

/**
 * When to call an answer confident, from `npm run bench:quality` (it prints how on-topic and
 * off-topic questions fall). Coverage is the share of the question's specificity (IDF mass)
 * that the best passage matches: an off-topic question shares at most its generic words with
 * the corpus ("Japan", "policy"), an answerable one shares its specific words too.
 */
export const confidenceRule = { minimumCoverage: 0.3 } as const;

/** Share of the query's IDF mass that the matched terms carry, from 0 to 1. */
export function coverage(query: TermWeight[], matchedTerms: readonly string[]): number {
  const total = query.reduce((sum, term) => sum + term.inverseFrequency, 0);
  if (total === 0) return 0;
  const matched = new Set(matchedTerms);
  const covered = query.filter((term) => matched.has(term.term)).reduce((sum, term) => sum + term.inverseFrequency, 0);
  return covered / total;
}

/**
 * True when the best passage covers enough of what the question is specifically about. One
 * matched word is never enough for a question of several: "What is the capital of Australia?"
 * shares "Australia" with a passage on the Quad, which says nothing of capitals.
 */
export function isConfident(query: TermWeight[], bestMatchedTerms: readonly string[] | undefined, rule: { minimumCoverage: number } = confidenceRule): boolean {
  if (bestMatchedTerms === undefined || bestMatchedTerms.length === 0) return false;
  if (new Set(bestMatchedTerms).size < Math.min(2, query.length)) return false;
  return coverage(query, bestMatchedTerms) >= rule.minimumCoverage;
}
