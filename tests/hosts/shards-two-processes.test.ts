import { createServer } from 'node:net';
import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.js';
import { saveDigestSettings } from '../../src/digest/settings-store.js';
import { deployCommands } from '../../src/discord/deploy-commands.js';
import { startLocalDiscord, type LocalDiscord } from '../../src/local-discord/index.js';
import type { AppDatabase } from '../../src/storage/database.js';
import { startBotHost, type BotHost } from '../support/bot-hosts.js';
import { scratchPostgres, type ScratchDatabase } from '../support/engines.js';
import { twoShardSeed } from '../support/sharded-seed.js';
import { accountSlots, ownerPid } from '../support/slot-accounting.js';

const token = 'shards.test.token';
const applicationId = '1357924680135792468';
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

const everyTenSeconds = { input: '*/10 * * * * *', cron: '*/10 * * * * *', label: 'every 10 seconds' };

describe('two shards on two processes', () => {
  let server: LocalDiscord;
  let database: ScratchDatabase;
  let db: AppDatabase;
  let shardZero: BotHost;
  let shardOne: BotHost;
  let healthPort: number;

  beforeAll(async () => {
    server = await startLocalDiscord({ token, applicationId, guilds: twoShardSeed, shardCount: 2 });
    await deployCommands({ rest: new REST({ api: server.apiBase }).setToken(token), applicationId, guildId: null, commands: allCommands });
    database = await scratchPostgres();
    db = await database.open();
    const common = { apiBase: server.apiBase, token, applicationId, databaseUrl: database.target, leaseSeconds: 20 };
    shardZero = startBotHost({ ...common, name: 'shard-0', env: { SHARDS: '0', SHARD_COUNT: '2' } });
    // The other asks the local server's GET /gateway/bot how many shards there are.
    healthPort = await freePort();
    shardOne = startBotHost({ ...common, name: 'shard-1', env: { SHARDS: '1', SHARD_COUNT: 'auto', HEALTH_PORT: String(healthPort) } });
    await Promise.all([shardZero.ready, shardOne.ready]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([shardZero?.stop(), shardOne?.stop()]);
    await db?.close();
    await database?.drop();
    await server?.close();
  });

  const startedLine = (host: BotHost) => host.logs.find((line) => line.msg === 'bot started');
  const answeredBy = (host: BotHost, interactionId: string) => host.logs.some((line) => line.msg === 'interaction' && line.interactionId === interactionId && line.outcome === 'ok');

  it('runs one shard in each process and the digest scheduler only beside shard 0', () => {
    expect(startedLine(shardZero)).toMatchObject({ shards: [0], schedulesDigests: true });
    expect(startedLine(shardOne)).toMatchObject({ shards: [1], schedulesDigests: false });
  });

  it('serves its health on HEALTH_PORT, on loopback: its shard, Postgres, and no scheduler beside shard 1', async () => {
    const response = await fetch(`http://127.0.0.1:${healthPort}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, shards: [{ id: 1, status: 'Ready' }], database: { engine: 'postgres' }, schedulesDigests: false });
  });

  it('answers each interaction from the process of its guild’s shard, once', async () => {
    const atHeadquarters = server.driver.slash('/ask', { question: 'When was the Central Asia plus Japan Dialogue launched?' }, { guild: 'Briefing HQ', user: 'ada', channel: 'general' });
    const atFieldOffice = server.driver.slash('/ask', { question: 'When was the Central Asia plus Japan Dialogue launched?' }, { guild: 'Field Office', user: 'kenji', channel: 'desk' });
    const [headquartersReply, fieldReply] = await Promise.all([atHeadquarters.reply(), atFieldOffice.reply()]);
    expect(headquartersReply.embeds.length + fieldReply.embeds.length).toBeGreaterThan(0);
    await expect.poll(() => answeredBy(shardZero, atHeadquarters.id) && answeredBy(shardOne, atFieldOffice.id), { timeout: 5000 }).toBe(true);
    expect(answeredBy(shardOne, atHeadquarters.id)).toBe(false);
    expect(answeredBy(shardZero, atFieldOffice.id)).toBe(false);
  });

  it('posts the digest of a guild on shard 1 once per slot, from the scheduler beside shard 0', async () => {
    const guilds = twoShardSeed.map((guild) => {
      const record = server.state.guild(guild.name);
      return { guildId: record.id, channelId: server.state.channel('digest', guild.name).id };
    });
    for (const { guildId, channelId } of guilds) {
      await saveDigestSettings(db, { guildId, channelId, schedule: everyTenSeconds, timeZone: 'UTC', windowDays: 90, enabled: true });
    }
    const postedIn = async (guild: { guildId: string; channelId: string }) => (await accountSlots(db, server, guild.guildId, guild.channelId)).slots.filter((slot) => slot.state === 'posted').length;
    await expect.poll(async () => Math.min(...(await Promise.all(guilds.map(postedIn)))), { timeout: 45_000, interval: 500 }).toBeGreaterThanOrEqual(2);
    for (const guild of guilds) {
      const { slots, strayPosts } = await accountSlots(db, server, guild.guildId, guild.channelId);
      const finished = slots.filter((slot) => slot.state !== 'claimed');
      expect(strayPosts).toBe(0);
      expect(finished.filter((slot) => slot.state !== 'posted' || slot.posts !== 1)).toEqual([]);
      expect(new Set(finished.map((slot) => ownerPid(slot.claimedBy)))).toEqual(new Set([shardZero.pid]));
    }
  }, 60_000);
});
