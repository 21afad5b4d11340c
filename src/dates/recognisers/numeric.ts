import { daysInMonth, isRealDay } from '../calendar.js';
import { priorities, type Candidate } from '../candidate.js';
import { monthNumber, monthPattern, yearPattern } from '../vocabulary.js';
import { matchesWithCue } from './shared.js';

const monthNamesForMessages = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Day-first dotted dates ("20.05.2025", as in European and Russian references: chrono-node's English
 * parser reads them month-first) and dates that cannot exist ("February 30, 2024", "31.02.2025"),
 * which are reported rather than rolled over into the next month.
 */
export function recogniseNumericDates(text: string): Candidate[] {
  return [...dottedDates(text), ...impossibleNamedDates(text)];
}

const dottedPattern = new RegExp(`(?<![\\p{L}\\p{Nd}.,])(\\d{1,2})\\.(\\d{1,2})\\.(${yearPattern})(?![\\p{L}\\p{Nd}]|\\.\\d)`, 'gu');

function dottedDates(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of matchesWithCue(text, /\d\.\d{1,2}\.\d/u, dottedPattern)) {
    const day = Number(match[1]);
    const month = Number(match[2]);
    const year = Number(match[3]);
    const start = match.index;
    const end = start + match[0].length;
    if (isRealDay(year, month, day)) {
      candidates.push({
        start,
        end,
        kind: 'date',
        anchoring: { type: 'absolute', span: { start: { unit: 'day', year, month, day }, end: null } },
        modifier: null,
        priority: priorities.override,
      });
    } else if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      candidates.push(invalid(start, end, match[0], day, month, year));
    }
  }
  return candidates;
}

const dayNumber = '(\\d{1,2})(?:st|nd|rd|th)?';
/** Each pattern with its cue (see matchesWithCue): the month and the day beside it. */
const namedPatterns: [RegExp, RegExp][] = [
  // February 30, 2024 / Feb. 30
  [new RegExp(`(?<![\\p{L}])(${monthPattern})\\s+${dayNumber}(?:,?\\s+(${yearPattern}))?(?![\\p{L}\\p{Nd}])`, 'giu'), new RegExp(`${monthPattern}\\s+\\d`, 'iu')],
  // 30 February 2024 / 30th of February
  [new RegExp(`(?<![\\p{L}\\p{Nd}])${dayNumber}\\s+(?:of\\s+)?(${monthPattern})(?:,?\\s+(${yearPattern}))?(?![\\p{L}])`, 'giu'), new RegExp(`\\d(?:st|nd|rd|th)?\\s+(?:of\\s+)?${monthPattern}`, 'iu')],
];

function impossibleNamedDates(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const [index, [pattern, cue]] of namedPatterns.entries()) {
    for (const match of matchesWithCue(text, cue, pattern)) {
      const monthWord = index === 0 ? match[1] : match[2];
      const dayText = index === 0 ? match[2] : match[1];
      const month = monthNumber(monthWord ?? '');
      const day = Number(dayText);
      const year = match[3] ? Number(match[3]) : null;
      if (month === null || day < 1 || day > 31) continue;
      // Without a year, 29 February may be real; only days no year has are impossible.
      const possible = year === null ? day <= daysInMonth(2024, month) : isRealDay(year, month, day);
      if (possible) continue;
      candidates.push(invalid(match.index, match.index + match[0].length, match[0], day, month, year));
    }
  }
  return candidates;
}

function invalid(start: number, end: number, written: string, day: number, month: number, year: number | null): Candidate {
  const monthName = monthNamesForMessages[month - 1] ?? `month ${month}`;
  const days = daysInMonth(year ?? 2024, month);
  const which = year === null ? monthName : `${monthName} ${year}`;
  return {
    start,
    end,
    kind: 'invalid',
    anchoring: { type: 'none' },
    modifier: null,
    note: `"${written}" is not a real date: ${which} has ${days} days, so day ${day} does not exist. It is left out of the timeline rather than moved to another day.`,
    priority: priorities.override,
  };
}
