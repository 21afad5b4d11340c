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
  const { dateStart, dateEnd, aside } = withBrackets(sentence, mentionStart, mentionEnd);
  const [clauseStart, clauseEnd] = aside ?? clauseAround(sentence, dateStart, dateEnd);
  const before = tidy(sentence.slice(clauseStart, dateStart).replace(leadingPreposition, ''));
  const after = tidy(sentence.slice(dateEnd, clauseEnd));
  if (wordCount(join(before, after)) >= 3 || (clauseStart === 0 && clauseEnd === sentence.length)) return shorten(before, after);
  return shorten(tidy(sentence.slice(0, dateStart).replace(leadingPreposition, '')), tidy(sentence.slice(dateEnd)));
}

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
  return { dateStart, dateEnd, aside: wordCount(inside) >= 5 ? [open + 1, close] : null };
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

function lastWords(text: string, length: number): string {
  const cut = text.slice(text.length - length);
  return cut.slice(cut.indexOf(' ') + 1);
}

function firstWords(text: string, length: number): string {
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return (space > 0 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
}
