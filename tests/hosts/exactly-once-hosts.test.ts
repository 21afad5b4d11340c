import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveDigestSettings } from '../../src/digest/settings-store.js';
import { startLocalDiscord, type LocalDiscord } from '../../src/local-discord/index.js';
import type { AppDatabase } from '../../src/storage/database.js';
import { startBotHost, type BotHost } from '../support/bot-hosts.js';
import { asSuperuser, scratchPostgres, type ScratchDatabase } from '../support/engines.js';
import { accountSlots, ownerPid } from '../support/slot-accounting.js';

const token = 'hosts.test.token';
const applicationId = '1357924680135792468';
/** Short enough to take a dead host's slot over within the test, long enough for a delayed post plus the clock skew. */
const leaseSeconds = 15;
// A seconds schedule, which /digest setup refuses, keeps the test short: node-cron and the claims treat it as any other.
// Ten seconds apart, so that a host stalled for a few seconds on this busy machine still makes its slot in time.
const everyTenSeconds = { input: '*/10 * * * * *', cron: '*/10 * * * * *', label: 'every 10 seconds' };

async function until<T>(what: string, probe: () => Promise<T | null | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== null && value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

describe('three hosts on one Postgres', () => {
  let server: LocalDiscord;
  let database: ScratchDatabase;
  let db: AppDatabase;
  let hosts: BotHost[] = [];

  beforeAll(async () => {
    server = await startLocalDiscord({ token, applicationId });
    database = await scratchPostgres();
    db = await database.open();
    // Three hosts whose clocks differ: one on time, one 3 s ahead, one 2 s behind.
    hosts = [
      startBotHost({ name: 'on-time', apiBase: server.apiBase, token, applicationId, databaseUrl: database.target, leaseSeconds }),
      startBotHost({ name: 'ahead', apiBase: server.apiBase, token, applicationId, databaseUrl: database.target, leaseSeconds, clockOffsetSeconds: 3 }),
      startBotHost({ name: 'behind', apiBase: server.apiBase, token, applicationId, databaseUrl: database.target, leaseSeconds, clockOffsetSeconds: -2 }),
    ];
    await Promise.all(hosts.map((host) => host.ready));
  }, 90_000);

  afterAll(async () => {
    await Promise.all(hosts.map((host) => host.stop()));
    await db?.close();
    await database?.drop();
    await server?.close();
  });

  it('post each slot exactly once, through a host killed mid-post, a lost database connection and clocks seconds apart', async () => {
    const guildId = server.state.defaultGuild.id;
    const channelId = server.state.channel('digest').id;
    const hostOf = (owner: string | null) => hosts.find((host) => host.pid === ownerPid(owner));
    const posted = async (count: number) => (await accountSlots(db, server, guildId, channelId)).slots.filter((slot) => slot.state === 'posted').length >= count || null;
    // Set up once every host runs, as /digest setup on one of them would: the others pick it up at their next sweep.
    await saveDigestSettings(db, { guildId, channelId, schedule: everyTenSeconds, timeZone: 'UTC', windowDays: 90, enabled: true });
    await until('two digests posted', () => posted(2), 40_000);

    // Killed mid-post: the next post waits out a 429 for 4 s, and the host that claimed it dies meanwhile.
    server.faults.rateLimit(`POST /channels/${channelId}/messages`, { retryAfterMs: 4000 });
    const delayed = await server.waitFor('request', (request) => request.fault !== null, { timeoutMs: 20_000 });
    expect(delayed.path).toBe(`/channels/${channelId}/messages`);
    const claimedRow = await until('the delayed slot claim', () => db.kysely.selectFrom('digest_slots').select(['local_time', 'claimed_by']).where('state', '=', 'claimed').orderBy('slot_at').executeTakeFirst(), 5000);
    const victim = hostOf(claimedRow.claimed_by);
    expect(victim).toBeDefined();
    await victim?.kill();
    hosts = hosts.filter((host) => host !== victim);
    const takenOver = await until(
      'the dead host’s slot taken over and posted',
      () => db.kysely.selectFrom('digest_slots').select(['state', 'late', 'claimed_by']).where('local_time', '=', claimedRow.local_time).where('state', '=', 'posted').executeTakeFirst(),
      (leaseSeconds + 15) * 1000,
    );
    expect(takenOver.late).toBe(1);
    expect(hostOf(takenOver.claimed_by)).toBeDefined();

    // The connection lost: the claimer's Postgres connections are cut while its post waits out a 429.
    server.faults.rateLimit(`POST /channels/${channelId}/messages`, { retryAfterMs: 2000 });
    await server.waitFor('request', (request) => request.fault !== null, { timeoutMs: 20_000 });
    const cutRow = await until('the claim whose connection is cut', () => db.kysely.selectFrom('digest_slots').select(['local_time', 'claimed_by']).where('state', '=', 'claimed').orderBy('slot_at').executeTakeFirst(), 5000);
    const cut = hostOf(cutRow.claimed_by);
    expect(cut).toBeDefined();
    await asSuperuser(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE '%:${cut?.pid ?? 0}'`);
    await until('the slot of the cut host posted', () => db.kysely.selectFrom('digest_slots').select('state').where('local_time', '=', cutRow.local_time).where('state', '=', 'posted').executeTakeFirst(), (leaseSeconds + 15) * 1000);
    expect(cut?.logs.some((line) => line.msg === 'an idle database connection was lost; the next query opens a new one')).toBe(true);
    const afterCut = (await accountSlots(db, server, guildId, channelId)).slots.filter((slot) => slot.state === 'posted').length;
    await until('a digest after the cut', () => posted(afterCut + 1), 30_000);

    await Promise.all(hosts.map((host) => host.stop()));
    const { slots, strayPosts } = await accountSlots(db, server, guildId, channelId);
    const finished = slots.filter((slot) => slot.state !== 'claimed');
    expect(finished.length).toBeGreaterThanOrEqual(5);
    expect(strayPosts).toBe(0);
    expect(finished.filter((slot) => slot.state !== 'posted')).toEqual([]);
    expect(finished.filter((slot) => slot.posts !== 1)).toEqual([]);
    // Each slot was claimed by some host; the one ahead of the others does not win them all.
    expect(new Set(finished.map((slot) => ownerPid(slot.claimedBy))).size).toBeGreaterThanOrEqual(2);
  }, 180_000);
});
