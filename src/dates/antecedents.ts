import type { CalendarValue } from './calendar.js';
import type { ResolveContext } from './candidate.js';

/** Readings of dates that count from dates said earlier in the same text. */

/** The latest earlier date of a unit ("the quarter" after "the third quarter"). */
export function lastOfUnit(context: ResolveContext, unit: CalendarValue['unit']): CalendarValue | null {
  return tallyOf(context).latest.get(unit) ?? null;
}

/**
 * The quarter a text is about: the one it names most often, the latest on a tie. Earnings reports
 * name their quarter, then say "the quarter" or "a year ago" meaning that quarter or the same one a year before.
 */
export function topicQuarter(context: ResolveContext): CalendarValue | null {
  return tallyOf(context).topic?.value ?? null;
}

/** What the dates said so far add up to, brought up to date as the list grows. */
interface Tally {
  /** How many antecedents have been counted. */
  seen: number;
  latest: Map<CalendarValue['unit'], CalendarValue>;
  quarters: Map<string, { value: CalendarValue; count: number }>;
  topic: { value: CalendarValue; count: number } | null;
}

/** One tally per list of antecedents: the list only grows, so each date is counted once, not at every question. */
const tallies = new WeakMap<ResolveContext['antecedents'], Tally>();

function tallyOf({ antecedents }: ResolveContext): Tally {
  let tally = tallies.get(antecedents);
  if (!tally || tally.seen > antecedents.length) {
    tally = { seen: 0, latest: new Map(), quarters: new Map(), topic: null };
    tallies.set(antecedents, tally);
  }
  for (; tally.seen < antecedents.length; tally.seen++) {
    const value = antecedents[tally.seen]?.value;
    if (!value) continue;
    tally.latest.set(value.unit, value);
    if (value.unit !== 'quarter') continue;
    const key = `${value.year}-${value.quarter}`;
    const entry = tally.quarters.get(key) ?? { value, count: 0 };
    tally.quarters.set(key, entry);
    entry.count++;
    // The quarter just named is the latest, so it leads as soon as it has as many mentions as the leader.
    if (!tally.topic || entry.count >= tally.topic.count) tally.topic = entry;
  }
  return tally;
}

/** The date said just before, when it ends within `distance` characters of `start`. */
export function nearbyAntecedent(context: ResolveContext, start: number, distance: number): CalendarValue | null {
  const last = context.antecedents.at(-1);
  return last && start - last.end <= distance ? last.value : null;
}

/** Words that make a date the other side of a comparison: "up from $10 million a year ago", "compared with a loss last year". */
export function isComparison(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 80), start);
  return /\b(?:compared (?:with|to)|versus|vs\.)[^.;]{0,60}$/i.test(before) || /\b(?:from|than)\b[^.;]{0,25}$/i.test(before);
}
