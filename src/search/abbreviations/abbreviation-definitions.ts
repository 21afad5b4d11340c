/**
 * Abbreviations that a text defines itself: "Official Development Assistance (ODA)",
 * "myocardial infarction (MI)", "interleukin-6 (IL-6)". The rule is Schwartz and Hearst's ("A
 * simple algorithm for identifying abbreviation definitions in biomedical text", 2003): a short
 * form in parentheses, and before it the shortest run of words in which every letter and digit
 * of the short form comes in order, its first one starting a word. Two changes: the words'
 * initials alone are tried first, so that "immunoreceptor tyrosine-based inhibition motif (ITIM)"
 * is read whole rather than as "inhibition motif" (whose letters hold I, T, I, M too), and a long
 * form never starts with a stop word ("of African Unity (OAU)"). No npm package does this as a
 * library (the textlint rules that mention it only lint prose), so it is written here.
 *
 * Every bound below keeps hostile text cheap: a parenthesis is read for at most
 * `longestParenthesis` characters, the words before it for at most `lookBehind` characters, and
 * a text gives at most `limit` definitions, so the work is linear in the text's length.
 */
import { isStopWord as isTokenizerStopWord, splitWords } from '../tokenizer.js';

/** A short form and the long form it abbreviates, as the text writes them. */
export interface AbbreviationDefinition {
  short: string;
  long: string;
}

/** Schwartz and Hearst's short form: 2 to 10 characters, at most two words. */
const shortestShortForm = 2;
const longestShortForm = 10;
const mostShortFormWords = 2;
/** Longer parenthesised text is a remark, not an abbreviation; reading it whole would cost for nothing. */
const longestParenthesis = 40;
/** The long form is at most 2·|short| words, so 20 words of at most 20 characters or so: enough to look back. */
const lookBehind = 240;
/** More definitions than a glossary's worth is not a text defining its terms: the rest are left out. */
export const mostDefinitionsPerText = 200;

// A parenthesis with nothing but a short run of text inside, no line break nor other bracket.
const parenthesised = new RegExp(`\\(([^()\\n]{1,${longestParenthesis}})\\)`, 'gu');
const letterOrDigit = /[\p{L}\p{N}]/u;
const hasLetter = /\p{L}/u;
const hasCapital = /\p{Lu}/u;
// "(World)", "(Dotarem)": a name, not an abbreviation.
const capitalisedWord = /^\p{Lu}\p{Ll}+$/u;
// A plural short form ("hESCs") ends in a small s that no initial stands for.
const pluralEnding = /(?<=\p{Lu})s$/u;
// A sentence ends before the long form can start: "… in 2019. Official Development Assistance (ODA)".
const sentenceEnd = /[.!?;:]\s|[\n\r]/gu;

/** The definitions a text makes, in the order it makes them; at most `limit`. */
export function abbreviationDefinitions(text: string, limit = mostDefinitionsPerText): AbbreviationDefinition[] {
  const found: AbbreviationDefinition[] = [];
  for (const match of text.matchAll(parenthesised)) {
    if (found.length >= limit) break;
    const short = shortFormIn(match[1] ?? '');
    if (short === null) continue;
    const long = longFormFor(short, sentenceBefore(text, match.index));
    if (long !== null) found.push({ short, long });
  }
  return found;
}

/**
 * The short form a parenthesis holds, or null: what comes before a comma or semicolon ("(MI; n = 40)"),
 * of 2–10 characters and at most two words, starting with a letter or digit, holding a letter and
 * a capital. Schwartz and Hearst do not ask for a capital; without it every "(see above)" and
 * "(in vitro)" is a candidate, and the short forms worth expanding are written with capitals.
 */
export function shortFormIn(inside: string): string | null {
  const short = (inside.split(/[;,]/u)[0] ?? '').trim();
  if (short.length < shortestShortForm || short.length > longestShortForm) return null;
  if (short.split(/\s+/u).length > mostShortFormWords) return null;
  if (!letterOrDigit.test(short[0] ?? '') || !hasLetter.test(short) || !hasCapital.test(short) || capitalisedWord.test(short)) return null;
  return short;
}

