import type * as chrono from 'chrono-node';
// The two locales read here, not the package's index: that one loads a dozen more, which took most of
// the extractor's import time (2.0 s of 7.2 s under tsx on a busy machine), paid by every command that reads dates.
import * as en from 'chrono-node/en';
import * as ru from 'chrono-node/ru';
import { isoWeekOf, isRealDay, weekdayOf, type CalendarSpan, type CalendarValue, type Day, type PartOfDay } from '../calendar.js';
import { priorities, type Anchoring, type Candidate, type ResolveContext } from '../candidate.js';
import { countPattern } from '../vocabulary.js';

/**
 * Date expressions read by chrono-node (English, and Russian on lines written in Cyrillic): month
 * names with or without day and year, numeric dates, times, "yesterday", "next week", "three days ago".
 * Only the components chrono marks as certain are kept, so "August 2004" stays a month; a missing
 * year is left for the resolver, which looks back from the publication date rather than forward.
 */
export function recogniseWithChrono(text: string, reference: Day): Candidate[] {
  // Every candidate holds a date word (see toCandidate): a text without one gives none, and chrono-node's many patterns need not run.
  if (!dateWord.test(text)) return [];
  const candidates: Candidate[] = [];
  for (const result of parseInChunks(english, text, 0, reference)) {
    const candidate = toCandidate(text, result, english);
    if (candidate) candidates.push(candidate);
  }
  if (/[А-Яа-яЁё]/.test(text)) {
    for (const line of cyrillicLines(text)) {
      for (const result of parseInChunks(russian, line.text, line.start, reference)) {
        const candidate = toCandidate(text, result, russian);
        if (candidate) candidates.push(candidate);
      }
    }
  }
  return candidates;
}

/** The most text chrono-node reads at once: some of its refiners re-read everything before each date they find. */
export const chronoChunkChars = 2000;
/** Context a chunk reads on each side of the part it answers for: more than any date expression and the words chrono looks at around it. */
const chunkMargin = 200;

/**
 * chrono-node's results for a text, read in overlapping chunks of at most `chronoChunkChars` cut at
 * spaces; each chunk answers for the dates that start in its middle, so every date is read with at
 * least `chunkMargin` characters of context on both sides, as in one pass over the whole text.
 * Offsets are shifted by `offset`.
 */
export function parseInChunks(parser: chrono.Chrono, text: string, offset: number, reference: Day): ChronoResult[] {
  const results: ChronoResult[] = [];
  let chunkStart = 0;
  let ownedFrom = 0;
  for (;;) {
    const isLast = text.length - chunkStart <= chronoChunkChars;
    const chunkEnd = isLast ? text.length : spaceBefore(text, chunkStart + chronoChunkChars, chunkStart + 3 * chunkMargin);
    const ownedTo = isLast ? Infinity : chunkEnd - chunkMargin;
    for (const result of parser.parse(text.slice(chunkStart, chunkEnd), referenceOf(reference))) {
      const index = chunkStart + result.index;
      if (index < ownedFrom || index >= ownedTo) continue;
      results.push({ index: offset + index, text: result.text, start: result.start, end: result.end, tags: () => result.tags() });
    }
    if (isLast) return results;
    ownedFrom = ownedTo;
    chunkStart = spaceBefore(text, ownedTo - chunkMargin, chunkStart + 1);
  }
}

/** The last space at or before `position`, but not before `floor` (then `position` itself): chunks start and end between words. */
function spaceBefore(text: string, position: number, floor: number): number {
  for (let index = position; index >= floor; index--) if (/\s/.test(text.charAt(index))) return index;
  return position;
}

const english = en.casual.clone();
const russian = ru.casual.clone();

type ChronoResult = Pick<chrono.ParsedResult, 'index' | 'text' | 'start' | 'end'> & { tags?: () => Set<string> };
type Components = chrono.ParsedComponents;

/** Noon UTC on the day, so day arithmetic never crosses midnight whatever the machine's time zone. */
function referenceOf(day: Day): chrono.ParsingReference {
  return { instant: new Date(Date.UTC(day.year, day.month - 1, day.day, 12)), timezone: 0 };
}

function* cyrillicLines(text: string): Generator<{ start: number; text: string }> {
  let start = 0;
  for (const line of text.split('\n')) {
    if (/[А-Яа-яЁё]/.test(line)) yield { start, text: line };
    start += line.length + 1;
  }
}

