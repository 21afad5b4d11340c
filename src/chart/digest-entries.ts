import type { Digest, DigestEvent } from '../digest/types.js';
import { cleanLabel } from './description.js';
import type { ChartEntry } from './types.js';

/** The digest's dated items as chart entries, in date order: recent and upcoming events, and anniversaries on the day (or month) they fall. */
export function digestChartEntries(digest: Digest): ChartEntry[] {
  const anniversaries = digest.anniversaries.map((item): ChartEntry => ({
    ...fromEvent(item.event),
    date: item.on,
    end: null,
    precision: item.on.length === 10 ? 'day' : 'month',
    label: `${item.years} ${item.years === 1 ? 'year' : 'years'}: ${cleanLabel(item.event.label, item.event.label.length)}`,
    conflicts: [],
  }));
  return [...digest.recent.map(fromEvent), ...digest.upcoming.map(fromEvent), ...anniversaries].sort((a, b) => a.date.localeCompare(b.date));
}

/** Titles of the documents the digest cites, by id. */
export function digestSourceTitles(digest: Digest): Map<string, string> {
  const events = [...digest.recent, ...digest.upcoming, ...digest.anniversaries.map((item) => item.event)];
  return new Map(events.flatMap((event) => event.citations.map((citation) => [citation.docId, citation.title] as const)));
}

function fromEvent(event: DigestEvent): ChartEntry {
  return { date: event.date, end: event.end, precision: event.precision, label: event.label, sources: event.citations, conflicts: event.conflicts };
}
