import { split } from 'sentence-splitter';

/** A sentence as offsets into the text it was found in. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/**
 * Splits text into sentences, as offsets relative to `offset`. sentence-splitter knows
 * English abbreviations ("R. Hashimoto", "U.S."); a piece that starts in lower case
 * ("кв. км, население") continues the sentence before it, so it is joined back.
 */
export function splitSentences(text: string, offset = 0): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  for (const node of split(text)) {
    if (node.type !== 'Sentence') continue;
    const [start, end] = node.range;
    const previous = spans.at(-1);
    if (previous && startsInLowerCase(text.slice(start, end))) {
      previous.end = offset + end;
    } else {
      spans.push({ start: offset + start, end: offset + end });
    }
  }
  return spans;
}

function startsInLowerCase(sentence: string): boolean {
  const first = /\p{L}/u.exec(sentence)?.[0];
  return first !== undefined && first !== first.toUpperCase() && /^[\s"“«(]*\p{Ll}/u.test(sentence);
}
