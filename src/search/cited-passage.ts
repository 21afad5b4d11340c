import type { Passage } from '../corpus/passage-types.js';
import type { SourceDocument } from '../corpus/types.js';
import type { CitedPassage } from './types.js';

/** A passage with its document's citation and a score; the text is taken from the body so it is always verbatim. */
export function citePassage(document: SourceDocument, passage: Passage, score: number): CitedPassage {
  return {
    docId: document.id,
    title: document.title,
    author: document.author,
    outlet: document.outlet,
    published: document.published?.iso ?? null,
    publishedPrecision: document.published?.precision ?? null,
    ordinal: passage.ordinal,
    start: passage.start,
    end: passage.end,
    text: document.body.slice(passage.start, passage.end),
    kind: passage.kind,
    heading: passage.heading,
    score,
  };
}
