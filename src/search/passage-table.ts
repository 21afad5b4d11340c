import type { Passage } from '../corpus/passage-types.js';
import { splitPassageKey } from './passage-index.js';

/**
 * Each document's passages, and each passage by its index key. A document reused from the
 * snapshot gives its passages as a function, called when they are first asked for: `briefing ask`
 * at 21,578 documents cites a handful of 110,000 passages, and building them all up front (with a
 * map from every key) was about 0.2 s of its CPU time besides the garbage collection it caused.
 */
export interface PassageTable {
  /** The passages of a document, in order; undefined for one the table does not hold. */
  of(docId: string): Passage[] | undefined;
  /** The passage an index key stands for (`passageKey`). */
  byKey(key: string): Passage | undefined;
  set(docId: string, passages: Passage[] | (() => Passage[])): void;
  delete(docId: string): void;
}

export function createPassageTable(): PassageTable {
  const byDocument = new Map<string, Passage[] | (() => Passage[])>();
  const of = (docId: string): Passage[] | undefined => {
    const held = byDocument.get(docId);
    if (typeof held !== 'function') return held;
    const passages = held();
    byDocument.set(docId, passages);
    return passages;
  };
  return {
    of,
    byKey(key) {
      const parts = splitPassageKey(key);
      const passages = parts && of(parts.docId);
      if (!parts || !passages) return undefined;
      // Ordinals count from 1 in order, so the passage is found at once; the search is for a table that skips one.
      const atPlace = passages[parts.ordinal - 1];
      return atPlace?.ordinal === parts.ordinal ? atPlace : passages.find((passage) => passage.ordinal === parts.ordinal);
    },
    set: (docId, passages) => void byDocument.set(docId, passages),
    delete: (docId) => void byDocument.delete(docId),
  };
}
