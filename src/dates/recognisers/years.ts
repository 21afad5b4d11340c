import type { CalendarValue } from '../calendar.js';
import { priorities, type Candidate } from '../candidate.js';
import { isFollowedByQuantityWord, isPrecededByQuantityWord } from '../non-dates.js';
import { yearPattern } from '../vocabulary.js';
import { matchesWithCue } from './shared.js';

/**
 * Years, year ranges, fiscal years, decades and centuries: what chrono-node does not read
 * (it drops all-digit matches, so "in 2004" and "1993–2023" go unseen).
 */
export function recogniseYears(text: string): Candidate[] {
  return [...yearRanges(text), ...bareYears(text), ...spelledYears(text), ...fiscalYears(text), ...decades(text), ...centuries(text)];
}

const units = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const teens = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const tens = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const spelledYearPattern = new RegExp(
  `(?<![\\p{L}])(?:(?:the\\s+)?year\\s+)?(?:nineteen[-\\s](${tens.join('|')})(?:[-\\s](${units.join('|')}))?|nineteen[-\\s]hundred|two[-\\s]thousand(?:(?:\\s+and)?[-\\s](${units.join('|')}|${teens.join('|')}))?)(?![\\p{L}])`,
  'giu',
);

const spelledYearCue = /nineteen|thousand/iu;

/** Years said in words, as in transcripts: "nineteen ninety-six", "the year two thousand". */
function spelledYears(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of matchesWithCue(text, spelledYearCue, spelledYearPattern)) {
    const written = match[0].toLowerCase();
    let year: number;
    if (written.includes('thousand')) year = 2000 + (match[3] ? units.indexOf(match[3].toLowerCase()) + 1 || teens.indexOf(match[3].toLowerCase()) + 10 : 0);
    else if (written.includes('hundred')) year = 1900;
    else year = 1900 + (tens.indexOf((match[1] ?? '').toLowerCase()) + 2) * 10 + (match[2] ? units.indexOf(match[2].toLowerCase()) + 1 : 0);
    // A bare "two thousand" is usually a number, not the year 2000.
    if (/^two[-\s]thousand$/.test(written)) continue;
    candidates.push(yearCandidate(match.index, match.index + match[0].length, { unit: 'year', year }));
  }
  return candidates;
}

/** Every year pattern holds a four-digit year. */
const yearCue = new RegExp(yearPattern, 'u');
const numberEdgeBefore = '(?<![\\p{L}\\p{Nd}$£€¥₽#№_@+\\\\/])(?<!\\d[.,:])';
const numberEdgeAfter = '(?![\\p{L}\\p{Nd}%$_@/])(?![.,]\\d)';

const yearRangePattern = new RegExp(
  `${numberEdgeBefore}(?:(from|between)\\s+)?(${yearPattern})(\\s*(?:–|—|-|/)\\s*|\\s+(?:to|until|till|through|and)\\s+)(${yearPattern}|\\d{2})${numberEdgeAfter}`,
  'giu',
);

function yearRanges(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of matchesWithCue(text, yearCue, yearRangePattern)) {
    const [whole, lead, firstText = '', separator = '', lastText = ''] = match;
    const start = match.index;
    const end = start + whole.length;
    if (/and/.test(separator) && lead?.toLowerCase() !== 'between') continue;
    if (/\//.test(separator) && lastText.length === 4) continue;
    const first = Number(firstText);
    const last = lastText.length === 2 ? Math.floor(first / 100) * 100 + Number(lastText) : Number(lastText);
    if (last <= first || last - first > 200) continue;
    if (isPrecededByQuantityWord(text, start) || isFollowedByQuantityWord(text, end)) continue;
    const firstStart = start + whole.indexOf(firstText, lead ? lead.length : 0);
    const lastStart = end - lastText.length;
    candidates.push({
      start,
      end,
      kind: 'range',
      anchoring: { type: 'absolute', span: { start: { unit: 'year', year: first }, end: { unit: 'year', year: last } } },
      modifier: null,
      parts: [
        { start: firstStart, end: firstStart + firstText.length },
        { start: lastStart, end },
      ],
      priority: priorities.pattern,
    });
  }
  return candidates;
}

const bareYearPattern = new RegExp(`${numberEdgeBefore}(?<!\\d[-–—]\\s?)(${yearPattern})${numberEdgeAfter}(?!\\s?[-–—]\\s?\\d)`, 'gu');
/** Before 1800 a four-digit number is more often an amount; only words like "in" or "since" make it a year. */
const oldYearLead = /(?:\b(?:in|since|by|until|from|before|after|during|around|circa|c\.|year|of)|в|с|до|после)\s+$/iu;

