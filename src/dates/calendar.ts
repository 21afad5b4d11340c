import { utcMidnight } from '../corpus/partial-date.js';
import type { DatePrecision, PartialDate } from '../corpus/types.js';
import type { ResolvedDate } from './types.js';

/** A day of the proleptic Gregorian calendar; month 1-12. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

export type Season = 'SP' | 'SU' | 'FA' | 'WI';
export type PartOfDay = 'MO' | 'AF' | 'EV' | 'NI';

/**
 * A calendar period at the granularity the words give it. TimeML needs the finer distinctions
 * (quarter, season, week); the timeline maps each onto year, month or day precision.
 */
export type CalendarValue =
  | { unit: 'century'; century: number }
  | { unit: 'decade'; decade: number }
  | { unit: 'year'; year: number }
  | { unit: 'half'; year: number; half: 1 | 2 }
  | { unit: 'quarter'; year: number; quarter: number }
  | { unit: 'season'; year: number; season: Season }
  | { unit: 'month'; year: number; month: number }
  | { unit: 'week'; year: number; week: number }
  | { unit: 'weekend'; year: number; week: number }
  | ({ unit: 'day' } & Day)
  | ({ unit: 'part-of-day'; part: PartOfDay } & Day)
  | ({ unit: 'time'; hour: number; minute: number | null } & Day);

/** A period or a span from one period to another. */
export interface CalendarSpan {
  start: CalendarValue;
  end: CalendarValue | null;
}

const millisecondsPerDay = 86_400_000;

export function daysInMonth(year: number, month: number): number {
  return utcMidnight(year, month + 1, 0).getUTCDate();
}

