/** The longest label the timeline shows; longer clauses keep the words nearest the date and end with "…". */
export const maxLabelLength = 100;
/** Of a long clause, how much of what comes before the date is kept. */
const keptBeforeDate = 40;

const leadingPreposition = /(?:\b(?:in|on|at|since|by|from|during|until|till|before|after|around|of|for|over|through|between|as of|back in)\s+)?(?:the\s+)?(?:period\s+)?$/i;
const abbreviation = '(?<!\\b\\p{Lu})(?<!\\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Prof|Inc|Ltd|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Vol|vs|etc))';
const clauseBreak = new RegExp(`;|\\s[—–]\\s|:\\s|${abbreviation}[.!?]\\s+(?=["“(]?\\p{Lu})|,\\s+(?=(?:but|while|whereas|although|though|yet|and then|which|who|where|when|before|after)\\b)|\\s+and\\s+(?=\\p{Ll}+ed\\s)`, 'giu');
const danglingStart = /^(?:[\s,;:.–—-]|(?:and|but|or|so|then|also|however|moreover|meanwhile|if|since|when|as|for example|for instance|in addition)\b)+/i;

/**
 * A short label for the event a date dates, taken from its sentence: the clause that holds the
 * date, without the date itself, bracketed asides or list markers. A long clause keeps the words
 * around the date. When the clause says too little ("In 2004."), the whole sentence is used.
 */
export function labelFor(sentence: string, mentionStart: number, mentionEnd: number): string {
  const { dateStart, dateEnd, aside } = withBrackets(sentence, mentionStart, mentionEnd + focusAfter(sentence.slice(mentionEnd)));
  const [clauseStart, clauseEnd] = aside ?? clauseAround(sentence, dateStart, dateEnd);
  const [before, after] = cut(sentence, clauseStart, dateStart, dateEnd, clauseEnd);
  if (hasWords(join(before, after), 3) || (clauseStart === 0 && clauseEnd === sentence.length)) return shorten(before, after);
  return shorten(...cut(sentence, 0, dateStart, dateEnd, sentence.length));
}

/** "in 2022 alone": the word that narrows the date goes with it. */
function focusAfter(text: string): number {
  return /^\s+alone\b/i.exec(text)?.[0].length ?? 0;
}

/**
 * The clause around a date, as what comes before and after the date phrase once it is cut out.
 * The phrase goes with its preposition ("in 2004"), but a date used as an adjective ("At the 2023
 * Victory Day parade") goes alone. A participle whose only complement was the date would be left
 * hanging ("the summit held, President Xi …"): an aside set off by commas (", adopted in 2006,")
 * goes whole; otherwise the clause is kept as written, date included.
 */
function cut(sentence: string, clauseStart: number, dateStart: number, dateEnd: number, clauseEnd: number): [string, string] {
  const rawBefore = sentence.slice(clauseStart, dateStart);
  const rawAfter = sentence.slice(dateEnd, clauseEnd);
  if (isAttributive(rawBefore, rawAfter)) return [tidy(rawBefore), tidy(rawAfter)];
  const before = rawBefore.replace(leadingPreposition, '');
  const participle = bareParticipleAtEnd.exec(before);
  if (!participle || !/^\s*(?:[,;:.!?)]|$)/.test(rawAfter)) return [tidy(before), tidy(rawAfter)];
  if (participle[1] && /^\s*,/.test(rawAfter)) return [tidy(before.slice(0, participle.index)), tidy(` ${rawAfter.replace(/^\s*,/, '')}`)];
  return [tidy(rawBefore), tidy(sentence.slice(dateStart, clauseEnd))];
}

/** Words that cannot be the noun a date qualifies ("the 1990s was", "the 2023 and"). */
const functionWords = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'so', 'yet', 'then', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'onto', 'to', 'with', 'without', 'than', 'that', 'which', 'who', 'when', 'where', 'while', 'since', 'until', 'till', 'before', 'after', 'during', 'between', 'over', 'through', 'about', 'against', 'among', 'within', 'via', 'per', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'shall', 'should', 'it', 'its', 'this', 'these', 'those', 'there', 'here', 'he', 'she', 'they', 'we', 'not', 'also', 'only', 'alone', 'ago', 'later', 'earlier', 'last', 'next', 'year', 'years']);

