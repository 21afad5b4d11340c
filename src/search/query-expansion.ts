import type { WeightedTerm } from './bm25-ranker.js';
import { countedTerms, queryTerms } from './query-terms.js';
import { termReader, termSpans, type WordSpan } from './tokenizer.js';

/** A content word of a query, as typed, with its index term. */
export interface QueryWord {
  word: string;
  term: string;
  /** 0 for the first word of the query (written with a capital whatever it is). */
  position: number;
  /** The word typed right after it, stop word or not, so that an expander can read two-word phrases ("travelled to"). */
  follower?: string;
  /**
   * A hyphenated name read as one word ("IL-6" as "IL6", `termSpans`), at the position of its
   * first part. It ranks like any word but is never missing nor weighed for confidence: its parts are.
   */
  joined?: true;
}

/** Adds terms that stand for words of a query: translations, synonyms. */
export interface QueryExpander {
  expand(words: readonly QueryWord[]): WeightedTerm[];
}

/** The query's content words, stop words left out, then its hyphenated names read as one word (`joined`). */
export function queryWords(text: string): QueryWord[] {
  const spans = termSpans(text);
  const termOf = termReader(text, spans);
  const plain = spans.filter((span) => span.joined !== true);
  const words: QueryWord[] = [];
  const joined: QueryWord[] = [];
  let position = 0;
  for (const span of spans) {
    const term = termOf(span);
    if (span.joined === true) {
      if (term !== null) joined.push({ word: text.slice(span.start, span.end), term, position, joined: true });
      continue;
    }
    const follower = followerOf(text, plain, position);
    if (term !== null) words.push({ word: span.word, term, position, ...(follower !== undefined && { follower }) });
    position += 1;
  }
  return [...words, ...joined];
}

/**
 * The terms of the words that hyphenated names stand for, of those names whose term is in `terms`:
 * a library that writes "Bcl2" holds the "BCL" and "2" of a question's "BCL-2", though neither
 * occurs alone. A name read as one word covers the word at its position and the one after it.
 */
export function partsOfNames(words: readonly QueryWord[], terms: ReadonlySet<string>): string[] {
  const termAt = new Map(words.filter((word) => word.joined !== true).map((word) => [word.position, word.term]));
  const parts: string[] = [];
  for (const name of words) {
    if (name.joined !== true || !terms.has(name.term)) continue;
    for (const position of [name.position, name.position + 1]) {
      const part = termAt.get(position);
      if (part !== undefined) parts.push(part);
    }
  }
  return parts;
}

/** The word after the one at `position` when only spaces part them: a comma or full stop ends a phrase. */
function followerOf(text: string, spans: readonly WordSpan[], position: number): string | undefined {
  const current = spans[position];
  const next = spans[position + 1];
  return current !== undefined && next !== undefined && /^\s+$/u.test(text.slice(current.end, next.start)) ? next.word : undefined;
}

/** True for a word written with a capital inside the question: a name ("Japan", "Mongolia"), not a common word. */
export function isCapitalisedName(word: QueryWord): boolean {
  const first = word.word[0] ?? '';
  return word.position > 0 && first !== first.toLowerCase();
}

/**
 * The terms of a query with what the expanders add. An added term that the query already
 * has, or that stands for the same word twice, is dropped, so no word is counted twice.
 */
export function expandQuery(text: string, expanders: readonly QueryExpander[]): WeightedTerm[] {
  return expanders.length === 0 ? queryTerms(text) : expandWords(queryWords(text), expanders);
}

/** The query's own terms, each weighted by how often its words use it: `queryTerms` of the text the words were read from. */
export function ownTerms(words: readonly QueryWord[]): WeightedTerm[] {
  return countedTerms(words.map((word) => word.term));
}

/** `expandQuery` over words already read, for a caller that needs them too; the query's own terms come first. */
export function expandWords(words: readonly QueryWord[], expanders: readonly QueryExpander[]): WeightedTerm[] {
  const terms = ownTerms(words);
  const seen = new Set(terms.map((term) => term.term));
  for (const expander of expanders) {
    for (const added of expander.expand(words)) {
      if (seen.has(added.term)) continue;
      seen.add(added.term);
      terms.push(added);
    }
  }
  return terms;
}
