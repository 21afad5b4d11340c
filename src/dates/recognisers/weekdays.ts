import { addDays, isoWeekOf, weekdayOf, type CalendarSpan, type Day, type PartOfDay } from '../calendar.js';
import type { Candidate, ResolveContext } from '../candidate.js';
import type { DateModifier } from '../types.js';
import { weekdayNumber, weekdayPattern } from '../vocabulary.js';
import { dateCandidate, letterAfter, letterBefore, matchesWithCue, single } from './shared.js';

/** Weekdays and weekends, counted from the publication day in the direction the clause's tense gives. */
export function recogniseWeekdays(text: string): Candidate[] {
  return [...weekdays(text), ...weekends(text)];
}

const partsOfDay: Record<string, PartOfDay> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' };
const weekdayLeadPattern = new RegExp(`${letterBefore}(?:(this past|this coming|the previous|the following|last|next|this|coming|past|early|late)\\s+)?(${weekdayPattern})(?:,?\\s+(morning|afternoon|evening|night))?(?![\\p{L}])`, 'giu');
const weekdayCue = new RegExp(weekdayPattern, 'iu');

/** Weekdays, resolved to the nearest one before the publication date unless the clause speaks of the future. */
function weekdays(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of matchesWithCue(text, weekdayCue, weekdayLeadPattern)) {
    const weekday = weekdayNumber(match[2] ?? '');
    if (weekday === null || !/^[A-Z]/.test(match[2] ?? '')) continue;
    const lead = (match[1] ?? '').toLowerCase();
    const part = match[3] ? partsOfDay[match[3].toLowerCase()] : undefined;
    const resolve = ({ reference, tense }: ResolveContext): CalendarSpan => {
      const difference = weekday - weekdayOf(reference);
      const back = -((7 - difference) % 7);
      const forward = (difference + 7) % 7;
      let offset: number;
      if (/last|past|previous/.test(lead)) offset = back === 0 ? -7 : back;
      else if (/next|coming|following/.test(lead)) offset = forward === 0 ? 7 : forward;
      else if (tense === 'unknown') offset = forward * 2 < -back ? forward : back;
      else offset = tense === 'future' ? forward : back;
      const day = addDays(reference, offset);
      return single(part ? { unit: 'part-of-day', ...day, part } : { unit: 'day', ...day });
    };
    const modifier: DateModifier | null = lead === 'early' ? 'start' : lead === 'late' ? 'end' : null;
    candidates.push({ ...dateCandidate(match.index, match.index + match[0].length, { type: 'deictic', resolve }), modifier });
  }
  return candidates;
}

const weekendPattern = new RegExp(`${letterBefore}(the|this|last|next|this past|this coming|that)\\s+weekend${letterAfter}`, 'giu');

function weekends(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of matchesWithCue(text, /weekend/iu, weekendPattern)) {
    const lead = (match[1] ?? '').toLowerCase();
    const resolve = ({ reference, tense }: ResolveContext): CalendarSpan => {
      const weekday = weekdayOf(reference);
      const daysToSaturday = (6 - weekday + 7) % 7;
      const upcoming = addDays(reference, weekday === 0 ? -1 : daysToSaturday);
      const previous = addDays(reference, weekday === 0 ? -1 : weekday === 6 ? 0 : -(weekday + 1));
      let saturday: Day;
      if (/last|past/.test(lead)) saturday = weekday === 0 || weekday === 6 ? addDays(previous, -7) : previous;
      else if (/next|coming/.test(lead)) saturday = weekday === 0 || weekday === 6 ? addDays(upcoming, 7) : upcoming;
      else saturday = tense === 'future' ? upcoming : previous;
      const { year, week } = isoWeekOf(saturday);
      return single({ unit: 'weekend', year, week });
    };
    candidates.push(dateCandidate(match.index, match.index + match[0].length, { type: 'deictic', resolve }));
  }
  return candidates;
}

