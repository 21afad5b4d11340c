import type { WeightedTerm } from './bm25-ranker.js';
import { sentenceSpans } from './sentence-spans.js';
import { termReader, termSpans } from './tokenizer.js';

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

/** What matching needs of a quote, whatever the question: its sentences, and its words that have an index term, with where they start. */
export interface QuoteReading {
  sentences: readonly TextRange[];
  words: readonly string[];
  terms: readonly string[];
  starts: readonly number[];
}

/** Splits a quote into sentences and reads its words once, each with its index term, hyphenated names also as one word (`termSpans`); stop words are left out. */
export function readQuote(text: string): QuoteReading {
  const words: string[] = [];
  const terms: string[] = [];
  const starts: number[] = [];
  const spans = termSpans(text);
  const termOf = termReader(text, spans);
  for (const span of spans) {
    const { word, start } = span;
    const term = termOf(span);
    if (term === null) continue;
    words.push(word);
    terms.push(term);
    starts.push(start);
  }
  return { sentences: sentenceSpans(text), words, terms, starts };
}

/**
 * The readings of the quotes cited lately, by document version and span. The same passages come
 * back in answer after answer, and splitting a quote into sentences and words is most of what an
 * answer costs beyond ranking. Kept per document object, so a new version of a document never
 * meets the reading of the old one, nor keeps it alive; emptied past `limit` readings.
 */
export function quoteReadings(limit = 2000): (document: object, span: TextRange, text: string) => QuoteReading {
  let byDocument = new WeakMap<object, Map<string, QuoteReading>>();
  let count = 0;
  return (document, span, text) => {
    const key = `${span.start}:${span.end}`;
    let readings = byDocument.get(document);
    const cached = readings?.get(key);
    if (cached) return cached;
    if (count >= limit) {
      byDocument = new WeakMap();
      readings = undefined;
      count = 0;
    }
    if (!readings) {
      readings = new Map();
      byDocument.set(document, readings);
    }
    const reading = readQuote(text);
    readings.set(key, reading);
    count += 1;
    return reading;
  };
}

/**
 * Matches a quote, word by word, for both:
 * - the sentence or sentences that best match the question: each sentence scores the
 *   specificity (IDF) of the distinct question words it holds, through their translations and
 *   synonyms too; none when the quote is a single sentence or matches nothing;
 * - the words matched only through a Russian translation, as written there ("запасов", "урана").
 * Takes the quote's text, or its reading (`readQuote`) when the caller keeps them.
 */
export function matchQuote(quote: string | QuoteReading, terms: readonly WeightedTerm[], specificity: (source: string) => number): QuoteMatch {
  return quoteMatcher(terms, specificity)(quote);
}

/** `matchQuote` for several quotes of one question: its terms are read once, not once per quote. */
export function quoteMatcher(terms: readonly WeightedTerm[], specificity: (source: string) => number): (quote: string | QuoteReading) => QuoteMatch {
  const sourceOf = new Map<string, { source: string; weight: number; russian: boolean }>();
  for (const { term, source, weight, via } of terms) if (!sourceOf.has(term)) sourceOf.set(term, { source, weight, russian: via === 'russian' });
  return (quote) => {
    const { sentences, words, terms: wordTerms, starts } = typeof quote === 'string' ? readQuote(quote) : quote;
    const best = sentences.map(() => new Map<string, number>());
    const matchedInRussian: string[] = [];
    let sentence = 0;
    for (let position = 0; position < wordTerms.length; position += 1) {
      const match = sourceOf.get(wordTerms[position] as string);
      if (!match) continue;
      const word = words[position] as string;
      const start = starts[position] as number;
      if (match.russian && !matchedInRussian.includes(word)) matchedInRussian.push(word);
      while (sentence < sentences.length && (sentences[sentence]?.end ?? 0) <= start) sentence += 1;
      const sources = best[sentence];
      if (sources && (sentences[sentence]?.start ?? Infinity) <= start) sources.set(match.source, Math.max(sources.get(match.source) ?? 0, match.weight));
    }
    return { highlights: sentences.length < 2 ? [] : pickSentences(sentences, best, specificity), matchedInRussian };
  };
}

function pickSentences(sentences: readonly TextRange[], best: Array<Map<string, number>>, specificity: (source: string) => number): TextRange[] {
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
    // Copies: a reading's sentences are shared by every answer that cites the quote.
    .map(({ range }) => ({ start: range.start, end: range.end }));
}
