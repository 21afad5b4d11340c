import type { DigestEvent } from './types.js';
import { daysInMonth, formatDate } from './zoned-time.js';

/** The first and last calendar day an ISO date of any precision covers. */
export function isoDateSpan(iso: string): { first: string; last: string } {
  const [year = 0, month, day] = iso.split('-').map(Number);
  if (month === undefined) return { first: formatDate(year, 1, 1), last: formatDate(year, 12, 31) };
  if (day === undefined) return { first: formatDate(year, month, 1), last: formatDate(year, month, daysInMonth(year, month)) };
  return { first: formatDate(year, month, day), last: formatDate(year, month, day) };
}

/** The days an event covers, from the first day of its date to the last day of its end. */
export function eventSpan(event: Pick<DigestEvent, 'date' | 'end'>): { first: string; last: string } {
  return { first: isoDateSpan(event.date).first, last: isoDateSpan(event.end ?? event.date).last };
}
