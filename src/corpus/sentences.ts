import { split } from 'sentence-splitter';

/** A sentence as offsets into the text it was found in. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/**
 * The longest sentence handed on: a longer run without a sentence end (a run-on text, a table
 * flattened into one line, a blob without spaces) is cut at the last space before this length, so
 * that what reads a sentence (labels, date extraction) always works on a bounded span.
 */
export const maxSentenceChars = 1000;

/**
 * How much text sentence-splitter sees at once. Its cost grows faster than the length of what it is
 * given (it re-checks every abbreviation and bracket seen so far at each character), so a long text
 * is read window by window; each window starts at a sentence start, where it holds no state.
 */
const windowChars = maxSentenceChars + 250;

/** What sentence-splitter ends a sentence at: these marks, or a full stop followed by a space. */
const sentenceMark = /[．。?!？！]|\.(?=\s|$)/;

/**
 * Splits text into sentences, as offsets relative to `offset`. sentence-splitter knows
 * English abbreviations ("R. Hashimoto", "U.S."); a piece that starts in lower case
 * ("кв. км, население") continues the sentence before it, so it is joined back. No sentence is
 * longer than `maxSentenceChars`: a longer one is cut at spaces, and its pieces are not joined back.
 */
export function splitSentences(text: string, offset = 0): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  for (const sentence of readSentences(text)) {
    const previous = spans.at(-1);
    if (previous && !sentence.afterCut && startsInLowerCase(text.slice(sentence.start, sentence.end))) {
      previous.end = sentence.end;
    } else {
      spans.push({ start: sentence.start, end: sentence.end });
    }
  }
  return spans.flatMap((span) => capped(text, span)).map(({ start, end }) => ({ start: offset + start, end: offset + end }));
}

interface RawSentence extends SentenceSpan {
  /** The sentence starts where an over-long one was cut, not where the text ends one. */
  afterCut: boolean;
}

/** sentence-splitter's sentences, read one window at a time; a sentence longer than a window is cut. */
function* readSentences(text: string): Generator<RawSentence> {
  let from = 0;
  let afterCut = false;
  while (from < text.length) {
    const to = windowEnd(text, from);
    const start = from + leadingSpace(text.slice(from, from + maxSentenceChars));
    if (to < text.length && start === from + maxSentenceChars) {
      from = start;
      continue;
    }
    if (to < text.length && !sentenceMark.test(text.slice(start, start + maxSentenceChars + 1))) {
      // No sentence can end within the next maxSentenceChars: cut without asking the splitter.
      const cut = cutPoint(text, start, start + maxSentenceChars);
      yield { start, end: cut, afterCut };
      from = cut;
      afterCut = true;
      continue;
    }
    if (to === text.length && isOneSentence(text, start)) {
      // Nothing ends a sentence before the last character: sentence-splitter would give one sentence
      // from the first word to the end, whether or not that character ends it (most paragraphs are one sentence).
      if (start < to) yield { start, end: to, afterCut };
      return;
    }
    const sentences = split(text.slice(from, to))
      .filter((node) => node.type === 'Sentence')
      .map((node) => ({ start: from + node.range[0], end: from + node.range[1] }));
    if (to === text.length) {
      for (const [index, sentence] of sentences.entries()) yield { ...sentence, afterCut: afterCut && index === 0 };
      return;
    }
    const last = sentences.at(-1);
    if (sentences.length >= 2 && last) {
      // The last sentence may run on past the window: read it again from its start with the next window.
      for (const [index, sentence] of sentences.slice(0, -1).entries()) yield { ...sentence, afterCut: afterCut && index === 0 };
      from = last.start;
      afterCut = false;
      continue;
    }
    if (!last) {
      from = to;
      continue;
    }
    if (last.end < to) {
      // Its full stop came before the window's end: it is whole.
      yield { ...last, afterCut };
      from = last.end;
      afterCut = false;
      continue;
    }
    if (last.start > from) {
      from = last.start;
      continue;
    }
    // One sentence fills the whole window: cut it.
    const cut = cutPoint(text, last.start, last.start + maxSentenceChars);
    yield { ...last, end: cut, afterCut };
    from = cut;
    afterCut = true;
  }
}

/**
 * Whether the rest of the text from `start` (its first word) is one sentence to sentence-splitter: no
 * sentence mark stands in it, or only as its last character after some words (a lone mark is no sentence).
 */
function isOneSentence(text: string, start: number): boolean {
  const mark = text.slice(start).search(sentenceMark);
  return mark < 0 || (start + mark === text.length - 1 && mark > 0);
}

/** Where a window that starts at `from` ends: at a space, so that no word is split, unless there is none. */
function windowEnd(text: string, from: number): number {
  if (text.length - from <= windowChars) return text.length;
  return cutPoint(text, from, from + windowChars);
}

/**
 * Where to cut a run that starts at `start` so that it ends by `limit`: just before the last space
 * in it, or at the limit itself when the run has no space (never inside a surrogate pair).
 */
function cutPoint(text: string, start: number, limit: number): number {
  const space = text.slice(start + 1, limit).search(/\s\S*$/u);
  if (space >= 0) return start + 1 + space;
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

function leadingSpace(text: string): number {
  return text.length - text.trimStart().length;
}

/** A sentence longer than `maxSentenceChars` (after joining) as pieces cut at spaces. */
function capped(text: string, span: SentenceSpan): SentenceSpan[] {
  if (span.end - span.start <= maxSentenceChars) return [span];
  const pieces: SentenceSpan[] = [];
  let start = span.start;
  while (span.end - start > maxSentenceChars) {
    const cut = cutPoint(text, start, start + maxSentenceChars);
    pieces.push({ start, end: cut });
    start = cut + leadingSpace(text.slice(cut, span.end));
  }
  if (start < span.end) pieces.push({ start, end: span.end });
  return pieces;
}

function startsInLowerCase(sentence: string): boolean {
  const first = /\p{L}/u.exec(sentence)?.[0];
  return first !== undefined && first !== first.toUpperCase() && /^[\s"“«(]*\p{Ll}/u.test(sentence);
}
