import type { CalendarSpan, CalendarValue } from '../calendar.js';
import { priorities, type Anchoring, type Candidate } from '../candidate.js';

/** Pattern edges: no letter or digit may touch the expression (superscript note numbers may). */
export const letterBefore = '(?<![\\p{L}\\p{Nd}])';
export const letterAfter = '(?![\\p{L}\\p{Nd}])';

export function single(value: CalendarValue): CalendarSpan {
  return { start: value, end: null };
}

/** A date candidate of the pattern recognisers. */
export function dateCandidate(start: number, end: number, anchoring: Anchoring): Candidate {
  return { start, end, kind: 'date', anchoring, modifier: null, priority: priorities.pattern };
}
