import MiniSearch from 'minisearch';
import type { Passage } from '../corpus/passage-types.js';
import type { SourceDocument } from '../corpus/types.js';
import { readIndexFile } from './index-file.js';
import { createIndexOptions, type RankingParameters } from './index-options.js';

/** What the index holds for one passage; the quote itself stays in the corpus. */
export interface IndexedPassage {
  /** `passageKey(docId, ordinal)`. */
  id: string;
  text: string;
  /** Searchable text beside the quote, e.g. a table row's column headers. */
  context: string;
  heading: string;
  title: string;
}

export const passageFields = ['text', 'context', 'heading', 'title'] as const;

/**
 * How passages are ranked. BM25 k, b and the field boosts come from `npx tsx bench/search/sweep.ts`
 * over the ranking set; the title weight and k were then chosen through the real `ask()` path on
 * the tuning half of SciFact's queries (`npx tsx bench/search/scifact-sweep.ts`: title 0.4 over
 * 0.2 gave +0.011 nDCG@10 there, +0.011 on the held-out half, and no loss on the ranking set's
 * tuning half). The heading and the title are only context, so they count for less than the
 * passage's own words.
 */
export const passageRanking: RankingParameters = {
  bm25: { k: 1.5, b: 0.75, d: 0.5 },
  boost: { text: 1, context: 0.7, heading: 0.4, title: 0.4 },
  coordination: 0,
};

export const passageIndexOptions = { ...createIndexOptions<IndexedPassage>([...passageFields]), autoVacuum: false as const };

export function createPassageIndex(): MiniSearch<IndexedPassage> {
  return new MiniSearch<IndexedPassage>(passageIndexOptions);
}

/** Loads an index file of the snapshot (index-file.ts); throws when it is not one. `idsWhenUsed` only for a sealed one. */
export function loadPassageIndex(json: string, { idsWhenUsed = false }: { idsWhenUsed?: boolean } = {}): MiniSearch<IndexedPassage> {
  return readIndexFile<IndexedPassage>(json, passageIndexOptions, { idsWhenUsed });
}

/** The index id of a passage. Unique because ordinals are unique within a document. */
export function passageKey(docId: string, ordinal: number): string {
  return `${docId}\u0001${ordinal}`;
}

/** The document id and ordinal of a `passageKey`, or null when `key` is not one. */
export function splitPassageKey(key: string): { docId: string; ordinal: number } | null {
  const at = key.lastIndexOf('\u0001');
  const ordinal = Number(key.slice(at + 1));
  return at === -1 || !Number.isInteger(ordinal) ? null : { docId: key.slice(0, at), ordinal };
}

export function toIndexedPassages(document: SourceDocument, passages: Passage[]): IndexedPassage[] {
  return passages.map((passage) => ({
    id: passageKey(document.id, passage.ordinal),
    text: passage.text,
    context: passage.context ?? '',
    heading: passage.heading ?? '',
    title: document.title,
  }));
}
