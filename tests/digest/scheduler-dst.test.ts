import { describe, expect, it, vi } from 'vitest';
import { dayIn, useSchedulerWorld } from './helpers.js';

/** Days, in the zone, on which digests were posted, with how many each. */
function postsPerDay(slots: string[], timeZone: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const slot of slots) {
    const day = dayIn(slot, timeZone);
    counts[day] = (counts[day] ?? 0) + 1;
  }
  return counts;
}

describe('daylight-saving time', () => {
  const world = useSchedulerWorld();

  async function runDays(guildId: string, schedule: string, timeZone: string, from: string, days: number): Promise<string[]> {
    vi.setSystemTime(new Date(from));
    await world().setUp(guildId, schedule, timeZone);
    await (await world().scheduler(`${guildId}-instance`)).start();
    await vi.advanceTimersByTimeAsync(days * 24 * 3_600_000);
    return world().deliveries.filter((delivery) => delivery.guildId === guildId).map((delivery) => delivery.slot);
  }

  it('posts a daily 09:00 Berlin digest once on the day clocks go forward, at 09:00 summer time', async () => {
    const slots = await runDays('berlin', 'daily 09:00', 'Europe/Berlin', '2025-03-29T00:00:00Z', 3);
    // 29 March is still winter time (UTC+1); from 30 March it is summer time (UTC+2).
    expect(slots).toEqual(['2025-03-29T08:00:00.000Z', '2025-03-30T07:00:00.000Z', '2025-03-31T07:00:00.000Z']);
  });

  it('posts a daily 09:00 Berlin digest once on the day clocks go back, at 09:00 winter time', async () => {
    const slots = await runDays('berlin', 'daily 09:00', 'Europe/Berlin', '2025-10-25T00:00:00Z', 3);
    expect(slots).toEqual(['2025-10-25T07:00:00.000Z', '2025-10-26T08:00:00.000Z', '2025-10-27T08:00:00.000Z']);
  });

  it('posts a daily 09:00 New York digest once on the day clocks go forward', async () => {
    const slots = await runDays('new-york', 'daily 09:00', 'America/New_York', '2025-03-08T15:00:00Z', 2);
    expect(postsPerDay(slots, 'America/New_York')).toEqual({ '2025-03-09': 1, '2025-03-10': 1 });
    expect(slots[0]).toBe('2025-03-09T13:00:00.000Z');
  });

  it('posts a daily 09:00 New York digest once on the day clocks go back', async () => {
    const slots = await runDays('new-york', 'daily 09:00', 'America/New_York', '2025-11-01T15:00:00Z', 2);
    expect(postsPerDay(slots, 'America/New_York')).toEqual({ '2025-11-02': 1, '2025-11-03': 1 });
    expect(slots[0]).toBe('2025-11-02T14:00:00.000Z');
  });

  it('posts a 02:30 digest once when 02:30 does not exist that day, at 03:30', async () => {
    const slots = await runDays('gap', 'daily 02:30', 'Europe/Berlin', '2025-03-29T00:00:00Z', 3);
    expect(postsPerDay(slots, 'Europe/Berlin')).toEqual({ '2025-03-29': 1, '2025-03-30': 1, '2025-03-31': 1 });
    // node-cron skips a time that does not exist; the minute sweep posts it when the clock passes it.
    expect(slots[1]).toBe('2025-03-30T01:30:00.000Z');
  });

  it('posts a 02:30 digest once when 02:30 happens twice that day', async () => {
    const slots = await runDays('overlap', 'daily 02:30', 'Europe/Berlin', '2025-10-25T00:00:00Z', 3);
    expect(postsPerDay(slots, 'Europe/Berlin')).toEqual({ '2025-10-25': 1, '2025-10-26': 1, '2025-10-27': 1 });
    expect(world().deliveries.every((delivery) => !delivery.late)).toBe(true);
  });
});
