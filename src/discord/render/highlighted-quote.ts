import { sentenceSpans } from '../../search/sentence-spans.js';
import { blockQuote, escapeText } from './escape.js';
import { fitFormatted, type CutText } from './truncate.js';

/** A stretch of a quote, as offsets into its text. */
export interface Highlight {
  start: number;
  end: number;
}

/** Marks a quote's omitted beginning or end; always at a sentence boundary. */
const omitted = '…';

/**
 * A passage as a Discord block quote in at most `maxLength` characters, with its answering
 * sentences in bold. The words are the document's own, escaped; only `**` and "…" are added.
 * A quote too long for the room is cut around the answering sentences at sentence ends,
 * growing sentence by sentence after and then before them; only when the answering sentences
 * alone are too long is one cut inside (at a word, as any quote is).
 */
export function highlightedQuote(text: string, highlights: readonly Highlight[] | undefined, maxLength: number): CutText {
  const marks = [...(highlights ?? [])].filter((mark) => mark.end > mark.start && mark.end <= text.length).sort((a, b) => a.start - b.start);
  const plain = (piece: string) => blockQuote(escapeText(piece));
  if (marks.length === 0) return fitFormatted(text.trim(), maxLength, plain);
  const [first] = marks;
  const last = marks.at(-1);
  if (!first || !last) return fitFormatted(text.trim(), maxLength, plain);

  const content = contentRange(text);
  const whole = render(text, marks, content.start, content.end, content);
  if (whole.length <= maxLength) return { text: whole, cut: false };

  const sentences = sentenceSpans(text);
  const window = { start: sentenceStart(sentences, first.start), end: sentenceEnd(sentences, last.end) };
  if (render(text, marks, window.start, window.end, content).length > maxLength) {
    // The answering sentences alone are too long: keep the first of them, cut at a word.
    return fitFormatted(text.slice(first.start, first.end), maxLength, (piece) => blockQuote(`**${escapeText(piece)}**`));
  }
  const grow = [
    () => ({ start: window.start, end: nextEnd(sentences, window.end) }),
    () => ({ start: previousStart(sentences, window.start), end: window.end }),
  ];
  for (let grew = true; grew; ) {
    grew = false;
    for (const next of grow) {
      const candidate = next();
      if (candidate.start === window.start && candidate.end === window.end) continue;
      if (render(text, marks, candidate.start, candidate.end, content).length <= maxLength) {
        window.start = candidate.start;
        window.end = candidate.end;
        grew = true;
      }
    }
  }
  return { text: render(text, marks, window.start, window.end, content), cut: true };
}

/** The text without the white space around it. */
function contentRange(text: string): Highlight {
  const start = text.length - text.trimStart().length;
  return { start, end: start + text.trim().length };
}

/** text[start, end) as a block quote with the marks in bold, and "…" where it does not reach the content's ends. */
function render(text: string, marks: readonly Highlight[], start: number, end: number, content: Highlight): string {
  let out = '';
  let cursor = start;
  for (const mark of marks) {
    const from = Math.max(mark.start, cursor);
    const to = Math.min(mark.end, end);
    if (to <= from) continue;
    out += escapeText(text.slice(cursor, from)) + bold(text.slice(from, to));
    cursor = to;
  }
  out += escapeText(text.slice(cursor, end));
  const body = out.trim();
  return blockQuote(`${start > content.start ? `${omitted} ` : ''}${body}${end < content.end ? ` ${omitted}` : ''}`);
}

/** Bold line by line: Discord's emphasis does not span a line break. */
function bold(piece: string): string {
  return piece
    .split('\n')
    .map((line) => {
      const core = line.trim();
      if (core === '') return line;
      const lead = line.slice(0, line.indexOf(core));
      return `${lead}**${escapeText(core)}**${line.slice(lead.length + core.length)}`;
    })
    .join('\n');
}

function sentenceStart(sentences: readonly Highlight[], offset: number): number {
  return sentences.find((sentence) => sentence.start <= offset && offset < sentence.end)?.start ?? offset;
}

function sentenceEnd(sentences: readonly Highlight[], offset: number): number {
  return sentences.find((sentence) => sentence.start < offset && offset <= sentence.end)?.end ?? offset;
}

function nextEnd(sentences: readonly Highlight[], end: number): number {
  return sentences.find((sentence) => sentence.start >= end)?.end ?? end;
}

function previousStart(sentences: readonly Highlight[], start: number): number {
  return [...sentences].reverse().find((sentence) => sentence.end <= start)?.start ?? start;
}
