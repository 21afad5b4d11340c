import type { Passage } from '../corpus/passage-types.js';

/**
 * Dates that belong to the apparatus of a text rather than to what it tells: source citations,
 * access dates, bibliographic notes and reference lists. Their dates say when something was
 * published or read, not when something happened.
 */

/** Why a date is not a key event, or null when nothing rules it out. */
export type CitationReason = 'citation' | 'access-date' | 'bibliography' | 'dateline';

const accessWords = /(?:\baccessed|\bretrieved|\bviewed|\bvisited|\blast checked|дата обращения|обращения|просмотрено)[\s:,(]*(?:on\s+)?$/iu;

/** "accessed May 1", "(accessed 20.05.2025)", "(дата обращения: 01.02.2025)". */
export function isAccessDate(text: string, start: number): boolean {
  return accessWords.test(text.slice(Math.max(0, start - 30), start));
}

/**
 * A date inside a parenthesised source citation: "(Daryo, August 18, 2024)", "(Ministry of Foreign
 * Affairs of Japan, March 14)", "(see EDM, March 12, April 16)", "(Watanabe 1995: 40)". A date that
 * stands alone in brackets, like a term of office "(1998–2000)", is not a citation.
 */
export function isInCitation(text: string, start: number, end: number): boolean {
  const bracket = enclosingParentheses(text, start, end);
  if (!bracket) return false;
  const inside = text.slice(bracket.open + 1, bracket.close);
  const offset = bracket.open + 1;
  // Several sources are separated by semicolons; judge the one that holds the date.
  let segmentStart = 0;
  for (const segment of inside.split(';')) {
    const segmentEnd = segmentStart + segment.length;
    if (start - offset >= segmentStart && end - offset <= segmentEnd) return looksLikeCitation(segment, start - offset - segmentStart);
    segmentStart = segmentEnd + 1;
  }
  return false;
}

function looksLikeCitation(segment: string, dateOffset: number): boolean {
  const lead = segment.slice(0, dateOffset);
  if (/^\s*(?:see|cf\.|quoted in|cited in|source:)/i.test(segment)) return true;
  if (/accessed|retrieved|дата обращения/i.test(segment)) return true;
  // "Source Name, date": a capitalised name, a comma, then only dates and page numbers.
  if (/^\s*["“*]?\p{Lu}[^,()]{1,120},\s*(?:[^,]*,\s*)?$/u.test(lead) && !/\b(?:in|on|since|from|until|by|during)\s*$/i.test(lead)) return true;
  // Author and year: "Watanabe 1995: 40", "Akiner 2004, p. 279".
  return /^\s*\p{Lu}[\p{L}.'-]+(?:\s+(?:and|&|et al\.?)\s*[\p{Lu}\p{L}.'-]*)?\s+$/u.test(lead) && /^\s*\d{4}[a-z]?\s*(?:[:,]\s*(?:p{1,2}\.\s*)?\d+(?:[–-]\d+)?)?\s*$/u.test(segment.slice(dateOffset));
}

function enclosingParentheses(text: string, start: number, end: number): { open: number; close: number } | null {
  let depth = 0;
  let open = -1;
  for (let index = start - 1; index >= Math.max(0, start - 300); index--) {
    const character = text[index];
    if (character === '\n') break;
    if (character === ')') depth++;
    else if (character === '(') {
      if (depth === 0) {
        open = index;
        break;
      }
      depth--;
    }
  }
  if (open < 0) return null;
  depth = 0;
  for (let index = end; index < Math.min(text.length, end + 300); index++) {
    const character = text[index];
    if (character === '\n') return null;
    if (character === '(') depth++;
    else if (character === ')') {
      if (depth === 0) return { open, close: index };
      depth--;
    }
  }
  return null;
}

const bibliographicMarks = [
  /https?:\/\/|www\.|\bURL\b|\[Электронный ресурс\]/iu,
  /\baccessed\b|дата обращения/iu,
  /\bpp?\.\s*\d|\bP\.\s*\d|\bс\.\s*\d|\d+\s*стр\.?/u,
  /\bed(?:s)?\.|\bEd\. by\b|\(ed\.\)|\bedited by\b|\bPress\b|\bPublishers?\b|\bJournal\b|\bVol\.|\bNo\.\s*\d|\bТ\.\s*\d|\bВып\.|\bISBN\b|\/\//u,
];

/**
 * A footnote or reference entry that cites a work (author, title, publisher, pages, URL, access
 * date) rather than telling something. A narrative footnote ("On 21 March 2022 the Russian foreign
 * ministry announced …") keeps its dates.
 */
export function isBibliographic(passage: Pick<Passage, 'kind' | 'text'>): boolean {
  if (passage.kind === 'reference') return true;
  if (passage.kind !== 'footnote') return false;
  return bibliographicMarks.some((mark) => mark.test(passage.text));
}

/** A dateline is short: past this many other characters on its line, only marks and spaces may stand beside the date. */
const datelineChars = 40;
const datelineMark = /[\s*_#.,:;–—-]/;

/**
 * A line that holds only a date: the document's own dateline, not an event. Only the date's
 * neighbourhood is read, up to the first other word or the line's end, so a long line costs no more.
 */
export function isDateline(text: string, start: number, end: number): boolean {
  const before = lineSide(text, start, -1);
  const after = lineSide(text, end, 1);
  if (before === null || after === null) return false;
  const rest = before.words + after.words;
  const lineLength = before.length + (end - start) + after.length;
  return rest === '' || (lineLength < datelineChars && /^(?:dated?|published|posted|updated|on)?$/i.test(rest));
}

/**
 * What stands on the date's line on one side of it: its length and its characters other than marks
 * and spaces; null once the line is long and holds another character, which no dateline does.
 */
function lineSide(text: string, from: number, step: 1 | -1): { length: number; words: string } | null {
  let words = '';
  let length = 0;
  for (let index = step === 1 ? from : from - 1; index >= 0 && index < text.length; index += step) {
    const character = text.charAt(index);
    if (character === '\n') break;
    length++;
    if (datelineMark.test(character)) continue;
    if (length >= datelineChars) return null;
    words = step === 1 ? words + character : character + words;
  }
  return { length, words };
}
