import { nextOccurrence, occurrencesBetween } from './occurrences.js';

/** Catching up never lists more than this many slots per server at once; older ones are only logged. */
export const catchUpLimit = 500;

export interface DueSlots {
  slots: Date[];
  /** More slots were due than `catchUpLimit`; only the newest are listed. */
  truncated: boolean;
}

/**
 * Lists the slots of a schedule due between `after` and `now`, remembering per server when the
 * next one falls so that the minute-by-minute sweep costs a map lookup until then.
 */
export function createDueSlotFinder() {
  const nothingDueBefore = new Map<string, { cron: string; timeZone: string; after: number; next: number }>();

  return function dueSlots(guildId: string, cron: string, timeZone: string, after: Date, now: Date): DueSlots {
    const known = nothingDueBefore.get(guildId);
    if (known && known.cron === cron && known.timeZone === timeZone && known.after === after.getTime() && now.getTime() < known.next) {
      return { slots: [], truncated: false };
    }
    const next = nextOccurrence(cron, timeZone, after)?.getTime() ?? Number.POSITIVE_INFINITY;
    if (now.getTime() < next) {
      nothingDueBefore.set(guildId, { cron, timeZone, after: after.getTime(), next });
      return { slots: [], truncated: false };
    }
    nothingDueBefore.delete(guildId);
    return occurrencesBetween(cron, timeZone, after, now, catchUpLimit);
  };
}
