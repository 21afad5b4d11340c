import type { CalendarSpan, CalendarValue } from './calendar.js';
import type { Anchoring, Candidate } from './candidate.js';
import type { DateModifier } from './types.js';

/**
 * Settles overlapping candidates (the longest reading wins, then the more specific recogniser)
 * and joins neighbours that belong together: "19–20 December" + "last year", "early" + "August 2024".
 */
export function combineCandidates(text: string, candidates: Candidate[]): Candidate[] {
  const chosen = selectLongest(candidates);
  return attachModifiers(text, attachYears(text, chosen));
}

/**
 * The longest candidates that do not overlap a longer (or, on a tie, stronger) one. Taken positions
 * are marked character by character, so each candidate costs its own length, not the number chosen so far.
 */
function selectLongest(candidates: Candidate[]): Candidate[] {
  const ranked = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  // taken[i] is 1 + the index in `chosen` of the candidate covering character i, or 0.
  const taken = new Int32Array(candidates.reduce((last, candidate) => Math.max(last, candidate.end), 0) + 1);
  const chosen: Candidate[] = [];
  for (const candidate of ranked) {
    if (overlapsTaken(taken, candidate)) continue;
    chosen.push(candidate);
    taken.fill(chosen.length, candidate.start, candidate.end);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

function overlapsTaken(taken: Int32Array, { start, end }: Candidate): boolean {
  // An empty candidate overlaps a chosen one that runs across its position.
  if (start >= end) return start > 0 && taken[start - 1] !== 0 && taken[start - 1] === taken[start];
  for (let index = start; index < end; index++) if (taken[index] !== 0) return true;
  return false;
}

const yearJoint = /^,?\s+(?:of\s+)?$/i;

/** A period named without its year followed by "last year" / "this year" / "next year" takes that year. */
function attachYears(text: string, candidates: Candidate[]): Candidate[] {
  const result: Candidate[] = [];
  for (let index = 0; index < candidates.length; index++) {
    const current = candidates[index];
    const next = candidates[index + 1];
    if (!current) continue;
    if (next && current.anchoring.type === 'yearless' && next.yearOffset !== undefined && yearJoint.test(text.slice(current.end, next.start))) {
      const period = current.anchoring.period;
      const offset = next.yearOffset;
      result.push({
        ...current,
        end: next.end,
        anchoring: { type: 'deictic', resolve: ({ reference }) => period.build(reference.year + offset) },
        parts: undefined,
      });
      index++;
      continue;
    }
    result.push(current);
  }
  return result;
}

const modifierPattern =
  /(?:\b(?:the\s+)?(?:very\s+)?(early|earlier|mid|middle|late|later|end|beginning|start|close|turn|first half|second half|latter half|latter part|early part)(?:\s+of(?:\s+the)?)?|\b(mid|end|late|early))(?:\s+|-)$/i;

const modifierMeaning: Record<string, DateModifier | null> = {
  early: 'start', beginning: 'start', start: 'start', 'first half': 'start', 'early part': 'start',
  mid: 'mid', middle: 'mid',
  late: 'end', end: 'end', close: 'end', turn: 'end', 'second half': 'end', 'latter half': 'end', 'latter part': 'end',
  earlier: null, later: null,
};

/** "early August 2024", "mid-2000s", "the end of October", "the second half of the 1990s": the period keeps its precision, the part is noted. */
function attachModifiers(text: string, candidates: Candidate[]): Candidate[] {
  let previousEnd = 0;
  return candidates.map((candidate) => {
    const windowStart = Math.max(previousEnd, candidate.start - 40);
    previousEnd = candidate.end;
    if (candidate.kind === 'duration' || candidate.kind === 'reference' || candidate.kind === 'invalid') return candidate;
    const before = text.slice(windowStart, candidate.start);
    const match = modifierPattern.exec(before);
    if (!match) return candidate;
    const word = (match[1] ?? match[2] ?? '').toLowerCase();
    const modifier = modifierMeaning[word] ?? null;
    const start = windowStart + match.index;
    if (/half/.test(word)) {
      // A named half is a period of its own, not a vague part: no modifier.
      return { ...candidate, start, anchoring: narrowToHalf(candidate.anchoring, word === 'first half' ? 1 : 2), parts: undefined };
    }
    return { ...candidate, start, modifier: modifier ?? candidate.modifier, parts: undefined };
  });
}

/** The first or second half of a year or a decade is a period of its own, stated by the text. */
function narrowToHalf(anchoring: Anchoring, half: 1 | 2): Anchoring {
  const narrow = (span: CalendarSpan | null): CalendarSpan | null => {
    if (!span || span.end) return span;
    const value: CalendarValue = span.start;
    if (value.unit === 'year') return { start: { unit: 'half', year: value.year, half }, end: null };
    if (value.unit === 'decade') {
      const first = value.decade * 10 + (half === 1 ? 0 : 5);
      return { start: { unit: 'year', year: first }, end: { unit: 'year', year: first + 4 } };
    }
    return span;
  };
  switch (anchoring.type) {
    case 'absolute':
      return { type: 'absolute', span: narrow(anchoring.span) ?? anchoring.span };
    case 'yearless':
      return { type: 'yearless', period: { build: (year) => narrow(anchoring.period.build(year)) } };
    case 'deictic':
    case 'anaphoric':
      return { type: anchoring.type, resolve: (context) => narrow(anchoring.resolve(context)) };
    default:
      return anchoring;
  }
}
