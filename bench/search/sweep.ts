/**
 * The parameter sweep behind `passageRanking` and the SciFact parameters: BM25 k, b, d, the
 * coordination exponent and the field boosts, measured on the ranking set (MRR, Hit@3) and
 * SciFact (nDCG@10). Run: npx tsx bench/search/sweep.ts [--scifact DIR] [--corpus DIR]
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { createLogger } from '../../src/logger.js';
import { createIndexOptions, type RankingParameters } from '../../src/search/index-options.js';
import { passageRanking } from '../../src/search/passage-index.js';
import { rankQuery } from '../../src/search/rank-query.js';
import { openSearchService } from '../../src/search/search-service.js';
import { rankingSet } from '../../tests/search/ranking-set.js';
import { loadSciFact, type BenchDocument } from './datasets.js';
import { mean, ndcgAt } from './metrics.js';
import { evaluateRanking } from './ranking-evaluation.js';

const { values } = parseArgs({ options: { scifact: { type: 'string', default: '../shared/datasets/scifact' }, corpus: { type: 'string', default: 'corpus' } } });
const corpus = await loadCorpus(values.corpus);
const logger = createLogger({ level: 'silent' });
const sciFact = loadSciFact(values.scifact);
const sciFactIndex = new MiniSearch<BenchDocument>(createIndexOptions(['title', 'text']));
sciFactIndex.addAll(sciFact.documents);

function sciFactNdcg(parameters: RankingParameters): number {
  return mean(sciFact.queries.map((query) => ndcgAt(10, rankQuery(sciFactIndex, query.text, parameters, { limit: 10 }).map((hit) => hit.id), sciFact.relevant.get(query.id) ?? new Set())));
}

async function rankingQuality(parameters: RankingParameters) {
  const service = await openSearchService({ corpus, dataDir: await mkdtemp(path.join(os.tmpdir(), 'briefing-sweep-')), logger, ranking: parameters });
  return evaluateRanking(service, rankingSet);
}

const rows: Array<Record<string, number | string>> = [];
console.log('k     b     d     coord | ranking MRR  Hit@1  Hit@3 | SciFact nDCG@10 (title 0.4)');
for (const k of [1.2, 1.5, 2]) {
  for (const b of [0.5, 0.75, 0.9]) {
    for (const d of [0, 0.5]) {
      for (const coordination of [0, 0.5, 1]) {
        const bm25 = { k, b, d };
        const ranking = await rankingQuality({ ...passageRanking, bm25, coordination });
        const ndcg = sciFactNdcg({ bm25, coordination, boost: { title: 0.4, text: 1 } });
        rows.push({ k, b, d, coordination, mrr: ranking.meanReciprocalRank, hitAt1: ranking.hitAt1, hitAt3: ranking.hitAt3, ndcg });
        console.log(`${k.toFixed(1).padEnd(5)} ${b.toFixed(2).padEnd(5)} ${d.toFixed(1).padEnd(5)} ${coordination.toFixed(1).padEnd(5)} | ${ranking.meanReciprocalRank.toFixed(3).padStart(11)}  ${ranking.hitAt1.toFixed(3)}  ${ranking.hitAt3.toFixed(3)} | ${ndcg.toFixed(4)}`);
      }
    }
  }
}

console.log('\nField boosts at the chosen BM25 parameters (ranking set):');
console.log('text context heading title | MRR    Hit@3');
for (const context of [0.4, 0.7, 1]) {
  for (const heading of [0.2, 0.4, 0.8]) {
    for (const title of [0, 0.2, 0.5]) {
      const boost = { text: 1, context, heading, title };
      const ranking = await rankingQuality({ ...passageRanking, boost });
      console.log(`1    ${context.toFixed(1)}     ${heading.toFixed(1)}     ${title.toFixed(1)}  | ${ranking.meanReciprocalRank.toFixed(3)}  ${ranking.hitAt3.toFixed(3)}`);
    }
  }
}
console.log('\nSciFact title boost at the chosen BM25 parameters:');
for (const title of [0.2, 0.3, 0.4, 0.5, 0.75, 1]) {
  console.log(`title ${title.toFixed(2)}: nDCG@10 ${sciFactNdcg({ ...passageRanking, boost: { title, text: 1 } }).toFixed(4)}`);
}
