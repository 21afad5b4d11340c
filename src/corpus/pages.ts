import type { PageSpan } from './types.js';

/*
 * Where a passage sits in a paged document (a PDF): pure functions of the document's page
 * spans and the passage's offsets, so a citation's page is computed when it is cited and
 * nothing about pages is stored with the passages (the index snapshot stays as it is).
 */

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

/** A citation's pages as readers write them: "p. 4", "pp. 4–5"; null for a document without pages. */
export function pageLabel({ page, pageEnd }: { page?: number | undefined; pageEnd?: number | undefined }): string | null {
  if (page === undefined) return null;
  return pageEnd === undefined || pageEnd === page ? `p. ${page}` : `pp. ${page}–${pageEnd}`;
}
