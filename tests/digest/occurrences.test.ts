import { describe, expect, it } from 'vitest';
import { planCatchUp } from '../../src/digest/catch-up.js';
import { catchUpLookbackMs, nextOccurrence, occurrencesBetween } from '../../src/digest/occurrences.js';

const iso = (dates: Date[]) => dates.map((date) => date.toISOString());

describe('listing the slots of a schedule', () => {
  it('lists the slots after one instant up to and including another, in the zone', () => {
    const { slots, truncated } = occurrencesBetween('0 9 * * *', 'Europe/Berlin', new Date('2025-03-28T08:00:00Z'), new Date('2025-03-31T07:00:00Z'), 10);
    expect(iso(slots)).toEqual(['2025-03-29T08:00:00.000Z', '2025-03-30T07:00:00.000Z', '2025-03-31T07:00:00.000Z']);
    expect(truncated).toBe(false);
  });

  it('lists a wall-clock time repeated when clocks go back once', () => {
    const { slots } = occurrencesBetween('30 2 * * *', 'Europe/Berlin', new Date('2025-10-25T12:00:00Z'), new Date('2025-10-26T12:00:00Z'), 10);
    expect(iso(slots)).toEqual(['2025-10-26T00:30:00.000Z']);
  });

  it('keeps the newest slots when more are due than the limit', () => {
    const { slots, truncated } = occurrencesBetween('0 * * * *', 'UTC', new Date('2025-06-01T00:00:00Z'), new Date('2025-06-02T00:00:00Z'), 3);
    expect(iso(slots)).toEqual(['2025-06-01T22:00:00.000Z', '2025-06-01T23:00:00.000Z', '2025-06-02T00:00:00.000Z']);
    expect(truncated).toBe(true);
  });

  it('looks back a bounded time after a long outage and says so', () => {
    const until = new Date('2025-06-01T00:00:00Z');
    const { slots, truncated } = occurrencesBetween('0 9 * * *', 'UTC', new Date('2024-01-01T00:00:00Z'), until, 1000);
    expect(truncated).toBe(true);
    expect(slots.length).toBe(Math.round(catchUpLookbackMs / 86_400_000));
  });

  it('finds the next slot strictly after an instant', () => {
    expect(nextOccurrence('0 9 * * 1', 'UTC', new Date('2025-06-09T09:00:00Z'))?.toISOString()).toBe('2025-06-16T09:00:00.000Z');
  });
});

describe('planning a catch-up', () => {
  const hour = 3_600_000;
  const now = new Date('2025-06-10T12:00:00Z');

  it('posts the newest due slot within the grace period and records the older ones as superseded', () => {
    const slots = [new Date('2025-06-10T10:00:00Z'), new Date('2025-06-10T11:00:00Z')];
    const plan = planCatchUp(slots, now, 6 * hour);
    expect(plan.post?.toISOString()).toBe('2025-06-10T11:00:00.000Z');
    expect(plan.missed).toEqual([{ slotAt: slots[0], reason: 'not posted: superseded by the later slot at 2025-06-10T11:00:00.000Z' }]);
  });

  it('posts nothing when the newest slot is past the grace period', () => {
    const plan = planCatchUp([new Date('2025-06-10T05:00:00Z')], now, 6 * hour);
    expect(plan.post).toBeNull();
    expect(plan.missed[0]?.reason).toBe('not posted: nothing was running to post it, and 7 hours later it was past the grace period of 6 hours');
  });

  it('has nothing to do when nothing is due', () => {
    expect(planCatchUp([], now, 6 * hour)).toEqual({ post: null, missed: [] });
  });
});
