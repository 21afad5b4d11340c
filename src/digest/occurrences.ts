import { CronExpressionParser } from 'cron-parser';
import { localDateTime } from './zoned-time.js';

/** How far back catching up looks, and how many slots it walks at most: a bound on start-up work. */
export const catchUpLookbackMs = 31 * 24 * 3_600_000;
const maximumSteps = 10_000;

export interface SlotsBetween {
  /** Oldest first, one per wall-clock time of the zone. */
  slots: Date[];
  /** Slots were left out: older than the look-back, beyond the step bound, or beyond `limit`. */
  truncated: boolean;
}

/**
 * The slots of a cron schedule in a time zone after `after` up to `until` (inclusive), listed
 * with cron-parser: node-cron can only say when it fires next from the real clock, and catching
 * up needs the slots between two instants. Only cron-parser's forward walk is used, because its
 * backward walk treats DST changes differently. When more than `limit` are due the newest are kept.
 */
export function occurrencesBetween(cron: string, timeZone: string, after: Date, until: Date, limit: number): SlotsBetween {
  const start = Math.max(after.getTime(), until.getTime() - catchUpLookbackMs);
  let truncated = start > after.getTime();
  const expression = CronExpressionParser.parse(cron, { tz: timeZone, currentDate: new Date(start) });
  const slots: Date[] = [];
  const seen = new Set<string>();
  for (let step = 0; ; step += 1) {
    if (step === maximumSteps) {
      truncated = true;
      break;
    }
    if (!expression.hasNext()) break;
    const slot = expression.next().toDate();
    if (slot.getTime() > until.getTime()) break;
    // A wall-clock time repeated when clocks go back is one slot, not two.
    const wallClock = localDateTime(slot, timeZone);
    if (slot.getTime() <= after.getTime() || seen.has(wallClock)) continue;
    seen.add(wallClock);
    slots.push(slot);
    if (slots.length > limit) {
      slots.shift();
      truncated = true;
    }
  }
  return { slots, truncated };
}

/** The first slot strictly after `after`, or null when the schedule never fires again. */
export function nextOccurrence(cron: string, timeZone: string, after: Date): Date | null {
  const expression = CronExpressionParser.parse(cron, { tz: timeZone, currentDate: after });
  return expression.hasNext() ? expression.next().toDate() : null;
}
