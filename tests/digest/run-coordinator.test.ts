import { describe, expect, it } from 'vitest';
import { createDatabaseRunCoordinator } from '../../src/digest/run-coordinator.js';
import { getSlot, slotKeyOf } from '../../src/digest/slot-store.js';
import { engines, useScratchDatabase } from '../support/engines.js';

describe.each(engines)('the database-backed node-cron RunCoordinator, on $engine', ({ scratch }) => {
  const { db } = useScratchDatabase(scratch);
  const now = new Date('2025-06-10T07:00:00.200Z');
  const coordinatorFor = (owner: string, timeZone = 'Europe/Berlin') =>
    createDatabaseRunCoordinator({ db: db(), guildId: 'guild-1', timeZone, taskName: 'digest:guild-1', owner, clock: () => now, onTimeToleranceMs: 120_000 });


  it('elects exactly one caller for a slot, whichever process asks', async () => {
    const key = 'digest:guild-1:2025-06-10T07:00:00.000Z';
    expect(await coordinatorFor('a').shouldRun(key, 30_000)).toBe(true);
    expect(await coordinatorFor('a').shouldRun(key, 30_000)).toBe(false);
    expect(await coordinatorFor('b').shouldRun(key, 30_000)).toBe(false);
    const slot = await getSlot(db(), slotKeyOf('guild-1', 'scheduled', 'Europe/Berlin', new Date('2025-06-10T07:00:00Z')));
    expect(slot).toMatchObject({ state: 'claimed', claimedBy: 'a', late: false, localTime: '2025-06-10T09:00:00' });
    expect(slot?.leaseUntil?.getTime()).toBe(now.getTime() + 30_000);
  });

  it('treats the two instants of a wall-clock time repeated by DST as one slot', async () => {
    const autumn = new Date('2025-10-26T01:00:00Z');
    const coordinator = createDatabaseRunCoordinator({ db: db(), guildId: 'guild-1', timeZone: 'Europe/Berlin', taskName: 'digest:guild-1', owner: 'a', clock: () => autumn, onTimeToleranceMs: 120_000 });
    // 02:30 in Berlin happens at 00:30 UTC (summer time) and again at 01:30 UTC (winter time).
    expect(await coordinator.shouldRun('digest:guild-1:2025-10-26T00:30:00.000Z', 30_000)).toBe(true);
    expect(await coordinator.shouldRun('digest:guild-1:2025-10-26T01:30:00.000Z', 30_000)).toBe(false);
  });

  it('marks a slot claimed long after its time as late', async () => {
    expect(await coordinatorFor('a').shouldRun('digest:guild-1:2025-06-10T06:00:00.000Z', 30_000)).toBe(true);
    expect((await getSlot(db(), slotKeyOf('guild-1', 'scheduled', 'Europe/Berlin', new Date('2025-06-10T06:00:00Z'))))?.late).toBe(true);
  });

  it('refuses a key of another task, so node-cron skips the run', async () => {
    await expect(coordinatorFor('a').shouldRun('digest:guild-2:2025-06-10T07:00:00.000Z', 30_000)).rejects.toThrow(/unexpected key/);
  });
});
