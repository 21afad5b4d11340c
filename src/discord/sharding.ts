import { REST, Routes, type APIGatewayBotInfo, type ClientOptions } from 'discord.js';
import type { DiscordConfig, ShardingConfig } from '../config.js';

/** What the discord.js client is told about shards. */
export type ClientSharding = Pick<ClientOptions, 'shards' | 'shardCount'>;

/**
 * The client's shard options. A count of 'auto' beside a shard list is asked from GET
 * /gateway/bot through `apiBase`, as discord.js's own `shards: 'auto'` does; ShardingManager's
 * `totalShards: 'auto'` would ask discord.com whatever `rest.api` says.
 */
export async function clientSharding(discord: DiscordConfig): Promise<ClientSharding> {
  const sharding = discord.sharding;
  if (sharding === undefined) return {};
  if (sharding.shards === 'auto') return { shards: 'auto' };
  const shardCount = sharding.shardCount === 'auto' ? await recommendedShardCount(discord) : sharding.shardCount;
  return { shards: sharding.shards, shardCount };
}

async function recommendedShardCount(discord: DiscordConfig): Promise<number> {
  const info = (await new REST({ api: discord.apiBase }).setToken(discord.token).get(Routes.gatewayBot())) as APIGatewayBotInfo;
  return info.shards;
}

/**
 * The digest scheduler runs once per cluster, not once per shard: in the process that runs
 * shard 0 (or every shard), so that several shard processes do not each sweep every server.
 * Without sharding every process runs it; the slot claims keep each digest to one post.
 */
export function runsDigestScheduler(sharding: ShardingConfig | undefined): boolean {
  return sharding === undefined || sharding.shards === 'auto' || sharding.shards.includes(0);
}
