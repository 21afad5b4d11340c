/**
 * The first pass of splitting a document: its non-blank lines grouped into blocks
 * (a paragraph, a heading, a list item, a table row, a footnote), each with offsets
 * into the body. Plain-text sources mark structure loosely, so every rule here is a
 * reading of how the seed documents and similar exports lay text out.
 */

export type BlockShape = 'text' | 'list-item' | 'table-row' | 'footnote';

export interface Block {
  start: number;
  end: number;
  text: string;
  shape: BlockShape;
  /** A blank line came before this block (or it opens the document). */
  afterBlankLine: boolean;
}

interface Line {
  start: number;
  end: number;
  text: string;
  afterBlankLine: boolean;
}

const footnoteMark = /^(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,3}\])\s/u;
const listMark = /^(?:[•▪‣◦\-–*]\s+|\d{1,3}[.)]\s+)/u;
const sentenceEnd = /[.!?…:;"”»'’)\]>*]$/u;

export function shapeOf(text: string): BlockShape {
  if (tableCells(text).length >= 2) return 'table-row';
  if (footnoteMark.test(text)) return 'footnote';
  if (listMark.test(text)) return 'list-item';
  return 'text';
}

/** The cells of a tab-separated or Markdown (`| a | b |`) table row; empty for any other line. */
export function tableCells(text: string): string[] {
  if (/^\|.*\|$/.test(text)) return text.slice(1, -1).split('|').map((cell) => cell.trim());
  if (text.includes('\t')) return text.split('\t').map((cell) => cell.trim()).filter((cell) => cell !== '');
  return [];
}

/** A Markdown table's `|---|:--:|` line, which separates the header from the rows and says nothing itself. */
export function isTableRule(text: string): boolean {
  return /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/.test(text);
}

export function endsSentence(text: string): boolean {
  return sentenceEnd.test(text.trimEnd());
}

function readLines(body: string): Line[] {
  const lines: Line[] = [];
  let afterBlankLine = true;
  for (const match of body.matchAll(/[^\n]*(?:\n|$)/g)) {
    const raw = match[0].replace(/\r?\n$/, '');
    if (match[0] === '' && match.index === body.length) break;
    const leading = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text === '') {
      afterBlankLine = true;
      continue;
    }
    const start = match.index + leading;
    lines.push({ start, end: start + text.length, text, afterBlankLine });
    afterBlankLine = false;
  }
  return lines;
}

/**
 * Lines with no blank line between them belong together only when the block so far is visibly
 * unfinished: its last line does not end a sentence, or it leaves a `**` open.
 */
function continuesOnNextLine(lastLine: string, boldOpen: boolean, next: Line): boolean {
  if (next.afterBlankLine || shapeOf(next.text) !== 'text') return false;
  if (boldOpen) return true;
  return !endsSentence(lastLine) && /^[(\p{Ll}]/u.test(next.text);
}

function boldMarks(text: string): number {
  return text.match(/\*\*/g)?.length ?? 0;
}

/** Reads the blocks line by line, keeping what the next line's decision needs, so each line is looked at once. */
export function readBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  let lastLine = '';
  let boldOpen = false;
  for (const line of readLines(body)) {
    const previous = blocks.at(-1);
    if (previous && previous.shape === 'text' && continuesOnNextLine(lastLine, boldOpen, line)) {
      previous.end = line.end;
      previous.text = body.slice(previous.start, previous.end);
    } else {
      blocks.push({ start: line.start, end: line.end, text: line.text, shape: shapeOf(line.text), afterBlankLine: line.afterBlankLine });
      boldOpen = false;
    }
    lastLine = line.text;
    // A `**` never spans a line break, so the block's count of them is the sum of its lines'.
    if (boldMarks(line.text) % 2 === 1) boldOpen = !boldOpen;
  }
  return blocks;
}
