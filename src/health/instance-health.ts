import type { EngineKind } from '../storage/engine.js';

/** One gateway shard of this process. */
export interface ShardHealth {
  id: number;
  /** discord.js's status name, e.g. "Ready", "Reconnecting". */
  status: string;
  /** The last heartbeat round trip, or null before the first. */
  pingMs: number | null;
}

/** The state of this instance: what /status shows and the health endpoint serves. */
export interface InstanceHealth {
  ok: boolean;
  /** Why `ok` is false, in words. */
  problems: string[];
  shards: ShardHealth[];
  database: { engine: EngineKind; location: string; lagMs: number | null };
  index: { documents: number; passages: number; builtAt: Date };
  /** Whether this process runs the digest scheduler (once per cluster: beside shard 0). */
  schedulesDigests: boolean;
  /** The next digest of the server asked about; null when none is on, or no server was asked about. */
  nextDigest: Date | null;
  checkedAt: Date;
}

export interface HealthSources {
  shards(): ShardHealth[];
  /** Resolves with the database's round-trip time; rejects when it cannot be reached. */
  pingDatabase(): Promise<number>;
  database: { engine: EngineKind; location: string };
  index(): { documents: number; passages: number; builtAt: Date };
  schedulesDigests: boolean;
  nextDigest(guildId: string): Promise<Date | null>;
  clock: () => Date;
}

/** Checks every part; a part that fails is reported as a problem, never thrown. */
export async function checkInstanceHealth(sources: HealthSources, guildId: string | null): Promise<InstanceHealth> {
  const problems: string[] = [];
  const shards = sources.shards();
  for (const shard of shards) if (shard.status !== 'Ready') problems.push(`shard ${shard.id} is ${shard.status}`);
  if (shards.length === 0) problems.push('no gateway shard is connected');
  let lagMs: number | null = null;
  try {
    lagMs = await sources.pingDatabase();
  } catch (error) {
    problems.push(`the database cannot be reached: ${error instanceof Error ? error.message : String(error)}`);
  }
  let nextDigest: Date | null = null;
  if (guildId !== null && lagMs !== null) nextDigest = await sources.nextDigest(guildId).catch(() => null);
  return {
    ok: problems.length === 0,
    problems,
    shards,
    database: { ...sources.database, lagMs },
    index: sources.index(),
    schedulesDigests: sources.schedulesDigests,
    nextDigest,
    checkedAt: sources.clock(),
  };
}
