import type { CalendarSpan, CalendarValue, Day } from './calendar.js';
import type { DateMentionKind, DateModifier, TimexType } from './types.js';

/** Whether the clause around a date speaks of the past or the future, or gives no sign of either. */
export type Tense = 'past' | 'future' | 'unknown';

/** A period named without its year ("August 24", "19–20 December", "the third quarter"): it can be built for any year. */
export interface Yearless {
  build(year: number): CalendarSpan | null;
  /** Quarters and halves named without a year mean the publication year's, whatever the tense ("expects fourth-quarter results"). */
  inReferenceYear?: boolean;
}

/** What a resolver may look at besides the words themselves. */
export interface ResolveContext {
  reference: Day;
  tense: Tense;
  /** Dates already read earlier in the same text, nearest last, with where they ended. */
  antecedents: readonly { end: number; value: CalendarValue }[];
}

/**
 * How a candidate's date depends on when and where it is said:
 * - `absolute`: written in full ("August 2004");
 * - `yearless`: a named period whose year comes from the publication date, or from words like "last year";
 * - `deictic`: counted from the moment of writing ("two weeks ago", "last year", "Friday");
 * - `anaphoric`: counted from a date said earlier ("a year earlier", "the quarter"), else from the moment of writing;
 * - `none`: no calendar date at all (a bare duration, "now", an impossible date).
 */
export type Anchoring =
  | { type: 'absolute'; span: CalendarSpan }
  | { type: 'yearless'; period: Yearless }
  | { type: 'deictic'; resolve(context: ResolveContext): CalendarSpan | null }
  | { type: 'anaphoric'; resolve(context: ResolveContext): CalendarSpan | null }
  | { type: 'none' };

/** A possible date expression before overlaps are settled and dates resolved. */
export interface Candidate {
  start: number;
  end: number;
  kind: DateMentionKind;
  anchoring: Anchoring;
  modifier: DateModifier | null;
  /** For `last year`, `this year`, `next year`: the offset, so "December last year" can take it as its year. */
  yearOffset?: number;
  /** A fixed TimeML value for what has no calendar date: `P2W`, `PAST_REF`. */
  timex?: { value: string; type: TimexType };
  /** Ends of a range written as two expressions ("1993–2023"): TimeML annotates each. */
  parts?: [{ start: number; end: number }, { start: number; end: number }];
  /** A comparison point ("the year-ago quarter", "a year earlier"): later mentions do not count from it. */
  comparison?: boolean;
  /** Why the candidate has no date, for `invalid` ones. */
  note?: string;
  /** Breaks ties between candidates over the same words: higher wins. */
  priority: number;
}

export const priorities = {
  chrono: 1,
  pattern: 2,
  /** Readings that must beat chrono's over the same words (day-first dotted dates, impossible dates). */
  override: 3,
} as const;
