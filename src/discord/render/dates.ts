import { time, TimestampStyles } from 'discord.js';
import { formatIsoDate, utcMidnight } from '../../corpus/partial-date.js';
import type { DatePrecision } from '../../corpus/types.js';

/**
 * A date at its true precision for a message body. A day becomes a Discord timestamp
 * (`<t:…:D>`), which every reader sees in their own locale; a month or a year stays
 * text, because a timestamp would claim a day the source never gave.
 */
export function messageDate(iso: string | null, precision: DatePrecision | null): string {
  if (iso === null || precision === null) return 'date unknown';
  if (precision === 'day') {
    const seconds = noonUtcSeconds(iso);
    if (seconds !== null) return time(seconds, TimestampStyles.LongDate);
  }
  return formatIsoDate(iso, precision);
}

/** A date for places that show no Markdown (footers, button labels, autocomplete). */
export const plainDate = formatIsoDate;

/** A range such as "19–20 December 2025", or a single date when there is no end. */
export function messageDateRange(iso: string, end: string | null, precision: DatePrecision): string {
  if (end === null || end === iso) return messageDate(iso, precision);
  return `${messageDate(iso, precision)} – ${messageDate(end, precision)}`;
}

/** Noon UTC falls on the same calendar day from UTC−11 to UTC+11, so readers see the source's day. */
function noonUtcSeconds(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) return null;
  const milliseconds = utcMidnight(Number(match[1]), Number(match[2]), Number(match[3])).getTime() + 12 * 3_600_000;
  return Number.isNaN(milliseconds) ? null : milliseconds / 1000;
}
