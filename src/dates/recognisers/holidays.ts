import { addDays, daysInMonth, epochDay, weekdayOf, type CalendarSpan, type Day } from '../calendar.js';
import { priorities, type Anchoring, type Candidate } from '../candidate.js';
import { yearPattern } from '../vocabulary.js';
import { matchesWithCue } from './shared.js';

/** Fixed and movable public holidays that name a day: "Thanksgiving Day", "last Christmas", "New Year's Eve 1999". */
export function recogniseHolidays(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of matchesWithCue(text, holidayCue, holidayPattern)) {
    const lead = match[1]?.toLowerCase();
    const holiday = holidayDays.find(([pattern]) => pattern.test(match[2] ?? ''));
    if (!holiday) continue;
    const dayIn = holiday[1];
    const build = (year: number): CalendarSpan => ({ start: { unit: 'day', ...dayIn(year) }, end: null });
    const year = match[3];
    let anchoring: Anchoring;
    if (year) anchoring = { type: 'absolute', span: build(Number(year)) };
    else if (lead === 'this') anchoring = { type: 'deictic', resolve: ({ reference }) => build(reference.year) };
    else if (lead === 'last') anchoring = { type: 'deictic', resolve: ({ reference }) => build(epochDay(dayIn(reference.year)) < epochDay(reference) ? reference.year : reference.year - 1) };
    else if (lead === 'next') anchoring = { type: 'deictic', resolve: ({ reference }) => build(epochDay(dayIn(reference.year)) > epochDay(reference) ? reference.year : reference.year + 1) };
    else anchoring = { type: 'yearless', period: { build } };
    candidates.push({ start: match.index, end: match.index + match[0].length, kind: 'date', anchoring, modifier: null, priority: priorities.pattern });
  }
  return candidates;
}

function nthWeekday(year: number, month: number, weekday: number, nth: number): Day {
  const first = { year, month, day: 1 };
  return addDays(first, ((weekday - weekdayOf(first) + 7) % 7) + (nth - 1) * 7);
}

function lastWeekday(year: number, month: number, weekday: number): Day {
  const end = { year, month, day: daysInMonth(year, month) };
  return addDays(end, -((weekdayOf(end) - weekday + 7) % 7));
}

const holidayDays: [RegExp, (year: number) => Day][] = [
  [/^christmas eve$/i, (year) => ({ year, month: 12, day: 24 })],
  [/^christmas/i, (year) => ({ year, month: 12, day: 25 })],
  [/^new year's eve$/i, (year) => ({ year, month: 12, day: 31 })],
  [/^new year's day$/i, (year) => ({ year, month: 1, day: 1 })],
  [/^(?:independence day|the fourth of july|july fourth)$/i, (year) => ({ year, month: 7, day: 4 })],
  [/^valentine's day$/i, (year) => ({ year, month: 2, day: 14 })],
  [/^halloween$/i, (year) => ({ year, month: 10, day: 31 })],
  [/^veterans day$/i, (year) => ({ year, month: 11, day: 11 })],
  [/^thanksgiving/i, (year) => nthWeekday(year, 11, 4, 4)],
  [/^labor day$/i, (year) => nthWeekday(year, 9, 1, 1)],
  [/^memorial day$/i, (year) => lastWeekday(year, 5, 1)],
];

const holidayNames = "Christmas Eve|Christmas(?: Day)?|New Year's Eve|New Year's Day|Independence Day|the Fourth of July|July Fourth|Valentine's Day|Halloween|Veterans Day|Thanksgiving(?: Day)?|Labor Day|Memorial Day";
const holidayPattern = new RegExp(`(?<![\\p{L}])(?:(last|this|next)\\s+)?(${holidayNames})(?![\\p{L}])(?:,?\\s+(${yearPattern}))?`, 'gu');
const holidayCue = new RegExp(holidayNames, 'u');
