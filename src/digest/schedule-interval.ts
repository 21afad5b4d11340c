import { CronExpressionParser } from 'cron-parser';

const minuteMs = 60_000;
const dayMinutes = 24 * 60;
/** Bounds on the walk through real occurrences: a leap year and a little, or this many posts. */
const walkDays = 370;
const walkOccurrences = 1_000;
/** A fixed leap year, so the answer depends on the expression alone and February 29 is covered. */
const walkStart = new Date('2028-01-01T00:00:00Z');

/**
 * The shortest wall-clock time between two posts of a cron schedule, when it is shorter than
 * `floorMs`; null when every gap is at least that long. A cron schedule posts at the same
 * times on every day it runs, so cron-parser's minute and hour fields give the gaps within a
 * day at once. Only when the last post of a day and the first of the next could come closer
 * than the floor are the schedule's real occurrences walked (cron-parser, in UTC so that DST
 * neither adds nor removes an hour), for a year at most, stopping at the first short gap.
 */
export function shortGapOf(cron: string, floorMs: number): number | null {
  const expression = CronExpressionParser.parse(cron, { tz: 'UTC', currentDate: walkStart });
  const { hour, minute } = expression.fields;
  const times = hour.values.flatMap((h) => minute.values.map((m) => Number(h) * 60 + Number(m))).sort((a, b) => a - b);
  const first = times[0] ?? 0;
  const last = times.at(-1) ?? 0;
  let shortest = Number.POSITIVE_INFINITY;
  for (let index = 1; index < times.length; index += 1) shortest = Math.min(shortest, ((times[index] ?? 0) - (times[index - 1] ?? 0)) * minuteMs);
  if (shortest < floorMs) return shortest;
  // Posts on two neighbouring days are at least this far apart.
  if ((dayMinutes - (last - first)) * minuteMs >= floorMs) return null;
  return shortGapInOccurrences(expression, floorMs);
}

function shortGapInOccurrences(expression: ReturnType<typeof CronExpressionParser.parse>, floorMs: number): number | null {
  const end = walkStart.getTime() + walkDays * dayMinutes * minuteMs;
  let previous: number | null = null;
  for (let count = 0; count < walkOccurrences && expression.hasNext(); count += 1) {
    const at = expression.next().getTime();
    if (at > end) return null;
    if (previous !== null && at - previous < floorMs) return at - previous;
    previous = at;
  }
  return null;
}
