/**
 * The SciFact side of the ranking parameters, through the real `ask()` path: title weight, BM25
 * k, b and d, and the coordination exponent, each varied alone from `passageRanking`, scored on
 * the tuning half of SciFact's judged queries (even positions), with the held-out half (odd
 * positions) printed beside and never used to choose. A variant is adopted only if it helps the
 * tuning half, does not hurt the held-out half and leaves `npm run bench:quality` no worse.
 * Run: npx tsx bench/search/scifact-sweep.ts [--scifact DIR]
 */
import { parseArgs } from 'node:util';
import { passageRanking } from '../../src/search/passage-index.js';
import type { RankingParameters } from '../../src/search/index-options.js';
import { loadSciFact } from './datasets.js';
import { briefingAskEngine } from './engines.js';
import { mean, ndcgAt } from './metrics.js';

const { values } = parseArgs({ options: { scifact: { type: 'string', default: '../shared/datasets/scifact' } } });
const data = loadSciFact(values.scifact);

const bm25 = (change: Partial<RankingParameters['bm25']>): RankingParameters => ({ ...passageRanking, bm25: { ...passageRanking.bm25, ...change } });
const variants: Array<[string, RankingParameters]> = [
  ['as shipped', passageRanking],
  ...[0.25, 0.6, 1].map((title): [string, RankingParameters] => [`title ${title}`, { ...passageRanking, boost: { ...passageRanking.boost, title } }]),
  ...[0.9, 1.2, 2].map((k): [string, RankingParameters] => [`k ${k}`, bm25({ k })]),
  ...[0.5, 0.9].map((b): [string, RankingParameters] => [`b ${b}`, bm25({ b })]),
  ...[0, 0.25].map((d): [string, RankingParameters] => [`d ${d}`, bm25({ d })]),
  ...[0.25, 0.5].map((coordination): [string, RankingParameters] => [`coordination ${coordination}`, { ...passageRanking, coordination }]),
];

console.log('variant           | all     tuning  held-out (nDCG@10)');
for (const [label, ranking] of variants) {
  const engine = briefingAskEngine(ranking);
  await engine.build(data.documents);
  const scores: number[] = [];
  for (const query of data.queries) scores.push(ndcgAt(10, await engine.search(query.text, 100), data.relevant.get(query.id) ?? new Set()));
  const half = (parity: number) => mean(scores.filter((_, position) => position % 2 === parity));
  console.log(`${label.padEnd(17)} | ${mean(scores).toFixed(4)}  ${half(0).toFixed(4)}  ${half(1).toFixed(4)}`);
}
