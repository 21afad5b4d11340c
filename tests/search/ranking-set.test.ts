import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import type { LoadedCorpus } from '../../src/corpus/types.js';
import { createLogger } from '../../src/logger.js';
import { defaultRussianDictionary } from '../../src/search/cross-language/russian-dictionary.js';
import { openSearchService, type SearchService } from '../../src/search/search-service.js';
import { answerableQuestions, evaluateOffTopic, evaluateRanking, unanswerableQuestions } from '../../bench/search/ranking-evaluation.js';
import { nearMissQuestions, offTopicQuestions, rankingSet, russianOnlyQuestions, vocabularyGapQuestions } from './ranking-set.js';
import { temporaryFolder } from './helpers.js';

const dictionaryInstalled = existsSync(`${defaultRussianDictionary}.index`);
let corpus: LoadedCorpus;
let service: SearchService;
let monolingual: SearchService;

beforeAll(async () => {
  corpus = await loadCorpus(path.resolve(import.meta.dirname, '../../corpus'));
  const logger = createLogger({ level: 'silent' });
  service = await openSearchService({ corpus, dataDir: await temporaryFolder(), logger });
  monolingual = await openSearchService({ corpus, dataDir: await temporaryFolder(), logger, russianDictionary: null });
});

describe('the ranking set over the seed corpus', () => {
  it('has at least 40 questions covering all five documents, 10 Russian-only, 10 vocabulary gaps and 15 near misses, each saying why', () => {
    expect(rankingSet.length).toBeGreaterThanOrEqual(40);
    expect(russianOnlyQuestions.length).toBeGreaterThanOrEqual(10);
    expect(vocabularyGapQuestions.length).toBeGreaterThanOrEqual(10);
    expect(nearMissQuestions.length).toBeGreaterThanOrEqual(15);
    const covered = new Set(rankingSet.map((question) => question.expected.docId));
    expect([...covered].sort()).toEqual(corpus.documents.map((document) => document.id).sort());
    for (const question of [...answerableQuestions(), ...unanswerableQuestions()]) expect(question.why.length, question.question).toBeGreaterThan(10);
  });

  it('names passages that exist in the corpus, and Russian-only answers that are Russian', () => {
    for (const { expected, also = [] } of answerableQuestions()) {
      for (const passage of [expected, ...also]) {
        const found = service.passagesOf(passage.docId).some((candidate) => candidate.text.includes(passage.contains));
        expect(found, `${passage.docId}: "${passage.contains}"`).toBe(true);
      }
    }
    for (const { expected } of russianOnlyQuestions) expect(expected.contains).toMatch(/\p{Script=Cyrillic}/u);
  });

  it('finds the expected passage in the first three for at least 90% of the questions', () => {
    const quality = evaluateRanking(service, rankingSet);
    const misses = quality.outcomes.filter((outcome) => outcome.rank === null || outcome.rank > 3).map((outcome) => outcome.question);
    expect(quality.hitAt3, `missed: ${misses.join(' | ')}`).toBeGreaterThanOrEqual(0.9);
  });

  it('bridges most vocabulary gaps with synonyms and related forms', () => {
    expect(evaluateRanking(service, vocabularyGapQuestions).hitAt3).toBeGreaterThanOrEqual(0.7);
  });

  it('finds the 2019 row of the ODA table for Uzbekistan first', () => {
    const [top] = service.ask("What was Japan's ODA to Uzbekistan in 2019?").passages;
    expect(top?.kind).toBe('table-row');
    expect(top?.text).toContain('412,69');
  });

  it('quotes every returned passage word for word from its document', () => {
    const bodies = new Map(corpus.documents.map((document) => [document.id, document.body]));
    for (const { question } of answerableQuestions()) {
      for (const passage of service.ask(question, { limit: 10 }).passages) {
        expect(passage.text).toBe(bodies.get(passage.docId)?.slice(passage.start, passage.end));
      }
    }
  });

  it('is not confident about the sourdough recipe, and about most off-topic and near-miss questions', () => {
    expect(service.ask('What is the recipe for sourdough bread?').confident).toBe(false);
    expect(evaluateOffTopic(service, offTopicQuestions).notConfident).toBeGreaterThanOrEqual(0.85);
    expect(evaluateOffTopic(service, nearMissQuestions).notConfident).toBeGreaterThanOrEqual(0.6);
  });

  it('says which names of a question no source mentions, and is not confident then', () => {
    const answer = service.ask('What did the president of Mongolia say at the summit?');
    expect(answer.confident).toBe(false);
    expect(answer.missingWords).toEqual(['Mongolia']);
    expect(answer.passages.length).toBeGreaterThan(0);
  });

  it('is not confident about Japanese tourists in Kazakhstan in 2019, whose best passage shares only the country and the year, and names tourists', () => {
    const answer = service.ask('How many Japanese tourists visited Kazakhstan in 2019?');
    expect(answer.confident).toBe(false);
    expect(answer.missingWords).toEqual(['tourists']);
    expect(answer.passages.length).toBeGreaterThan(0);
  });

  it('is not confident about how much rice Japan imports, a kind of thing no source mentions, and names rice', () => {
    const answer = service.ask('How much rice does Japan import from Kazakhstan each year?');
    expect(answer.confident).toBe(false);
    expect(answer.missingWords).toEqual(['rice']);
  });

  it('flags at most 5% of the questions the corpus answers as not confident', () => {
    const quality = evaluateRanking(service, answerableQuestions());
    const flagged = quality.outcomes.filter((outcome) => !outcome.confident).map((outcome) => outcome.question);
    expect(quality.flagged, `flagged: ${flagged.join(' | ')}`).toBeLessThanOrEqual(0.05);
  });

  it('without a dictionary finds almost none of the Russian-only answers, as before', () => {
    expect(monolingual.crossLanguage.enabled).toBe(false);
    expect(evaluateRanking(monolingual, russianOnlyQuestions).hitAt3).toBeLessThanOrEqual(0.2);
  });

  it.skipIf(!dictionaryInstalled)('with Debian\'s mueller7-dict (skipped where it is not installed) finds most Russian-only answers and labels the Russian words', () => {
    expect(service.crossLanguage.enabled).toBe(true);
    expect(evaluateRanking(service, russianOnlyQuestions).hitAt3).toBeGreaterThanOrEqual(0.8);
    const [top] = service.ask("What share of the world's uranium reserves is in Central Asia?").passages;
    expect(top?.text).toContain('запасов урана');
    expect(top?.matchedInRussian).toEqual(expect.arrayContaining(['запасов', 'урана']));
  });
});
