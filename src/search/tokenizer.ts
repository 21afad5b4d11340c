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
  /** Two words joined by a hyphen, read as one ("IL-6" as "IL6"): see `termSpans`. */
  joined?: true;
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
const hyphens = new Set(['-', '\u2010', '\u2011']);
const digit = /\p{N}/u;
// One letter, however it is encoded: "é" composed or as e and an accent, "𝐀" beyond 16 bits.
const singleLetter = /^\p{L}\p{M}*$/u;

// The English list has no "a" nor "whose", and splitting "Japan's" leaves an "s": none carries meaning.
const stopwords = new Set([...englishStopwords, ...russianStopwords, 'a', 'whose', 's', 't', 'd', 'll', 'm', 're', 've']);

// A word of two or more capitals is an acronym even when its lower case is a stop word: "US" is
// the United States, "IT" information technology, "WHO" the health organisation, not "us", "it",
// "who". Its term keeps the capitals, which no other term has: in lower case, "us" is also the
// stem of "use" and "it" that of "its".
const acronym = /^\p{Lu}{2,}$/u;
const lowerCaseLetter = /\p{Ll}/u;
const upperCaseLetter = /\p{Lu}/u;

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
 * The words of a text, each pair of them joined by a hyphen into a name also read as one word,
 * put before the pair ("IL-6" gives "IL6", "IL", "6"). Names of genes, proteins, models and
 * cell types are written with the hyphen or without it at will ("IL-6" and "IL6", "BCL-2" and
 * "Bcl2", "CK-666" and "CK666", "T-cell" and "Tcell"), so the joined word lets either spelling
 * meet the other, and a question with the hyphen find the name itself, not only its parts
 * (SciFact nDCG@10 0.6982 → 0.7081 on the tuning half, 0.6812 → 0.6935 held out). Only such
 * names are joined: joining every hyphenated pair ("long-term") did worse (0.7057 / 0.6835).
 */
export function termSpans(text: string): WordSpan[] {
  const spans = wordSpans(text);
  const withJoined: WordSpan[] = [];
  spans.forEach((span, position) => {
    const next = spans[position + 1];
    if (next !== undefined && joinsAsName(text, span, next)) withJoined.push({ word: span.word + next.word, start: span.start, end: next.end, joined: true });
    withJoined.push(span);
  });
  return withJoined;
}

/** Whether two words touch a single hyphen and one of them holds a digit or is a single letter: a name's parts ("IL-6", "T-cell"). */
function joinsAsName(text: string, first: WordSpan, second: WordSpan): boolean {
  if (second.start !== first.end + 1 || !hyphens.has(text[first.end] ?? '')) return false;
  return [first.word, second.word].some((word) => singleLetter.test(word) || digit.test(word));
}

/**
 * How the words of one text become terms (`normalizeTerm`), given its spans (`wordSpans` or
 * `termSpans`). A word in capitals beside only words in capitals on its line (a wire headline,
 * a heading, a question typed with caps lock on) tells no acronym from the words around it, so it
 * is read in lower case: "THE" and "AND" of "THE US AND JAPAN" are then stop words, not names.
 * Beside a word in lower case ("the US campaign") it is read as written. A hyphenated name read
 * as one word (`joined`) is read as its first part is.
 */
export function termReader(text: string, spans: readonly WordSpan[]): (span: WordSpan) => string | null {
  const shouted = shoutedWordStarts(text, spans.filter((span) => span.joined !== true));
  return (span) => normalizeTerm(shouted.has(span.start) ? span.word.toLowerCase() : span.word);
}

/** Where the words in capitals begin whose neighbours on the same line (at least one) have no lower-case letter: capitals or numbers ("TO 66 CTS"). */
function shoutedWordStarts(text: string, words: readonly WordSpan[]): Set<number> {
  const starts = new Set<number>();
  const onItsLine = (first: WordSpan | undefined, second: WordSpan | undefined) => first !== undefined && second !== undefined && !text.slice(first.end, second.start).includes('\n');
  words.forEach((word, position) => {
    if (!inCapitals(word.word)) return;
    const before = words[position - 1];
    const after = words[position + 1];
    const neighbours = [onItsLine(before, word) ? before : undefined, onItsLine(word, after) ? after : undefined].filter((neighbour) => neighbour !== undefined);
    if (neighbours.length > 0 && neighbours.every((neighbour) => !lowerCaseLetter.test(neighbour.word))) starts.add(word.start);
  });
  return starts;
}

/** A word with a capital letter and no lower-case one ("US", "THE", "IL6"); digits alone are not. */
function inCapitals(word: string): boolean {
  return upperCaseLetter.test(word) && !lowerCaseLetter.test(word);
}

/**
 * Turns a word into the term stored in the index: lower case, accents folded for Latin
 * script, stop words dropped (null) unless written as an acronym ("US"), and stemmed with the stemmer of the word's script
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
  if (stopwords.has(lower)) return acronym.test(word) ? word : null;
  if (lower.length > longestStemmedWord) return lower;
  if (cyrillic.test(lower)) return russianStemmer(russianSpelling(lower));
  if (latin.test(lower)) {
    const folded = lower.normalize('NFKD').replace(combiningMarks, '');
    return englishStemmer(folded);
  }
  return lower;
}

/**
 * A Russian word as the stemmer and the dictionary tables read it: lower case, composed ("й"
 * typed as и and a breve is the letter й), and ё written е, as most Russian text writes it.
 */
export function russianSpelling(word: string): string {
  return word.normalize('NFC').toLowerCase().replaceAll('ё', 'е');
}

/** True for a word the index leaves out (a stop word: "of", "the", a lone "s"). */
export function isStopWord(word: string): boolean {
  return normalizeTerm(word) === null;
}

/**
 * The index terms of a text, in order, stop words removed, and then those of its hyphenated names
 * read as one word (as `termSpans` reads them): last, as `queryWords` has them, so that a query's
 * terms come in the same order either way. Read without `termSpans`' copy: every passage is read here.
 */
export function termsOf(text: string): string[] {
  const spans = wordSpans(text);
  const termOf = termReader(text, spans);
  const terms: string[] = [];
  const joined: string[] = [];
  spans.forEach((span, position) => {
    const term = termOf(span);
    if (term !== null) terms.push(term);
    const next = spans[position + 1];
    const name = next !== undefined && joinsAsName(text, span, next) ? termOf({ word: span.word + next.word, start: span.start, end: next.end, joined: true }) : null;
    if (name !== null) joined.push(name);
  });
  for (const name of joined) terms.push(name);
  return terms;
}
