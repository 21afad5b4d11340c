import type { PageSpan } from './types.js';

/**
 * Lays out pages' texts as one body, pages apart by a blank line, with each page's span.
 * A page with no text gets an empty span at its place, so page numbers stay true.
 */
export function joinPages(texts: string[]): { body: string; pages: PageSpan[] } {
  const pages: PageSpan[] = [];
  let body = '';
  texts.forEach((text, index) => {
    if (text !== '' && body !== '') body += '\n\n';
    pages.push({ page: index + 1, start: body.length, end: body.length + text.length });
    body += text;
  });
  return { body, pages };
}

/**
 * The page a body offset is on: the page whose span holds it, or for an offset in the
 * blank line between pages, the page after. Binary search, so citing is cheap for long PDFs.
 */
export function pageAt(pages: readonly PageSpan[], offset: number): number | null {
  let low = 0;
  let high = pages.length - 1;
  let found: PageSpan | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const page = pages[middle];
    if (!page) break;
    if (page.end > offset) {
      found = page;
      high = middle - 1;
    } else {
      low = middle + 1;
    }
  }
  return found?.page ?? pages.at(-1)?.page ?? null;
}

/** The pages a passage `[start, end)` sits on: `page`, and `pageEnd` when it runs onto a later page. */
export function pageRange(pages: readonly PageSpan[], start: number, end: number): { page: number; pageEnd?: number } | null {
  const page = pageAt(pages, start);
  if (page === null) return null;
  const last = pageAt(pages, Math.max(start, end - 1));
  return last !== null && last !== page ? { page, pageEnd: last } : { page };
}
