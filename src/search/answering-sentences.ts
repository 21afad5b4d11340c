import type { WeightedTerm } from './bm25-ranker.js';
import { sentenceSpans } from './sentence-spans.js';
import { normalizeTerm, wordSpans } from './tokenizer.js';

/** A stretch of a quote, as offsets into its text. */
export interface TextRange {
  start: number;
  end: number;
}

/** A sentence joins the best one when it scores at least this share of it; chosen on the tuning half. */
export const answeringSentenceRule = { relativeScore: 0.75, maximumSentences: 2 } as const;

/** What a quote shows of how it answers: its answering sentences, and the Russian words it matched through a translation. */
export interface QuoteMatch {
  highlights: TextRange[];
  matchedInRussian: string[];
}

/**
 * Reads a quote once, word by word, for both:
 * - the sentence or sentences that best match the question: each sentence scores the
 *   specificity (IDF) of the distinct question words it holds, through their translations and
 *   synonyms too; none when the quote is a single sentence or matches nothing;
 * - the words matched only through a Russian translation, as written there ("запасов", "урана").
 */
export function matchQuote(text: string, terms: readonly WeightedTerm[], specificity: (source: string) => number): QuoteMatch {
  const sourceOf = new Map<string, { source: string; weight: number; russian: boolean }>();
  for (const { term, source, weight, via } of terms) if (!sourceOf.has(term)) sourceOf.set(term, { source, weight, russian: via === 'russian' });
  const sentences = sentenceSpans(text);
  const best = sentences.map(() => new Map<string, number>());
  const matchedInRussian: string[] = [];
  let sentence = 0;
  for (const { word, start } of wordSpans(text)) {
    const term = normalizeTerm(word);
    const match = term === null ? undefined : sourceOf.get(term);
    if (!match) continue;
    if (match.russian && !matchedInRussian.includes(word)) matchedInRussian.push(word);
    while (sentence < sentences.length && (sentences[sentence]?.end ?? 0) <= start) sentence += 1;
    const sources = best[sentence];
    if (sources && (sentences[sentence]?.start ?? Infinity) <= start) sources.set(match.source, Math.max(sources.get(match.source) ?? 0, match.weight));
  }
  return { highlights: sentences.length < 2 ? [] : pickSentences(sentences, best, specificity), matchedInRussian };
}

function pickSentences(sentences: TextRange[], best: Array<Map<string, number>>, specificity: (source: string) => number): TextRange[] {
  const scores = best.map((sources) => {
    let score = 0;
    for (const [source, weight] of sources) score += weight * specificity(source);
    return score;
  });
  const top = Math.max(...scores);
  if (top <= 0) return [];
  return sentences
    .map((range, position) => ({ range, score: scores[position] ?? 0, position }))
    .filter(({ score }) => score >= top * answeringSentenceRule.relativeScore)
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .slice(0, answeringSentenceRule.maximumSentences)
    .sort((a, b) => a.position - b.position)
    .map(({ range }) => range);
}
