import { isComparison, nearbyAntecedent, topicQuarter } from '../antecedents.js';
import { addDays, addMonths, isoWeekOf, type CalendarSpan, type CalendarValue, type Day } from '../calendar.js';
import { priorities, type Candidate, type ResolveContext } from '../candidate.js';
import { countPattern, countValue, unitOf, unitPattern, type TimeUnit } from '../vocabulary.js';
import { vague } from './references.js';
import { letterAfter, letterBefore, matchesWithCue } from './shared.js';

/** The period `count` units before (negative) or after a day, at the unit's own granularity. */
export function offsetValue(from: Day, unit: TimeUnit, count: number): CalendarValue | null {
  switch (unit) {
    case 'day':
      return { unit: 'day', ...addDays(from, count) };
    case 'week': {
      const { year, week } = isoWeekOf(addDays(from, count * 7));
      return { unit: 'week', year, week };
    }
    case 'month': {
      const { year, month } = addMonths(from, count);
      return { unit: 'month', year, month };
    }
    case 'quarter': {
      const { year, month } = addMonths(from, count * 3);
      return { unit: 'quarter', year, quarter: Math.floor((month - 1) / 3) + 1 };
    }
    case 'year':
      return { unit: 'year', year: from.year + count };
    case 'decade':
      return { unit: 'year', year: from.year + count * 10 };
    case 'century':
      return { unit: 'year', year: from.year + count * 100 };
    default:
      return null;
  }
}

const offsetDirection = '(ago|earlier|later|before|after|previously|from now|hence)';
const offsetPattern = new RegExp(
  `${letterBefore}(?:(?:about|almost|nearly|some|more than|less than|over|just|only)\\s+)?(${countPattern})\\s+(${unitPattern})s?\\s+${offsetDirection}${letterAfter}`,
  'giu',
);
const offsetCue = new RegExp(`${unitPattern}s?\\s+${offsetDirection}`, 'iu');
const yearAgoPattern = new RegExp(`${letterBefore}(?:the\\s+)?(?:year-ago|year-earlier|year-before)${letterAfter}(?!\\s+(?:quarter|period|\\w+\\s+quarter))`, 'giu');
const yearAgoCue = /year-(?:ago|earlier|before)/iu;

/**
 * Offsets from a date: "two weeks ago" (from the time of writing), "a year earlier" and "two years
 * later" (from the date just said), "the year-ago" figures of a quarterly report, "several years ago" (vague).
 */
export function recogniseOffsets(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of matchesWithCue(text, offsetCue, offsetPattern)) {
    const count = countValue(match[1] ?? '');
    const unit = unitOf(match[2] ?? '');
    const direction = (match[3] ?? '').toLowerCase();
    const start = match.index;
    const end = start + match[0].length;
    if (!unit || unit === 'minute' || unit === 'hour') continue;
    // "two years after the war" relates two events; only a bare "after" or "before" is a date.
    if ((direction === 'before' || direction === 'after') && !/^\s*(?:[,.;:)]|$)/.test(text.slice(end, end + 2))) continue;
    const sign = /ago|earlier|before|previously/.test(direction) ? -1 : 1;
    if (count === null || !Number.isInteger(count)) {
      candidates.push(vague(start, end, sign < 0 ? 'PAST_REF' : 'FUTURE_REF'));
      continue;
    }
    const fromNow = /ago|from now|hence/.test(direction);
    const comparison = isComparison(text, start);
    const resolve = (context: ResolveContext): CalendarSpan | null => {
      const antecedent = nearbyAntecedent(context, start, fromNow ? 150 : 400);
      // "profit rose from a year ago" after "in the third quarter": the same quarter a year before.
      if (antecedent && unit === 'year' && count === 1 && ['quarter', 'half', 'month', 'season'].includes(antecedent.unit)) {
        return { start: shiftWholeYears(antecedent, -1), end: null };
      }
      const topic = unit === 'year' && count === 1 && comparison ? topicQuarter(context) : null;
      if (topic) return { start: shiftWholeYears(topic, -1), end: null };
      if (!fromNow && antecedent) {
        const anchor = firstDayOf(antecedent);
        const value = anchor ? offsetValue(anchor, unit, sign * count) : null;
        return value ? { start: coarsenTo(value, antecedent), end: null } : null;
      }
      const value = offsetValue(context.reference, unit, sign * count);
      return value ? { start: value, end: null } : null;
    };
    candidates.push({ start, end, kind: 'date', anchoring: { type: fromNow ? 'deictic' : 'anaphoric', resolve }, modifier: null, comparison: true, priority: priorities.pattern });
  }
  for (const match of matchesWithCue(text, yearAgoCue, yearAgoPattern)) {
    const start = match.index;
    const resolve = (context: ResolveContext): CalendarSpan | null => {
      const antecedent = nearbyAntecedent(context, start, 400) ?? topicQuarter(context);
      if (antecedent && antecedent.unit !== 'century' && antecedent.unit !== 'decade') return { start: shiftWholeYears(antecedent, -1), end: null };
      return { start: { unit: 'year', year: context.reference.year - 1 }, end: null };
    };
    candidates.push({ start, end: start + match[0].length, kind: 'date', anchoring: { type: 'anaphoric', resolve }, modifier: null, comparison: true, priority: priorities.pattern });
  }
  return candidates;
}

function shiftWholeYears(value: CalendarValue, years: number): CalendarValue {
  if (value.unit === 'century' || value.unit === 'decade') return value;
  return { ...value, year: value.year + years };
}

function firstDayOf(value: CalendarValue): Day | null {
  switch (value.unit) {
    case 'year':
      return { year: value.year, month: 1, day: 1 };
    case 'month':
      return { year: value.year, month: value.month, day: 1 };
    case 'day':
    case 'part-of-day':
    case 'time':
      return { year: value.year, month: value.month, day: value.day };
    case 'quarter':
      return { year: value.year, month: value.quarter * 3 - 2, day: 1 };
    default:
      return null;
  }
}

/** An offset from a year stays a year: "two years later" than 2004 is 2006, not a day in 2006. */
function coarsenTo(value: CalendarValue, antecedent: CalendarValue): CalendarValue {
  if (antecedent.unit === 'year' && 'year' in value) return { unit: 'year', year: value.year };
  if (antecedent.unit === 'month' && value.unit === 'day') return { unit: 'month', year: value.year, month: value.month };
  return value;
}

