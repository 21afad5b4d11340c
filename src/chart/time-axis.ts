import { monthName } from '../corpus/partial-date.js';
import type { DatePrecision } from '../corpus/types.js';
import { dayFromEpoch, daysOfPartial, epochDay } from '../dates/calendar.js';

/** First and last epoch day of a date and its optional end, both at one precision. */
export function dayRange(date: string, end: string | null, precision: DatePrecision): { first: number; last: number } {
  const first = epochDay(daysOfPartial({ iso: date, precision }).first);
  const last = epochDay(daysOfPartial({ iso: end ?? date, precision }).last);
  return { first, last: Math.max(first, last) };
}

/** A linear map from epoch days to pixels. */
export interface TimeScale {
  first: number;
  last: number;
  x(day: number): number;
}

/** Days to pixels over [left, right], the domain padded so marks at its ends stay inside. */
export function timeScale(firstDay: number, lastDay: number, left: number, right: number): TimeScale {
  // A single day or a short span gets room around it: a month either side at least.
  const length = Math.max(lastDay - firstDay, 60);
  const pad = length * 0.03;
  const middle = (firstDay + lastDay) / 2;
  const first = Math.min(firstDay, middle - length / 2) - pad;
  const last = Math.max(lastDay + 1, middle + length / 2) + pad;
  const perDay = (right - left) / (last - first);
  return { first, last, x: (day) => left + (day - first) * perDay };
}

export interface Tick {
  day: number;
  label: string;
}

type Step = { unit: 'day' | 'month' | 'year'; count: number; days: number };

/** Candidate tick steps, smallest first. */
const steps: Step[] = [
  ...[1, 2, 7, 14].map((count) => ({ unit: 'day' as const, count, days: count })),
  ...[1, 2, 3, 6].map((count) => ({ unit: 'month' as const, count, days: count * 30.44 })),
  ...[1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000].map((count) => ({ unit: 'year' as const, count, days: count * 365.25 })),
];

/** Ticks at round days, months or years: the smallest step that keeps them `minimumGap` pixels apart. */
export function timeTicks(scale: TimeScale, minimumGap: number): Tick[] {
  const pixelsPerDay = (scale.x(scale.last) - scale.x(scale.first)) / (scale.last - scale.first);
  const step = steps.find((candidate) => candidate.days * pixelsPerDay >= minimumGap) ?? { unit: 'year', count: 1000, days: 365_250 };
  const start = dayFromEpoch(Math.ceil(scale.first));
  const end = dayFromEpoch(Math.floor(scale.last));
  if (step.unit === 'year') return yearTicks(start.year, end.year, step.count, scale);
  if (step.unit === 'month') return monthTicks(start, end, step.count, scale);
  return dayTicks(scale, step.count);
}

function yearTicks(firstYear: number, lastYear: number, step: number, scale: TimeScale): Tick[] {
  const ticks: Tick[] = [];
  for (let year = Math.ceil(firstYear / step) * step; year <= lastYear; year += step) {
    const day = epochDay({ year, month: 1, day: 1 });
    if (day >= scale.first && day <= scale.last) ticks.push({ day, label: String(year) });
  }
  return ticks;
}

function monthTicks(start: { year: number; month: number }, end: { year: number; month: number }, step: number, scale: TimeScale): Tick[] {
  const ticks: Tick[] = [];
  for (let index = start.year * 12 + start.month - 1; index <= end.year * 12 + end.month - 1; index += 1) {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    if ((month - 1) % step !== 0) continue;
    const day = epochDay({ year, month, day: 1 });
    if (day < scale.first || day > scale.last) continue;
    ticks.push({ day, label: month === 1 || ticks.length === 0 ? `${shortMonth(month)} ${year}` : shortMonth(month) });
  }
  return ticks;
}

function dayTicks(scale: TimeScale, step: number): Tick[] {
  const ticks: Tick[] = [];
  for (let day = Math.ceil(scale.first); day <= scale.last; day += step) {
    const { month, day: date } = dayFromEpoch(day);
    ticks.push({ day, label: `${date} ${shortMonth(month)}` });
  }
  return ticks;
}

/** "Jan" … "Dec". */
export function shortMonth(month: number): string {
  return monthName(month).slice(0, 3);
}

/** A compact date for a label: "2004", "Aug 2004", "19 Dec 2025", with a range as "1990–1999" or "19–20 Dec 2025". */
export function shortDate(date: string, end: string | null, precision: DatePrecision): string {
  const one = (iso: string) => {
    const [year, month, day] = iso.split('-');
    if (precision === 'year' || month === undefined) return year ?? iso;
    if (precision === 'month' || day === undefined) return `${shortMonth(Number(month))} ${year}`;
    return `${Number(day)} ${shortMonth(Number(month))} ${year}`;
  };
  if (end === null || end === date) return one(date);
  const [startYear, startMonth] = date.split('-');
  const [endYear, endMonth, endDay] = end.split('-');
  if (precision === 'day' && startYear === endYear && startMonth === endMonth && endDay !== undefined) {
    return `${Number(date.split('-')[2])}–${one(end)}`;
  }
  if (precision === 'month' && startYear === endYear && endMonth !== undefined) return `${shortMonth(Number(startMonth))}–${one(end)}`;
  return `${one(date)}–${one(end)}`;
}
