import { convert, type SelectorDefinition } from 'html-to-text';
import { parseHTML } from 'linkedom';

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
  { selector: 'hr', format: 'skip' },
  { selector: 'form', format: 'skip' },
  { selector: 'ul', options: { itemPrefix: '• ' } },
];

/**
 * Turns an HTML fragment into plain text with one blank line between blocks (the
 * corpus's paragraph mark), no line wrapping, and no trailing spaces, so the
 * passage splitter sees the same shapes it sees in a Markdown file.
 */
export function htmlToText(html: string): string {
  const text = convert(withTablesAsRows(html), { wordwrap: false, selectors });
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00A0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Writes each table row as a line `| cell | cell |`, the Markdown row the passage splitter
 * already reads: the first row becomes the column headers that give later rows their context.
 */
function withTablesAsRows(html: string): string {
  if (!/<table[\s>]/i.test(html)) return html;
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const table of [...document.querySelectorAll('table')].reverse()) {
    const rows = [...table.querySelectorAll('tr')].map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').replace(/\|/g, '/').trim()));
    const block = document.createElement('p');
    rows.filter((cells) => cells.some((cell) => cell !== '')).forEach((cells, index) => {
      if (index > 0) block.appendChild(document.createElement('br'));
      block.appendChild(document.createTextNode(`| ${cells.join(' | ')} |`));
    });
    table.replaceWith(block);
  }
  return document.body.innerHTML;
}
