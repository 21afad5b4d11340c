import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';

describe('GATEWAY_GIVE_UP_SECONDS', () => {
  it('defaults to ten minutes and reads a whole number of seconds', () => {
    expect(loadConfig({}, '/tmp').gatewayGiveUpSeconds).toBe(600);
    expect(loadConfig({ GATEWAY_GIVE_UP_SECONDS: '90' }, '/tmp').gatewayGiveUpSeconds).toBe(90);
  });

  it('lists a value that is not a whole number of seconds from 1 to a day, with an example', () => {
    expect(() => loadConfig({ GATEWAY_GIVE_UP_SECONDS: 'forever' }, '/tmp')).toThrow(/GATEWAY_GIVE_UP_SECONDS: must be a number of seconds, e.g. 600/);
    expect(() => loadConfig({ GATEWAY_GIVE_UP_SECONDS: '0' }, '/tmp')).toThrow(/GATEWAY_GIVE_UP_SECONDS: must be at least 1 second/);
    expect(() => loadConfig({ GATEWAY_GIVE_UP_SECONDS: '2.5' }, '/tmp')).toThrow(/GATEWAY_GIVE_UP_SECONDS: must be a whole number of seconds/);
    expect(() => loadConfig({ GATEWAY_GIVE_UP_SECONDS: '100000' }, '/tmp')).toThrow(/GATEWAY_GIVE_UP_SECONDS: must be at most 86400 seconds/);
  });
});
