import { isComparison, topicQuarter } from '../antecedents.js';
import { addDays, isoWeekOf, type CalendarSpan } from '../calendar.js';
import type { Candidate, ResolveContext } from '../candidate.js';
import { dateCandidate, letterAfter, letterBefore, matchesWithCue, single } from './shared.js';

const relativeYearPattern = new RegExp(`${letterBefore}(last|this|next|the past|the current|the coming|the current fiscal|this fiscal|last fiscal|next fiscal)\\s+year${letterAfter}`, 'giu');
const relativeYearOffsets: Record<string, number> = { last: -1, 'the past': -1, this: 0, 'the current': 0, next: 1, 'the coming': 1 };
const anaphoricYearPattern = new RegExp(`${letterBefore}(?:the (previous|following|preceding|prior) year|the year (before|after)|(?:the |that )?(same|that) year)${letterAfter}`, 'giu');
const relativeWeekPattern = new RegExp(`${letterBefore}(this|last|next|the past|the previous|the coming|the current)\\s+week${letterAfter}`, 'giu');
const weekOffsets: Record<string, number> = { this: 0, 'the current': 0, last: -1, 'the past': -1, 'the previous': -1, next: 1, 'the coming': 1 };

/**
 * "last year", "this year", "next year" (as years, so "December last year" can take theirs),
 * "the following year" and "the same year" (from the date said before), and "this week", "last week".
 */
export function recogniseRelativeYears(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of matchesWithCue(text, /year/iu, relativeYearPattern)) {
    const lead = (match[1] ?? '').toLowerCase().replace(/\s*fiscal$/, '');
    const offset = relativeYearOffsets[lead] ?? 0;
    const possessive = /^'s\b/.test(text.slice(match.index + match[0].length, match.index + match[0].length + 3));
    if (offset === -1 && !possessive && isComparison(text, match.index)) {
      // "compared with a loss of $3 million last year" in a quarterly report: that quarter, a year before.
      const resolve = (context: ResolveContext): CalendarSpan => {
        const topic = topicQuarter(context);
        return single(topic?.unit === 'quarter' ? { ...topic, year: topic.year - 1 } : { unit: 'year', year: context.reference.year - 1 });
      };
      candidates.push({ ...dateCandidate(match.index, match.index + match[0].length, { type: 'anaphoric', resolve }), yearOffset: offset, comparison: true });
      continue;
    }
    const resolve = ({ reference }: ResolveContext): CalendarSpan => single({ unit: 'year', year: reference.year + offset });
    candidates.push({ ...dateCandidate(match.index, match.index + match[0].length, { type: 'deictic', resolve }), yearOffset: offset });
  }
  for (const match of matchesWithCue(text, /year/iu, anaphoricYearPattern)) {
    const word = (match[1] ?? match[2] ?? match[3] ?? '').toLowerCase();
    const offset = word === 'that' || word === 'same' ? 0 : /following|after/.test(word) ? 1 : -1;
    const resolve = (context: ResolveContext): CalendarSpan => {
      const antecedent = context.antecedents.at(-1)?.value;
      const year = antecedent && 'year' in antecedent ? antecedent.year : context.reference.year;
      return single({ unit: 'year', year: year + offset });
    };
    candidates.push(dateCandidate(match.index, match.index + match[0].length, { type: 'anaphoric', resolve }));
  }
  for (const match of matchesWithCue(text, /week/iu, relativeWeekPattern)) {
    const offset = weekOffsets[(match[1] ?? '').toLowerCase()] ?? 0;
    const resolve = ({ reference }: ResolveContext): CalendarSpan => single({ unit: 'week', ...isoWeekOf(addDays(reference, offset * 7)) });
    candidates.push(dateCandidate(match.index, match.index + match[0].length, { type: 'deictic', resolve }));
  }
  return candidates;
}