const leadingWords = /^(?:(?:on|in|at|by|since|until|till|from|during|of|for|around|about|before|after|through|to|between|within|as of|the|в|во|с|со|до|после|к|по|на)\s+)+/iu;
const endOfPeriod = /^(?:the\s+)?end\s+of\s+/i;
const dateWord =
  /\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|tomorrow|yesterday|ago|week|month|year|day|morning|noon|midnight|evening|night|afternoon|quarter|[а-яё]/i;
const clockTime = /\d:\d\d|\d\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|noon|midnight|o'clock/i;
const bareLength = new RegExp(`^(?:${countPattern}\\s+)?(?:days?|weeks?|months?|quarters?|years?|decades?)$`, 'i');
const monthLead =
  /(?:(?<![\p{L}])(?:in|since|by|until|till|from|before|after|during|through|throughout|between|of|last|this|next|early|late|mid|and|or|to|end|beginning|start|middle|month of|в|во|с|до|после|к|по|на|между|начале|конце|середине)\s+|mid-|[,(]\s*)$/iu;

function toCandidate(text: string, result: ChronoResult, parser: chrono.Chrono): Candidate | null {
  const tags = result.tags?.() ?? new Set<string>();
  const span = trimmedSpan(text, result.index, result.index + result.text.length);
  if (!span) return null;
  let { start } = span;
  const { end } = span;
  let written = text.slice(start, end);
  const endOf = endOfPeriod.exec(written);
  if (endOf) {
    start += endOf[0].length;
    written = text.slice(start, end);
  }
  if (!dateWord.test(written) || /^now$/i.test(written)) return null;

  const first = result.start;
  const hasTime = first.isCertain('hour');
  if (hasTime && !clockTime.test(written)) return null;
  // "1/2", "7/8": fractions, not dates, when no year is written.
  if (/^\d{1,2}\/\d{1,2}$/.test(written)) return null;
  if (first.isCertain('weekday') && !first.isCertain('day') && !first.isCertain('month') && !hasTime) return null;

  const relative = tags.has('result/relativeDate') || [...tags].some((tag) => tag.startsWith('casualReference/')) || !anyDateCertain(first);
  // "two years", "years": a length of time, which chrono reads as that long from now.
  if (relative && bareLength.test(written)) return null;
  if (!relative && first.isCertain('month') && !first.isCertain('day') && !first.isCertain('year')) {
    // A lone month name must read as a time: "in May", not "may" or "May said". (Russian month names are lower case.)
    if (/^[a-z]/.test(written) || !monthLead.test(text.slice(Math.max(0, start - 14), start))) return null;
  }

  const anchoring = relative ? deictic(result.text, parser, written, hasTime) : fixed(first, result.end, Boolean(endOf));
  if (!anchoring) return null;
  return {
    start,
    end,
    kind: result.end && !sameDay(first, result.end) ? 'range' : 'date',
    anchoring,
    modifier: endOf ? 'end' : null,
    parts: rangeParts(text, start, end),
    priority: priorities.chrono,
  };
}

function trimmedSpan(text: string, start: number, end: number): { start: number; end: number } | null {
  const lead = leadingWords.exec(text.slice(start, end));
  if (lead && lead[0].length < end - start) start += lead[0].length;
  while (end > start && /[\s.,;:!?)"'»]/.test(text[end - 1] ?? '')) {
    const kept = text.slice(start, end);
    if (/\b[ap]\.m\.$|\b[A-Za-z]{3,4}\.$/.test(kept) && !/\d\.$/.test(kept)) break;
    end--;
  }
  return end > start ? { start, end } : null;
}

/** A weekday alone does not fix a date: "Friday at 10 a.m." is counted from the reference like "yesterday". */
function anyDateCertain(components: Components): boolean {
  return components.isCertain('year') || components.isCertain('month') || components.isCertain('day');
}

function sameDay(a: Components, b: Components): boolean {
  return a.get('year') === b.get('year') && a.get('month') === b.get('month') && a.get('day') === b.get('day');
}

/** The written components of a date that does not depend on the reference, or a builder when only its year is missing. */
function fixed(first: Components, last: Components | undefined, monthOnly: boolean): Anchoring | null {
  const startYear = first.isCertain('year') ? first.get('year') : null;
  const endYear = last?.isCertain('year') ? last.get('year') : null;
  const build = (year: number): CalendarSpan | null => {
    const startValue = valueOf(first, startYear ?? year, monthOnly);
    if (!startValue) return null;
    if (!last) return { start: startValue, end: null };
    let lastYear = endYear ?? startYear ?? year;
    if (endYear === null && 'month' in startValue && (last.get('month') ?? 0) < startValue.month) lastYear += 1;
    const endValue = valueOf(last, lastYear, monthOnly);
    return endValue ? { start: startValue, end: endValue } : null;
  };
  if (startYear !== null) {
    const span = build(startYear);
    return span ? { type: 'absolute', span } : null;
  }
  if (endYear !== null) {
    const startMonth = first.get('month') ?? 1;
    const span = build(startMonth > (last?.get('month') ?? 12) ? endYear - 1 : endYear);
    return span ? { type: 'absolute', span } : null;
  }
  if (!first.isCertain('month')) return null;
  return { type: 'yearless', period: { build } };
}

function valueOf(components: Components, year: number, monthOnly: boolean): CalendarValue | null {
  const month = components.isCertain('month') ? components.get('month') : null;
  const day = components.isCertain('day') && !monthOnly ? components.get('day') : null;
  if (month === null) return { unit: 'year', year };
  if (day === null) return { unit: 'month', year, month };
  if (!isRealDay(year, month, day)) return null;
  // "Monday, Oct. 26" names its year by its weekday: only a year where Oct. 26 is a Monday fits.
  if (components.isCertain('weekday') && weekdayOf({ year, month, day }) !== components.get('weekday')) return null;
  if (components.isCertain('hour')) return { unit: 'time', year, month, day, hour: components.get('hour') ?? 0, minute: components.get('minute') };
  return { unit: 'day', year, month, day };
}

const partWords: [RegExp, PartOfDay][] = [
  [/morning|утр/i, 'MO'],
  [/afternoon/i, 'AF'],
  [/evening|вечер/i, 'EV'],
  [/night|tonight|ноч/i, 'NI'],
];

/** Dates counted from the moment of writing: parsed again against each reference the resolver tries. */
function deictic(chronoText: string, parser: chrono.Chrono, written: string, hasTime: boolean): Anchoring {
  const parse = ({ reference }: ResolveContext): CalendarSpan | null => {
    const [again] = parser.parse(chronoText, referenceOf(reference));
    if (!again) return null;
    const start = deicticValue(again.start, written, hasTime);
    const end = again.end ? deicticValue(again.end, written, hasTime) : null;
    return start ? { start, end } : null;
  };
  // The resolver asks for the first and the last day of the publication period, the same day when it is
  // known to the day: the answer depends on the reference day alone, so a day asked again is not parsed again.
  let last: { reference: Day; span: CalendarSpan | null } | null = null;
  const resolve = (context: ResolveContext): CalendarSpan | null => {
    if (last === null || !sameReference(last.reference, context.reference)) last = { reference: context.reference, span: parse(context) };
    return last.span;
  };
  return { type: 'deictic', resolve };
}

function sameReference(a: Day, b: Day): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

function deicticValue(components: Components, written: string, hasTime: boolean): CalendarValue | null {
  const year = components.get('year');
  const month = components.get('month');
  const day = components.get('day');
  if (year === null || month === null || day === null) return null;
  const date = { year, month, day };
  if (hasTime) return { unit: 'time', ...date, hour: components.get('hour') ?? 0, minute: components.get('minute') };
  const lower = written.toLowerCase();
  if (/weekend/.test(lower)) return { unit: 'weekend', ...isoWeekOf(date) };
  if (/week|недел/.test(lower)) return { unit: 'week', ...isoWeekOf(date) };
  if (/month|месяц/.test(lower)) return { unit: 'month', year, month };
  if (/quarter|квартал/.test(lower)) return { unit: 'quarter', year, quarter: Math.floor((month - 1) / 3) + 1 };
  if (/year|decade|century|году|год|лет/.test(lower)) return { unit: 'year', year };
  for (const [pattern, part] of partWords) if (pattern.test(lower)) return { unit: 'part-of-day', ...date, part };
  return { unit: 'day', ...date };
}

const rangeSeparator = /\s*(?:–|—|-|\bto\b|\buntil\b|\btill\b|\bthrough\b)\s*/i;

/** A range written as two full expressions ("March 3 to April 5") gives TimeML two annotations; "19–20 December" one. */
function rangeParts(text: string, start: number, end: number): Candidate['parts'] {
  const written = text.slice(start, end);
  const separator = rangeSeparator.exec(written);
  if (!separator) return undefined;
  const left = written.slice(0, separator.index);
  const right = written.slice(separator.index + separator[0].length);
  const complete = (side: string) => /[A-Za-zА-Яа-я]{3}|\d{4}/.test(side) && /\d|[A-Za-z]{3}/.test(side);
  if (!complete(left) || !complete(right)) return undefined;
  return [
    { start, end: start + left.length },
    { start: end - right.length, end },
  ];
}
