import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config.js';

describe('the Discord configuration', () => {
  it('is absent when no token is set, so the bot can say it has nothing to connect to', () => {
    expect(loadConfig({}, '/app').discord).toBeNull();
  });

  it('defaults the API base to Discord\'s own and reads the optional development server', () => {
    expect(loadConfig({ DISCORD_TOKEN: 'a.b.c', DISCORD_APP_ID: '123456789012345678', DISCORD_GUILD_ID: '876543210987654321' }, '/app').discord).toEqual({
      token: 'a.b.c',
      applicationId: '123456789012345678',
      guildId: '876543210987654321',
      apiBase: 'https://discord.com/api',
    });
  });

  it('passes a compatible server\'s address through, without a trailing slash', () => {
    expect(loadConfig({ DISCORD_TOKEN: 't', DISCORD_APP_ID: '123456789012345678', DISCORD_API_BASE: 'http://127.0.0.1:8080/api/' }, '/app').discord?.apiBase).toBe('http://127.0.0.1:8080/api');
  });

  it('lists every problem at once, without echoing the token', () => {
    const secret = 'not a token';
    try {
      loadConfig({ DISCORD_TOKEN: secret, DISCORD_GUILD_ID: '42', DISCORD_API_BASE: 'ftp://example.com', LOG_LEVEL: 'loud' }, '/app');
      expect.unreachable('loadConfig accepted a broken environment');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.map((problem) => problem.split(':')[0]);
      expect(problems).toEqual(expect.arrayContaining(['LOG_LEVEL', 'DISCORD_TOKEN', 'DISCORD_APP_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_BASE']));
      expect((error as Error).message).not.toContain(secret);
    }
  });

  it('refuses an application id without a token', () => {
    expect(() => loadConfig({ DISCORD_APP_ID: '123456789012345678' }, '/app')).toThrow(/DISCORD_TOKEN: is required when DISCORD_APP_ID is set/);
  });
});
