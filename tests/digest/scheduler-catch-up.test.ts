import { describe, expect, it, vi } from 'vitest';
import { useSchedulerWorld } from './helpers.js';

describe('slots missed while the bot was down', () => {
  const world = useSchedulerWorld({
    prepare: async (created) => {
      // Set up the day before, while no scheduler was running.
      await created.setUp('guild-1', 'daily 09:00', 'Europe/Berlin', new Date('2025-06-09T12:00:00Z'));
    },
  });

  it('posts a slot missed an hour ago once on start-up, marked late', async () => {
    vi.setSystemTime(new Date('2025-06-10T08:00:00Z'));
    const scheduler = await world().scheduler('a');
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(world().deliveries.map((delivery) => [delivery.slot, delivery.late])).toEqual([['2025-06-10T07:00:00.000Z', true]]);
    const status = await scheduler.status('guild-1');
    expect(status.lastRun?.state).toBe('posted');
    expect(status.lastRun?.late).toBe(true);
    expect(status.problems).toEqual([]);
  });

  it('records a slot past the grace period as missed and shows it in the status', async () => {
    // 16:00 in Berlin: seven hours after the 09:00 slot, past the default six hours.
    vi.setSystemTime(new Date('2025-06-10T14:00:00Z'));
    const scheduler = await world().scheduler('a');
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(world().deliveries).toEqual([]);
    const status = await scheduler.status('guild-1');
    expect(status.problems.map((slot) => [slot.localTime, slot.state])).toEqual([['2025-06-10T09:00:00', 'missed']]);
    expect(status.problems[0]?.reason).toMatch(/past the grace period of 6 hours/);
    expect(status.nextRun?.toISOString()).toBe('2025-06-11T07:00:00.000Z');
  });

  it('follows a grace period given in hours', async () => {
    vi.setSystemTime(new Date('2025-06-10T14:00:00Z'));
    await (await world().scheduler('a', { graceHours: 8 })).start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(world().deliveries.map((delivery) => [delivery.slot, delivery.late])).toEqual([['2025-06-10T07:00:00.000Z', true]]);
  });

  it('posts only the newest of several missed slots and records the others with their reason', async () => {
    vi.setSystemTime(new Date('2025-06-12T08:30:00Z'));
    const scheduler = await world().scheduler('a');
    await scheduler.start();
    expect(world().deliveries.map((delivery) => delivery.slot)).toEqual(['2025-06-12T07:00:00.000Z']);
    const missed = (await scheduler.status('guild-1')).problems.map((slot) => slot.localTime);
    expect(missed).toEqual(['2025-06-11T09:00:00', '2025-06-10T09:00:00']);
  });

  it('marks hourly slots inside the grace period as superseded by the newest one', async () => {
    await world().setUp('hourly', '0 * * * *', 'UTC', new Date('2025-06-10T05:30:00Z'));
    vi.setSystemTime(new Date('2025-06-10T08:10:00Z'));
    const scheduler = await world().scheduler('a');
    await scheduler.start();
    const hourly = world().deliveries.filter((delivery) => delivery.guildId === 'hourly');
    expect(hourly.map((delivery) => delivery.slot)).toEqual(['2025-06-10T08:00:00.000Z']);
    const problems = (await scheduler.status('hourly')).problems;
    expect(problems.map((slot) => slot.localTime)).toEqual(['2025-06-10T07:00:00', '2025-06-10T06:00:00']);
    expect(problems.every((slot) => slot.reason?.includes('superseded by the later slot at 2025-06-10T08:00:00.000Z'))).toBe(true);
  });

  it('owes nothing for the time before the digest was set up', async () => {
    await world().setUp('new-guild', 'daily 09:00', 'Europe/Berlin', new Date('2025-06-10T07:30:00Z'));
    vi.setSystemTime(new Date('2025-06-10T08:00:00Z'));
    const scheduler = await world().scheduler('a');
    await scheduler.start();
    expect(world().deliveries.filter((delivery) => delivery.guildId === 'new-guild')).toEqual([]);
    expect((await scheduler.status('new-guild')).problems).toEqual([]);
  });
});
