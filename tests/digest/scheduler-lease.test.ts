import { describe, expect, it, vi } from 'vitest';
import type { DeliverDigest } from '../../src/digest/scheduler.js';
import { useSchedulerWorld } from './helpers.js';

describe('a delivery that outlives its claim lease', () => {
  const world = useSchedulerWorld({
    startAt: '2025-06-10T06:59:00Z',
    prepare: async (created) => {
      await created.setUp('guild-1', 'daily 09:00', 'Europe/Berlin');
    },
  });

  it('is not started a second time by the process still delivering it', async () => {
    let started = 0;
    // Discord's rate-limit queue can hold a post for minutes; here it takes ten.
    const slowDeliver: DeliverDigest = async () => {
      started += 1;
      await new Promise((resolve) => setTimeout(resolve, 10 * 60_000));
    };
    const scheduler = await world().scheduler('a', { deliver: slowDeliver, leaseMs: 60_000 });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(15 * 60_000);
    expect(started).toBe(1);
    expect((await scheduler.status('guild-1')).lastRun).toMatchObject({ state: 'posted', attempts: 1 });
  });
});
