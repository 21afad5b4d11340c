import { UserError } from '../errors.js';

export { parseSchedule, type Schedule } from './schedule.js';
export { listTimeZones, suggestTimeZones, validateTimeZone } from './time-zones.js';

export const minimumWindowDays = 1;
export const maximumWindowDays = 90;

/** Checks how many days a digest looks ahead and back: a whole number from 1 to 90. */
export function parseWindowDays(value: number | string): number {
  const days = typeof value === 'number' ? value : Number(value.trim());
  if (typeof value === 'string' && value.trim() === '') {
    throw new UserError(`The window is empty. Give a whole number of days from ${minimumWindowDays} to ${maximumWindowDays}, e.g. 7.`);
  }
  if (!Number.isInteger(days) || days < minimumWindowDays || days > maximumWindowDays) {
    throw new UserError(`The window must be a whole number of days from ${minimumWindowDays} to ${maximumWindowDays}, e.g. 7; got "${value}".`);
  }
  return days;
}
