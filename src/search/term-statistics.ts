import type MiniSearch from 'minisearch';
import { readInternals } from './index-internals.js';

/**
 * BM25 inverse document frequency of a term over the union of some fields. A term the
 * index has never seen gets the highest value: it is the most specific word of a question.
 */
export function inverseDocumentFrequency(index: MiniSearch, term: string, fields: readonly string[]): number {
  const internals = readInternals(index);
  const documents = new Set<number>();
  const postingsByField = internals.terms.get(term);
  if (postingsByField) {
    for (const field of fields) {
      const fieldId = internals.fieldIds[field];
      const postings = fieldId === undefined ? undefined : postingsByField.get(fieldId);
      if (!postings) continue;
      for (const shortId of postings.keys()) if (internals.documentIds.has(shortId)) documents.add(shortId);
    }
  }
  const total = internals.documentCount;
  return Math.log(1 + (total - documents.size + 0.5) / (documents.size + 0.5));
}

/** Whether any passage of the index holds the term, in any field. */
export function occursInIndex(index: MiniSearch, term: string): boolean {
  const internals = readInternals(index);
  const postingsByField = internals.terms.get(term);
  if (!postingsByField) return false;
  for (const postings of postingsByField.values()) {
    for (const shortId of postings.keys()) if (internals.documentIds.has(shortId)) return true;
  }
  return false;
}
