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

describe('DIGEST_MIN_INTERVAL_MINUTES', () => {
  it('defaults to an hour and reads a whole number of minutes', () => {
    expect(loadConfig({}, '/tmp').digestMinIntervalMinutes).toBe(60);
    expect(loadConfig({ DIGEST_MIN_INTERVAL_MINUTES: '720' }, '/tmp').digestMinIntervalMinutes).toBe(720);
    expect(loadConfig({ DIGEST_MIN_INTERVAL_MINUTES: '0' }, '/tmp').digestMinIntervalMinutes).toBe(0);
  });

  it('lists a value that is not a whole number of minutes from 0 to a week', () => {
    expect(() => loadConfig({ DIGEST_MIN_INTERVAL_MINUTES: 'hourly' }, '/tmp')).toThrow(/DIGEST_MIN_INTERVAL_MINUTES: must be a number of minutes, e.g. 60/);
    expect(() => loadConfig({ DIGEST_MIN_INTERVAL_MINUTES: '-1' }, '/tmp')).toThrow(/DIGEST_MIN_INTERVAL_MINUTES: must be 0 \(no minimum\) or more minutes/);
    expect(() => loadConfig({ DIGEST_MIN_INTERVAL_MINUTES: '0.5' }, '/tmp')).toThrow(/DIGEST_MIN_INTERVAL_MINUTES: must be a whole number of minutes/);
    expect(() => loadConfig({ DIGEST_MIN_INTERVAL_MINUTES: '20000' }, '/tmp')).toThrow(/DIGEST_MIN_INTERVAL_MINUTES: must be at most 10080 minutes/);
  });
});
