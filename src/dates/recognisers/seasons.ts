import { daysOf, epochDay, type CalendarSpan, type CalendarValue, type Day, type Season } from '../calendar.js';
import type { Anchoring, Candidate, ResolveContext } from '../candidate.js';
import type { DateModifier } from '../types.js';
import { monthNumber, monthPattern, yearPattern } from '../vocabulary.js';
import { dateCandidate, letterAfter, letterBefore, matchesWithCue, single } from './shared.js';

/** Seasons ("last fall", "the winter of 1994") and months led by last/this/next ("last May"), which chrono-node misreads. */
export function recogniseSeasonsAndMonths(text: string): Candidate[] {
  return [...seasons(text), ...relativeMonths(text)];
}

const seasonCodes: Record<string, Season> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };
const seasonPattern = new RegExp(
  `${letterBefore}(?:(this past|this coming|the coming|the past|this|last|next|early|late|mid|the)[-\\s]+)?(spring|summer|fall|autumn|winter)${letterAfter}(?:\\s+(?:of\\s+)?(${yearPattern}))?`,
  'giu',
);
const seasonModifiers: Record<string, DateModifier> = { early: 'start', mid: 'mid', late: 'end' };

/** "last fall", "this summer", "the winter of 1994", "spring 2024": never a bare "fall", which is mostly a verb. */
function seasons(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of matchesWithCue(text, /spring|summer|fall|autumn|winter/iu, seasonPattern)) {
    const lead = match[1]?.toLowerCase();
    const season = seasonCodes[(match[2] ?? '').toLowerCase()];
    const year = match[3];
    if (!season || (!lead && !year)) continue;
    const end = match.index + match[0].length;
    if (!year && season === 'FA' && /^\s+of\s+(?!\d)/i.test(text.slice(end, end + 8))) continue;
    const build = (seasonYear: number): CalendarValue => ({ unit: 'season', year: seasonYear, season });
    let anchoring: Anchoring;
    if (year) anchoring = { type: 'absolute', span: single(build(Number(year))) };
    else if (lead === 'this') anchoring = { type: 'deictic', resolve: ({ reference }) => single(build(reference.year)) };
    else if (lead === 'last' || lead === 'this past' || lead === 'the past') {
      anchoring = { type: 'deictic', resolve: ({ reference }) => single(latest(build, reference, (value) => epochDay(daysOf(value).last) < epochDay(reference))) };
    } else if (lead === 'next' || lead === 'this coming' || lead === 'the coming') {
      anchoring = { type: 'deictic', resolve: ({ reference }) => single(earliest(build, reference, (value) => epochDay(daysOf(value).first) > epochDay(reference))) };
    } else anchoring = { type: 'yearless', period: { build: (seasonYear) => single(build(seasonYear)) } };
    const modifier = lead ? (seasonModifiers[lead] ?? null) : null;
    candidates.push({ ...dateCandidate(match.index, end, anchoring), modifier });
  }
  return candidates;
}

function latest(build: (year: number) => CalendarValue, reference: Day, accept: (value: CalendarValue) => boolean): CalendarValue {
  for (let year = reference.year + 1; year > reference.year - 3; year--) if (accept(build(year))) return build(year);
  return build(reference.year - 1);
}

function earliest(build: (year: number) => CalendarValue, reference: Day, accept: (value: CalendarValue) => boolean): CalendarValue {
  for (let year = reference.year - 1; year < reference.year + 3; year++) if (accept(build(year))) return build(year);
  return build(reference.year + 1);
}

const relativeMonthPattern = new RegExp(`${letterBefore}(this past|this coming|last|this|next|past|coming)\\s+(${monthPattern})(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?${letterAfter})?(?![\\p{L}])`, 'giu');
const relativeMonthCue = new RegExp(`(?:last|this|next|past|coming)\\s+${monthPattern}`, 'iu');

/** "last May", "this September", "next March 3": chrono-node reads "last May" as next May or not at all. */
function relativeMonths(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of matchesWithCue(text, relativeMonthCue, relativeMonthPattern)) {
    const lead = (match[1] ?? '').toLowerCase();
    const month = monthNumber(match[2] ?? '');
    if (month === null) continue;
    const day = match[3] ? Number(match[3]) : null;
    const build = (year: number): CalendarValue => (day === null ? { unit: 'month', year, month } : { unit: 'day', year, month, day });
    const resolve = ({ reference }: ResolveContext): CalendarSpan => {
      const referenceMonth = reference.year * 12 + reference.month;
      if (lead === 'this') return single(build(reference.year));
      // "last February" said in March means the February before: the month just gone would be "last month".
      if (/past|last/.test(lead)) return single(build(month < reference.month - 1 ? reference.year : reference.year - 1));
      return single(build(reference.year * 12 + month > referenceMonth ? reference.year : reference.year + 1));
    };
    candidates.push(dateCandidate(match.index, match.index + match[0].length, { type: 'deictic', resolve }));
  }
  return candidates;
}

