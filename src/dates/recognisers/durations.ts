import { priorities, type Anchoring, type Candidate } from '../candidate.js';
import { countPattern, countValue, isoDuration, unitOf, unitPattern } from '../vocabulary.js';
import { offsetValue } from './offsets.js';
import { vague } from './references.js';
import { letterAfter, letterBefore, matchesWithCue } from './shared.js';

/** Lengths of time: "two weeks", "a two-year programme", and those anchored at the time of writing, "the past two months". */
export function recogniseDurations(text: string): Candidate[] {
  return [...anchoredDurations(text), ...plainDurations(text)];
}

const anchoredPattern = new RegExp(
  `${letterBefore}(?:the\\s+)?(past|last|next|coming|previous|following|recent)\\s+(?:(${countPattern})\\s+)?(${unitPattern})(s?)${letterAfter}`,
  'giu',
);
const anchoredCue = /(?:past|last|next|coming|previous|following|recent)\s/iu;

/** "the past two months", "the next three quarters", "the coming weeks": lengths of time that end or start at the time of writing. */
function anchoredDurations(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of matchesWithCue(text, anchoredCue, anchoredPattern)) {
    const [, direction = '', countText, unitText = '', plural] = match;
    const unit = unitOf(unitText);
    if (!unit || (!countText && !plural && !/ies$/i.test(unitText))) continue;
    const count = countText ? countValue(countText) : null;
    const start = match.index;
    const end = start + match[0].length;
    if (/recent/i.test(direction)) {
      candidates.push(vague(start, end, 'PAST_REF'));
      continue;
    }
    const forward = /next|coming|following/i.test(direction);
    const timex = { value: isoDuration(count !== null && Number.isInteger(count) ? count : null, unit), type: 'DURATION' as const };
    let anchoring: Anchoring = { type: 'none' };
    if (count !== null && Number.isInteger(count) && unit !== 'minute' && unit !== 'hour') {
      anchoring = {
        type: 'deictic',
        resolve: ({ reference }) => {
          const far = offsetValue(reference, unit, forward ? count : -count);
          const near = offsetValue(reference, unit, 0);
          if (!far || !near) return null;
          return forward ? { start: near, end: far } : { start: far, end: near };
        },
      };
    }
    candidates.push({ start, end, kind: 'duration', anchoring, modifier: null, timex, priority: priorities.pattern });
  }
  return candidates;
}

const plainDurationPattern = new RegExp(
  `${letterBefore}(${countPattern})(\\s+and\\s+a\\s+half)?[-\\s](${unitPattern})s?(\\s+and\\s+a\\s+half)?${letterAfter}(?!\\s+old\\b|-old\\b)`,
  'giu',
);
const plainDurationCue = new RegExp(`[-\\s]${unitPattern}`, 'iu');

/** "two weeks", "10 years", "a two-year programme": lengths of time with no date. */
function plainDurations(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of matchesWithCue(text, plainDurationCue, plainDurationPattern)) {
    const [, countText = '', halfBefore, unitText = '', halfAfter] = match;
    const unit = unitOf(unitText);
    const count = countValue(countText);
    if (!unit || (unit === 'quarter' && /^an?$/i.test(countText))) continue;
    const amount = count === null ? null : count + (halfBefore || halfAfter ? 0.5 : 0);
    const start = match.index;
    candidates.push({
      start,
      end: start + match[0].length,
      kind: 'duration',
      anchoring: { type: 'none' },
      modifier: null,
      timex: { value: isoDuration(amount, unit), type: 'DURATION' },
      priority: priorities.chrono,
    });
  }
  return candidates;
}

