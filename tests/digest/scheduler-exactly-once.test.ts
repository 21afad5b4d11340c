import { describe, expect, it, vi } from 'vitest';
import { useSchedulerWorld } from './helpers.js';

describe('the digest scheduler posts each slot exactly once', () => {
  const world = useSchedulerWorld({ startAt: '2025-06-10T06:00:00Z' });

  it('posts a daily 09:00 Berlin digest at 07:00 UTC in summer, once', async () => {
    await world().setUp('guild-1', 'daily 09:00', 'Europe/Berlin');
    await (await world().scheduler('a')).start();
    await vi.advanceTimersByTimeAsync(3 * 3_600_000);
    expect(world().deliveries).toEqual([{ instance: 'a', guildId: 'guild-1', channelId: 'channel-of-guild-1', slot: '2025-06-10T07:00:00.000Z', late: false, attempt: 1, kind: 'scheduled' }]);
  });

  it('lets only one of two instances on the same database post a slot', async () => {
    await world().setUp('guild-1', 'daily 09:00', 'Europe/Berlin');
    await (await world().scheduler('a')).start();
    await (await world().scheduler('b')).start();
    await vi.advanceTimersByTimeAsync(2 * 24 * 3_600_000);
    const slots = world().deliveries.map((delivery) => delivery.slot);
    expect(slots).toEqual(['2025-06-10T07:00:00.000Z', '2025-06-11T07:00:00.000Z']);
  });

  it('posts nothing twice when the process restarts just after a slot', async () => {
    await world().setUp('guild-1', 'daily 09:00', 'Europe/Berlin');
    const first = await world().scheduler('before-restart');
    await first.start();
    await vi.advanceTimersByTimeAsync(61 * 60_000);
    await first.stop();
    // Well inside the grace period: a scheduler that forgot the claim would post the slot again, late.
    await (await world().scheduler('after-restart')).start();
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(world().deliveries.map((delivery) => [delivery.instance, delivery.slot])).toEqual([['before-restart', '2025-06-10T07:00:00.000Z']]);
  });

  it('posts each server on its own schedule and time zone', async () => {
    await world().setUp('berlin', 'daily 09:00', 'Europe/Berlin');
    await world().setUp('tokyo', 'weekly wed 09:00', 'Asia/Tokyo');
    await (await world().scheduler('a')).start();
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(world().deliveries.map((delivery) => [delivery.guildId, delivery.slot])).toEqual([
      ['berlin', '2025-06-10T07:00:00.000Z'],
      // Wednesday 11 June, 09:00 in Tokyo (UTC+9) is 00:00 UTC.
      ['tokyo', '2025-06-11T00:00:00.000Z'],
    ]);
  });
});
