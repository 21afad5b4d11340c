import { parseIsoPartialDate } from '../corpus/partial-date.js';
import type { PartialDate } from '../corpus/types.js';
import type { ExtractedMetadata } from './types.js';

export const emptyMetadata: ExtractedMetadata = { id: null, title: null, author: null, outlet: null, published: null, publishedBasis: null, language: null };

/** Trimmed, whitespace collapsed, or null when nothing is left. */
export function cleanField(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const cleaned = value.replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

export type DateReading = { date: PartialDate } | { unreadable: string } | null;

/**
 * Reads a published date written in ISO 8601 (`2025-05-05`, `2025-05-05T09:00:00+09:00`, `2025-05`)
 * or as a PDF date (`D:20250505…`). The date part is taken as written: the publisher's own
 * calendar day, never shifted to another time zone. Precision is what the text gives.
 */
export function readDate(raw: unknown): DateReading {
  const text = cleanField(raw);
  if (text === null) return null;
  const pdf = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(text);
  const iso = pdf ? [pdf[1], pdf[2], pdf[3]].filter((part) => part !== undefined).join('-') : /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?=$|T|\s)/.exec(text)?.[1];
  const date = iso === undefined ? null : parseIsoPartialDate(iso);
  return date ? { date } : { unreadable: text };
}

/** The first reading that gives a date, with its basis; an unreadable one becomes a warning. */
export function pickDate(candidates: { raw: unknown; basis: string }[], warnings: string[]): Pick<ExtractedMetadata, 'published' | 'publishedBasis'> {
  const unreadable: string[] = [];
  for (const candidate of candidates) {
    const reading = readDate(candidate.raw);
    if (reading === null) continue;
    if ('date' in reading) return { published: reading.date, publishedBasis: candidate.basis };
    // Several places often repeat one date; an unreadable one is named once, where it was first found.
    if (!unreadable.some((entry) => entry.startsWith(`"${reading.unreadable}" `))) unreadable.push(`"${reading.unreadable}" (${candidate.basis})`);
  }
  if (unreadable.length > 0) warnings.push(`The published date could not be pinned down from ${unreadable.join(', ')}; set it with "published", e.g. 2025-05-05.`);
  return { published: null, publishedBasis: null };
}
