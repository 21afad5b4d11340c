import { lastOfUnit, topicQuarter } from '../antecedents.js';
import type { CalendarValue, Day } from '../calendar.js';
import type { Anchoring, Candidate } from '../candidate.js';
import { ordinalPattern, ordinalValue, yearPattern } from '../vocabulary.js';
import { dateCandidate, letterAfter, letterBefore, matchesWithCue, single } from './shared.js';

/**
 * Quarters and halves, as financial news names them: "the third quarter", "third-quarter", "Q3 2024",
 * "the quarter", "the year-ago period", "the first half of 2024". Named without a year, they mean the
 * publication year's; "the quarter" means the one the text is about.
 */
export function recogniseQuarters(text: string): Candidate[] {
  return [...ordinalQuarters(text), ...namedQuarters(text), ...halves(text)];
}

function quarterOf(day: Day): { year: number; quarter: number } {
  return { year: day.year, quarter: Math.floor((day.month - 1) / 3) + 1 };
}

function shiftQuarter(year: number, quarter: number, quarters: number): CalendarValue {
  const index = year * 4 + quarter - 1 + quarters;
  return { unit: 'quarter', year: Math.floor(index / 4), quarter: (index % 4) + 1 };
}

const ordinalQuarterPattern = new RegExp(
  `${letterBefore}(?:(?:the|this|that)\\s+)?(?:(?:comparable|same)\\s+)?(?:(?:(${yearPattern})(?:'s)?|(this|last|next) year's|(year-ago|year-earlier|year-before|prior-year|previous year's))\\s+)?(?:(?:fiscal|calendar)\\s+)?(${ordinalPattern})[-\\s](?:fiscal[-\\s])?quarter${letterAfter}(?:\\s+of\\s+(?:fiscal\\s+)?(?:(${yearPattern})|(this|last|next) year)|,?\\s+(${yearPattern}))?`,
  'giu',
);
const yearOffsets: Record<string, number> = { this: 0, last: -1, next: 1 };
/** "Q3 2024", "2024Q3", "H1 2024": the written forms of quarters and halves. */
const writtenQuarterPattern = new RegExp(`${letterBefore}(?:([QH])([1-4])(?:\\s|-|/)?(${yearPattern})|(${yearPattern})(?:\\s|-|/)?([QH])([1-4]))${letterAfter}`, 'gu');

/** "the third quarter", "third-quarter", "the fourth quarter of 1984", "this year's third quarter", "the year-ago quarter". */
function ordinalQuarters(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of matchesWithCue(text, /quarter/iu, ordinalQuarterPattern)) {
    const quarter = ordinalValue(match[4] ?? '') ?? 1;
    const explicitYear = match[1] ?? match[5] ?? match[7];
    const relativeYear = match[2] ?? match[6];
    const yearAgo = match[3] !== undefined;
    let anchoring: Anchoring;
    if (explicitYear) anchoring = { type: 'absolute', span: single({ unit: 'quarter', year: Number(explicitYear), quarter }) };
    else if (relativeYear) {
      const offset = yearOffsets[relativeYear.toLowerCase()] ?? 0;
      anchoring = { type: 'deictic', resolve: ({ reference }) => single({ unit: 'quarter', year: reference.year + offset, quarter }) };
    } else if (yearAgo) {
      anchoring = {
        type: 'anaphoric',
        resolve: (context) => {
          const antecedent = lastOfUnit(context, 'quarter') ?? topicQuarter(context);
          const year = antecedent?.unit === 'quarter' ? antecedent.year : context.reference.year;
          return single({ unit: 'quarter', year: year - 1, quarter });
        },
      };
    } else anchoring = { type: 'yearless', period: { build: (year) => single({ unit: 'quarter', year, quarter }), inReferenceYear: true } };
    candidates.push({ ...dateCandidate(match.index, match.index + match[0].length, anchoring), comparison: yearAgo });
  }
  for (const match of matchesWithCue(text, /[QH][1-4]/u, writtenQuarterPattern)) {
    const letter = match[1] ?? match[5];
    const number = Number(match[2] ?? match[6]);
    const year = Number(match[3] ?? match[4]);
    if (letter === 'H' && number > 2) continue;
    const value: CalendarValue = letter === 'H' ? { unit: 'half', year, half: number === 1 ? 1 : 2 } : { unit: 'quarter', year, quarter: number };
    candidates.push(dateCandidate(match.index, match.index + match[0].length, { type: 'absolute', span: single(value) }));
  }
  return candidates;
}

