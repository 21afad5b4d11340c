import type { DatePrecision, PartialDate } from './types.js';

const isoDate = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Midnight UTC of a day of the proleptic Gregorian calendar. Unlike `Date.UTC`, a year
 * below 100 stays itself instead of becoming 19xx.
 */
export function utcMidnight(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/**
 * Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into a PartialDate, or null when it is not a real
 * date. Years run from 0001: there is no year 0 in the calendar dates are written in.
 */
export function parseIsoPartialDate(value: string): PartialDate | null {
  const match = isoDate.exec(value);
  if (!match) return null;
  const [, year, month, day] = match;
  if (Number(year) < 1) return null;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return null;
  if (day !== undefined && utcMidnight(Number(year), Number(month), Number(day)).getUTCDate() !== Number(day)) return null;
  const precision: DatePrecision = day !== undefined ? 'day' : month !== undefined ? 'month' : 'year';
  return { iso: value, precision };
}

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "January" for 1, …, "December" for 12. */
export function monthName(month: number): string {
  return monthNames[month - 1] ?? String(month);
}

/** An ISO date and its precision as kept apart in results and JSON; "date unknown" when either is missing. */
export function formatIsoDate(iso: string | null, precision: DatePrecision | null): string {
  return formatPartialDate(iso === null || precision === null ? null : { iso, precision });
}

/** "28 August 2026", "August 2026" or "2026": the precision is read from the ISO string itself. */
export function describeIsoDate(iso: string): string {
  const date = parseIsoPartialDate(iso);
  return date === null ? iso : formatPartialDate(date);
}

/** A date at its true precision, for people: "5 May 2025", "August 2025", "2025", or "date unknown". */
export function formatPartialDate(date: PartialDate | null): string {
  if (date === null) return 'date unknown';
  const [year, month, day] = date.iso.split('-');
  if (date.precision === 'year' || month === undefined) return year ?? date.iso;
  if (date.precision === 'month' || day === undefined) return `${monthName(Number(month))} ${year}`;
  return `${Number(day)} ${monthName(Number(month))} ${year}`;
}
