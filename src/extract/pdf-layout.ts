/**
 * Turns a PDF page's positioned text runs into paragraphs. A PDF has no paragraphs, only
 * runs placed on a page; lines that follow each other at the usual line spacing and in
 * the same type size are one paragraph, a wider gap or a change of size (a heading)
 * starts the next. Within a paragraph a word hyphenated at a line end is joined back
 * ("coop-" + "eration" → "cooperation") and wrapped lines are joined with one space, so
 * a phrase can be found and quoted whatever the layout was.
 */

/** The part of a pdf.js text item this module reads. */
export interface TextRun {
  str: string;
  /** pdf.js's transform matrix; `[4]` is the run's x, `[5]` its baseline's y, growing upwards. */
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

export interface Line {
  text: string;
  y: number;
  height: number;
}

/** Baselines further apart than this many line heights start a new paragraph. */
const paragraphGap = 1.6;
/** Lines whose type sizes differ by more than this ratio belong to different paragraphs (a heading and its text). */
const sizeChange = 1.2;

export function pageLines(runs: TextRun[]): Line[] {
  const lines: Line[] = [];
  let current: (Line & { right: number }) | null = null;
  for (const run of runs) {
    const x = run.transform[4] ?? 0;
    const y = run.transform[5] ?? 0;
    const height = run.height || Math.abs(run.transform[3] ?? 0);
    if (current && Math.abs(current.y - y) > Math.max(current.height, height) / 2) {
      lines.push(current);
      current = null;
    }
    if (current === null) current = { text: run.str, y, height, right: x + run.width };
    else {
      // Runs placed apart with no space between them are separate words.
      const gap = x - current.right;
      const spaced = /\s$/.test(current.text) || /^\s/.test(run.str);
      current.text += !spaced && gap > height * 0.15 ? ` ${run.str}` : run.str;
      current.height = Math.max(current.height, height);
      current.right = x + run.width;
    }
    if (run.hasEOL) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return lines.map(({ text, y, height }) => ({ text: text.replace(/\s+/g, ' ').trim(), y, height })).filter((line) => line.text !== '');
}

export function linesToText(lines: Line[]): string {
  return toParagraphs(lines)
    .map((paragraph) => joinLines(paragraph.map((line) => line.text)))
    .join('\n\n');
}

function toParagraphs(lines: Line[]): Line[][] {
  const paragraphs: Line[][] = [];
  let previous: Line | undefined;
  for (const line of lines) {
    const step = previous ? previous.y - line.y : 0;
    const sizes = previous ? Math.max(previous.height, line.height) / Math.max(Math.min(previous.height, line.height), 0.01) : 1;
    const startsNew = !previous || step <= 0 || step > Math.max(previous.height, line.height) * paragraphGap || sizes > sizeChange;
    if (startsNew) paragraphs.push([line]);
    else paragraphs.at(-1)?.push(line);
    previous = line;
  }
  return paragraphs;
}

/** Joins a paragraph's lines: a hyphen (or soft hyphen) before a lower-case continuation is a split word. */
export function joinLines(lines: string[]): string {
  const parts: string[] = [];
  let previous = '';
  for (const line of lines) {
    if (parts.length > 0) {
      const splitWord = /\p{L}[-\u00AD]$/u.test(previous) && /^\p{Ll}/u.test(line);
      if (splitWord) parts[parts.length - 1] = previous.slice(0, -1);
      else parts.push(' ');
    }
    parts.push(line);
    previous = line;
  }
  return parts.join('').replace(/\u00AD/g, '');
}

const pageNumber = /^(?:page\s+)?[-–]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*[-–]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

/**
 * A header or footer as it repeats from page to page: digits stand for the page number
 * that changes, and the type size is part of it, so a title set large on the first page
 * is not taken for the running header that repeats it in small type.
 */
function shape(line: Line): string {
  return `${line.text.replace(/\d+/g, '#').toLowerCase()}@${Math.round(line.height)}`;
}

/** Headers and footers stand apart from the text: further from the next line than this many of the smaller line heights. */
const runningLineGap = 2;

/**
 * Drops what is not the text: a page number alone at the top or bottom of a page, and a
 * running header or footer, the same first or last line on most pages ("Japan in Central
 * Asia | 4"). Only a line set apart from the text is dropped, so the last line of a
 * paragraph stays even when every page happens to end with the same words. Repeats are
 * counted over the whole document, so this runs once on all pages.
 */
export function withoutRunningLines(pages: Line[][]): Line[][] {
  const edges = (lines: Line[]) => [...new Set([0, lines.length - 1])].filter((index) => apart(lines, index)).flatMap((index) => lines[index] ?? []);
  const counts = new Map<string, number>();
  for (const lines of pages) for (const key of new Set(edges(lines).map(shape))) counts.set(key, (counts.get(key) ?? 0) + 1);
  const repeated = (line: Line) => pages.length >= 3 && (counts.get(shape(line)) ?? 0) >= Math.max(3, pages.length / 2);
  return pages.map((lines) =>
    lines.filter((line, index) => {
      const atEdge = index === 0 || index === lines.length - 1;
      return !(atEdge && apart(lines, index) && (pageNumber.test(line.text) || repeated(line)));
    }),
  );
}

/** Whether an edge line is set apart from its neighbour in the text by more than a paragraph's gap. */
function apart(lines: Line[], index: number): boolean {
  const line = lines[index];
  const neighbour = lines[index === 0 ? 1 : index - 1];
  if (!line || !neighbour) return true;
  return Math.abs(line.y - neighbour.y) > Math.min(line.height, neighbour.height) * runningLineGap;
}
