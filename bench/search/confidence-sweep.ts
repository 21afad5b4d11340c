/**
 * The sweep behind `confidenceRule`: how many answerable questions are flagged as not
 * confident and how many off-topic ones are, for each pair of thresholds, on the tuning half
 * (used to choose) and the held-out half (only reported). Run: npx tsx bench/search/confidence-sweep.ts
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { createLogger } from '../../src/logger.js';
import { openSearchService } from '../../src/search/search-service.js';
import { evaluateOffTopic, evaluateRanking, setHalf } from './ranking-evaluation.js';

const corpus = await loadCorpus('corpus');
const logger = createLogger({ level: 'silent' });
console.log('coverage  missing share | tuning flagged  off-topic not-conf | held-out flagged  off-topic not-conf');
for (const minimumCoverage of [0, 0.1, 0.15, 0.2, 0.25, 0.3]) {
  for (const maximumMissingShare of [0.3, 0.4, 0.5, 0.6, 1.01]) {
    const service = await openSearchService({ corpus, dataDir: await mkdtemp(path.join(os.tmpdir(), 'briefing-confidence-')), logger, confidence: { minimumCoverage, maximumMissingShare } });
    const cells = (['tuning', 'held-out'] as const).map((half) => {
      const { answerable, offTopic } = setHalf(half);
      return `${evaluateRanking(service, answerable, 1).flagged.toFixed(3).padEnd(14)}  ${evaluateOffTopic(service, offTopic).notConfident.toFixed(3).padEnd(18)}`;
    });
    console.log(`${minimumCoverage.toFixed(2).padEnd(9)} ${maximumMissingShare.toFixed(2).padEnd(13)} | ${cells.join(' | ')}`);
  }
}
