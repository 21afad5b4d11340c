import type { CalendarValue } from './calendar.js';
import type { ResolveContext } from './candidate.js';

/** Readings of dates that count from dates said earlier in the same text. */

/** The latest earlier date of a unit ("the quarter" after "the third quarter"). */
export function lastOfUnit(context: ResolveContext, unit: CalendarValue['unit']): CalendarValue | null {
  for (let index = context.antecedents.length - 1; index >= 0; index--) {
    const value = context.antecedents[index]?.value;
    if (value?.unit === unit) return value;
  }
  return null;
}

/**
 * The quarter a text is about: the one it names most often, the latest on a tie. Earnings reports
 * name their quarter, then say "the quarter" or "a year ago" meaning that quarter or the same one a year before.
 */
export function topicQuarter(context: ResolveContext): CalendarValue | null {
  const counts = new Map<string, { value: CalendarValue; count: number }>();
  for (const { value } of context.antecedents) {
    if (value.unit !== 'quarter') continue;
    const key = `${value.year}-${value.quarter}`;
    const entry = counts.get(key) ?? { value, count: 0 };
    entry.count++;
    counts.delete(key);
    counts.set(key, entry);
  }
  let best: { value: CalendarValue; count: number } | null = null;
  for (const entry of counts.values()) if (!best || entry.count >= best.count) best = entry;
  return best?.value ?? null;
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
