import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import type { LoadedCorpus } from '../../src/corpus/types.js';
import { createLogger } from '../../src/logger.js';
import { openSearchService, type SearchService } from '../../src/search/search-service.js';
import { evaluateRanking } from '../../bench/search/ranking-evaluation.js';
import { offTopicQuestions, rankingSet } from './ranking-set.js';
import { temporaryFolder } from './helpers.js';

let corpus: LoadedCorpus;
let service: SearchService;

beforeAll(async () => {
  corpus = await loadCorpus(path.resolve(import.meta.dirname, '../../corpus'));
  service = await openSearchService({ corpus, dataDir: await temporaryFolder(), logger: createLogger({ level: 'silent' }) });
});

describe('the ranking set over the seed corpus', () => {
  it('has at least 40 questions covering all five documents', () => {
    expect(rankingSet.length).toBeGreaterThanOrEqual(40);
    const covered = new Set(rankingSet.map((question) => question.expected.docId));
    expect([...covered].sort()).toEqual(corpus.documents.map((document) => document.id).sort());
  });

  it('names passages that exist in the corpus', () => {
    for (const { expected, also = [] } of rankingSet) {
      for (const passage of [expected, ...also]) {
        const found = service.passagesOf(passage.docId).some((candidate) => candidate.text.includes(passage.contains));
        expect(found, `${passage.docId}: "${passage.contains}"`).toBe(true);
      }
    }
  });

  it('finds the expected passage in the first three for at least 90% of the questions', () => {
    const quality = evaluateRanking(service, rankingSet);
    const misses = quality.outcomes.filter((outcome) => outcome.rank === null || outcome.rank > 3).map((outcome) => outcome.question);
    expect(quality.hitAt3, `missed: ${misses.join(' | ')}`).toBeGreaterThanOrEqual(0.9);
  });

  it('finds the 2019 row of the ODA table for Uzbekistan first', () => {
    const [top] = service.ask("What was Japan's ODA to Uzbekistan in 2019?").passages;
    expect(top?.kind).toBe('table-row');
    expect(top?.text).toContain('412,69');
  });

  it('quotes every returned passage word for word from its document', () => {
    const bodies = new Map(corpus.documents.map((document) => [document.id, document.body]));
    for (const { question } of rankingSet) {
      for (const passage of service.ask(question, { limit: 10 }).passages) {
        expect(passage.text).toBe(bodies.get(passage.docId)?.slice(passage.start, passage.end));
      }
    }
  });

  it('is not confident about the sourdough recipe, and about almost no off-topic question', () => {
    expect(service.ask('What is the recipe for sourdough bread?').confident).toBe(false);
    const confident = offTopicQuestions.filter((question) => service.ask(question).confident);
    expect(confident.length / offTopicQuestions.length).toBeLessThanOrEqual(0.1);
  });

  it('is confident about most questions the corpus answers', () => {
    const confident = rankingSet.filter(({ question }) => service.ask(question).confident);
    expect(confident.length / rankingSet.length).toBeGreaterThanOrEqual(0.8);
  });
});
