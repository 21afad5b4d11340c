import { defaultSeed, type SeedGuild } from '../../src/local-discord/index.js';
import { shardOfGuild } from '../../src/local-discord/shards.js';

/** A guild id on the given shard of two: snowflakes one step of 2^22 apart fall on alternate shards. */
function guildIdOnShard(shard: number): string {
  const base = 1_300_000_000_000_000_000n;
  const id = shardOfGuild(base.toString(), 2) === shard ? base : base + (1n << 22n);
  return id.toString();
}

const [headquarters] = defaultSeed;
if (headquarters === undefined) throw new Error('the default seed has no guild');

/** "Briefing HQ" on shard 0 and "Field Office" (its own people) on shard 1, of two shards. */
export const twoShardSeed: SeedGuild[] = [
  { ...headquarters, id: guildIdOnShard(0) },
  {
    id: guildIdOnShard(1),
    name: 'Field Office',
    roles: [{ name: 'Admin', permissions: ['ManageGuild'] }],
    channels: [{ name: 'desk' }, { name: 'digest' }],
    members: [
      { username: 'kenji', globalName: 'Kenji', roles: ['Admin'] },
      { username: 'sato', globalName: 'Sato', owner: true },
    ],
  },
];
