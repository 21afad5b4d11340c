import { convert, type SelectorDefinition } from 'html-to-text';

const headings: SelectorDefinition[] = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
  selector,
  options: { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 2 },
}));

/** Headings as written, links as their words, images and forms gone: only text a passage can quote. */
const selectors: SelectorDefinition[] = [
  ...headings,
  { selector: 'a', options: { ignoreHref: true } },
  { selector: 'img', format: 'skip' },
  { selector: 'button', format: 'skip' },
  { selector: 'form', format: 'skip' },
  { selector: 'ul', options: { itemPrefix: '• ' } },
  { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
];

/**
 * Turns an HTML fragment into plain text with one blank line between blocks (the
 * corpus's paragraph mark), no line wrapping, and no trailing spaces, so the
 * passage splitter sees the same shapes it sees in a Markdown file.
 */
export function htmlToText(html: string): string {
  const text = convert(html, { wordwrap: false, selectors });
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00A0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
