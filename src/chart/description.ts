import { formatIsoDate } from '../corpus/partial-date.js';
import type { DatePrecision } from '../corpus/types.js';
import { dayRange } from './time-axis.js';
import type { ChartEntry } from './types.js';

/** Discord's longest attachment description. */
export const maxDescriptionLength = 1024;

const labelWords = 90;

/**
 * The picture in words for a screen reader: how many dates, over which years, then each date
 * and what happened, in date order, as many as fit in 1,024 characters, ending with how many more.
 */
export function describeTimeline(entries: readonly ChartEntry[], heading: string): string {
  if (entries.length === 0) return `${heading}: no dates.`.slice(0, maxDescriptionLength);
  const [head0] = entries as [ChartEntry];
  // By days, not ISO text: August 2026 ends after 28 August 2026.
  const first = entries.reduce((earliest, entry) => (dayRange(entry.date, null, entry.precision).first < dayRange(earliest.date, null, earliest.precision).first ? entry : earliest), head0);
  const lastDay = (entry: ChartEntry) => dayRange(entry.end ?? entry.date, null, entry.precision).last;
  const last = entries.reduce((latest, entry) => (lastDay(entry) > lastDay(latest) ? entry : latest), head0);
  const span = ` from ${formatIsoDate(first.date, first.precision)} to ${formatIsoDate(last.end ?? last.date, last.precision)}`;
  const head = `${heading}: ${entries.length} ${entries.length === 1 ? 'date' : 'dates'}${entries.length === 1 ? '' : span}. `;
  let text = head;
  // Only the entries that fit are put in words: a long list costs no more than a short one.
  for (const [index, entry] of entries.entries()) {
    const item = `${index === 0 ? '' : '; '}${describeEntry(entry)}`;
    const rest = entries.length - index - 1;
    const tail = rest === 0 ? '.' : `; and ${rest} more.`;
    if (text.length + item.length + tail.length > maxDescriptionLength) {
      return `${text}${index === 0 ? '' : ';'} and ${entries.length - index} more.`.slice(0, maxDescriptionLength);
    }
    text += item;
  }
  return `${text}.`;
}

/** "August 2004: Japan and the countries of Central Asia formed… (sources disagree: also 2005)". */
function describeEntry(entry: ChartEntry): string {
  const when = dateInWords(entry.date, entry.end, entry.precision);
  const conflict = entry.conflicts.length === 0 ? '' : ` (sources disagree: also ${entry.conflicts.map((other) => dateInWords(other.date, other.end, other.precision)).join(', ')})`;
  return `${when}: ${cleanLabel(entry.label, labelWords)}${conflict}`;
}

export function dateInWords(date: string, end: string | null, precision: DatePrecision): string {
  const start = formatIsoDate(date, precision);
  return end === null || end === date ? start : `${start} to ${formatIsoDate(end, precision)}`;
}

/** A label without the ellipses that mark where it was cut from its sentence, at most `length` characters, cut at a word. */
export function cleanLabel(label: string, length: number): string {
  const text = label.replace(/\s+/g, ' ').replace(/^…\s*/, '').replace(/\s*…$/, '').trim();
  if (text.length <= length) return text;
  const cut = text.slice(0, length - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}
