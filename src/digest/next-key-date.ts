import { anniversaryDay } from './anniversaries.js';
import { eventSpan } from './event-span.js';
import type { DigestEvent, DigestNextKeyDate } from './types.js';
import { describeIsoDate } from '../corpus/partial-date.js';
import { dateParts } from './zoned-time.js';

function nextAnniversary(event: DigestEvent, after: string): { on: string; first: string; years: number } | null {
  const { year, month, day } = dateParts(event.date);
  const limit = dateParts(after);
  if (event.precision === 'day') {
    let candidateYear = Math.max(limit.year, year + 1);
    if (anniversaryDay(candidateYear, month, day) <= after) candidateYear += 1;
    const on = anniversaryDay(candidateYear, month, day);
    return { on, first: on, years: candidateYear - year };
  }
  if (event.precision === 'month') {
    let candidateYear = Math.max(limit.year, year + 1);
    if (candidateYear === limit.year && month <= limit.month) candidateYear += 1;
    const on = `${String(candidateYear).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    return { on, first: `${on}-01`, years: candidateYear - year };
  }
  return null;
}

/**
 * The first key date after `after`: an event still to come, or the next anniversary of a
 * day- or month-precision event. Null when the timeline has no event at all.
 */
export function nextKeyDateAfter(events: readonly DigestEvent[], after: string): DigestNextKeyDate | null {
  const candidates: Array<{ first: string; keyDate: DigestNextKeyDate }> = [];
  for (const event of events) {
    const span = eventSpan(event);
    if (span.first > after) {
      candidates.push({ first: span.first, keyDate: { kind: 'event', on: event.date, event, years: null, description: `${describeIsoDate(event.date)}: ${event.label}` } });
    }
    const anniversary = nextAnniversary(event, after);
    if (anniversary) {
      const since = anniversary.years === 1 ? '1 year' : `${anniversary.years} years`;
      const description = `${describeIsoDate(anniversary.on)}: ${since} since "${event.label}" (${describeIsoDate(event.date)})`;
      candidates.push({ first: anniversary.first, keyDate: { kind: 'anniversary', on: anniversary.on, event, years: anniversary.years, description } });
    }
  }
  candidates.sort((left, right) => left.first.localeCompare(right.first) || left.keyDate.event.label.localeCompare(right.keyDate.event.label));
  return candidates[0]?.keyDate ?? null;
}
