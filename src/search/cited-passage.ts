import type { Passage } from '../corpus/passage-types.js';
import { pageRange } from '../corpus/pages.js';
import type { SourceDocument } from '../corpus/types.js';
import type { CitedPassage } from './types.js';

/**
 * A passage with its document's citation and a score; the text is taken from the body so it
 * is always verbatim. `span` is the quote when neighbours were merged into it (the passage is
 * then its first); a quote of a paged document also says the pages it is on.
 */
export function citePassage(document: SourceDocument, passage: Passage, score: number, span: { start: number; end: number } = passage): CitedPassage {
  const pages = document.pages === null ? null : pageRange(document.pages, span.start, span.end);
  return {
    docId: document.id,
    title: document.title,
    author: document.author,
    outlet: document.outlet,
    published: document.published?.iso ?? null,
    publishedPrecision: document.published?.precision ?? null,
    ordinal: passage.ordinal,
    start: span.start,
    end: span.end,
    text: document.body.slice(span.start, span.end),
    kind: passage.kind,
    heading: passage.heading,
    score,
    ...pages,
  };
}
