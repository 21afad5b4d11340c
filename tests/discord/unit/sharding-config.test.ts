import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { runsDigestScheduler } from '../../../src/discord/sharding.js';

const discord = { DISCORD_TOKEN: 'a.token', DISCORD_APP_ID: '123456789012345678' };

describe('SHARDS and SHARD_COUNT', () => {
  it('run one shard without sharding when both are empty', () => {
    expect(loadConfig(discord, '/tmp').discord?.sharding).toBeUndefined();
  });

  it('read auto, and a list of shards of a count or of the recommended count', () => {
    expect(loadConfig({ ...discord, SHARDS: 'auto' }, '/tmp').discord?.sharding).toEqual({ shards: 'auto', shardCount: 'auto' });
    expect(loadConfig({ ...discord, SHARDS: '0, 2', SHARD_COUNT: '4' }, '/tmp').discord?.sharding).toEqual({ shards: [0, 2], shardCount: 4 });
    expect(loadConfig({ ...discord, SHARDS: '1' }, '/tmp').discord?.sharding).toEqual({ shards: [1], shardCount: 'auto' });
    expect(loadConfig({ ...discord, SHARDS: '1', SHARD_COUNT: 'auto' }, '/tmp').discord?.sharding).toEqual({ shards: [1], shardCount: 'auto' });
  });

  it('list shards out of range, named twice, a count without shards, and words that are neither', () => {
    expect(() => loadConfig({ ...discord, SHARDS: '0,2', SHARD_COUNT: '2' }, '/tmp')).toThrow(/SHARDS: shard ids run from 0 to SHARD_COUNT - 1 \(1\); 2 is out of range/);
    expect(() => loadConfig({ ...discord, SHARDS: '1,1', SHARD_COUNT: '2' }, '/tmp')).toThrow(/SHARDS: lists a shard twice/);
    expect(() => loadConfig({ ...discord, SHARD_COUNT: '2' }, '/tmp')).toThrow(/SHARD_COUNT: needs SHARDS/);
    expect(() => loadConfig({ ...discord, SHARDS: 'auto', SHARD_COUNT: '2' }, '/tmp')).toThrow(/SHARD_COUNT: leave it empty with SHARDS=auto/);
    expect(() => loadConfig({ ...discord, SHARDS: 'all' }, '/tmp')).toThrow(/SHARDS: must be 'auto' or shard ids separated by commas/);
    expect(() => loadConfig({ ...discord, SHARDS: '0', SHARD_COUNT: 'many' }, '/tmp')).toThrow(/SHARD_COUNT: must be 'auto' or a whole number of shards/);
  });

  it('run the digest scheduler once per cluster: beside shard 0, or everywhere without sharding', () => {
    expect(runsDigestScheduler(undefined)).toBe(true);
    expect(runsDigestScheduler({ shards: 'auto', shardCount: 'auto' })).toBe(true);
    expect(runsDigestScheduler({ shards: [0, 1], shardCount: 4 })).toBe(true);
    expect(runsDigestScheduler({ shards: [2, 3], shardCount: 4 })).toBe(false);
  });
});
