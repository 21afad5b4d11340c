/** A sentence as offsets into the text it was found in, white space around it left out. */
export interface SentenceSpan {
  start: number;
  end: number;
}

// ICU's sentence breaks (Intl.Segmenter) are native and take microseconds per passage, where
// sentence-splitter takes milliseconds: fast enough to pick answering sentences at query time.
// ICU breaks after every full stop, so a break after an initial ("R. Hashimoto"), a common
// abbreviation, or before a lower-case word ("кв. км, население") is joined back.
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const endsWithAbbreviation = /(?:^|[\s(])(?:\p{Lu}|[Ee]\.g|[Ii]\.e|etc|vs|Mr|Mrs|Ms|Dr|Prof|St|No|Nos|Vol|pp?|cf|U\.S|U\.K|[Jj]an|[Ff]eb|[Aa]ug|[Ss]ept?|[Oo]ct|[Nn]ov|[Dd]ec)\.$/u;
const startsInLowerCase = /^[\s"“«(]*\p{Ll}/u;

/** The sentences of a text, in order, linear in its length. */
export function sentenceSpans(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    const leading = segment.length - segment.trimStart().length;
    const core = segment.trim();
    if (core === '') continue;
    const span = { start: index + leading, end: index + leading + core.length };
    const previous = spans.at(-1);
    if (previous && (endsWithAbbreviation.test(text.slice(Math.max(previous.start, previous.end - 12), previous.end)) || startsInLowerCase.test(core))) {
      previous.end = span.end;
    } else {
      spans.push(span);
    }
  }
  return spans;
}