function bareYears(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of matchesWithCue(text, yearCue, bareYearPattern)) {
    const start = match.index;
    const end = start + match[0].length;
    const year = Number(match[0]);
    if (isPrecededByQuantityWord(text, start) || isFollowedByQuantityWord(text, end)) continue;
    if (year < 1800 && !oldYearLead.test(text.slice(Math.max(0, start - 12), start))) continue;
    candidates.push(yearCandidate(start, end, { unit: 'year', year }));
  }
  return candidates;
}

const fiscalYearPattern = new RegExp(`\\b(?:fiscal(?:\\s+year)?\\s+(${yearPattern})|FY\\s?(${yearPattern}|\\d{2}))${numberEdgeAfter}`, 'giu');
const fiscalYearCue = /fiscal|fy/iu;

function fiscalYears(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of matchesWithCue(text, fiscalYearCue, fiscalYearPattern)) {
    const written = match[1] ?? match[2] ?? '';
    const year = written.length === 2 ? 2000 + Number(written) - (Number(written) > 50 ? 100 : 0) : Number(written);
    candidates.push(yearCandidate(match.index, match.index + match[0].length, { unit: 'year', year }));
  }
  return candidates;
}

const decadeWords: Record<string, number> = { twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9 };
const decadeUnit = `(?:((?:1[0-9]|20)[0-9]0)'?s|'([0-9]0)s|(?:(nineteen|twenty)[-\\s])?(${Object.keys(decadeWords).join('|')}))`;
const decadePattern = new RegExp(`(?<![\\p{L}\\p{Nd}])(?:the\\s+)?${decadeUnit}(?:\\s*(?:–|—|-|to|until|through)\\s*(?:the\\s+)?${decadeUnit})?(?![\\p{L}\\p{Nd}])`, 'giu');
/** Digits end in "0s" or "0's", words in "ties". */
const decadeCue = /0'?s|ties/iu;
/** "in his sixties" is an age, not a decade. */
const ageLead = /\b(?:his|her|their|its|my|your|our|early|mid|late)[\s-]*$/iu;

function decades(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of matchesWithCue(text, decadeCue, decadePattern)) {
    const first = decadeOf(match[1], match[2], match[3], match[4]);
    const last = decadeOf(match[5], match[6], match[7], match[8]);
    if (first === null) continue;
    const start = match.index;
    const end = start + match[0].length;
    const inWords = match[4] !== undefined;
    if (inWords && (!/^the\s/i.test(match[0]) || ageLead.test(text.slice(Math.max(0, start - 12), start)))) continue;
    if (last !== null && last <= first) continue;
    candidates.push({
      start,
      end,
      kind: last === null ? 'date' : 'range',
      anchoring: { type: 'absolute', span: { start: { unit: 'decade', decade: first }, end: last === null ? null : { unit: 'decade', decade: last } } },
      modifier: null,
      priority: priorities.pattern,
    });
  }
  return candidates;
}

function decadeOf(digits: string | undefined, shortDigits: string | undefined, century: string | undefined, word: string | undefined): number | null {
  if (digits) return Number(digits) / 10;
  if (shortDigits) return 190 + Number(shortDigits) / 10;
  if (word) return (century?.toLowerCase() === 'twenty' ? 200 : 190) + (decadeWords[word.toLowerCase()] ?? 0);
  return null;
}

const centuryOrdinals: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21, 'twenty-second': 22,
};
const centuryPattern = new RegExp(`(?<![\\p{L}\\p{Nd}])(?:the\\s+)?(?:(\\d{1,2})(?:st|nd|rd|th)|(${Object.keys(centuryOrdinals).join('|')}))[\\s-]century(?![\\p{L}\\p{Nd}])`, 'giu');

function centuries(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of matchesWithCue(text, /century/iu, centuryPattern)) {
    const ordinal = match[1] ? Number(match[1]) : (centuryOrdinals[match[2]?.toLowerCase() ?? ''] ?? 0);
    if (ordinal < 1) continue;
    candidates.push(yearCandidate(match.index, match.index + match[0].length, { unit: 'century', century: ordinal - 1 }));
  }
  return candidates;
}

function yearCandidate(start: number, end: number, value: CalendarValue): Candidate {
  return { start, end, kind: 'date', anchoring: { type: 'absolute', span: { start: value, end: null } }, modifier: null, priority: priorities.pattern };
}