/** The text of the sentence before `end`, at most `lookBehind` characters of it, and none before another parenthesis. */
function sentenceBefore(text: string, end: number): string {
  const window = text.slice(Math.max(0, end - lookBehind), end);
  let start = Math.max(window.lastIndexOf('(') + 1, window.lastIndexOf(')') + 1);
  for (const boundary of window.matchAll(sentenceEnd)) start = Math.max(start, boundary.index + boundary[0].length);
  return window.slice(start);
}

/**
 * The long form of `short` at the end of `before`, or null. Of the words before the parenthesis,
 * at most min(|short| + 5, 2·|short|) are read (Schwartz and Hearst's bound). The short form's
 * letters and digits are matched from the last to the first, each to the nearest same character
 * on the left: first each to the start of a word, then as Schwartz and Hearst do, only the first
 * one at the start of a word. The long form starts at the word of the first.
 */
export function longFormFor(short: string, before: string, isStopWord: (word: string) => boolean = isTokenizerStopWord): string | null {
  const words = before.trim().split(/\s+/u).filter((word) => word !== '');
  const candidate = words.slice(-Math.min(short.length + 5, short.length * 2)).join(' ');
  const start = matchedStart(short.replace(pluralEnding, ''), candidate, true, isStopWord) ?? looseStart(short, candidate, isStopWord);
  if (start === null) return null;
  const long = candidate.slice(start);
  // A long form no longer than its short form, or holding it ("the MI group (MI)", "the IL-6 receptor (IL-6)"), defines nothing.
  if (long.length <= short.length || holdsRun(splitWords(long.toLowerCase()), splitWords(short.toLowerCase()))) return null;
  return long;
}

/**
 * Where the long form starts in `candidate`, or null when the short form's characters are not all
 * there: with `initialsOnly` each must start a word, else only the first. The first may not start
 * a stop word. Characters are compared one by one in lower case: lowering the whole text could
 * change its length ("İ") and so the offsets. One pass from right to left: linear in `candidate`.
 */
function matchedStart(short: string, candidate: string, initialsOnly: boolean, isStopWord: (word: string) => boolean): number | null {
  let at = candidate.length - 1;
  for (let position = short.length - 1; position >= 0; position -= 1) {
    const character = (short[position] ?? '').toLowerCase();
    if (!letterOrDigit.test(character)) continue;
    const first = !letterOrDigit.test(short.slice(0, position));
    const mustStartWord = first || initialsOnly;
    const fits = (offset: number) => {
      if ((candidate[offset] ?? '').toLowerCase() !== character) return false;
      if (mustStartWord && !startsWord(candidate, offset)) return false;
      return !first || !isStopWord(wordAt(candidate, offset));
    };
    while (at >= 0 && !fits(at)) at -= 1;
    if (at < 0) return null;
    if (first) return candidate.lastIndexOf(' ', at) + 1;
    at -= 1;
  }
  return null;
}

/**
 * Schwartz and Hearst's own match, for a short form whose letters are not all initials ("hESCs":
 * human embryonic stem cells). Only with a word of the long form for every two of the short
 * form's letters and digits: "carcinoma" holds C, R, C in order, yet is not what CRC stands for.
 */
function looseStart(short: string, candidate: string, isStopWord: (word: string) => boolean): number | null {
  const start = matchedStart(short, candidate, false, isStopWord);
  if (start === null) return null;
  const words = candidate.slice(start).split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '').length;
  const characters = [...short].filter((character) => letterOrDigit.test(character)).length;
  return words * 2 >= characters ? start : null;
}

/** Whether a word starts at `offset`: a hyphen or a bracket starts one too ("tyrosine-based"). */
function startsWord(text: string, offset: number): boolean {
  return offset === 0 || !letterOrDigit.test(text[offset - 1] ?? '');
}

/** The letters and digits from `offset` on: the word that starts there. */
function wordAt(text: string, offset: number): string {
  return /^[\p{L}\p{N}]*/u.exec(text.slice(offset, offset + 40))?.[0] ?? '';
}

/** Whether `words` hold `run` side by side. Both are a few words long (a long form is at most 20). */
function holdsRun(words: readonly string[], run: readonly string[]): boolean {
  if (run.length === 0) return false;
  for (let start = 0; start + run.length <= words.length; start++) if (run.every((word, offset) => words[start + offset] === word)) return true;
  return false;
}
