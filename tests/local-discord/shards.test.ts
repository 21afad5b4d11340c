import { Client, Events, GatewayIntentBits, REST, Routes, type APIGatewayBotInfo, type Interaction } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startLocalDiscord, type LocalDiscord } from '../../src/local-discord/index.js';
import { shardOfGuild } from '../../src/local-discord/shards.js';
import { twoShardSeed } from '../support/sharded-seed.js';
import { testCommands } from './harness.js';

async function shardClient(discord: LocalDiscord, shards: number[], shardCount: number): Promise<{ client: Client; seen: Interaction[] }> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiBase }, shards, shardCount });
  const seen: Interaction[] = [];
  client.on(Events.InteractionCreate, (interaction) => seen.push(interaction));
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(discord.token);
  await ready;
  return { client, seen };
}

describe('shards of the local Discord', () => {
  let discord: LocalDiscord | undefined;
  const clients: Client[] = [];

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.destroy()));
    await discord?.close();
  });

  it('assigns guilds to shards as Discord does, (guild_id >> 22) % shard_count', () => {
    expect(shardOfGuild('41771983423143937', 1)).toBe(0);
    expect(shardOfGuild(String(5n << 22n), 2)).toBe(1);
    expect(shardOfGuild(String(6n << 22n), 2)).toBe(0);
    expect(shardOfGuild(String((7n << 22n) + 4_194_303n), 3)).toBe(1);
  });

  it('recommends its shard count and gives each shard its own guilds and their interactions', async () => {
    discord = await startLocalDiscord({ guilds: twoShardSeed, shardCount: 2, commands: testCommands });
    const info = (await new REST({ api: discord.apiBase }).setToken(discord.token).get(Routes.gatewayBot())) as APIGatewayBotInfo;
    expect(info.shards).toBe(2);
    const zero = await shardClient(discord, [0], 2);
    const one = await shardClient(discord, [1], 2);
    clients.push(zero.client, one.client);
    expect([...zero.client.guilds.cache.values()].map((guild) => guild.name)).toEqual(['Briefing HQ']);
    expect([...one.client.guilds.cache.values()].map((guild) => guild.name)).toEqual(['Field Office']);

    const handle = discord.driver.slash('/ask', { question: 'Who funds the corridor?' }, { guild: 'Field Office', user: 'kenji' });
    await expect.poll(() => one.seen.length).toBe(1);
    expect(one.seen[0]?.guildId).toBe(discord.state.guild('Field Office').id);
    expect(zero.seen).toEqual([]);
    void handle;
  });

  it('closes a connection that identifies with too few shards with 4011, as Discord does', async () => {
    discord = await startLocalDiscord({ guilds: twoShardSeed, shardCount: 2 });
    const closed = discord.waitFor('gateway-close', (event) => event.code === 4011, { timeoutMs: 10_000 });
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiBase }, shards: [0], shardCount: 1 });
    clients.push(client);
    const login = client.login(discord.token).catch((error: unknown) => error);
    expect((await closed).code).toBe(4011);
    expect(await login).toBeInstanceOf(Error);
  });
});