/** "the 2023 Victory Day parade", "the September 11, 2001 terrorist attacks": the date qualifies the noun that follows it. */
function isAttributive(before: string, after: string): boolean {
  if (!/\b(?:the|a|an|its|their|his|her|our|this|that)\s+$/i.test(before)) return false;
  const next = /^\s+(\p{L}[\p{L}'’-]*)/u.exec(after)?.[1];
  if (next === undefined || functionWords.has(next.toLowerCase())) return false;
  return /^\p{Lu}/u.test(next) || !/(?:ed|s)$/i.test(next);
}

/** Irregular past participles that do not end in "-ed". */
const irregularParticiples = 'held|made|built|put|set|begun|done|drawn|given|known|seen|shown|taken|written|chosen|won|paid|spent|sent|led|laid|met|brought|bought|found|struck|born|sworn|broken|spoken|frozen|grown|thrown|hit|cut|sold|told|left|kept';
/** A participle closing what precedes the date, not after a form of "be" or "have" ("was launched in 2004" is whole without the date). Group 1: the comma before it. */
const bareParticipleAtEnd = new RegExp(`(,\\s*)?(?<!\\b(?:is|are|was|were|be|been|being|has|have|had|get|got|gets)\\s+(?:\\p{L}+ly\\s+)?)\\b(?!\\p{L}*eed\\b|hundred\\b)(?:\\p{L}{3,}ed|${irregularParticiples})\\s*$`, 'iu');

/**
 * A date that fills its brackets, "(1998–2000)", goes with them; a date inside a longer aside,
 * "(such as a loan … in 2024 for economic reforms)", takes the aside as its clause.
 */
function withBrackets(sentence: string, dateStart: number, dateEnd: number): { dateStart: number; dateEnd: number; aside: [number, number] | null } {
  const open = sentence.lastIndexOf('(', dateStart);
  const close = sentence.indexOf(')', dateEnd);
  if (open < 0 || close < 0 || sentence.slice(open, dateStart).includes(')') || sentence.slice(dateEnd, close).includes('(')) return { dateStart, dateEnd, aside: null };
  if (sentence.slice(open + 1, dateStart).trim() === '' && sentence.slice(dateEnd, close).trim() === '') return { dateStart: open, dateEnd: close + 1, aside: null };
  const inside = sentence.slice(open + 1, close);
  return { dateStart, dateEnd, aside: hasWords(inside, 5) ? [open + 1, close] : null };
}

function clauseAround(sentence: string, dateStart: number, dateEnd: number): [number, number] {
  let start = 0;
  let end = sentence.length;
  for (const match of sentence.matchAll(clauseBreak)) {
    const breakEnd = match.index + match[0].length;
    if (breakEnd <= dateStart) start = breakEnd;
    else if (match.index >= dateEnd) {
      end = match.index;
      break;
    }
  }
  return [start, end];
}

function tidy(text: string): string {
  return text
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\*\*|__|\\(?=[$*_])/g, '')
    .replace(/[¹²³⁴⁵⁶⁷⁸⁹⁰]+/g, '')
    .replace(/^\s*(?:[•·▪*-]|\d+[.)]|[a-z][.)])\s+/i, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:])/g, '$1')
    .replace(/([,;:])(?:\s*[,;:])+/g, '$1');
}

function join(before: string, after: string): string {
  const head = before.replace(/[\s,;:–—-]+$/, '').replace(danglingStart, '');
  const tail = after.replace(/^[\s,;:–—-]+/, '');
  const separator = /^\s*,/.test(after) ? ', ' : ' ';
  const joined = head && tail ? `${head}${separator}${tail}` : head || tail;
  return joined.replace(danglingStart, '').replace(/[\s,;:–—-]+$/, '').replace(/\.$/, '').trim();
}

