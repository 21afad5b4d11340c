import { splitSentences } from '../corpus/sentences.js';
import type { WeightedTerm } from './bm25-ranker.js';
import { normalizeTerm, wordSpans } from './tokenizer.js';

/** A stretch of a quote, as offsets into its text. */
export interface TextRange {
  start: number;
  end: number;
}

/** A sentence joins the best one when it scores at least this share of it; chosen on the tuning half. */
export const answeringSentenceRule = { relativeScore: 0.75, maximumSentences: 2 } as const;

/**
 * The sentence or sentences of a quote that best match the question: each sentence scores
 * the specificity (IDF) of the distinct question words it holds, through their translations
 * and synonyms too. Empty when the quote is a single sentence (there is nothing to pick out)
 * or matches nothing.
 */
export function answeringSentences(text: string, terms: readonly WeightedTerm[], specificity: (source: string) => number): TextRange[] {
  const sentences = splitSentences(text).map(trimmed(text)).filter((range) => range.end > range.start);
  if (sentences.length < 2) return [];
  const sourceOf = new Map<string, { source: string; weight: number }>();
  for (const { term, source, weight } of terms) if (!sourceOf.has(term)) sourceOf.set(term, { source, weight });
  const scores = sentences.map((range) => {
    const best = new Map<string, number>();
    for (const { word } of wordSpans(text.slice(range.start, range.end))) {
      const term = normalizeTerm(word);
      const match = term === null ? undefined : sourceOf.get(term);
      if (match) best.set(match.source, Math.max(best.get(match.source) ?? 0, match.weight));
    }
    let score = 0;
    for (const [source, weight] of best) score += weight * specificity(source);
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

/** A sentence without the white space around it. */
function trimmed(text: string): (range: TextRange) => TextRange {
  return ({ start, end }) => {
    let first = start;
    let last = end;
    while (first < last && /\s/u.test(text[first] ?? '')) first += 1;
    while (last > first && /\s/u.test(text[last - 1] ?? '')) last -= 1;
    return { start: first, end: last };
  };
}

/** The words of a quote matched only through a Russian translation, as written there ("запасов", "урана"). */
export function wordsMatchedInRussian(text: string, terms: readonly WeightedTerm[]): string[] {
  const translations = new Set(terms.filter((term) => term.via === 'russian').map((term) => term.term));
  if (translations.size === 0) return [];
  const words: string[] = [];
  for (const { word } of wordSpans(text)) {
    const term = normalizeTerm(word);
    if (term !== null && translations.has(term) && !words.includes(word)) words.push(word);
  }
  return words;
}
