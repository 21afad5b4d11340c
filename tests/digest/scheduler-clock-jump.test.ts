import { describe, expect, it, vi } from 'vitest';
import { useSchedulerWorld } from './helpers.js';

describe('a clock that jumps', () => {
  const world = useSchedulerWorld({
    startAt: '2025-06-10T06:00:00Z',
    prepare: async (created) => {
      await created.setUp('guild-1', 'daily 09:00', 'Europe/Berlin');
    },
  });

  it('catches up a slot jumped over, once and marked late, when it is within the grace period', async () => {
    await (await world().scheduler('a')).start();
    vi.setSystemTime(new Date('2025-06-10T10:00:00Z'));
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(world().deliveries.map((delivery) => [delivery.slot, delivery.late])).toEqual([['2025-06-10T07:00:00.000Z', true]]);
  });

  it('records the slots jumped over as missed when the jump is longer than the grace period', async () => {
    const scheduler = await world().scheduler('a');
    await scheduler.start();
    vi.setSystemTime(new Date('2025-06-12T08:00:00Z'));
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(world().deliveries.map((delivery) => delivery.slot)).toEqual(['2025-06-12T07:00:00.000Z']);
    expect((await scheduler.status('guild-1')).problems.map((slot) => [slot.localTime, slot.state])).toEqual([
      ['2025-06-11T09:00:00', 'missed'],
      ['2025-06-10T09:00:00', 'missed'],
    ]);
  });

  it('does not post a slot again when the clock goes back past it', async () => {
    await (await world().scheduler('a')).start();
    await vi.advanceTimersByTimeAsync(1.5 * 3_600_000);
    expect(world().deliveries).toHaveLength(1);
    vi.setSystemTime(new Date('2025-06-10T06:30:00Z'));
    await vi.advanceTimersByTimeAsync(2 * 3_600_000);
    expect(world().deliveries.map((delivery) => delivery.slot)).toEqual(['2025-06-10T07:00:00.000Z']);
  });

  it('does not post a slot again when a restarted process sees the clock go back past it', async () => {
    const first = await world().scheduler('first');
    await first.start();
    await vi.advanceTimersByTimeAsync(1.5 * 3_600_000);
    await first.stop();
    // The new process knows nothing of the post; its node-cron task fires at 07:00 again and asks the coordinator.
    vi.setSystemTime(new Date('2025-06-10T06:30:00Z'));
    await (await world().scheduler('second')).start();
    await vi.advanceTimersByTimeAsync(2 * 3_600_000);
    expect(world().deliveries.map((delivery) => [delivery.instance, delivery.slot])).toEqual([['first', '2025-06-10T07:00:00.000Z']]);
  });
});
