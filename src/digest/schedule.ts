import { CronExpressionParser } from 'cron-parser';
import cron from 'node-cron';
import { UserError } from '../errors.js';
import { durationText } from './duration-text.js';
import { shortGapOf } from './schedule-interval.js';

/**
 * When a server's digest is posted. Written by a person as a preset or a cron expression,
 * kept as the cron expression that node-cron runs.
 */
export interface Schedule {
  /** What the person typed, trimmed. */
  input: string;
  /** A five-field cron expression (minute hour day-of-month month day-of-week). */
  cron: string;
  /** The schedule in words, e.g. "daily at 09:00" or "weekly on Monday at 09:00". */
  label: string;
}

const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

const scheduleExample =
  'Use "daily 09:00", "weekdays 08:30", "weekly mon 09:00", or a cron expression such as "0 9 * * 1" (09:00 every Monday).';

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Reads "9:00", "09:00" or "21:30" as a 24-hour time. */
function parseTime(text: string, input: string): { hour: number; minute: number } {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || hour > 23 || minute > 59) {
    throw new UserError(`"${text}" in the schedule "${input}" is not a time of day. Write it as 24-hour HH:MM, e.g. "daily 09:00" or "weekly fri 17:30".`);
  }
  return { hour, minute };
}

function parseWeekday(text: string, input: string): number {
  const lower = text.toLowerCase();
  const index = lower.length >= 3 ? weekdays.findIndex((day) => day.startsWith(lower)) : -1;
  if (index < 0) {
    throw new UserError(`"${text}" in the schedule "${input}" is not a day of the week. Use mon, tue, wed, thu, fri, sat or sun, e.g. "weekly mon 09:00".`);
  }
  return index;
}

const pad = (value: number) => String(value).padStart(2, '0');

function presetSchedule(input: string, words: string[]): Schedule | null {
  const [kind, ...rest] = words;
  switch (kind?.toLowerCase()) {
    case 'daily': {
      if (rest.length !== 1 || rest[0] === undefined) break;
      const { hour, minute } = parseTime(rest[0], input);
      return { input, cron: `${minute} ${hour} * * *`, label: `daily at ${pad(hour)}:${pad(minute)}` };
    }
    case 'weekdays': {
      if (rest.length !== 1 || rest[0] === undefined) break;
      const { hour, minute } = parseTime(rest[0], input);
      return { input, cron: `${minute} ${hour} * * 1-5`, label: `weekdays at ${pad(hour)}:${pad(minute)}` };
    }
    case 'weekly': {
      if (rest.length !== 2 || rest[0] === undefined || rest[1] === undefined) break;
      const day = parseWeekday(rest[0], input);
      const { hour, minute } = parseTime(rest[1], input);
      return { input, cron: `${minute} ${hour} * * ${day}`, label: `weekly on ${capitalize(weekdays[day] ?? '')} at ${pad(hour)}:${pad(minute)}` };
    }
    default:
      return null;
  }
  throw new UserError(`The schedule "${input}" is incomplete. ${scheduleExample}`);
}

/** The default of DIGEST_MIN_INTERVAL_MINUTES: at most one digest an hour. */
export const defaultMinIntervalMinutes = 60;

export interface ParseScheduleOptions {
  /** The shortest time allowed between two posts; a schedule that comes closer anywhere is refused. */
  minIntervalMinutes?: number;
}

/**
 * Reads a schedule. The grammar, case-insensitive:
 *
 * - `daily HH:MM` — every day at that time, e.g. `daily 09:00`
 * - `weekdays HH:MM` — Monday to Friday, e.g. `weekdays 08:30`
 * - `weekly DAY HH:MM` — DAY is a weekday name or its first three letters, e.g. `weekly mon 09:00`
 * - a five-field cron expression, e.g. `0 9 * * 1`, or a nickname such as `@daily`
 *
 * Times are 24-hour and read in the server's time zone. A cron expression must be accepted by
 * node-cron, which runs it, and by cron-parser, which lists the slots missed while the bot was
 * down; a seconds field is refused because a digest is never due more than once a minute.
 * A schedule whose posts come closer than `minIntervalMinutes` (an hour by default) anywhere
 * in a year is refused too, since a digest every minute buries the channel in copies.
 * Anything else is a `UserError` whose message shows valid examples.
 */
export function parseSchedule(text: string, options: ParseScheduleOptions = {}): Schedule {
  const schedule = readSchedule(text);
  const floorMs = (options.minIntervalMinutes ?? defaultMinIntervalMinutes) * 60_000;
  const gap = shortGapOf(schedule.cron, floorMs);
  if (gap !== null) {
    throw new UserError(
      `The schedule "${schedule.input}" would post a digest ${durationText(gap)} after the one before; digests here are at least ${durationText(floorMs)} apart. ${scheduleExample}`,
    );
  }
  return schedule;
}

function readSchedule(text: string): Schedule {
  const input = text.trim().replace(/\s+/g, ' ');
  if (input === '') throw new UserError(`The schedule is empty. ${scheduleExample}`);
  const preset = presetSchedule(input, input.split(' '));
  if (preset) return preset;

  const fields = input.split(' ');
  if (!input.startsWith('@') && fields.length !== 5) {
    const problem = fields.length === 6 ? 'has a seconds field; digests are scheduled to the minute' : `has ${fields.length} field${fields.length === 1 ? '' : 's'}, not 5`;
    throw new UserError(`The schedule "${input}" ${problem}. ${scheduleExample}`);
  }
  if (!cron.validate(input)) {
    throw new UserError(`The schedule "${input}" is not a valid cron expression. ${scheduleExample}`);
  }
  try {
    CronExpressionParser.parse(input, { tz: 'UTC' }).next();
  } catch {
    throw new UserError(`The schedule "${input}" never fires or uses a form the scheduler cannot plan with. ${scheduleExample}`);
  }
  return { input, cron: input, label: `cron "${input}"` };
}
