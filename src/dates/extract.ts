import type { PartialDate } from '../corpus/types.js';
import type { CalendarValue, Day } from './calendar.js';
import { combineCandidates } from './combine.js';
import { maskAddresses } from './non-dates.js';
import { recogniseWithChrono } from './recognisers/chrono.js';
import { recogniseDurations } from './recognisers/durations.js';
import { recogniseHolidays } from './recognisers/holidays.js';
import { recogniseNumericDates } from './recognisers/numeric.js';
import { recogniseOffsets } from './recognisers/offsets.js';
import { recogniseQuarters } from './recognisers/quarters.js';
import { recogniseReferences } from './recognisers/references.js';
import { recogniseRelativeYears } from './recognisers/relative-years.js';
import { recogniseSeasonsAndMonths } from './recognisers/seasons.js';
import { recogniseWeekdays } from './recognisers/weekdays.js';
import { recogniseYears } from './recognisers/years.js';
import { referencePeriod, resolveCandidate, type ReferencePeriod } from './resolve.js';
import { tenseAround } from './tense.js';
import type { DateMention } from './types.js';

export interface ExtractOptions {
  /** When the text was written; null when unknown, which leaves relative dates unresolved. */
  referenceDate: PartialDate | null;
}

/** Any fixed day serves when there is no publication date: only written components are used then. */
const neutralDay: Day = { year: 2000, month: 1, day: 1 };

/**
 * A document's passages all share its publication date object: its period is worked out once per
 * document, not once per passage. Weakly held, so it goes with the document.
 */
const periodsByDate = new WeakMap<PartialDate, ReferencePeriod | null>();
function referencePeriodOf(date: PartialDate | null): ReferencePeriod | null {
  if (date === null) return null;
  let period = periodsByDate.get(date);
  if (period === undefined) {
    period = referencePeriod(date);
    periodsByDate.set(date, period);
  }
  return period;
}

/**
 * Every date expression in a text, in order, each resolved to a date at the precision the words
 * give it: "August 2004" is a month, "in 2004" a year, "19–20 December last year" a day range.
 * URLs are skipped, amounts and fractions are not dates, and impossible dates come back as
 * `invalid` with a note instead of being rolled over.
 */
export function extractDateMentions(text: string, options: ExtractOptions): DateMention[] {
  const masked = maskAddresses(text);
  const reference = referencePeriodOf(options.referenceDate);
  const candidates = [
    ...recogniseWithChrono(masked, reference?.last ?? neutralDay),
    ...recogniseYears(masked),
    ...recogniseQuarters(masked),
    ...recogniseSeasonsAndMonths(masked),
    ...recogniseWeekdays(masked),
    ...recogniseRelativeYears(masked),
    ...recogniseOffsets(masked),
    ...recogniseDurations(masked),
    ...recogniseReferences(masked),
    ...recogniseNumericDates(masked),
    ...recogniseHolidays(masked),
  ];
  const antecedents: { end: number; value: CalendarValue }[] = [];
  const mentions: DateMention[] = [];
  for (const candidate of combineCandidates(masked, candidates)) {
    // Only a date counted from the time of writing or from another date reads the tense: a written-out one needs none.
    const { type } = candidate.anchoring;
    const tense = type === 'absolute' || type === 'none' ? 'unknown' : tenseAround(masked, candidate.start, candidate.end);
    const { mention, antecedent } = resolveCandidate(text, candidate, reference, tense, antecedents);
    mentions.push(mention);
    if (antecedent) antecedents.push({ end: candidate.end, value: antecedent });
  }
  return mentions;
}
