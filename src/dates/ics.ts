import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { escapeControlCharacters } from '../corpus/control-characters.js';
import { pageLabel } from '../corpus/pages.js';
import type { SourceDocument } from '../corpus/types.js';
import { addDays, daysOfPartial, type Day } from './calendar.js';
import type { EventSource, TimelineEntry } from './types.js';

export interface IcsOptions {
  /** The DTSTAMP of every event: when the file was made. Defaults to now. */
  now?: Date;
}

const productId = '-//briefing-bot//Key dates//EN';

/**
 * The timeline as an iCalendar file (RFC 5545). Every entry is an all-day event: a day is one day,
 * a month or a year spans the whole period (DTEND is the day after, as the standard wants), so a
 * calendar never shows a day the sources do not give. UIDs are derived from the entry's date and
 * first source, so importing the file again updates events instead of duplicating them. Text is
 * escaped and lines folded at 75 octets by ical.js.
 */
export function timelineToIcs(entries: TimelineEntry[], documents: SourceDocument[], options: IcsOptions = {}): string {
  const stamp = ICAL.Time.fromJSDate(options.now ?? new Date(), true);
  const titles = new Map(documents.map((document) => [document.id, document]));
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('prodid', productId);
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('x-wr-calname', 'Key dates');
  for (const entry of entries) calendar.addSubcomponent(eventOf(entry, stamp, titles));
  return `${foldedText(calendar).replace(/\r?\n/g, '\r\n')}\r\n`;
}

/** ical.js folds continuation lines to a space plus foldLength octets; one less keeps every line within RFC 5545's 75. */
function foldedText(calendar: ICAL.Component): string {
  const foldLength = ICAL.foldLength;
  ICAL.foldLength = 74;
  try {
    return calendar.toString();
  } finally {
    ICAL.foldLength = foldLength;
  }
}

function eventOf(entry: TimelineEntry, stamp: ICAL.Time, documents: Map<string, SourceDocument>): ICAL.Component {
  const first = daysOfPartial({ iso: entry.date, precision: entry.precision }).first;
  const last = daysOfPartial({ iso: entry.end ?? entry.date, precision: entry.precision }).last;
  const event = new ICAL.Component('vevent');
  event.addPropertyWithValue('uid', uidOf(entry));
  event.addPropertyWithValue('dtstamp', stamp);
  event.addPropertyWithValue('dtstart', dateValue(first));
  event.addPropertyWithValue('dtend', dateValue(addDays(last, 1)));
  // RFC 5545 allows no control character in TEXT but tab (ical.js writes line breaks as \n itself).
  event.addPropertyWithValue('summary', icsText(entry.conflicts.length > 0 ? `${entry.label} (sources disagree on the date)` : entry.label));
  event.addPropertyWithValue('description', icsText(describe(entry, documents)));
  event.addPropertyWithValue('x-briefing-precision', entry.precision);
  event.addPropertyWithValue('transp', 'TRANSPARENT');
  return event;
}

/** A TEXT value: line breaks as one \n, which ical.js escapes, and every other control character made visible. */
function icsText(text: string): string {
  return escapeControlCharacters(text.replace(/\r\n/g, '\n'));
}

function dateValue(day: Day): ICAL.Time {
  return ICAL.Time.fromData({ year: day.year, month: day.month, day: day.day, isDate: true });
}

function uidOf(entry: TimelineEntry): string {
  const anchor = entry.sources[0];
  const key = [entry.date, entry.end ?? '', anchor?.docId ?? '', anchor?.start ?? '', anchor?.end ?? ''].join('|');
  return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}@briefing-bot`;
}

function describe(entry: TimelineEntry, documents: Map<string, SourceDocument>): string {
  const lines = entry.sources.map((source) => cite(source, documents));
  for (const conflict of entry.conflicts) {
    const when = conflict.end ? `${conflict.date} to ${conflict.end}` : conflict.date;
    lines.push(`Dated ${when} by:`, ...conflict.sources.map((source) => cite(source, documents)));
  }
  return lines.join('\n');
}

function cite(source: EventSource, documents: Map<string, SourceDocument>): string {
  const document = documents.get(source.docId);
  const by = [document?.author, document?.outlet, document?.published?.iso].filter(Boolean).join(', ');
  const title = document?.title ?? source.docId;
  const pages = pageLabel(source);
  return `“${source.quote.replace(/\s+/g, ' ')}” (${title}${pages === null ? '' : `, ${pages}`}${by ? `; ${by}` : ''})`;
}
