/**
 * Turns a PDF page's positioned text runs into paragraphs. A PDF has no paragraphs, only
 * runs placed on a page; lines that follow each other at the usual line spacing are one
 * paragraph, a wider gap starts the next. Within a paragraph a word hyphenated at a line
 * end is joined back ("inter-" + "national" → "international") and wrapped lines are
 * joined with one space, so a phrase can be found and quoted whatever the layout was.
 */

/** The part of a pdf.js text item this module reads. */
export interface TextRun {
  str: string;
  /** pdf.js's transform matrix; `[5]` is the baseline's y, growing upwards. */
  transform: number[];
  height: number;
  hasEOL: boolean;
}

interface Line {
  text: string;
  y: number;
  height: number;
}

/** Baselines further apart than this many line heights start a new paragraph. */
const paragraphGap = 1.6;

export function pageText(runs: TextRun[]): string {
  return toParagraphs(toLines(runs))
    .map((lines) => joinLines(lines.map((line) => line.text)))
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

function toLines(runs: TextRun[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const run of runs) {
    const y = run.transform[5] ?? 0;
    const height = run.height || Math.abs(run.transform[3] ?? 0);
    if (current && Math.abs(current.y - y) > Math.max(current.height, height) / 2) {
      lines.push(current);
      current = null;
    }
    current ??= { text: '', y, height };
    current.text += run.str;
    current.height = Math.max(current.height, height);
    if (run.hasEOL) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return lines.map((line) => ({ ...line, text: line.text.replace(/\s+/g, ' ').trim() })).filter((line) => line.text !== '');
}

function toParagraphs(lines: Line[]): Line[][] {
  const paragraphs: Line[][] = [];
  let previous: Line | undefined;
  for (const line of lines) {
    const step = previous ? previous.y - line.y : 0;
    const startsNew = !previous || step < 0 || step > Math.max(previous.height, line.height) * paragraphGap;
    if (startsNew) paragraphs.push([line]);
    else paragraphs.at(-1)?.push(line);
    previous = line;
  }
  return paragraphs;
}

/** Joins a paragraph's lines: a hyphen (or soft hyphen) before a lower-case continuation is a split word. */
export function joinLines(lines: string[]): string {
  let text = '';
  for (const line of lines) {
    if (text === '') text = line;
    else if (/\p{L}[-\u00AD]$/u.test(text) && /^\p{Ll}/u.test(line)) text = text.slice(0, -1) + line;
    else text = `${text} ${line}`;
  }
  return text.replace(/\u00AD/g, '');
}
