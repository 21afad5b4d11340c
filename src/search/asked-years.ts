import type { PartialDate } from '../corpus/types.js';
import { extractDateMentions } from '../dates/extract.js';
import type { QueryWord } from './query-expansion.js';

/**
 * The years a question names ("in 2019"): a question tied to a year is answered by a passage of
 * that year, and the best passages all speaking of other years are no answer to it, however many
 * of its other words they share ("What did the Turkmen president say about gas exports in 2019?"
 * finds his 2025 visit). A year is a number from 1800 to 2099; other numbers are amounts.
 */
export function yearsAsked(words: readonly QueryWord[]): number[] {
  const years = words.flatMap(({ word }) => (/^(1[89]|20)\d\d$/u.test(word) ? [Number(word)] : []));
  return [...new Set(years)];
}

/** A passage as the year check reads it: its text, the lead-in or table header read with it, and when its document was written. */
export interface DatedPassage {
  text: string;
  context: string | null;
  published: PartialDate | null;
}

/**
 * Whether a passage speaks of a year: it writes it, its lead-in or header does, its document was
 * published then, or a relative date of it falls in it ("last year" in a text of 2026 is 2025).
 * The dates are only read for a passage that writes no year of the question, and once however
 * many years are asked about.
 */
export function yearsSpokenOf(passage: DatedPassage): (year: number) => boolean {
  let relativeSpans: Array<{ first: number; last: number }> | undefined;
  const relativeYears = () => (relativeSpans ??= relativeDateYears(passage));
  return (year) => {
    const written = new RegExp(`(?<!\\d)${year}(?!\\d)`, 'u');
    if (written.test(passage.text) || (passage.context !== null && written.test(passage.context))) return true;
    if (passage.published !== null && yearOf(passage.published) === year) return true;
    return relativeYears().some(({ first, last }) => first <= year && year <= last);
  };
}

/** The years each relative date of a passage spans, resolved against its publication date; none without one. */
function relativeDateYears(passage: DatedPassage): Array<{ first: number; last: number }> {
  if (passage.published === null) return [];
  return extractDateMentions(passage.text, { referenceDate: passage.published }).flatMap(({ relative, date }) => (relative && date !== null ? [{ first: yearOf(date.start), last: yearOf(date.end ?? date.start) }] : []));
}

function yearOf(date: PartialDate): number {
  return Number(date.iso.slice(0, 4));
}

/** The years the question names that none of the passages speaks of. */
export function yearsNoneSpeaksOf(years: readonly number[], passages: readonly DatedPassage[]): number[] {
  const spoken = passages.map(yearsSpokenOf);
  return years.filter((year) => !spoken.some((speaks) => speaks(year)));
}
