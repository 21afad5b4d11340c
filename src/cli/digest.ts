import type { LoadedCorpus } from '../corpus/types.js';
import type { TimelineEntry } from '../dates/types.js';
import { composeDigest } from '../digest/compose.js';
import { digestDocuments } from '../digest/digest-documents.js';
import { renderDigestText } from '../digest/render-text.js';
import { validateTimeZone } from '../digest/time-zones.js';
import type { DigestDocumentInput } from '../digest/types.js';
import { addDays, dateParts, isCalendarDate, zonedInstant } from '../digest/zoned-time.js';
import { UserError } from '../errors.js';
import { parseCommandArguments, parseWholeNumber } from './arguments.js';
import { printJson, printText } from './output.js';

export interface DigestCommandContext {
  corpus: LoadedCorpus;
  timeline: readonly TimelineEntry[];
  /** The corpus documents with the time each was added; without it no document is listed as new. */
  documents?: readonly DigestDocumentInput[];
  stdout: NodeJS.WritableStream;
  /** Today, when --date is not given; the system clock by default. */
  clock?: () => Date;
}

const digestUsage = 'briefing digest [--date YYYY-MM-DD] [--tz ZONE] [--window DAYS] [--json]';
const digestExample = 'Example: briefing digest --date 2026-03-01 --tz Europe/Berlin --window 14';

function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * `briefing digest`: the digest a server would get on a day, composed from the timeline, as text
 * or as JSON. --date is read in --tz (default: this machine's time zone); --window is 1 to 90 days.
 */
export function runDigest(args: string[], context: DigestCommandContext): void {
  const { values } = parseCommandArguments(args, {
    command: 'briefing digest',
    usage: digestUsage,
    example: digestExample,
    options: { date: { type: 'string' }, tz: { type: 'string' }, window: { type: 'string' }, json: { type: 'boolean' } },
  });
  const timeZone = values.tz === undefined ? systemTimeZone() : validateTimeZone(values.tz);
  const windowDays = parseWholeNumber(values.window, 'window', { min: 1, max: 90, fallback: 7 });
  if (values.date !== undefined && !isCalendarDate(values.date)) {
    throw new UserError(`--date must be a calendar day written YYYY-MM-DD, from 0001-01-01 to 9999-12-31 (there is no year 0); "${values.date}" is not one.\n${digestExample}`);
  }
  if (values.date !== undefined) refuseWindowOutsideCalendar(values.date, windowDays);
  // Noon stays inside the intended day whatever the zone's offset or DST change.
  const today = values.date === undefined ? (context.clock ?? (() => new Date()))() : zonedInstant(values.date, 12, 0, timeZone);
  // The command line has no first-seen times: only documents added with /add or `briefing add` can be new.
  const documents = context.documents ?? digestDocuments(context.corpus.documents, new Map());
  const digest = composeDigest({ timeline: context.timeline, today, timeZone, windowDays, since: null, documents });
  if (values.json) printJson(context.stdout, digest, 2);
  else printText(context.stdout, renderDigestText(digest, context.corpus.documents));
}

/** Dates are written with four-digit years from 0001: a window reaching past either end cannot be shown. */
function refuseWindowOutsideCalendar(date: string, windowDays: number): void {
  const first = dateParts(addDays(date, -windowDays)).year;
  const last = dateParts(addDays(date, windowDays)).year;
  if (first >= 1 && last <= 9999) return;
  throw new UserError(`--date ${date} with a ${windowDays}-day window reaches outside the years 0001 to 9999. Pick a date at least ${windowDays} days inside them, or a shorter --window.\n${digestExample}`);
}
