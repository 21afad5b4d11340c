import type { PartialDate } from '../corpus/types.js';
import {
  coarser,
  daysOf,
  daysOfPartial,
  epochDay,
  precisionOf,
  rangeAt,
  resolvedDateOf,
  timemlValue,
  type CalendarSpan,
  type CalendarValue,
  type Day,
} from './calendar.js';
import type { Candidate, ResolveContext, Tense, Yearless } from './candidate.js';
import type { DateMention, ResolvedDate, Timex, TimexType } from './types.js';

/** The publication date as the first and last day it may be. */
export interface ReferencePeriod {
  date: PartialDate;
  first: Day;
  last: Day;
}

export function referencePeriod(date: PartialDate | null): ReferencePeriod | null {
  if (!date) return null;
  const { first, last } = daysOfPartial(date);
  return { date, first, last };
}

/** What resolving a candidate gives: the mention's date, and the exact period (when there is one) later mentions may count from. */
export interface Resolution {
  mention: DateMention;
  antecedent: CalendarValue | null;
}

/**
 * Gives a candidate its date. A date written in full needs nothing; a year-less one takes the year
 * of its most recent occurrence up to publication (the publication's own month or year counting as
 * "up to"), or the next one when the clause speaks of the future; a relative one is counted from the
 * publication date, and when that is known only to the month or year, the result says which periods
 * it may fall in instead of inventing a day. Without a publication date, relative dates stay unresolved.
 */
export function resolveCandidate(
  text: string,
  candidate: Candidate,
  reference: ReferencePeriod | null,
  tense: Tense,
  antecedents: ResolveContext['antecedents'],
): Resolution {
  const base = {
    start: candidate.start,
    end: candidate.end,
    text: text.slice(candidate.start, candidate.end),
    modifier: candidate.modifier,
  };
  const { anchoring } = candidate;
  if (anchoring.type === 'none') {
    return {
      mention: {
        ...base,
        kind: candidate.kind,
        date: null,
        relative: candidate.kind === 'reference',
        note: candidate.note ?? null,
        timexes: candidate.timex ? [{ start: candidate.start, end: candidate.end, ...candidate.timex }] : [],
      },
      antecedent: null,
    };
  }
  if (anchoring.type === 'absolute') return fromSpan(base, candidate, anchoring.span, false);
  if (!reference) {
    return {
      mention: {
        ...base,
        kind: candidate.kind,
        date: null,
        relative: true,
        note: `"${base.text}" depends on when the text was written, and its publication date is unknown, so it is left unresolved.`,
        timexes: [{ start: candidate.start, end: candidate.end, value: unknownValue(anchoring.type === 'yearless' ? anchoring.period : null), type: 'DATE' }],
      },
      antecedent: null,
    };
  }
  if (anchoring.type === 'yearless') {
    const span = nearestOccurrence(anchoring.period, reference, tense);
    if (!span) return unresolvable(base, candidate);
    return fromSpan(base, candidate, span, true);
  }
  const early = anchoring.resolve({ reference: reference.first, tense, antecedents });
  const late = anchoring.resolve({ reference: reference.last, tense, antecedents });
  if (!early || !late) return unresolvable(base, candidate);
  if (sameSpan(early, late)) return fromSpan(base, candidate, late, true);
  return fromUncertain(base, candidate, early, late, reference);
}

type MentionBase = Pick<DateMention, 'start' | 'end' | 'text' | 'modifier'>;

function fromSpan(base: MentionBase, candidate: Candidate, span: CalendarSpan, relative: boolean): Resolution {
  // A range that ends before it starts ("20–04 March") is a misreading, not a date.
  if (span.end && epochDay(daysOf(span.end).last) < epochDay(daysOf(span.start).first)) return unresolvable(base, candidate);
  const date = resolvedDateOf(span);
  return {
    mention: {
      ...base,
      // A written range ("1993–2023") is a range; a quarter or a decade is one period, though a month or year range as a date.
      kind: candidate.kind === 'date' && span.end ? 'range' : candidate.kind,
      date,
      relative,
      note: null,
      timexes: timexesOf(candidate, span),
    },
    antecedent: candidate.kind === 'duration' || candidate.comparison ? null : span.start,
  };
}

function typeOf(value: CalendarValue): TimexType {
  return value.unit === 'time' || value.unit === 'part-of-day' ? 'TIME' : 'DATE';
}

