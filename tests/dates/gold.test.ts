import { beforeAll, describe, expect, it } from 'vitest';
import { scoreAgainstGold, type GoldScore } from '../../bench/dates/gold-score.js';
import type { SourceDocument } from '../../src/corpus/types.js';
import { extractKeyEvents } from '../../src/dates/key-events.js';
import { goldEvents, goldNonEvents } from './gold-timeline.js';
import { seedCorpus } from './helpers.js';

let documents: SourceDocument[];
let score: GoldScore;

beforeAll(async () => {
  const seed = await seedCorpus();
  documents = seed.documents;
  score = scoreAgainstGold(documents.flatMap((document) => extractKeyEvents(document, seed.passagesOf(document.id))), documents, goldEvents, goldNonEvents);
});

describe('the gold timeline of the seed corpus', () => {
  it('has at least 30 events, each quoting its document verbatim', () => {
    expect(goldEvents.length).toBeGreaterThanOrEqual(30);
    for (const event of goldEvents) expect(documents.find((document) => document.id === event.docId)?.body).toContain(event.quote);
  });

  it('is found with recall of at least 0.85', () => {
    expect(score.recall, `missed: ${JSON.stringify(score.missed)}`).toBeGreaterThanOrEqual(0.85);
  });

  it('is found with precision of at least 0.85', () => {
    expect(score.precision).toBeGreaterThanOrEqual(0.85);
  });

  it('lets no citation, access, bibliography, dateline or URL date into the key events', () => {
    expect(score.leaks.map((leak) => leak.nonEvent.context)).toEqual([]);
  });
});
