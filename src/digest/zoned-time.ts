
/**
 * Calendar arithmetic on plain ISO dates (`YYYY-MM-DD`) and the link between an instant and
 * the wall clock of a time zone. Plain dates are computed in UTC, where every day has 24 hours.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading of an instant in a time zone. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallClock(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of wallClockFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year ?? 0, month: parts.month ?? 1, day: parts.day ?? 1, hour: parts.hour ?? 0, minute: parts.minute ?? 0, second: parts.second ?? 0 };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `YYYY-MM-DD` of the day an instant falls on in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  const clock = wallClock(instant, timeZone);
  return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}`;
}

/** `YYYY-MM-DDTHH:MM:SS` wall-clock time of an instant in a time zone, without offset. */
export function localDateTime(instant: Date, timeZone: string): string {
  const clock = wallClock(instant, timeZone);
  return `${localDate(instant, timeZone)}T${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}`;
}

/** Splits a `YYYY-MM-DD` date; callers pass dates they built or validated. */
export function dateParts(isoDate: string): { year: number; month: number; day: number } {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  return { year, month, day };
}

/** UTC midnight of a calendar date; years below 100 stay themselves instead of becoming 19xx. */
function utcMidnight(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

export function formatDate(year: number, month: number, day: number): string {
  const date = utcMidnight(year, month, day);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export function addDays(isoDate: string, days: number): string {
  const { year, month, day } = dateParts(isoDate);
  return formatDate(year, month, day + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const start = dateParts(from);
  const end = dateParts(to);
  return Math.round((utcMidnight(end.year, end.month, end.day).getTime() - utcMidnight(start.year, start.month, start.day).getTime()) / 86_400_000);
}

export function daysInMonth(year: number, month: number): number {
  return utcMidnight(year, month + 1, 0).getUTCDate();
}

/** Whether `YYYY-MM-DD` names a real day; years run from 0001, as there is no year 0. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match || Number(match[1]) < 1) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month);
}

/** The instant at which a time zone's wall clock reads the given date and time. */
export function zonedInstant(isoDate: string, hour: number, minute: number, timeZone: string): Date {
  const { year, month, day } = dateParts(isoDate);
  const wanted = utcMidnight(year, month, day).getTime() + (hour * 60 + minute) * 60_000;
  let guess = wanted;
  // Two rounds settle the offset except inside a DST gap, where the later reading is kept.
  for (let round = 0; round < 2; round += 1) {
    const clock = wallClock(new Date(guess), timeZone);
    const read = utcMidnight(clock.year, clock.month, clock.day).getTime() + ((clock.hour * 60 + clock.minute) * 60 + clock.second) * 1000;
    guess += wanted - read;
  }
  return new Date(guess);
}