/** True when the day exists: no 30 February, no 31 April, no month 13. */
export function isRealDay(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function epochDay({ year, month, day }: Day): number {
  return Math.round(utcMidnight(year, month, day).getTime() / millisecondsPerDay);
}

export function dayFromEpoch(epoch: number): Day {
  const date = new Date(epoch * millisecondsPerDay);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(day: Day, days: number): Day {
  return dayFromEpoch(epochDay(day) + days);
}

/** Adds months, keeping the day within the target month (31 March - 1 month = 28/29 February). */
export function addMonths(day: Day, months: number): Day {
  const index = day.year * 12 + (day.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(day.day, daysInMonth(year, month)) };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: Day): number {
  return new Date(epochDay(day) * millisecondsPerDay).getUTCDay();
}

/** ISO 8601 week: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeekOf(day: Day): { year: number; week: number } {
  const epoch = epochDay(day);
  const isoWeekday = weekdayOf(day) || 7;
  const thursday = dayFromEpoch(epoch + 4 - isoWeekday);
  const firstOfYear = epochDay({ year: thursday.year, month: 1, day: 1 });
  return { year: thursday.year, week: Math.floor((epochDay(thursday) - firstOfYear) / 7) + 1 };
}

function mondayOfIsoWeek(year: number, week: number): Day {
  const january4 = { year, month: 1, day: 4 };
  const isoWeekday = weekdayOf(january4) || 7;
  return dayFromEpoch(epochDay(january4) - (isoWeekday - 1) + (week - 1) * 7);
}

const seasonMonths: Record<Season, [number, number]> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [12, 14] };

function monthSpan(year: number, firstMonth: number, lastMonth: number): { first: Day; last: Day } {
  const last = addMonths({ year, month: 1, day: 1 }, lastMonth - 1);
  return { first: addMonths({ year, month: 1, day: 1 }, firstMonth - 1), last: { ...last, day: daysInMonth(last.year, last.month) } };
}

/** The first and last day a period covers. */
export function daysOf(value: CalendarValue): { first: Day; last: Day } {
  switch (value.unit) {
    case 'century':
      return { first: { year: value.century * 100, month: 1, day: 1 }, last: { year: value.century * 100 + 99, month: 12, day: 31 } };
    case 'decade':
      return { first: { year: value.decade * 10, month: 1, day: 1 }, last: { year: value.decade * 10 + 9, month: 12, day: 31 } };
    case 'year':
      return monthSpan(value.year, 1, 12);
    case 'half':
      return monthSpan(value.year, value.half * 6 - 5, value.half * 6);
    case 'quarter':
      return monthSpan(value.year, value.quarter * 3 - 2, value.quarter * 3);
    case 'season': {
      const [firstMonth, lastMonth] = seasonMonths[value.season];
      return monthSpan(value.year, firstMonth, lastMonth);
    }
    case 'month':
      return monthSpan(value.year, value.month, value.month);
    case 'week': {
      const monday = mondayOfIsoWeek(value.year, value.week);
      return { first: monday, last: addDays(monday, 6) };
    }
    case 'weekend': {
      const monday = mondayOfIsoWeek(value.year, value.week);
      return { first: addDays(monday, 5), last: addDays(monday, 6) };
    }
    case 'day':
    case 'part-of-day':
    case 'time':
      return { first: dayOf(value), last: dayOf(value) };
  }
}

function dayOf(value: Day): Day {
  return { year: value.year, month: value.month, day: value.day };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

export function isoDay({ year, month, day }: Day): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The TimeML value of a period: `1998`, `1998-Q3`, `1998-SU`, `1998-W12`, `199` (the 1990s), `1998-03-05TEV`. */
export function timemlValue(value: CalendarValue): string {
  switch (value.unit) {
    case 'century':
      return pad(value.century);
    case 'decade':
      return pad(value.decade, 3);
    case 'year':
      return pad(value.year, 4);
    case 'half':
      return `${pad(value.year, 4)}-H${value.half}`;
    case 'quarter':
      return `${pad(value.year, 4)}-Q${value.quarter}`;
    case 'season':
      return `${pad(value.year, 4)}-${value.season}`;
    case 'month':
      return `${pad(value.year, 4)}-${pad(value.month)}`;
    case 'week':
      return `${pad(value.year, 4)}-W${pad(value.week)}`;
    case 'weekend':
      return `${pad(value.year, 4)}-W${pad(value.week)}-WE`;
    case 'day':
      return isoDay(value);
    case 'part-of-day':
      return `${isoDay(value)}T${value.part}`;
    case 'time':
      return `${isoDay(value)}T${pad(value.hour)}${value.minute === null ? '' : `:${pad(value.minute)}`}`;
  }
}

/** The precision the timeline gives a period: centuries and decades are year ranges, quarters and seasons month ranges, weeks day ranges. */
export function precisionOf(value: CalendarValue): DatePrecision {
  switch (value.unit) {
    case 'century':
    case 'decade':
    case 'year':
      return 'year';
    case 'half':
    case 'quarter':
    case 'season':
    case 'month':
      return 'month';
    default:
      return 'day';
  }
}

export function partialDate(day: Day, precision: DatePrecision): PartialDate {
  const iso = precision === 'year' ? pad(day.year, 4) : precision === 'month' ? `${pad(day.year, 4)}-${pad(day.month)}` : isoDay(day);
  return { iso, precision };
}

/** A period as a timeline date: one PartialDate, or a range when the period is not a whole year, month or day. */
export function resolvedDateOf(span: CalendarSpan): ResolvedDate {
  const precision = coarser(precisionOf(span.start), span.end ? precisionOf(span.end) : precisionOf(span.start));
  const first = daysOf(span.start).first;
  const last = daysOf(span.end ?? span.start).last;
  return rangeAt(first, last, precision);
}

/** The days first..last written at a precision: a single date when they fall in one unit, else a range. */
export function rangeAt(first: Day, last: Day, precision: DatePrecision): ResolvedDate {
  const start = partialDate(first, precision);
  const end = partialDate(last, precision);
  return { start, end: end.iso === start.iso ? null : end };
}

const precisionRank: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 };

export function coarser(a: DatePrecision, b: DatePrecision): DatePrecision {
  return precisionRank[a] <= precisionRank[b] ? a : b;
}

export function isFinerThan(a: DatePrecision, b: DatePrecision): boolean {
  return precisionRank[a] > precisionRank[b];
}

/** First and last day a PartialDate covers. */
export function daysOfPartial(date: PartialDate): { first: Day; last: Day } {
  const [year = 0, month, day] = date.iso.split('-').map(Number);
  if (day !== undefined && month !== undefined) return daysOf({ unit: 'day', year, month, day });
  if (month !== undefined) return daysOf({ unit: 'month', year, month });
  return daysOf({ unit: 'year', year });
}

/** Moves a period by whole years ("a year earlier" than the third quarter of 1989 is the third quarter of 1988). */
export function shiftYears(value: CalendarValue, years: number): CalendarValue {
  switch (value.unit) {
    case 'century':
    case 'decade':
      return value;
    case 'week':
    case 'weekend':
      return { ...value, year: value.year + years };
    case 'day':
    case 'part-of-day':
    case 'time': {
      const shifted = { ...value, year: value.year + years };
      return { ...shifted, day: Math.min(shifted.day, daysInMonth(shifted.year, shifted.month)) };
    }
    default:
      return { ...value, year: value.year + years };
  }
}
