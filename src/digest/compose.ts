import { isVisibleTo } from '../corpus/visibility.js';
import type { TimelineEntry } from '../dates/types.js';
import { visibleTimeline } from '../library/visibility.js';
import { anniversariesInWindow } from './anniversaries.js';
import { eventSpan } from './event-span.js';
import { nextKeyDateAfter } from './next-key-date.js';
import type { ComposeDigestInput, DayRange, Digest, DigestCitation, DigestDocument, DigestEvent } from './types.js';
import { describeIsoDate } from '../corpus/partial-date.js';
import { addDays, localDate } from './zoned-time.js';

function toDigestEvent(entry: TimelineEntry, titles: ReadonlyMap<string, string>): DigestEvent {
  const cite = (sources: TimelineEntry['sources']): DigestCitation[] => sources.map((source) => ({ ...source, title: titles.get(source.docId) ?? source.docId }));
  return {
    date: entry.date,
    end: entry.end,
    precision: entry.precision,
    label: entry.label,
    citations: cite(entry.sources),
    conflicts: entry.conflicts.map((conflict) => ({ date: conflict.date, end: conflict.end, precision: conflict.precision, citations: cite(conflict.sources) })),
  };
}

/**
 * Sorts events into the window ahead (starting in it) and the past window (dated in it, or a
 * range still running from it). Year-precision events belong to neither: a whole year cannot be
 * placed within a window of days.
 */
function eventsInWindows(events: readonly DigestEvent[], window: DayRange, pastWindow: DayRange): { recent: DigestEvent[]; upcoming: DigestEvent[] } {
  const recent: DigestEvent[] = [];
  const upcoming: DigestEvent[] = [];
  for (const event of events) {
    if (event.precision === 'year') continue;
    const span = eventSpan(event);
    if (span.first >= window.from && span.first <= window.to) upcoming.push(event);
    else if (span.first < window.from && span.last >= pastWindow.from) recent.push(event);
  }
  const byDate = (left: DigestEvent, right: DigestEvent) => left.date.localeCompare(right.date) || left.label.localeCompare(right.label);
  return { recent: recent.sort(byDate), upcoming: upcoming.sort(byDate) };
}

function describeRange(range: DayRange): string {
  return range.from === range.to ? `on ${describeIsoDate(range.from)}` : `between ${describeIsoDate(range.from)} and ${describeIsoDate(range.to)}`;
}

/**
 * Composes the digest for a day. Pure: the same input always gives the same digest.
 *
 * The window ahead is `windowDays` days from today (today included); the past window is the
 * `windowDays` days before today. Days are read in `timeZone`, so a digest at 00:30 in Tokyo is
 * about the Tokyo day even though it is still yesterday in UTC. With `guildId`, the one place a
 * digest is cut to a server: its timeline and new documents leave out other servers' documents.
 */
export function composeDigest(input: ComposeDigestInput): Digest {
  const titles = new Map(input.documents.map((document) => [document.docId, document.title]));
  const scoped = input.documents.map((document) => ({ id: document.docId, scope: document.scope ?? null }));
  const events = visibleTimeline(input.timeline, scoped, input.guildId).map((entry) => toDigestEvent(entry, titles));
  const today = localDate(input.today, input.timeZone);
  const window: DayRange = { from: today, to: addDays(today, input.windowDays - 1) };
  const pastWindow: DayRange = { from: addDays(today, -input.windowDays), to: addDays(today, -1) };
  const since = input.since ?? new Date(input.today.getTime() - input.windowDays * 86_400_000);

  const anniversaries = anniversariesInWindow(events, window, today);
  const { recent, upcoming } = eventsInWindows(events, window, pastWindow);
  const newDocuments = input.documents
    .filter((document) => document.addedAt > since && document.addedAt <= input.today && isVisibleTo({ scope: document.scope ?? null }, input.guildId))
    .map((document): DigestDocument => ({ docId: document.docId, title: document.title, addedAt: document.addedAt, addedBy: document.addedBy ?? { kind: 'folder' } }))
    .sort((left, right) => left.addedAt.getTime() - right.addedAt.getTime() || left.title.localeCompare(right.title));

  const empty = anniversaries.length === 0 && recent.length === 0 && upcoming.length === 0 && newDocuments.length === 0;
  const nextKeyDate = nextKeyDateAfter(events, window.to);
  const emptyMessage = empty
    ? `Nothing in the timeline falls ${describeRange({ from: pastWindow.from, to: window.to })}, and no document was added since ${describeIsoDate(localDate(since, input.timeZone))}. ` +
      (nextKeyDate ? `The next key date is ${nextKeyDate.description}.` : 'The timeline has no later key date.')
    : null;

  return { today, timeZone: input.timeZone, windowDays: input.windowDays, window, pastWindow, since, anniversaries, recent, upcoming, newDocuments, empty, emptyMessage, nextKeyDate };
}