function shorten(before: string, after: string): string {
  const label = join(before, after);
  if (label.length <= maxLabelLength) return capitalise(label);
  // Keep the end of what precedes the date and the start of what follows it.
  const fullHead = join(before, '');
  const tail = fullHead ? after.replace(/^[\s,;:–—-]+/, '').replace(/[\s,;:–—-]+$/, '').replace(/\.$/, '').trim() : join('', after);
  const comma = fullHead && /^\s*,/.test(after) ? ',' : '';
  const headRoom = Math.max(keptBeforeDate, maxLabelLength - tail.length - 2);
  const head = fullHead.length > headRoom ? `…${lastWords(fullHead, headRoom - 1)}` : fullHead;
  const room = maxLabelLength - head.length - comma.length - 1;
  const shortTail = tail.length > room ? `${firstWords(tail, room - 1)}…` : tail;
  if (!shortTail) return capitalise(head);
  return capitalise(head ? `${head}${comma} ${shortTail}` : shortTail);
}

/** Words that cannot open a cut-off label: it would start mid-phrase ("…of border disputes", "…and his successors"). */
const danglingOpeners = new Set(['and', 'or', 'but', 'nor', 'so', 'yet', 'then', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'onto', 'to', 'with', 'without', 'than', 'that', 'which', 'who', 'when', 'where', 'while', 'between', 'over', 'through', 'about', 'against', 'among', 'within', 'via', 'per', 'during', 'since', 'until']);
/** Words that cannot close a label: it would stop mid-phrase ("… in 1998 it…", "… republics from…"). */
const danglingClosers = new Set([...danglingOpeners, 'a', 'an', 'the', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'shall', 'should', 'it', 'its', 'this', 'these', 'those', 'there', 'he', 'she', 'they', 'we', 'his', 'her', 'their', 'our', 'not', 'also', 'very', 'more', 'most']);

/** The last words of a text within a length, whole words only, from the start of a phrase. */
function lastWords(text: string, length: number): string {
  const cut = text.slice(text.length - length);
  const words = (text.length > length ? cut.slice(cut.indexOf(' ') + 1) : cut).split(' ');
  while (words.length > 1 && danglingOpeners.has(bareWord(words[0]))) words.shift();
  return words.join(' ').replace(/^[\s,;:–—-]+/, '');
}

/** The first words of a text within a length, whole words only, ending where a phrase can end. */
function firstWords(text: string, length: number): string {
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(' ');
  const words = (space > 0 && /\S/.test(text.charAt(length)) ? cut.slice(0, space) : cut).split(' ');
  trimClosers(words);
  // A few words opening a new phrase after the last comma are its stump ("…, and in 1998…"): stop at the comma.
  const lastComma = words.findLastIndex((word) => /[,;]$/.test(word));
  if (lastComma > 0 && words.length - lastComma - 1 <= shortestPhraseAfterComma && danglingOpeners.has(bareWord(words[lastComma + 1]))) {
    words.length = lastComma + 1;
    trimClosers(words);
  }
  return words.join(' ').replace(/[\s,;:–—-]+$/, '');
}

/** Of a cut-off phrase after a comma, this many words or fewer say too little to keep. */
const shortestPhraseAfterComma = 4;

function trimClosers(words: string[]): void {
  while (words.length > 1 && (danglingClosers.has(bareWord(words.at(-1))) || /^[^\p{L}\p{N}]*$/u.test(words.at(-1) ?? ''))) words.pop();
}

function bareWord(word: string | undefined): string {
  return (word ?? '').toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whether the text holds at least `count` words (runs without spaces that hold a letter), read only as far as the last of them. */
function hasWords(text: string, count: number): boolean {
  let found = 0;
  for (const [run] of text.matchAll(/\S+/g)) if (/\p{L}/u.test(run) && ++found >= count) return true;
  return false;
}
