import type { LoadedCorpus } from '../corpus/types.js';
import type { TimelineEntry } from '../dates/types.js';
import { composeDigest } from '../digest/compose.js';
import { renderDigestText } from '../digest/render-text.js';
import { validateTimeZone } from '../digest/time-zones.js';
import type { DigestDocumentInput } from '../digest/types.js';
import { isCalendarDate, zonedInstant } from '../digest/zoned-time.js';
import { UserError } from '../errors.js';
import { parseCommandArguments, parseWholeNumber } from './arguments.js';

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
  const { values, positionals } = parseCommandArguments(args, { date: { type: 'string' }, tz: { type: 'string' }, window: { type: 'string' }, json: { type: 'boolean' } }, digestUsage);
  if (positionals.length > 0) throw new UserError(`briefing digest takes only options; "${positionals.join(' ')}" is not one.\nUsage: ${digestUsage}\n${digestExample}`);
  const timeZone = values.tz === undefined ? systemTimeZone() : validateTimeZone(values.tz);
  const windowDays = parseWholeNumber(values.window, 'window', { min: 1, max: 90, fallback: 7 });
  if (values.date !== undefined && !isCalendarDate(values.date)) {
    throw new UserError(`--date must be a calendar day written YYYY-MM-DD; "${values.date}" is not one.\n${digestExample}`);
  }
  // Noon stays inside the intended day whatever the zone's offset or DST change.
  const today = values.date === undefined ? (context.clock ?? (() => new Date()))() : zonedInstant(values.date, 12, 0, timeZone);
  const documents = context.documents ?? context.corpus.documents.map((document) => ({ docId: document.id, title: document.title, addedAt: new Date(0) }));
  const digest = composeDigest({ timeline: context.timeline, today, timeZone, windowDays, since: null, documents });
  context.stdout.write(values.json ? `${JSON.stringify(digest, null, 2)}\n` : renderDigestText(digest, context.corpus.documents));
}
