import { describe, expect, it, vi } from 'vitest';
import { saveDigestSettings } from '../../src/digest/settings-store.js';
import { logSink } from '../discord/fixtures/log-sink.js';
import { useSchedulerWorld } from './helpers.js';

describe('a stored schedule that posts more often than allowed', () => {
  const world = useSchedulerWorld({
    startAt: '2025-06-10T06:59:30Z',
    prepare: async (created) => {
      // Saved before the minimum interval existed: /digest setup refuses it today.
      await saveDigestSettings(created.db, { guildId: 'guild-1', channelId: 'channel-1', schedule: { input: '* * * * *', cron: '* * * * *', label: 'cron "* * * * *"' }, timeZone: 'UTC', windowDays: 7, enabled: true }, new Date('2025-06-10T06:00:00Z'));
      await created.setUp('guild-2', 'daily 07:02', 'UTC', new Date('2025-06-10T06:00:00Z'));
    },
  });

  it('is not run, is logged once, and leaves the other servers their digests', async () => {
    const sink = logSink();
    const scheduler = await world().scheduler('a', { logger: sink.logger });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(world().deliveries.map((delivery) => delivery.guildId)).toEqual(['guild-2']);
    const warnings = sink.lines.filter((line) => line.guildId === 'guild-1' && String(line.msg).startsWith('digest schedule posts more often'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ schedule: '* * * * *', minIntervalMinutes: 60 });
  });

  it('runs under a lower configured limit', async () => {
    const scheduler = await world().scheduler('a', { minIntervalMinutes: 1 });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(3 * 60_000 + 10_000);
    expect(world().deliveries.filter((delivery) => delivery.guildId === 'guild-1').length).toBeGreaterThanOrEqual(3);
  });
});
