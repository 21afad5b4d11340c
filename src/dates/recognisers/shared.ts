import type { CalendarSpan, CalendarValue } from '../calendar.js';
import { priorities, type Anchoring, type Candidate } from '../candidate.js';

/** Pattern edges: no letter or digit may touch the expression (superscript note numbers may). */
export const letterBefore = '(?<![\\p{L}\\p{Nd}])';
export const letterAfter = '(?![\\p{L}\\p{Nd}])';

/**
 * The matches of `pattern` in `text`, or none at once when the text lacks `cue`: words that every
 * match must contain. A pattern that opens with a look-behind is tried at every position of the text,
 * while most texts hold none of its words, so the cheap test goes first. A cue may pass where the
 * pattern finds nothing, never the other way round; it has the pattern's flags but not `g`.
 */
export function matchesWithCue(text: string, cue: RegExp, pattern: RegExp): Iterable<RegExpExecArray> {
  return cue.test(text) ? text.matchAll(pattern) : [];
}

export function single(value: CalendarValue): CalendarSpan {
  return { start: value, end: null };
}

/** A date candidate of the pattern recognisers. */
export function dateCandidate(start: number, end: number, anchoring: Anchoring): Candidate {
  return { start, end, kind: 'date', anchoring, modifier: null, priority: priorities.pattern };
}
