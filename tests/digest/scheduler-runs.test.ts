import { describe, expect, it, vi } from 'vitest';
import { composeDigest } from '../../src/digest/compose.js';
import { disableDigest } from '../../src/digest/settings-store.js';
import { UserError } from '../../src/errors.js';
import { useSchedulerWorld } from './helpers.js';

describe('running, reloading and skipping digests', () => {
  const world = useSchedulerWorld({ startAt: '2025-06-10T06:00:00Z' });

  it('posts a digest asked for by hand at once and records it apart from the schedule', async () => {
    await world().setUp('guild-1', 'daily 09:00', 'Europe/Berlin');
    const scheduler = await world().scheduler('a');
    await scheduler.start();
    const slot = await scheduler.runNow('guild-1');
    expect(slot).toMatchObject({ kind: 'manual', state: 'posted', attempts: 1 });
    await vi.advanceTimersByTimeAsync(2 * 3_600_000);
    expect(world().deliveries.map((delivery) => [delivery.kind, delivery.slot])).toEqual([
      ['manual', '2025-06-10T06:00:00.000Z'],
      ['scheduled', '2025-06-10T07:00:00.000Z'],
    ]);
  });

  it('posts each press of run-now, even two that fall within the same second', async () => {
    await world().setUp('guild-1', 'daily 09:00', 'Europe/Berlin');
    const scheduler = await world().scheduler('a');
    await scheduler.start();
    expect(await scheduler.runNow('guild-1')).toMatchObject({ kind: 'manual', state: 'posted' });
    await vi.advanceTimersByTimeAsync(300);
    expect(await scheduler.runNow('guild-1')).toMatchObject({ kind: 'manual', state: 'posted' });
    expect(world().deliveries.map((delivery) => delivery.slot)).toEqual(['2025-06-10T06:00:00.000Z', '2025-06-10T06:00:00.300Z']);
  });

  it('refuses run-now while a digest asked for by hand is still being posted, and says to wait', async () => {
    await world().setUp('guild-1', 'daily 09:00', 'Europe/Berlin');
    let release = (): void => undefined;
    const posting = new Promise<void>((resolve) => (release = resolve));
    const scheduler = await world().scheduler('a', { deliver: () => posting });
    await scheduler.start();
    const first = scheduler.runNow('guild-1');
    await vi.advanceTimersByTimeAsync(1_500);
    await expect(scheduler.runNow('guild-1')).rejects.toThrow(/being posted for this server right now/);
    release();
    expect(await first).toMatchObject({ state: 'posted' });
    await expect(scheduler.runNow('guild-1')).resolves.toMatchObject({ state: 'posted' });
  });

  it('tells a server without settings to set the digest up first', async () => {
    const scheduler = await world().scheduler('a');
    await scheduler.start();
    await expect(scheduler.runNow('nowhere')).rejects.toThrow(UserError);
    await expect(scheduler.runNow('nowhere')).rejects.toThrow(/\/digest setup/);
  });

  it('does not post an empty digest and records why', async () => {
    await world().setUp('guild-1', 'daily 09:00', 'Europe/Berlin');
    const scheduler = await world().scheduler('a', {
      compose: (settings, slot, { since }) => composeDigest({ timeline: [], today: slot, timeZone: settings.timeZone, windowDays: settings.windowDays, since, documents: [] }),
    });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(2 * 3_600_000);
    expect(world().deliveries).toEqual([]);
    expect((await scheduler.status('guild-1')).lastRun).toMatchObject({ state: 'skipped' });
    expect((await scheduler.status('guild-1')).lastRun?.reason).toMatch(/^Nothing in the timeline falls between/);
  });

  it('stops posting after the digest is turned off and reloaded, and keeps the settings', async () => {
    await world().setUp('guild-1', 'daily 09:00', 'Europe/Berlin');
    const scheduler = await world().scheduler('a');
    await scheduler.start();
    await disableDigest(world().db, 'guild-1');
    await scheduler.reload('guild-1');
    await vi.advanceTimersByTimeAsync(2 * 24 * 3_600_000);
    expect(world().deliveries).toEqual([]);
    const status = await scheduler.status('guild-1');
    expect(status).toMatchObject({ configured: true, enabled: false, nextRun: null, schedule: 'daily at 09:00', timeZone: 'Europe/Berlin' });
  });

  it('follows a new schedule after a reload', async () => {
    await world().setUp('guild-1', 'daily 09:00', 'Europe/Berlin');
    const scheduler = await world().scheduler('a');
    await scheduler.start();
    await world().setUp('guild-1', 'daily 10:30', 'Europe/Berlin');
    await scheduler.reload('guild-1');
    await vi.advanceTimersByTimeAsync(6 * 3_600_000);
    expect(world().deliveries.map((delivery) => delivery.slot)).toEqual(['2025-06-10T08:30:00.000Z']);
  });

  it('picks up a server set up by another process within a minute', async () => {
    const scheduler = await world().scheduler('a');
    await scheduler.start();
    await world().setUp('guild-2', 'daily 09:00', 'Europe/Berlin');
    await vi.advanceTimersByTimeAsync(2 * 3_600_000);
    expect(world().deliveries.map((delivery) => delivery.guildId)).toEqual(['guild-2']);
  });

  it('tells the next digest which documents are new since the last post', async () => {
    await world().setUp('guild-1', 'daily 09:00', 'Europe/Berlin');
    const sinceSeen: string[] = [];
    const scheduler = await world().scheduler('a', {
      compose: (settings, slot, { since }) => {
        sinceSeen.push(since.toISOString());
        return composeDigest({ timeline: [], today: slot, timeZone: settings.timeZone, windowDays: 7, since, documents: [{ docId: 'd', title: 'D', addedAt: new Date(slot.getTime() - 1) }] });
      },
    });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(25 * 3_600_000);
    // The first digest counts from the setup; the second from the first post.
    expect(sinceSeen).toEqual(['2025-06-10T06:00:00.000Z', '2025-06-10T07:00:00.000Z']);
  });
});