const namedQuarterPattern = new RegExp(
  `${letterBefore}(this|the current|last|the previous|the prior|the past|next|the coming|the|that|the latest|the most recent|the recent|(?:the\\s+)?(?:comparable\\s+|same\\s+)?(?:year-ago|year-earlier|year-before|prior-year)|the same|last year's|this year's)\\s+(?:fiscal\\s+)?(quarter|period)${letterAfter}`,
  'giu',
);

/** "the quarter", "the latest period", "last quarter", "the year-ago period": quarters that take their year from the text. */
function namedQuarters(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of matchesWithCue(text, /quarter|period/iu, namedQuarterPattern)) {
    const lead = (match[1] ?? '').toLowerCase();
    const noun = (match[2] ?? '').toLowerCase();
    const yearAgo = /year-|prior-year|same|last year's/.test(lead);
    if (noun === 'period' && !/latest|most recent|year-|same|prior-year/.test(lead)) continue;
    if (/^(the same)$/.test(lead) && !/^\s+(?:a year (?:ago|earlier)|last year)/i.test(text.slice(match.index + match[0].length, match.index + match[0].length + 20))) continue;
    let anchoring: Anchoring;
    if (/^(this|the current)$/.test(lead)) anchoring = deicticQuarter(0);
    else if (/^(last|the previous|the prior|the past|the latest|the most recent|the recent)$/.test(lead)) anchoring = deicticQuarter(-1);
    else if (/^(next|the coming)$/.test(lead)) anchoring = deicticQuarter(1);
    else {
      anchoring = {
        type: 'anaphoric',
        resolve: (context) => {
          const antecedent = topicQuarter(context);
          const current = antecedent?.unit === 'quarter' ? antecedent : shiftQuarter(quarterOf(context.reference).year, quarterOf(context.reference).quarter, -1);
          if (current.unit !== 'quarter') return null;
          return single(yearAgo ? { ...current, year: current.year - 1 } : current);
        },
      };
    }
    candidates.push({ ...dateCandidate(match.index, match.index + match[0].length, anchoring), comparison: yearAgo });
  }
  return candidates;
}

function deicticQuarter(offset: number): Anchoring {
  return {
    type: 'deictic',
    resolve: ({ reference }) => {
      const { year, quarter } = quarterOf(reference);
      return single(shiftQuarter(year, quarter, offset));
    },
  };
}

const halfPattern = new RegExp(
  `${letterBefore}(?:the\\s+)?(first|second|1st|2nd)[-\\s]half${letterAfter}(?:\\s+of\\s+(?:fiscal\\s+)?(?:(${yearPattern})|(this|last|next) year)|,?\\s+(${yearPattern}))?`,
  'giu',
);

/** "the first half of 2024", "second-half", "the first half" (year from the text). */
function halves(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of matchesWithCue(text, /half/iu, halfPattern)) {
    const half = /^(first|1st)$/i.test(match[1] ?? '') ? 1 : 2;
    const explicitYear = match[2] ?? match[4];
    const relativeYear = match[3];
    const end = match.index + match[0].length;
    // "the second half of the 1990s" narrows what follows; the modifier step reads it.
    if (!explicitYear && !relativeYear && /^\s+of\b/i.test(text.slice(end, end + 4))) continue;
    let anchoring: Anchoring;
    if (explicitYear) anchoring = { type: 'absolute', span: single({ unit: 'half', year: Number(explicitYear), half }) };
    else if (relativeYear) {
      const offset = yearOffsets[relativeYear.toLowerCase()] ?? 0;
      anchoring = { type: 'deictic', resolve: ({ reference }) => single({ unit: 'half', year: reference.year + offset, half }) };
    } else anchoring = { type: 'yearless', period: { build: (year) => single({ unit: 'half', year, half }), inReferenceYear: true } };
    candidates.push(dateCandidate(match.index, end, anchoring));
  }
  return candidates;
}

