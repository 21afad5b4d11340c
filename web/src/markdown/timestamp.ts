import type { TimestampStyle } from './parse.js';

const formats: Record<Exclude<TimestampStyle, 'R'>, Intl.DateTimeFormatOptions> = {
  t: { timeStyle: 'short' },
  T: { timeStyle: 'medium' },
  d: { dateStyle: 'short' },
  D: { dateStyle: 'long' },
  f: { dateStyle: 'long', timeStyle: 'short' },
  F: { dateStyle: 'full', timeStyle: 'short' },
};

const relativeUnits: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/**
 * A `<t:…>` timestamp as Discord shows it: in the reader's own locale and time zone.
 * `now` is passed in so the relative style can be tested.
 */
export function formatTimestamp(seconds: number, style: TimestampStyle, locale?: string, now: number = Date.now()): string {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return 'Invalid date';
  if (style !== 'R') return new Intl.DateTimeFormat(locale, formats[style]).format(date);
  const difference = seconds - now / 1000;
  const [unit, size] = relativeUnits.find(([, unitSeconds]) => Math.abs(difference) >= unitSeconds) ?? ['second', 1];
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(Math.round(difference / size), unit);
}

/** The full date and time, for a timestamp's tooltip. */
export function fullTimestamp(seconds: number, locale?: string): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? 'Invalid date' : new Intl.DateTimeFormat(locale, formats.F).format(date);
}
