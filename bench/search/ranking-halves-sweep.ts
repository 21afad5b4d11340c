/**
 * BM25 k, b, d, the coordination exponent and the field boosts of `passageRanking`, each varied
 * alone, scored through `ask` on the tuning half of the ranking set with the held-out half
 * printed beside it (never used to choose), with the off-topic questions flagged on both.
 * A variant is adopted only if it helps the tuning half and does not hurt the held-out half.
 * Run: npx tsx bench/search/ranking-halves-sweep.ts [--corpus DIR]
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { createLogger } from '../../src/logger.js';
import type { RankingParameters } from '../../src/search/index-options.js';
import { passageRanking } from '../../src/search/passage-index.js';
import { openSearchService } from '../../src/search/search-service.js';
import { evaluateHalf, type HalfReport } from './ranking-evaluation.js';

const { values } = parseArgs({ options: { corpus: { type: 'string', default: 'corpus' } } });
const corpus = await loadCorpus(values.corpus);
const logger = createLogger({ level: 'silent' });

const bm25 = (change: Partial<RankingParameters['bm25']>): RankingParameters => ({ ...passageRanking, bm25: { ...passageRanking.bm25, ...change } });
const boost = (change: Record<string, number>): RankingParameters => ({ ...passageRanking, boost: { ...passageRanking.boost, ...change } });
const variants: Array<[string, RankingParameters]> = [
  ['as shipped', passageRanking],
  ...[1.2, 2].map((k): [string, RankingParameters] => [`k ${k}`, bm25({ k })]),
  ...[0.5, 0.9].map((b): [string, RankingParameters] => [`b ${b}`, bm25({ b })]),
  ...[0, 0.25].map((d): [string, RankingParameters] => [`d ${d}`, bm25({ d })]),
  ...[0.5, 1].map((coordination): [string, RankingParameters] => [`coordination ${coordination}`, { ...passageRanking, coordination }]),
  ...[0, 0.3, 1].map((context): [string, RankingParameters] => [`context ${context}`, boost({ context })]),
  ...[0.1, 0.2].map((heading): [string, RankingParameters] => [`heading ${heading}`, boost({ heading })]),
  ...[0.1, 0.2].map((title): [string, RankingParameters] => [`title ${title}`, boost({ title })]),
];

const cells = ({ ranking, offTopic }: HalfReport) => `${ranking.hitAt1.toFixed(3)}  ${ranking.hitAt3.toFixed(3)}  ${ranking.meanReciprocalRank.toFixed(3)}  ${offTopic.notConfident.toFixed(3)}`;
console.log('variant           | tuning H@1  H@3    MRR    off-topic | held-out H@1  H@3    MRR    off-topic');
for (const [label, ranking] of variants) {
  const service = await openSearchService({ corpus, dataDir: await mkdtemp(path.join(os.tmpdir(), 'briefing-halves-')), logger, ranking });
  console.log(`${label.padEnd(17)} | ${cells(evaluateHalf(service, 'tuning'))}      | ${cells(evaluateHalf(service, 'held-out'))}`);
}