function timexesOf(candidate: Candidate, span: CalendarSpan): Timex[] {
  if (candidate.timex) return [{ start: candidate.start, end: candidate.end, ...candidate.timex }];
  if (candidate.parts && span.end) {
    const [first, second] = candidate.parts;
    return [
      { ...first, value: timemlValue(span.start), type: typeOf(span.start) },
      { ...second, value: timemlValue(span.end), type: typeOf(span.end) },
    ];
  }
  return [{ start: candidate.start, end: candidate.end, value: timemlValue(span.start), type: typeOf(span.start) }];
}

function unresolvable(base: MentionBase, candidate: Candidate): Resolution {
  return {
    mention: { ...base, kind: candidate.kind, date: null, relative: true, note: `"${base.text}" could not be placed on the calendar.`, timexes: [] },
    antecedent: null,
  };
}

/**
 * Past: the latest occurrence that begins by the end of the publication period; future: the earliest
 * that ends on or after its start. "August 24" in a text from August 2025 is 2025-08-24 either way.
 * With no tense in the clause ("payable Dec. 15"), the past occurrence is kept unless the future one
 * is less than half as far from the publication date.
 */
function nearestOccurrence(period: Yearless, reference: ReferencePeriod, tense: Tense): CalendarSpan | null {
  if (period.inReferenceYear) return period.build(reference.last.year);
  const past = pastOccurrence(period, reference);
  const future = futureOccurrence(period, reference);
  if (tense === 'past' || !future) return past ?? future;
  if (tense === 'future' || !past) return future;
  const sincePast = epochDay(reference.first) - epochDay(daysOf(past.end ?? past.start).last);
  const untilFuture = epochDay(daysOf(future.start).first) - epochDay(reference.last);
  return untilFuture * 2 < sincePast ? future : past;
}

function pastOccurrence(period: Yearless, reference: ReferencePeriod): CalendarSpan | null {
  const year = reference.last.year;
  for (let candidateYear = year + 1; candidateYear >= year - 4; candidateYear--) {
    const span = period.build(candidateYear);
    if (span && epochDay(daysOf(span.start).first) <= epochDay(reference.last)) return span;
  }
  return null;
}

function futureOccurrence(period: Yearless, reference: ReferencePeriod): CalendarSpan | null {
  for (let candidateYear = reference.first.year - 1; candidateYear <= reference.last.year + 2; candidateYear++) {
    const span = period.build(candidateYear);
    if (span && epochDay(daysOf(span.end ?? span.start).last) >= epochDay(reference.first)) return span;
  }
  return null;
}

function sameSpan(a: CalendarSpan, b: CalendarSpan): boolean {
  return spanKey(a) === spanKey(b);
}

function spanKey(span: CalendarSpan): string {
  return `${timemlValue(span.start)}/${span.end ? timemlValue(span.end) : ''}`;
}

/** A relative date counted from a coarse publication date: the periods it may fall in, never an invented day. */
function fromUncertain(base: MentionBase, candidate: Candidate, early: CalendarSpan, late: CalendarSpan, reference: ReferencePeriod): Resolution {
  const first = daysOf(early.start).first;
  const last = daysOf(late.end ?? late.start).last;
  const date = candidate.kind === 'duration' ? rangeAt(first, last, coarser(precisionOf(late.start), reference.date.precision)) : placeWithin(first, last);
  const where = date.end ? `${date.start.iso} to ${date.end.iso}` : date.start.iso;
  return {
    mention: {
      ...base,
      kind: candidate.kind,
      date,
      relative: true,
      note: `"${base.text}" is counted from a publication date known only to the ${reference.date.precision} (${reference.date.iso}), so it is placed within ${where}.`,
      timexes: candidate.timex
        ? [{ start: candidate.start, end: candidate.end, ...candidate.timex }]
        : [{ start: candidate.start, end: candidate.end, value: date.start.iso, type: 'DATE' }],
    },
    antecedent: null,
  };
}

/** The finest honest way to say "somewhere between these days": one month, two adjacent months, or years. */
function placeWithin(first: Day, last: Day): ResolvedDate {
  const monthsApart = last.year * 12 + last.month - (first.year * 12 + first.month);
  if (monthsApart <= 1) return rangeAt(first, last, 'month');
  return rangeAt(first, last, 'year');
}

/** TimeML's way of writing a date whose year is unknown: XXXX-08-24. */
function unknownValue(period: Yearless | null): string {
  const span = period?.build(2000);
  if (!span) return 'XXXX-XX-XX';
  return timemlValue(span.start).replace(/^2000/, 'XXXX');
}

