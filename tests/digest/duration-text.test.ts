import { describe, expect, it } from 'vitest';
import { durationText } from '../../src/digest/duration-text.js';
import { planCatchUp } from '../../src/digest/catch-up.js';

describe('durations in messages', () => {
  it('are in minutes under an hour and in hours from there', () => {
    expect(durationText(0)).toBe('0 minutes');
    expect(durationText(20_000)).toBe('under a minute');
    expect(durationText(60_000)).toBe('1 minute');
    expect(durationText(45 * 60_000)).toBe('45 minutes');
    expect(durationText(3_600_000)).toBe('1 hour');
    expect(durationText(2.5 * 3_600_000)).toBe('2.5 hours');
  });

  it('make a slot missed with a grace period of zero read in minutes, not "0 hours later … 0 hours"', () => {
    const now = new Date('2026-03-02T09:20:00Z');
    const plan = planCatchUp([new Date('2026-03-02T09:00:00Z')], now, 0);
    expect(plan.missed[0]?.reason).toBe('not posted: nothing was running to post it, and 20 minutes later it was past the grace period of 0 minutes');
  });

  it('keep hours for long outages and grace periods', () => {
    const plan = planCatchUp([new Date('2026-03-01T09:00:00Z')], new Date('2026-03-02T09:00:00Z'), 6 * 3_600_000);
    expect(plan.missed[0]?.reason).toBe('not posted: nothing was running to post it, and 24 hours later it was past the grace period of 6 hours');
  });
});
