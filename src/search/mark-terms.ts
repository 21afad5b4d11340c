import { expandsAsPrefix } from './query-terms.js';
import { termReader, termSpans } from './tokenizer.js';

/**
 * Where the words of a text that match the given index terms are, as offsets into the text.
 * With `prefix`, a word also matches when its term starts with one of them ("uzbek" marks
 * "Uzbekistan"), as the lookup that found it did. A hyphenated name matched as one word
 * ("IL6" marks "IL-6") is one mark, its parts inside it not marked again: marks never overlap.
 */
export function markTerms(text: string, terms: readonly string[], prefix = false): Array<{ start: number; end: number }> {
  const wanted = new Set(terms);
  const prefixes = prefix ? terms.filter(expandsAsPrefix) : [];
  const marks: Array<{ start: number; end: number }> = [];
  const spans = termSpans(text);
  const termOf = termReader(text, spans);
  for (const span of spans) {
    const { start, end } = span;
    const term = termOf(span);
    if (term === null) continue;
    if (!wanted.has(term) && !prefixes.some((candidate) => term.startsWith(candidate))) continue;
    const last = marks.at(-1);
    if (last !== undefined && start < last.end) last.end = Math.max(last.end, end);
    else marks.push({ start, end });
  }
  return marks;
}
