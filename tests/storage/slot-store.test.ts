import { describe, expect, it } from 'vitest';
import { claimSlot, countSlots, expiredClaims, finishSlot, getSlot, lastPostedSlot, listSlots, reclaimExpiredSlot, recordMissedSlot, slotKeyOf, type ClaimRequest } from '../../src/digest/slot-store.js';
import type { AppDatabase } from '../../src/storage/database.js';
import { engines, useScratchDatabase } from '../support/engines.js';

const slotAt = new Date('2025-06-10T07:00:00Z');
const now = new Date('2025-06-10T07:00:01Z');

function claim(owner: string, overrides: Partial<ClaimRequest> = {}): ClaimRequest {
  return { guildId: 'guild-1', kind: 'scheduled', timeZone: 'Europe/Berlin', slotAt, late: false, owner, leaseUntil: new Date(now.getTime() + 60_000), now, ...overrides };
}

describe.each(engines)('digest slots in the database, on $engine', ({ scratch }) => {
  const { db, scratch: database } = useScratchDatabase(scratch);

  async function connections(count: number): Promise<AppDatabase[]> {
    return Promise.all(Array.from({ length: count }, () => database().open()));
  }

  it('lets exactly one of many hosts racing for a slot claim it', async () => {
    const hosts = await connections(3);
    try {
      const claims = await Promise.all(hosts.flatMap((host, index) => [claimSlot(host, claim(`host-${index}`)), claimSlot(host, claim(`host-${index}`))]));
      const winners = claims.filter((claimed) => claimed !== null);
      expect(winners).toHaveLength(1);
      expect(winners[0]).toMatchObject({ state: 'claimed', localTime: '2025-06-10T09:00:00', attempts: 0, late: false, slotAt, leaseUntil: new Date(now.getTime() + 60_000) });
      expect(await getSlot(db(), slotKeyOf('guild-1', 'scheduled', 'Europe/Berlin', slotAt))).toEqual(winners[0]);
    } finally {
      await Promise.all(hosts.map((host) => host.close()));
    }
  });

  it('hands an expired claim to exactly one of the hosts taking it over, marked late', async () => {
    await claimSlot(db(), claim('crashed', { leaseUntil: new Date(now.getTime() + 1000) }));
    const later = new Date(now.getTime() + 5000);
    expect((await expiredClaims(db(), later)).map((slot) => slot.claimedBy)).toEqual(['crashed']);
    const hosts = await connections(2);
    try {
      const key = slotKeyOf('guild-1', 'scheduled', 'Europe/Berlin', slotAt);
      const taken = await Promise.all(hosts.map((host, index) => reclaimExpiredSlot(host, key, `heir-${index}`, new Date(later.getTime() + 60_000), later)));
      const heirs = taken.filter((slot) => slot !== null);
      expect(heirs).toHaveLength(1);
      expect(heirs[0]).toMatchObject({ late: true, state: 'claimed' });
      expect(await finishSlot(db(), key, 'crashed', { state: 'posted', attempts: 1, reason: null, now: later })).toBe(false);
      expect(await finishSlot(db(), key, heirs[0]?.claimedBy ?? '', { state: 'posted', attempts: 1, reason: null, now: later })).toBe(true);
      expect(await lastPostedSlot(db(), 'guild-1')).toMatchObject({ state: 'posted', finishedAt: later, leaseUntil: null });
    } finally {
      await Promise.all(hosts.map((host) => host.close()));
    }
  });

  it('records a missed slot once, and never over a claimed one', async () => {
    await claimSlot(db(), claim('a'));
    expect(await recordMissedSlot(db(), { guildId: 'guild-1', timeZone: 'Europe/Berlin', slotAt, reason: 'late', now })).toBe(false);
    const yesterday = new Date(slotAt.getTime() - 86_400_000);
    expect(await recordMissedSlot(db(), { guildId: 'guild-1', timeZone: 'Europe/Berlin', slotAt: yesterday, reason: 'the bot was down', now })).toBe(true);
    expect(await recordMissedSlot(db(), { guildId: 'guild-1', timeZone: 'Europe/Berlin', slotAt: yesterday, reason: 'again', now })).toBe(false);
    expect(await countSlots(db(), 'guild-1')).toEqual({ claimed: 1, posted: 0, skipped: 0, missed: 1, failed: 0 });
    expect((await listSlots(db(), 'guild-1', ['missed', 'claimed'], 10)).map((slot) => [slot.localTime, slot.state, slot.reason])).toEqual([
      ['2025-06-10T09:00:00', 'claimed', null],
      ['2025-06-09T09:00:00', 'missed', 'the bot was down'],
    ]);
  });
});
