import type { DatePrecision, PartialDate } from '../corpus/types.js';

/** Where a key event is said: a sentence of one document, quoted exactly. */
export interface EventSource {
  docId: string;
  /** Offsets into the document body: `body.slice(start, end) === quote`. */
  start: number;
  end: number;
  quote: string;
  /** For a paged document (PDF): the page the quote starts on, and `pageEnd` when it runs onto a later one. */
  page?: number;
  pageEnd?: number;
}

/** A date the sources disagree on for what is clearly the same event. */
export interface DateConflict {
  date: string;
  end: string | null;
  precision: DatePrecision;
  sources: EventSource[];
}

/** One entry of the timeline: an event, its date at an honest precision, and every source that names it. */
export interface TimelineEntry {
  /** ISO at the entry's precision: `2004`, `2004-08` or `2004-08-28`. */
  date: string;
  /** Last day/month/year of a range at the same precision, or null for a single date. */
  end: string | null;
  precision: DatePrecision;
  /** A short label taken from the text. */
  label: string;
  sources: EventSource[];
  conflicts: DateConflict[];
}

/** The TIMEX3 types of TimeML, as TempEval-3 scores them. */
export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** One TIMEX3 annotation: a span of the text and its normalised TimeML value (`1998-03`, `1998-Q3`, `199`, `P2W`, `PAST_REF`). */
export interface Timex {
  /** UTF-16 offsets into the text, end exclusive. */
  start: number;
  end: number;
  value: string;
  type: TimexType;
}

/**
 * What a date expression denotes:
 * - `date`: one calendar period, however coarse ("2004", "August 2004", "the third quarter", "the 1990s");
 * - `range`: from one period to another ("1993–2023", "19–20 December");
 * - `duration`: a length of time ("two weeks"); one anchored to the text's time ("the past two months") also gets a date range;
 * - `reference`: a vague pointer to the present, past or future ("now", "recently", "the future");
 * - `invalid`: written like a date but no such day exists ("February 30, 2024"); its `note` says why.
 */
export type DateMentionKind = 'date' | 'range' | 'duration' | 'reference' | 'invalid';

/** A vague part of a period, as written: "early August", "mid-2000s", "late November", "the end of October". */
export type DateModifier = 'start' | 'mid' | 'end';

/**
 * A date at an honest precision: a single date (`end` null) or a range whose ends share a precision.
 * When a relative date cannot be pinned down because the publication date is coarse, the range says
 * which periods it may fall in (e.g. "two weeks ago" in a text from May 2025 is `2025-04`..`2025-05`).
 */
export interface ResolvedDate {
  start: PartialDate;
  end: PartialDate | null;
}

/** One date expression found in a text. */
export interface DateMention {
  /** UTF-16 offsets into the text, end exclusive: `text === source.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  kind: DateMentionKind;
  /** The calendar date; null when it cannot be known (a relative date without a publication date, a bare duration, "now", an impossible date). */
  date: ResolvedDate | null;
  /** True when the date depends on when the text was written ("last year", "August 24", "two weeks ago"). */
  relative: boolean;
  /** A vague part of the period ("early", "mid", "late", "the end of"); the date keeps the period's own precision. */
  modifier: DateModifier | null;
  /** Why `date` is null or coarser than the words suggest, written for a person; null when there is nothing to say. */
  note: string | null;
  /** The same mention as TimeML TIMEX3 annotations (a range written as two dates gives two). */
  timexes: Timex[];
}

/** A dated event of one document: a date that dates something that happened or will happen, with the sentence that says so. */
export interface KeyEvent {
  docId: string;
  date: ResolvedDate;
  /** A short label taken from the text: the clause around the date. */
  label: string;
  /** The sentence, quoted exactly: `body.slice(source.start, source.end) === source.quote`. */
  source: EventSource;
  /** The date expression as written, with its offsets into the body. */
  mention: { start: number; end: number; text: string };
}
