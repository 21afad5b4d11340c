import { describe, expect, it } from 'vitest';
import { pageAt, pageLabel, pageRange } from '../../src/corpus/pages.js';
import type { PageSpan } from '../../src/corpus/types.js';

// Three pages laid out as the PDF extractor lays them: a blank line between pages, and page 3 with no text.
const pages: PageSpan[] = [
  { page: 1, start: 0, end: 10 },
  { page: 2, start: 12, end: 20 },
  { page: 3, start: 20, end: 20 },
  { page: 4, start: 22, end: 30 },
];

describe('pages of a passage', () => {
  it('puts an offset on the page whose span holds it', () => {
    expect([0, 9, 12, 19, 22, 29].map((offset) => pageAt(pages, offset))).toEqual([1, 1, 2, 2, 4, 4]);
  });

  it('puts an offset in the blank line between pages on the page after, skipping a page without text', () => {
    expect(pageAt(pages, 10)).toBe(2);
    expect(pageAt(pages, 20)).toBe(4);
  });

  it('gives only the page when a passage stays on it, and the last page when it runs on', () => {
    expect(pageRange(pages, 12, 20)).toEqual({ page: 2 });
    expect(pageRange(pages, 5, 15)).toEqual({ page: 1, pageEnd: 2 });
    expect(pageRange(pages, 0, 30)).toEqual({ page: 1, pageEnd: 4 });
  });

  it('has no page for a document without pages', () => {
    expect(pageRange([], 0, 10)).toBeNull();
  });

  it('writes the pages as a citation does', () => {
    expect(pageLabel({ page: 4 })).toBe('p. 4');
    expect(pageLabel({ page: 4, pageEnd: 5 })).toBe('pp. 4–5');
    expect(pageLabel({})).toBeNull();
  });
});
