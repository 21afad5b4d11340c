import { priorities, type Candidate } from '../candidate.js';
import { matchesWithCue } from './shared.js';

export type ReferencePoint = 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF';

/** Each pattern with its cue (see matchesWithCue) and the reference point it names. */
const vagueWords: [RegExp, RegExp, ReferencePoint][] = [
  [/(?<![\p{L}\p{Nd}])(?:now|currently|current|nowadays|these days|at present|presently)(?![\p{L}\p{Nd}])/giu, /now|current|these days|present/iu, 'PRESENT_REF'],
  [/(?<![\p{L}\p{Nd}])(?:(?:more |most |until |only |very )?recently|recent|(?:in )?the past)(?![\p{L}\p{Nd}])(?!\s+(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|year|month|week|day|decade))/giu, /recent|the past/iu, 'PAST_REF'],
  [/(?<![\p{L}\p{Nd}])(?:the (?:near |distant |foreseeable )?future)(?![\p{L}\p{Nd}])/giu, /future/iu, 'FUTURE_REF'],
];

/** "now", "recently", "the future": TimeML reference points with no calendar date. */
export function recogniseReferences(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const [pattern, cue, value] of vagueWords) {
    for (const match of matchesWithCue(text, cue, pattern)) {
      // TimeML leaves the preposition of "in the past" out of the expression.
      const offset = /^in /i.test(match[0]) ? 3 : 0;
      candidates.push(vague(match.index + offset, match.index + match[0].length, value));
    }
  }
  return candidates;
}

/** A vague pointer to the present, past or future. */
export function vague(start: number, end: number, value: ReferencePoint): Candidate {
  return { start, end, kind: 'reference', anchoring: { type: 'none' }, modifier: null, timex: { value, type: 'DATE' }, priority: priorities.pattern };
}
