import { stemmer as russianStemmer } from '@orama/stemmers/russian';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { stopwords as russianStopwords } from '@orama/stopwords/russian';
// Porter's stemmer as he wrote it; the English stemmer of @orama/stemmers mishandles the
// "-ion" step ("induction" → "induc", "expression" → "expres"), which costs recall.
import { stemmer as englishStemmer } from 'stemmer';

/** A word of a text with its character offsets, so matches can be marked in the quote. */
export interface WordSpan {
  word: string;
  start: number;
  end: number;
}

// Letters, combining marks and digits of any script; everything else (spaces, punctuation,
// emoji, regex characters, "@" of a mention) separates words and is never interpreted.
// Invisible format characters (zero-width space and joiners, word joiner, byte-order mark,
// soft hyphen) count as part of a word and are then dropped from it: text pasted from the web
// hides them inside words ("Uzbe\u200Bkistan"), and a word must match with or without them.
const wordPattern = /[\p{L}\p{M}\p{N}\u00AD\u200B-\u200D\u2060\uFEFF]+/gu;
const invisible = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;
const hasInvisible = /[\u00AD\u200B-\u200D\u2060\uFEFF]/u;
const cyrillic = /\p{Script=Cyrillic}/u;
const latin = /\p{Script=Latin}/u;
const combiningMarks = /\p{M}/gu;

// The English list has no "a" nor "whose", and splitting "Japan's" leaves an "s": none carries meaning.
const stopwords = new Set([...englishStopwords, ...russianStopwords, 'a', 'whose', 's', 't', 'd', 'll', 'm', 're', 've']);

// Stemmers are regular-expression and rule machines; a word longer than any real one is
// not a word anyone will search for by its stem, and skipping it bounds the work per token.
const longestStemmedWord = 40;
const cacheLimit = 200_000;
const termCache = new Map<string, string | null>();

/** Splits a text into words for indexing and querying. */
export function splitWords(text: string): string[] {
  return wordSpans(text).map((span) => span.word);
}

/** A word without the invisible characters hidden in it; empty when it had nothing else. */
function visibleWord(word: string): string {
  return hasInvisible.test(word) ? word.replace(invisible, '') : word;
}

/** The words of a text (invisible characters removed) with their offsets into it. */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(wordPattern)) {
    const word = visibleWord(match[0]);
    if (word !== '') spans.push({ word, start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

/**
 * Turns a word into the term stored in the index: lower case, accents folded for Latin
 * script, stop words dropped (null), and stemmed with the stemmer of the word's script
 * (Cyrillic words with the Russian stemmer, Latin with the English one, digits as they are).
 * Results are cached because the same words recur in every document and every query.
 */
export function normalizeTerm(word: string): string | null {
  const cached = termCache.get(word);
  if (cached !== undefined) return cached;
  const term = computeTerm(word);
  if (termCache.size >= cacheLimit) termCache.clear();
  termCache.set(word, term);
  return term;
}

function computeTerm(word: string): string | null {
  const lower = word.toLowerCase();
  if (stopwords.has(lower)) return null;
  if (lower.length > longestStemmedWord) return lower;
  if (cyrillic.test(lower)) return russianStemmer(lower.replaceAll('ё', 'е'));
  if (latin.test(lower)) {
    const folded = lower.normalize('NFKD').replace(combiningMarks, '');
    return englishStemmer(folded);
  }
  return lower;
}

/** The index terms of a text, in order, stop words removed. */
export function termsOf(text: string): string[] {
  const terms: string[] = [];
  for (const word of splitWords(text)) {
    const term = normalizeTerm(word);
    if (term !== null) terms.push(term);
  }
  return terms;
}
