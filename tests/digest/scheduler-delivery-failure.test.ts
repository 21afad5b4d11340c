import { describe, expect, it, vi } from 'vitest';
import { DigestDeliveryError } from '../../src/digest/delivery-error.js';
import type { DeliverDigest } from '../../src/digest/scheduler.js';
import { getDigestSettings } from '../../src/digest/settings-store.js';
import { describeSlotOutcome } from '../../src/digest/status.js';
import { useSchedulerWorld } from './helpers.js';

describe('a digest that cannot be delivered', () => {
  const world = useSchedulerWorld({
    startAt: '2025-06-10T06:59:00Z',
    prepare: async (created) => {
      await created.setUp('guild-1', 'daily 09:00', 'Europe/Berlin');
    },
  });
  const slotTime = new Date('2025-06-10T07:00:00Z');

  /** Fails the first `failures` attempts with the reason, then succeeds; records when each attempt ran. */
  function failing(failures: number, reason: string, retryable = true) {
    const attempts: number[] = [];
    const deliver: DeliverDigest = async (_settings, _digest, meta) => {
      attempts.push(Date.now() - slotTime.getTime());
      if (meta.attempt <= failures) throw new DigestDeliveryError(reason, { retryable });
    };
    return { attempts, deliver };
  }

  it('retries with exponential backoff and records the post once it goes through', async () => {
    const { attempts, deliver } = failing(2, 'Discord answered 503 Service Unavailable');
    const scheduler = await world().scheduler('a', { deliver, retry: { attempts: 4, baseDelayMs: 1000 } });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(60_000 + 500);
    const retrying = (await scheduler.status('guild-1')).inProgress[0];
    expect(retrying && describeSlotOutcome(retrying)).toMatch(/^retrying after 1 attempt \(last error: Discord answered 503 Service Unavailable\)/);
    await vi.advanceTimersByTimeAsync(10_000);
    // Backoff of 1 s then 2 s after the slot.
    expect(attempts).toEqual([0, 1000, 3000]);
    expect((await scheduler.status('guild-1')).lastRun).toMatchObject({ state: 'posted', attempts: 3, reason: null });
  });

  it('records the failure with its reason after the last attempt and keeps the settings', async () => {
    const { attempts, deliver } = failing(Infinity, 'Missing Permissions: the bot cannot send messages in #news');
    const scheduler = await world().scheduler('a', { deliver, retry: { attempts: 3, baseDelayMs: 1000 } });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(attempts).toHaveLength(3);
    const status = await scheduler.status('guild-1');
    expect(status.problems).toHaveLength(1);
    expect(status.problems[0] && describeSlotOutcome(status.problems[0])).toBe('failed after 3 attempts: Missing Permissions: the bot cannot send messages in #news');
    expect(await getDigestSettings(world().db, 'guild-1')).toMatchObject({ enabled: true, channelId: 'channel-of-guild-1', timeZone: 'Europe/Berlin' });
    expect(status.nextRun?.toISOString()).toBe('2025-06-11T07:00:00.000Z');
  });

  it('stops retrying at once when the failure says retrying cannot help', async () => {
    const { attempts, deliver } = failing(Infinity, 'Unknown Channel: the channel was deleted', false);
    const scheduler = await world().scheduler('a', { deliver });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(attempts).toHaveLength(1);
    expect((await scheduler.status('guild-1')).lastRun).toMatchObject({ state: 'failed', attempts: 1, reason: 'Unknown Channel: the channel was deleted' });
  });

  it('hands a planned retry over to the next start instead of dropping it', async () => {
    const first = failing(Infinity, 'Discord answered 502 Bad Gateway');
    const before = await world().scheduler('before-restart', { deliver: first.deliver, retry: { attempts: 5, baseDelayMs: 60_000 } });
    await before.start();
    await vi.advanceTimersByTimeAsync(70_000);
    expect(first.attempts).toEqual([0]);
    await before.stop();
    const second = failing(0, '');
    const after = await world().scheduler('after-restart', { deliver: second.deliver, retry: { attempts: 5, baseDelayMs: 60_000 } });
    await after.start();
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    // The retry was due 60 s after the first attempt; the new process makes it then, once.
    expect(second.attempts).toEqual([60_000]);
    expect(first.attempts).toEqual([0]);
    expect((await after.status('guild-1')).lastRun).toMatchObject({ state: 'posted', attempts: 2, late: true });
  });
});
