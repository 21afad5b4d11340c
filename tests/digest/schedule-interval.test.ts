import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { parseSchedule } from '../../src/digest/schedule.js';
import { shortGapOf } from '../../src/digest/schedule-interval.js';

const hour = 3_600_000;
const minute = 60_000;

function messageOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('the minimum interval of a digest schedule', () => {
  it('refuses a digest every minute, saying how close the posts come and what the limit is', () => {
    expect(messageOf(() => parseSchedule('* * * * *'))).toBe(
      'The schedule "* * * * *" would post a digest 1 minute after the one before; digests here are at least 1 hour apart. Use "daily 09:00", "weekdays 08:30", "weekly mon 09:00", or a cron expression such as "0 9 * * 1" (09:00 every Monday).',
    );
  });

  it('finds a short gap anywhere in the day, not only in the minute field', () => {
    expect(shortGapOf('*/15 9 * * *', hour)).toBe(15 * minute);
    expect(shortGapOf('0,30 9,17 * * 1-5', hour)).toBe(30 * minute);
    // 09:00 and 09:50: the hour field alone looks daily.
    expect(shortGapOf('0,50 9 * * *', hour)).toBe(50 * minute);
    expect(shortGapOf('@hourly', 2 * hour)).toBe(hour);
  });

  it('accepts an hourly schedule at the default limit, and daily, weekday and weekly ones', () => {
    expect(shortGapOf('0 * * * *', hour)).toBeNull();
    expect(parseSchedule('daily 09:00').cron).toBe('0 9 * * *');
    expect(parseSchedule('weekdays 08:30').cron).toBe('30 8 * * 1-5');
    expect(parseSchedule('0 9,17 * * *').cron).toBe('0 9,17 * * *');
    expect(parseSchedule('@daily').cron).toBe('@daily');
  });

  it('counts the gap from late one evening to early the next morning on consecutive days only', () => {
    // 23:00 then 01:00 the next day: two hours apart when it runs every day.
    expect(shortGapOf('0 1,23 * * *', 12 * hour)).toBe(2 * hour);
    // Only on Mondays: from 23:00 Monday the next post is 01:00 the Monday after; 22 hours is the shortest gap.
    expect(shortGapOf('0 1,23 * * 1', 12 * hour)).toBeNull();
    // The 1st and 2nd of the month are consecutive days; walked through real occurrences.
    expect(shortGapOf('0 1,23 1,2 * *', 12 * hour)).toBe(2 * hour);
  });

  it('follows a configured limit: two digests a day pass at 12 hours and are refused at 13', () => {
    expect(parseSchedule('0 9,21 * * *', { minIntervalMinutes: 12 * 60 }).cron).toBe('0 9,21 * * *');
    expect(messageOf(() => parseSchedule('0 9,21 * * *', { minIntervalMinutes: 13 * 60 }))).toMatch(/would post a digest 12 hours after the one before; digests here are at least 13 hours apart/);
    expect(parseSchedule('*/10 * * * *', { minIntervalMinutes: 10 }).cron).toBe('*/10 * * * *');
  });
});
