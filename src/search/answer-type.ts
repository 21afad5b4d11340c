import { splitWords } from './tokenizer.js';

/**
 * Answer-type matching, a classic signal of question answering: a question's opening says what
 * kind of answer it wants ("When …" a date, "How much …" an amount), and a passage that holds
 * nothing of that kind cannot be its answer, however many of its words it shares. "Who …" is not
 * matched: without a recogniser of names, a title before a name ("Prime Minister R. Hashimoto")
 * was the only sign of a person, and preferring it lost more questions than it won, on both halves.
 */

/** The kinds of answer a question's opening can ask for. */
export type AnswerType = 'date' | 'quantity';

/** What a reader calls each kind, for the notice of an answer that gives none ("The closest passages give no date …"). */
export const answerTypeNames: Readonly<Record<AnswerType, string>> = { date: 'date', quantity: 'number' };

/** How much an answer of the asked kind lifts a passage among the best ones; chosen on the tuning half. */
export interface AnswerTypeRule {
  /** Added to a passage holding an answer of the kind, as a share of the best passage's score. */
  bonus: number;
  /** Only the best this many passages are reordered: the bonus settles near ties, it does not dig. */
  candidates: number;
  /** The kinds matched; a question asking for another kind is ranked as it is. */
  types: readonly AnswerType[];
  /**
   * How many of the first quotes must give an answer of the kind in their answering sentences
   * for the answer to be confident (`quotesGiveAnswer`); 0 for no such check.
   */
  quotesChecked: number;
}

/**
 * Chosen on the tuning half (`npx tsx bench/search/answer-type-sweep.ts`): with 10 candidates or
 * more, every bonus from 0.2 to 0.5 gave the same best figures there; 0.3 was taken as the middle
 * of the first grid (0.2–0.4). With the answer check on, 0.3 and 0.4 still tie for the best
 * figures (Hit@1 0.775, MRR 0.853, off-topic not confident 0.855). Past 0.3 a Russian footnote
 * with little of the question's English comes first for "How many people live …", and the
 * answer is flagged as not confident.
 * The answer check reads the first 2 quotes: with 1, answerable questions flagged rise from
 * 0.025 to 0.050 (an answer second is still an answer); with 3 or 5, off-topic questions not
 * confident fall from 0.855 to 0.839 or 0.823, as many as without the check.
 */
export const answerTypeRule: AnswerTypeRule = { bonus: 0.3, candidates: 10, types: ['date', 'quantity'], quotesChecked: 2 };

const openings: ReadonlyArray<{ type: AnswerType; pattern: RegExp }> = [
  { type: 'date', pattern: /^(when|since when|until when|by when|(on|in|at) (what|which) (date|day|month|year)|(what|which) (date|day|month|year))\b/i },
  { type: 'quantity', pattern: /^(how (much|many|large|big)|(what|which) (share|percentage|proportion|amount|number|sum))\b/i },
];

/** The kind of answer a question's opening asks for, or null when it asks for none in particular ("Why …", "What …"). */
export function expectedAnswerType(question: string, types: readonly AnswerType[] = answerTypeRule.types): AnswerType | null {
  const opening = question.trimStart();
  return openings.find(({ type, pattern }) => types.includes(type) && pattern.test(opening))?.type ?? null;
}

const fullMonthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthNames = new Set([...fullMonthNames, 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec']);
/** A number written in digits (1,15; 42.5; 28.03.2025), whole. */
const numberPattern = /\d+(?:[.,\u00a0\u202f]\d+)*/gu;
/** A number range's end and the word after it: "–20 December" after "19". */
const wordAfter = /^(?:[–-]\d{1,2})?\s{1,3}([A-Z][a-z]{2,8})/u;
const numericDay = /^\d{1,2}\.\d{1,2}\.\d{4}$/u;
const isYear = (number: string) => number.length === 4 && /^(1[89]|20)\d\d$/u.test(number);

/**
 * Dates written in words: a month alone ("in December") or a season ("in spring"). "May" is left
 * out, which in lower case is most often the verb.
 */
const dateWords = new Set([...fullMonthNames.filter((month) => month !== 'May').map((month) => month.toLowerCase()), 'spring', 'summer', 'autumn', 'winter']);

/**
 * Amounts written in words: cardinals ("fifteen scholarships"), multiples ("will increase
 * threefold", "doubled") and fractions ("half"). "One" is left out: it is most often a pronoun
 * ("one of the main reasons"), which would make any passage look like it gives an amount.
 */
const amountWords = new Set([
  ...['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'],
  ...['thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions', 'billion', 'billions', 'trillion', 'trillions', 'dozen', 'dozens'],
  ...['twice', 'double', 'doubled', 'triple', 'tripled', 'quadrupled', 'twofold', 'threefold', 'fourfold', 'fivefold', 'tenfold', 'hundredfold', 'half', 'halved', 'quarter', 'third', 'thirds'],
]);

/** The month written just before a position ("March 31", "Sept. 5"), or undefined. */
function monthBefore(text: string, start: number): string | undefined {
  let end = start;
  while (end > 0 && start - end < 3 && /\s/u.test(text[end - 1] ?? '')) end -= 1;
  if (end === start) return undefined;
  if (text[end - 1] === '.') end -= 1;
  let begin = end;
  while (begin > 0 && end - begin < 9 && /[A-Za-z]/u.test(text[begin - 1] ?? '')) begin -= 1;
  const word = text.slice(begin, end);
  return monthNames.has(word) ? word.toLowerCase() : undefined;
}

/** Whether a number of at most two digits is the day of a month written after it ("19–20 December"). */
function monthFollows(text: string, end: number): boolean {
  const word = wordAfter.exec(text.slice(end, end + 16))?.[1];
  return word !== undefined && monthNames.has(word);
}

/** Whether a number is a date: a year of modern history, a day of a month, or a numeric day (28.03.2025). `month` is the one written before it. */
function isDate(text: string, number: string, start: number, month: string | undefined): boolean {
  if (isYear(number) || numericDay.test(number)) return true;
  return number.length <= 2 && (month !== undefined || monthFollows(text, start + number.length));
}

/**
 * Tells whether a passage holds an answer of the kind that the question does not hold itself: "How much
 * did Tokyo lend in 2024?" is not answered by another "2024". A date is a year, a day of a month or
 * a numeric day; a quantity is any other number in digits. With `inWords`, a date or an amount
 * written in words counts too (`dateWords`, `amountWords`): the answer check takes any answer,
 * while the ranking's preference wants a number, on which it was chosen (words in its finder
 * lowered tuning off-topic not confident from 0.823 to 0.806). Numbers are found first, and
 * their surroundings read only then: most of a passage's text holds none.
 */
export function answerFinder(type: AnswerType, question: string, { inWords = false }: { inWords?: boolean } = {}): (passage: string) => boolean {
  const asked = new Set(tokensOf(question));
  return (passage) => {
    for (const match of passage.matchAll(numberPattern)) {
      const start = match.index ?? 0;
      const month = monthBefore(passage, start);
      if (isDate(passage, match[0], start, month) !== (type === 'date')) continue;
      // The words that say which date or amount it is: the number, with its month before it ("May 2024").
      const words = month === undefined ? tokensOf(match[0]) : [month, ...tokensOf(match[0])];
      if (words.some((word) => !asked.has(word))) return true;
    }
    if (!inWords) return false;
    const spelledOut = type === 'date' ? dateWords : amountWords;
    return tokensOf(passage).some((word) => spelledOut.has(word) && !asked.has(word));
  };
}

/** The words and numbers of a text, lower-cased. */
function tokensOf(text: string): string[] {
  return splitWords(text.toLowerCase());
}

/**
 * Reorders the best `candidates` hits by their score plus the bonus, a share of the best score,
 * for those holding an answer of the kind; the rest keep their place after them. The scores
 * returned are the ranker's own.
 */
export function preferAnswers<T extends { score: number }>(hits: readonly T[], holds: (hit: T) => boolean, rule: Pick<AnswerTypeRule, 'bonus' | 'candidates'>): T[] {
  const top = hits.slice(0, rule.candidates);
  const lift = (hits[0]?.score ?? 0) * rule.bonus;
  const reordered = top
    .map((hit, position) => ({ hit, position, score: hit.score + (holds(hit) ? lift : 0) }))
    .sort((first, second) => second.score - first.score || first.position - second.position)
    .map(({ hit }) => hit);
  return [...reordered, ...hits.slice(rule.candidates)];
}

/** A quote as the answer check reads it: its text and its answering sentences, none for a quote of one sentence. */
export interface AnsweringQuote {
  text: string;
  highlights?: ReadonlyArray<{ start: number; end: number }>;
}

/**
 * Whether the answering sentences of some quote give an answer of the kind asked for, also in
 * words ("in spring", "will increase threefold"). A question whose words all occur in a quote may
 * still be one the library cannot answer: "When did Japan open an embassy in Turkmenistan?" is
 * answered by a sentence on a visit that opened a trade fair, which gives no date. Only the
 * answering sentences are read, as the reader sees them in bold: a date elsewhere in the quote
 * dates something else. A quote without answering sentences is read whole.
 */
export function quotesGiveAnswer(type: AnswerType, question: string, quotes: readonly AnsweringQuote[]): boolean {
  const holds = answerFinder(type, question, { inWords: true });
  return quotes.some((quote) => answeringTexts(quote).some(holds));
}

/** The answering sentences of a quote as text, or the quote whole when it has none. */
function answeringTexts({ text, highlights = [] }: AnsweringQuote): string[] {
  return highlights.length === 0 ? [text] : highlights.map(({ start, end }) => text.slice(start, end));
}
