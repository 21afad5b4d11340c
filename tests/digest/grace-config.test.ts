import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('DIGEST_GRACE_HOURS', () => {
  it('defaults to six hours and reads a number of hours', () => {
    expect(loadConfig({}, '/tmp').digestGraceHours).toBe(6);
    expect(loadConfig({ DIGEST_GRACE_HOURS: '1.5' }, '/tmp').digestGraceHours).toBe(1.5);
  });

  it('lists a grace period that is not a number of hours from 0 to 168', () => {
    expect(() => loadConfig({ DIGEST_GRACE_HOURS: 'soon' }, '/tmp')).toThrow(ConfigError);
    expect(() => loadConfig({ DIGEST_GRACE_HOURS: '-1' }, '/tmp')).toThrow(/DIGEST_GRACE_HOURS: must be 0 or more hours, e.g. 6/);
    expect(() => loadConfig({ DIGEST_GRACE_HOURS: '200' }, '/tmp')).toThrow(/DIGEST_GRACE_HOURS: must be at most 168 hours/);
  });
});
