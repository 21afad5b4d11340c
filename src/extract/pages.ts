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
