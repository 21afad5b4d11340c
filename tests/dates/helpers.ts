import path from 'node:path';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import type { Passage } from '../../src/corpus/passage-types.js';
import { splitPassages } from '../../src/corpus/passages.js';
import type { DatePrecision, PartialDate, SourceDocument } from '../../src/corpus/types.js';
import { extractDateMentions } from '../../src/dates/extract.js';
import type { DateMention } from '../../src/dates/types.js';

export const seedFolder = path.resolve(import.meta.dirname, '../../corpus');

export const ids = {
  goble: 'goble-2025-05-05-japan-economic-footprint',
  mahmudov: 'mahmudov-2025-why-is-japan-interested-in-central-asia',
  pnn: 'pnn-2025-05-japan-shifts-from-soft-power',
  shamsuddinov: 'shamsuddinov-2026-01-central-asia-in-japans-focus',
  tca: 'tca-2025-08-bridges-not-blocs',
} as const;

/** The seed corpus with its passages, loaded once per test file. */
export async function seedCorpus(): Promise<{ documents: SourceDocument[]; passagesOf: (docId: string) => Passage[] }> {
  const { documents } = await loadCorpus(seedFolder);
  const passages = new Map(documents.map((document) => [document.id, splitPassages(document)]));
  return { documents, passagesOf: (docId) => passages.get(docId) ?? [] };
}

/** A publication date at the precision its ISO form shows: "2025" is a year, "2025-05" a month. */
export function published(iso: string): PartialDate {
  const precision: DatePrecision = iso.length === 4 ? 'year' : iso.length === 7 ? 'month' : 'day';
  return { iso, precision };
}

/** A document made in the test, with an optional publication date. */
export function makeDocument(id: string, body: string, publishedIso: string | null): SourceDocument {
  return { id, file: `${id}.md`, title: `Title of ${id}`, author: null, outlet: null, published: publishedIso ? published(publishedIso) : null, publishedBasis: null, body, contentHash: id , format: 'markdown', pages: null, scope: null, addition: null};
}

/** The one mention whose text is `written`; fails the test when there is not exactly one. */
export function mentionOf(text: string, written: string, referenceIso: string | null): DateMention {
  const mentions = extractDateMentions(text, { referenceDate: referenceIso ? published(referenceIso) : null }).filter((mention) => mention.text === written);
  if (mentions.length !== 1) throw new Error(`expected one mention "${written}", found ${mentions.length} in ${JSON.stringify(text)}`);
  return mentions[0] as DateMention;
}

/** A date as `start..end` or `start`, for compact assertions. */
export function shown(mention: DateMention): string | null {
  if (!mention.date) return null;
  return mention.date.end ? `${mention.date.start.iso}..${mention.date.end.iso}` : mention.date.start.iso;
}
