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
