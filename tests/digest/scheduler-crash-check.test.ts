import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeliverDigest, DeliveryMeta, FindDeliveredDigest } from '../../src/digest/scheduler.js';
import { useSchedulerWorld } from './helpers.js';

/** Posts that never return, as in a process that died; released after each test so that the world can close. */
const hanging: Array<() => void> = [];
const neverReturns: DeliverDigest = () => new Promise<void>((resolve) => hanging.push(resolve));

describe('a slot taken over from a process that died mid-post', () => {
  const world = useSchedulerWorld({
    startAt: '2025-06-10T06:59:00Z',
    prepare: async (created) => {
      await created.setUp('guild-1', 'daily 09:00', 'Europe/Berlin');
    },
  });
  // Registered after the world, so it runs before the world closes.
  afterEach(() => {
    for (const release of hanging.splice(0)) release();
  });

  async function dieWhilePosting(): Promise<void> {
    const dying = await world().scheduler('dying', { deliver: neverReturns, leaseMs: 60_000 });
    await dying.start();
    await vi.advanceTimersByTimeAsync(90_000);
    void dying.stop();
    // Past the dead process's one-minute lease.
    await vi.advanceTimersByTimeAsync(60_000);
  }

  it('is recorded as posted, not posted again, when the channel already has it', async () => {
    await dieWhilePosting();
    const asked: DeliveryMeta[] = [];
    const findDelivered: FindDeliveredDigest = async (_settings, meta) => {
      asked.push(meta);
      return true;
    };
    const taker = await world().scheduler('taker', { findDelivered, leaseMs: 60_000 });
    await taker.start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(asked).toHaveLength(1);
    expect(asked[0]?.slot.toISOString()).toBe('2025-06-10T07:00:00.000Z');
    // The slot was claimed at 07:00; only messages from then on can be its post.
    expect(asked[0]?.claimedAt.toISOString()).toBe('2025-06-10T07:00:00.000Z');
    expect(world().deliveries).toEqual([]);
    expect((await taker.status('guild-1')).lastRun).toMatchObject({ state: 'posted', attempts: 1 });
  });

  it('is posted once when the channel does not have it', async () => {
    await dieWhilePosting();
    const findDelivered = vi.fn<FindDeliveredDigest>(async () => false);
    const taker = await world().scheduler('taker', { findDelivered, leaseMs: 60_000 });
    await taker.start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(findDelivered).toHaveBeenCalledTimes(1);
    expect(world().deliveries.map((delivery) => [delivery.instance, delivery.slot, delivery.late])).toEqual([['taker', '2025-06-10T07:00:00.000Z', true]]);
  });

  it('is retried like a failed post when the channel cannot be read for now', async () => {
    await dieWhilePosting();
    const findDelivered = vi.fn<FindDeliveredDigest>().mockRejectedValueOnce(new Error('503 Service Unavailable')).mockResolvedValue(false);
    const taker = await world().scheduler('taker', { findDelivered, leaseMs: 60_000 });
    await taker.start();
    await vi.advanceTimersByTimeAsync(500);
    expect(world().deliveries).toEqual([]);
    // The helpers' retry policy waits a second after a first failure.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(findDelivered).toHaveBeenCalledTimes(2);
    expect(world().deliveries).toHaveLength(1);
  });
});

describe('a slot posted on time by a process that lives', () => {
  const world = useSchedulerWorld({
    startAt: '2025-06-10T06:59:00Z',
    prepare: async (created) => {
      await created.setUp('guild-1', 'daily 09:00', 'Europe/Berlin');
    },
  });

  it('is posted without looking in the channel first', async () => {
    const findDelivered = vi.fn<FindDeliveredDigest>(async () => false);
    const scheduler = await world().scheduler('a', { findDelivered });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(90_000);
    expect(world().deliveries).toHaveLength(1);
    expect(findDelivered).not.toHaveBeenCalled();
  });
});
