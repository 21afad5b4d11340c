import type { DayRange, DigestAnniversary, DigestEvent } from './types.js';
import { monthName } from '../corpus/partial-date.js';
import { addDays, dateParts, daysBetween, daysInMonth } from './zoned-time.js';

const pad = (value: number) => String(value).padStart(2, '0');

function yearsAgo(years: number): string {
  return years === 1 ? '1 year ago' : `${years} years ago`;
}

function dayWording(years: number, on: string, today: string): string {
  const offset = daysBetween(today, on);
  const { month, day } = dateParts(on);
  if (offset === 0) return `${yearsAgo(years)} today`;
  if (offset === 1) return `${yearsAgo(years)} tomorrow`;
  if (offset < 7) return `${yearsAgo(years)} this week`;
  if (offset < 14) return `${yearsAgo(years)} next week`;
  return `${yearsAgo(years)} on ${day} ${monthName(month)}`;
}

function monthWording(years: number, on: string, today: string): string {
  const [year = 0, month = 1] = on.split('-').map(Number);
  const current = dateParts(today);
  const monthsAhead = (year - current.year) * 12 + (month - current.month);
  if (monthsAhead === 0) return `${yearsAgo(years)} this month`;
  if (monthsAhead === 1) return `${yearsAgo(years)} next month`;
  return `${yearsAgo(years)} in ${monthName(month)}`;
}

/** Every day of a range, in order; ranges here are at most 90 days. */
export function daysOf(range: DayRange): string[] {
  const days: string[] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The anniversary day of a month-day in a given year: 29 February falls on the 28th in other years. */
export function anniversaryDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(Math.min(day, daysInMonth(year, month)))}`;
}

/**
 * Anniversaries that fall in the window: day-precision events on their day, month-precision
 * events in their month. Year-precision events have none: their day is unknown, so any day
 * would be invented. Ranges count from their first day.
 */
export function anniversariesInWindow(events: readonly DigestEvent[], window: DayRange, today: string): DigestAnniversary[] {
  const windowDays = new Set(daysOf(window));
  const windowMonths = new Set([...windowDays].map((day) => day.slice(0, 7)));
  const anniversaries: DigestAnniversary[] = [];
  for (const event of events) {
    const { year, month, day } = dateParts(event.date);
    if (event.precision === 'day') {
      for (const candidateYear of new Set([...windowDays].map((windowDay) => dateParts(windowDay).year))) {
        const on = anniversaryDay(candidateYear, month, day);
        const years = candidateYear - year;
        if (years >= 1 && windowDays.has(on)) {
          anniversaries.push({ event, years, on, wording: dayWording(years, on, today), milestone: years % 5 === 0 });
        }
      }
    } else if (event.precision === 'month') {
      for (const windowMonth of windowMonths) {
        const [candidateYear = 0, candidateMonth] = windowMonth.split('-').map(Number);
        const years = candidateYear - year;
        if (candidateMonth === month && years >= 1) {
          anniversaries.push({ event, years, on: windowMonth, wording: monthWording(years, windowMonth, today), milestone: years % 5 === 0 });
        }
      }
    }
  }
  return anniversaries.sort((left, right) => left.on.localeCompare(right.on) || right.years - left.years || left.event.label.localeCompare(right.event.label));
}
