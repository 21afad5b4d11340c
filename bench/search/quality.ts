/**
 * `npm run bench:quality`: Hit@1, Hit@3 and MRR of `ask` on the ranking set, and how the
 * confidence rule separates on-topic from off-topic questions at several coverage thresholds.
 * Usage: npm run bench:quality -- [--corpus DIR] [--out FILE]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { splitPassages } from '../../src/corpus/passages.js';
import { createLogger } from '../../src/logger.js';
import { confidenceRule, coverage } from '../../src/search/confidence.js';
import { createPassageIndex, passageFields, passageRanking, toIndexedPassages } from '../../src/search/passage-index.js';
import { queryTerms } from '../../src/search/query-terms.js';
import { rankQuery } from '../../src/search/rank-query.js';
import { openSearchService } from '../../src/search/search-service.js';
import { inverseDocumentFrequency } from '../../src/search/term-statistics.js';
import { offTopicQuestions, rankingSet } from '../../tests/search/ranking-set.js';
import { percentile } from './metrics.js';
import { evaluateRanking } from './ranking-evaluation.js';

const { values } = parseArgs({ options: { corpus: { type: 'string', default: 'corpus' }, out: { type: 'string', default: 'data/bench/quality.json' } } });

const corpus = await loadCorpus(values.corpus);
const service = await openSearchService({ corpus, dataDir: await mkdtemp(path.join(os.tmpdir(), 'briefing-quality-')), logger: createLogger({ level: 'silent' }) });
const quality = evaluateRanking(service, rankingSet);

console.log(`Ranking set: ${quality.questions} questions over ${corpus.documents.length} documents`);
console.log('metric  value');
console.log(`Hit@1   ${quality.hitAt1.toFixed(3)}`);
console.log(`Hit@3   ${quality.hitAt3.toFixed(3)}`);
console.log(`MRR     ${quality.meanReciprocalRank.toFixed(3)}`);
const misses = quality.outcomes.filter((outcome) => outcome.rank !== 1);
if (misses.length > 0) {
  console.log('\nNot first:');
  for (const outcome of misses) console.log(`  rank ${outcome.rank ?? '-'}  ${outcome.question}\n          top: ${outcome.top}`);
}

// Confidence: the coverage of the best passage, computed the way `ask` computes it.
const index = createPassageIndex();
for (const document of corpus.documents) index.addAll(toIndexedPassages(document, splitPassages(document)));
const coverageOf = (question: string) => {
  const [best] = rankQuery(index, question, passageRanking, { limit: 1 });
  const weights = queryTerms(question).map(({ term }) => ({ term, inverseFrequency: inverseDocumentFrequency(index, term, passageFields) }));
  return best ? coverage(weights, best.matchedTerms) : 0;
};
const onTopic = rankingSet.map(({ question }) => coverageOf(question));
const offTopic = offTopicQuestions.map(coverageOf);
console.log(`\nCoverage of the best passage (share of the question's IDF mass it matches):`);
console.log(`  on-topic  (${onTopic.length}): min ${Math.min(...onTopic).toFixed(2)}  p10 ${percentile(onTopic, 10).toFixed(2)}  median ${percentile(onTopic, 50).toFixed(2)}`);
console.log(`  off-topic (${offTopic.length}): median ${percentile(offTopic, 50).toFixed(2)}  p90 ${percentile(offTopic, 90).toFixed(2)}  max ${Math.max(...offTopic).toFixed(2)}`);
console.log('threshold  on-topic confident  off-topic not confident');
const thresholds = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];
const calibration = thresholds.map((threshold) => ({
  threshold,
  onTopicConfident: onTopic.filter((value) => value >= threshold).length / onTopic.length,
  offTopicNotConfident: offTopic.filter((value) => value < threshold).length / offTopic.length,
}));
for (const row of calibration) {
  const chosen = row.threshold === confidenceRule.minimumCoverage ? '  ← chosen' : '';
  console.log(`${row.threshold.toFixed(2).padEnd(9)}  ${row.onTopicConfident.toFixed(3).padEnd(18)}  ${row.offTopicNotConfident.toFixed(3)}${chosen}`);
}

// What `ask` itself answers, with every condition of the rule (coverage and the number of matched words).
const asked = {
  onTopicConfident: quality.outcomes.filter((outcome) => outcome.confident).length / quality.outcomes.length,
  offTopicNotConfident: offTopicQuestions.filter((question) => !service.ask(question, { limit: 1 }).confident).length / offTopicQuestions.length,
};
console.log(`\nask() with the full rule: on-topic confident ${asked.onTopicConfident.toFixed(3)}, off-topic not confident ${asked.offTopicNotConfident.toFixed(3)}`);

mkdirSync(path.dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify({ date: new Date().toISOString(), ...quality, confidence: { rule: confidenceRule, onTopic, offTopic, calibration, asked } }, null, 2)}\n`);
console.log(`\nJSON written to ${values.out}`);
