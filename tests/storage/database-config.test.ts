import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('DATABASE_URL', () => {
  it('is absent by default, so the state stays in SQLite under DATA_DIR', () => {
    expect(loadConfig({}, '/tmp').databaseUrl).toBeNull();
    expect(loadConfig({ DATABASE_URL: '  ' }, '/tmp').databaseUrl).toBeNull();
  });

  it('reads a postgres:// or postgresql:// URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://briefing:secret@db.internal:5432/briefing' }, '/tmp').databaseUrl).toBe('postgres://briefing:secret@db.internal:5432/briefing');
    expect(loadConfig({ DATABASE_URL: 'postgresql://db.internal/briefing' }, '/tmp').databaseUrl).toBe('postgresql://db.internal/briefing');
  });

  it('lists a URL of another kind with an example, and does not echo it back', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root:hunter2@db/briefing' }, '/tmp')).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root:hunter2@db/briefing' }, '/tmp')).toThrow(/DATABASE_URL: must be a Postgres URL, e.g. postgres:\/\/briefing:secret@db.internal:5432\/briefing/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root:hunter2@db/briefing' }, '/tmp')).not.toThrow(/hunter2/);
  });

  it('lists a password with an unescaped special character and says how to write it', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://briefing:p@ss:word@db:99999/briefing' }, '/tmp')).toThrow(/DATABASE_URL: is not a readable URL: percent-encode/);
  });
});

describe('DIGEST_LEASE_SECONDS', () => {
  it('defaults to ten minutes and reads whole seconds', () => {
    expect(loadConfig({}, '/tmp').digestLeaseSeconds).toBe(600);
    expect(loadConfig({ DIGEST_LEASE_SECONDS: '30' }, '/tmp').digestLeaseSeconds).toBe(30);
  });

  it('lists a lease too short to post in, too long, or not a number', () => {
    expect(() => loadConfig({ DIGEST_LEASE_SECONDS: '1' }, '/tmp')).toThrow(/DIGEST_LEASE_SECONDS: must be at least 5 seconds/);
    expect(() => loadConfig({ DIGEST_LEASE_SECONDS: '100000' }, '/tmp')).toThrow(/DIGEST_LEASE_SECONDS: must be at most 86400 seconds/);
    expect(() => loadConfig({ DIGEST_LEASE_SECONDS: 'long' }, '/tmp')).toThrow(/DIGEST_LEASE_SECONDS: must be a number of seconds/);
  });
});
