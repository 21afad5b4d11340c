/**
 * The SciFact side of the ranking parameters, through the real `ask()` path: title weight and
 * BM25 k, scored on the tuning half of SciFact's judged queries (even positions), with the
 * held-out half (odd positions) printed beside and never used to choose.
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
const candidates: RankingParameters[] = [0.2, 0.4, 0.6].flatMap((title) => [1.2, 1.5].map((k) => ({ ...passageRanking, bm25: { ...passageRanking.bm25, k }, boost: { ...passageRanking.boost, title } })));
console.log('title  k    | tuning nDCG@10  held-out nDCG@10');
for (const ranking of candidates) {
  const engine = briefingAskEngine(ranking);
  await engine.build(data.documents);
  const scores: number[] = [];
  for (const query of data.queries) scores.push(ndcgAt(10, await engine.search(query.text, 10), data.relevant.get(query.id) ?? new Set()));
  const half = (parity: number) => mean(scores.filter((_, position) => position % 2 === parity));
  console.log(`${String(ranking.boost.title).padEnd(6)} ${String(ranking.bm25.k).padEnd(4)} | ${half(0).toFixed(4).padEnd(15)} ${half(1).toFixed(4)}`);
}
