import { describe, expect, it } from 'vitest';
import { listTimeZones, parseSchedule, parseWindowDays, suggestTimeZones, validateTimeZone } from '../../src/digest/settings.js';
import { UserError } from '../../src/errors.js';

function userErrorOf(action: () => unknown): UserError {
  try {
    action();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('parseSchedule', () => {
  it('reads the presets as cron expressions with a label in words', () => {
    expect(parseSchedule('daily 09:00')).toEqual({ input: 'daily 09:00', cron: '0 9 * * *', label: 'daily at 09:00' });
    expect(parseSchedule('  Weekly   MONDAY 9:05 ')).toEqual({ input: 'Weekly MONDAY 9:05', cron: '5 9 * * 1', label: 'weekly on Monday at 09:05' });
    expect(parseSchedule('weekly sun 18:30').cron).toBe('30 18 * * 0');
    expect(parseSchedule('weekdays 08:30')).toMatchObject({ cron: '30 8 * * 1-5', label: 'weekdays at 08:30' });
  });

  it('accepts a five-field cron expression and a nickname', () => {
    expect(parseSchedule('0 9 * * 1-5')).toEqual({ input: '0 9 * * 1-5', cron: '0 9 * * 1-5', label: 'cron "0 9 * * 1-5"' });
    expect(parseSchedule('@daily').cron).toBe('@daily');
  });

  it('refuses an invalid cron expression with a valid example', () => {
    const error = userErrorOf(() => parseSchedule('61 9 * * *'));
    expect(error.message).toBe('The schedule "61 9 * * *" is not a valid cron expression. Use "daily 09:00", "weekdays 08:30", "weekly mon 09:00", or a cron expression such as "0 9 * * 1" (09:00 every Monday).');
  });

  it('refuses a schedule that never fires', () => {
    expect(userErrorOf(() => parseSchedule('0 9 31 2 *')).message).toMatch(/^The schedule "0 9 31 2 \*" is not a valid cron expression/);
  });

  it('refuses a form node-cron runs but the catch-up cannot list', () => {
    // node-cron reads 22-2 as 22:00 to 02:59; cron-parser, which lists missed slots, refuses it.
    expect(userErrorOf(() => parseSchedule('0 22-2 * * *')).message).toMatch(/never fires or uses a form the scheduler cannot plan with/);
  });

  it('refuses a seconds field, a wrong number of fields and an empty schedule', () => {
    expect(userErrorOf(() => parseSchedule('*/5 * * * * *')).message).toMatch(/has a seconds field/);
    expect(userErrorOf(() => parseSchedule('0 9 *')).message).toMatch(/has 3 fields, not 5/);
    expect(userErrorOf(() => parseSchedule('   ')).message).toMatch(/^The schedule is empty\. Use "daily 09:00"/);
  });

  it('says which part of a preset is wrong', () => {
    expect(userErrorOf(() => parseSchedule('daily 25:00')).message).toBe('"25:00" in the schedule "daily 25:00" is not a time of day. Write it as 24-hour HH:MM, e.g. "daily 09:00" or "weekly fri 17:30".');
    expect(userErrorOf(() => parseSchedule('weekly funday 09:00')).message).toMatch(/"funday" .* is not a day of the week\. Use mon, tue/);
    expect(userErrorOf(() => parseSchedule('weekly 09:00')).message).toMatch(/^The schedule "weekly 09:00" is incomplete\./);
  });
});

describe('validateTimeZone', () => {
  it('returns the canonical spelling of an IANA name', () => {
    expect(validateTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(validateTimeZone(' america/new_york ')).toBe('America/New_York');
    expect(validateTimeZone('UTC')).toBe('UTC');
  });

  it('refuses an unknown zone and suggests close matches', () => {
    const error = userErrorOf(() => validateTimeZone('Europe/Berln'));
    expect(error.message).toMatch(/^"Europe\/Berln" is not a time zone this bot knows\. Did you mean "Europe\/Berlin"/);
    expect(error.message).toMatch(/Use an IANA name such as "Europe\/Berlin"/);
  });

  it('suggests the zone of a city typed alone', () => {
    expect(suggestTimeZones('Tokyo')).toContain('Asia/Tokyo');
    expect(userErrorOf(() => validateTimeZone('new york')).message).toContain('"America/New_York"');
  });

  it('refuses a fixed offset, which would ignore daylight-saving time', () => {
    expect(userErrorOf(() => validateTimeZone('+01:00')).message).toMatch(/is not a time zone this bot knows/);
    expect(userErrorOf(() => validateTimeZone('')).message).toMatch(/^The time zone is empty/);
  });

  it('lists the zones for autocomplete, UTC included', () => {
    const zones = listTimeZones();
    expect(zones).toEqual(expect.arrayContaining(['UTC', 'Europe/Berlin', 'Asia/Tashkent', 'America/New_York']));
    expect(zones.length).toBeGreaterThan(300);
  });
});

describe('parseWindowDays', () => {
  it('accepts whole days from 1 to 90', () => {
    expect(parseWindowDays(1)).toBe(1);
    expect(parseWindowDays('90')).toBe(90);
  });

  it.each([0, 91, 7.5, -3, 'seven', ''])('refuses %j with an example', (value) => {
    expect(userErrorOf(() => parseWindowDays(value)).message).toMatch(/from 1 to 90, e\.g\. 7/);
  });
});
