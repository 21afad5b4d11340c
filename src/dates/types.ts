import type { DatePrecision } from '../corpus/types.js';

/** Where a key event is said: a sentence of one document, quoted exactly. */
export interface EventSource {
  docId: string;
  /** Offsets into the document body: `body.slice(start, end) === quote`. */
  start: number;
  end: number;
  quote: string;
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
