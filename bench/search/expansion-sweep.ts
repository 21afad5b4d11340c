/**
 * The sweep behind the query-expansion parameters: Russian translation weight and WordNet
 * synonym senses and weight, scored on the tuning half of the ranking set, with the held-out
 * half printed beside it (never used to choose). Run: npx tsx bench/search/expansion-sweep.ts
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { createLogger } from '../../src/logger.js';
import { openSearchService } from '../../src/search/search-service.js';
import { synonymLimits, type SynonymLimits } from '../../src/search/synonyms/synonym-expander.js';
import { evaluateHalf } from './ranking-evaluation.js';

const corpus = await loadCorpus('corpus');
const logger = createLogger({ level: 'silent' });
const synonymOptions: Array<SynonymLimits | false> = [false, ...[1, 2].flatMap((senses) => [0.2, 0.3, 0.5].map((weight) => ({ ...synonymLimits, senses, weight })))];
console.log('translation  synonyms           | tuning H@1  H@3    MRR    | held-out H@1  H@3    MRR');
for (const translationWeight of [0.4, 0.6, 0.8, 1, 1.25, 1.5, 2]) {
  for (const synonyms of synonymOptions) {
    const service = await openSearchService({ corpus, dataDir: await mkdtemp(path.join(os.tmpdir(), 'briefing-expansion-')), logger, synonyms, translationWeight });
    const tuning = evaluateHalf(service, 'tuning').ranking;
    const heldOut = evaluateHalf(service, 'held-out').ranking;
    const label = synonyms === false ? 'off' : `senses ${synonyms.senses} w ${synonyms.weight}`;
    const cells = (quality: typeof tuning) => `${quality.hitAt1.toFixed(3)}  ${quality.hitAt3.toFixed(3)}  ${quality.meanReciprocalRank.toFixed(3)}`;
    console.log(`${translationWeight.toFixed(1).padEnd(12)} ${label.padEnd(18)} | ${cells(tuning)}  | ${cells(heldOut)}`);
  }
}
