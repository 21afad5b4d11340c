/**
 * The sweep behind `confidenceRule`: how many answerable questions are flagged as not
 * confident and how many off-topic ones are, for each set of thresholds, on the tuning half
 * (used to choose) and the held-out half (only reported). Run: npx tsx bench/search/confidence-sweep.ts
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { createLogger } from '../../src/logger.js';
import { confidenceRule, type ConfidenceRule } from '../../src/search/confidence.js';
import { openSearchService } from '../../src/search/search-service.js';
import { evaluateOffTopic, evaluateRanking, setHalf } from './ranking-evaluation.js';

const corpus = await loadCorpus('corpus');
const logger = createLogger({ level: 'silent' });

// Each threshold is swept with the others at their chosen values: the grid of all three would
// open a service per cell for no more information.
const grid: ConfidenceRule[] = [
  ...[0, 0.1, 0.15, 0.2, 0.25, 0.3].map((minimumCoverage) => ({ ...confidenceRule, minimumCoverage })),
  ...[0.3, 0.4, 0.6, 1.01].map((maximumMissingShare) => ({ ...confidenceRule, maximumMissingShare })),
  ...[0, 0.3, 0.35, 0.45, 0.5, 0.6].map((minimumSettingOnlyCoverage) => ({ ...confidenceRule, minimumSettingOnlyCoverage })),
];

console.log('coverage  missing share  setting-only coverage | tuning flagged  off-topic not-conf | held-out flagged  off-topic not-conf');
for (const rule of grid) {
  const service = await openSearchService({ corpus, dataDir: await mkdtemp(path.join(os.tmpdir(), 'briefing-confidence-')), logger, confidence: rule });
  const cells = (['tuning', 'held-out'] as const).map((half) => {
    const { answerable, offTopic } = setHalf(half);
    return `${evaluateRanking(service, answerable, 1).flagged.toFixed(3).padEnd(14)}  ${evaluateOffTopic(service, offTopic).notConfident.toFixed(3).padEnd(18)}`;
  });
  const chosen = JSON.stringify(rule) === JSON.stringify(confidenceRule) ? ' (chosen)' : '';
  console.log(`${rule.minimumCoverage.toFixed(2).padEnd(9)} ${rule.maximumMissingShare.toFixed(2).padEnd(14)} ${rule.minimumSettingOnlyCoverage.toFixed(2).padEnd(19)} | ${cells.join(' | ')}${chosen}`);
}
