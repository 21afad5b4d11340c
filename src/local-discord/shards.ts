/** The shard Discord sends a guild's events to: `(guild_id >> 22) % shard_count`. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** The guild an event belongs to, read from its `guild_id`; null for events outside guilds (DMs go to shard 0). */
export function guildOfEvent(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || !('guild_id' in data)) return null;
  return typeof data.guild_id === 'string' ? data.guild_id : null;
}
