import { describe, expect, it } from 'vitest';
import { joinLines, linesToText, pageLines, withoutRunningLines, type Line, type TextRun } from '../../src/extract/pdf-layout.js';

const run = (str: string, x: number, y: number, width: number, options: Partial<TextRun> = {}): TextRun => ({ str, transform: [11, 0, 0, 11, x, y], width, height: 11, hasEOL: false, ...options });
const line = (text: string, y: number, height = 11): Line => ({ text, y, height });

describe('joining the lines of a paragraph', () => {
  it('joins a word split by a hyphen before a lower-case continuation', () => {
    expect(joinLines(['regional coop-', 'eration between'])).toBe('regional cooperation between');
  });

  it('keeps the hyphen before a capital, as in a name split across lines', () => {
    expect(joinLines(['along the Trans-', 'Caspian route'])).toBe('along the Trans- Caspian route');
  });

  it('drops soft hyphens wherever they are', () => {
    expect(joinLines(['moderni\u00AD', 'sation of the grid'])).toBe('modernisation of the grid');
  });

  it('joins wrapped lines with one space', () => {
    expect(joinLines(['The dialogue was', 'launched in 2004.'])).toBe('The dialogue was launched in 2004.');
  });
});

describe('reading lines from text runs', () => {
  it('puts a space between runs placed apart on one line', () => {
    expect(pageLines([run('Japan', 72, 700, 30), run('lends', 110, 700, 28, { hasEOL: true })]).map((found) => found.text)).toEqual(['Japan lends']);
  });

  it('adds no space between runs that touch, as in a word in two fonts', () => {
    expect(pageLines([run('Uzbek', 72, 700, 30), run('istan', 102, 700, 25)]).map((found) => found.text)).toEqual(['Uzbekistan']);
  });

  it('starts a new line when the baseline moves, even without an end-of-line mark', () => {
    expect(pageLines([run('first', 72, 700, 30), run('second', 72, 687, 30)]).map((found) => found.text)).toEqual(['first', 'second']);
  });
});

describe('paragraphs', () => {
  it('starts a paragraph at a wide gap or a change of type size', () => {
    expect(linesToText([line('Heading', 720, 16), line('Body line one', 700), line('body line two.', 687), line('Next paragraph.', 650)])).toBe('Heading\n\nBody line one body line two.\n\nNext paragraph.');
  });
});

describe('running headers and page numbers', () => {
  it('drops a header repeated on most pages and bare page numbers, and keeps the text', () => {
    const pages = [1, 2, 3, 4].map((number) => [line('Quarterly Review', 760), line(`Text of page ${number}.`, 700), line(String(number), 40)]);
    expect(withoutRunningLines(pages).map((lines) => lines.map((kept) => kept.text))).toEqual([1, 2, 3, 4].map((number) => [`Text of page ${number}.`]));
  });

  it('keeps the title on the first page when the running header repeats it in smaller type', () => {
    const texts = ['Loans grew.', 'Grants fell.', 'Trade rose.', 'Talks resumed.'];
    const pages = [line('Quarterly Review', 700, 24), ...[1, 2, 3].map(() => line('Quarterly Review', 760, 9))].map((first, index) => [first, line(texts[index] ?? '', 640)]);
    expect(withoutRunningLines(pages).map((lines) => lines.map((kept) => kept.text))).toEqual([['Quarterly Review', 'Loans grew.'], ['Grants fell.'], ['Trade rose.'], ['Talks resumed.']]);
  });

  it('drops "Page 3 of 9" footers too', () => {
    const pages = [[line('Text.', 700), line('Page 3 of 9', 40)]];
    expect(withoutRunningLines(pages)[0]?.map((kept) => kept.text)).toEqual(['Text.']);
  });

  it('keeps the last line of the text even when every page ends with the same words', () => {
    const pages = [1, 2, 3, 4].map((number) => [line(`Paragraph ${number} begins here and`, 700), line('ends with the same words.', 687)]);
    expect(withoutRunningLines(pages).map((lines) => lines.length)).toEqual([2, 2, 2, 2]);
  });

  it('keeps a number that is part of the text, next to the line before it', () => {
    const pages = [[line('The number of projects was', 700), line('12', 687)]];
    expect(withoutRunningLines(pages)[0]?.map((kept) => kept.text)).toEqual(['The number of projects was', '12']);
  });

  it('keeps a first line that only repeats on a few pages of a long document', () => {
    const topics = ['energy', 'water', 'roads', 'trade', 'health', 'schools', 'customs', 'finance'];
    const pages = Array.from({ length: 10 }, (_, index) => [line(index < 2 ? 'Introduction' : `On ${topics[index - 2] ?? ''}`, 760), line(`Body of page ${index + 1}, which goes on.`, 700), line(`Then ${topics[(index + 3) % topics.length] ?? ''} is discussed.`, 687)]);
    expect(withoutRunningLines(pages)[0]?.map((kept) => kept.text)).toEqual(['Introduction', 'Body of page 1, which goes on.', 'Then trade is discussed.']);
  });
});
