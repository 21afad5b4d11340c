import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { SourceDocument } from '../../src/corpus/types.js';
import type { ExtractedDocument } from '../../src/extract/types.js';

/** The offset of a quote in the body, failing the test when the body does not hold it word for word. */
export function offsetOf(document: ExtractedDocument, quote: string): number {
  const offset = document.body.indexOf(quote);
  expect(offset, `body should contain "${quote}"`).toBeGreaterThanOrEqual(0);
  expect(document.body.slice(offset, offset + quote.length)).toBe(quote);
  return offset;
}

/** An extracted document as the corpus's passage splitter takes it. */
export function asSourceDocument(document: ExtractedDocument, id = 'extracted'): SourceDocument {
  return {
    id,
    file: `${id}.${document.format}`,
    title: document.metadata.title ?? id,
    author: document.metadata.author,
    outlet: document.metadata.outlet,
    published: document.metadata.published,
    publishedBasis: document.metadata.publishedBasis,
    body: document.body,
    contentHash: createHash('sha256').update(document.body).digest('hex'),
    format: document.format,
    pages: document.pages,
    scope: null,
    addition: null,
  };
}

/** Runs a promise expected to fail and gives its error. */
export async function failure(work: Promise<unknown>): Promise<Error> {
  try {
    await work;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the work to fail, but it succeeded');
}
