import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('LINKS_ALLOW_PRIVATE', () => {
  it('allows no private address by default', () => {
    expect(loadConfig({}).links).toEqual({ allowPrivate: [] });
  });

  it('reads addresses and CIDR ranges separated by commas or spaces', () => {
    expect(loadConfig({ LINKS_ALLOW_PRIVATE: '127.0.0.1, 10.0.0.0/8 ::1' }).links.allowPrivate).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
  });

  it('refuses a host name, since the check is on resolved addresses', () => {
    let error: unknown;
    try {
      loadConfig({ LINKS_ALLOW_PRIVATE: 'localhost' });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual(['LINKS_ALLOW_PRIVATE: must list IP addresses or CIDR ranges separated by commas, e.g. 127.0.0.1 or 10.0.0.0/8 (host names are not allowed: the check is on addresses)']);
  });
});
