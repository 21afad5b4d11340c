/**
 * Where the index stage's time goes as the index grows: documents indexed in chunks of 2,000, each chunk's
 * wall time beside the garbage collector's share of it. Per-chunk time that grows with the index while the GC
 * share stays flat would point at MiniSearch; a growing GC share at the heap.
 * `npx tsx bench/scale/index-growth.ts --corpus data/bench/scale/corpus-21578`
 */
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { splitPassages } from '../../src/corpus/passages.js';
import { createLibrary } from '../../src/library/library.js';
import { createLogger } from '../../src/logger.js';
import { createPassageIndex, toIndexedPassages } from '../../src/search/passage-index.js';

const { values } = parseArgs({ options: { corpus: { type: 'string' }, chunk: { type: 'string', default: '2000' } } });
const library = createLibrary({ directory: path.resolve(values.corpus ?? ''), logger: createLogger({ level: 'error' }) });
await library.reload();
const documents = library.documents();
const passages = documents.map((document) => toIndexedPassages(document, splitPassages(document)));
let gcMs = 0;
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
});
observer.observe({ entryTypes: ['gc'] });
const index = createPassageIndex();
const chunk = Number(values.chunk);
console.log('documents\tpassages\tchunk ms\tgc ms\theap MB');
for (let from = 0; from < documents.length; from += chunk) {
  const gcBefore = gcMs;
  const start = performance.now();
  for (const indexed of passages.slice(from, from + chunk)) index.addAll(indexed);
  const elapsed = performance.now() - start;
  await new Promise((resolve) => setImmediate(resolve));
  console.log(`${Math.min(from + chunk, documents.length)}\t${index.documentCount}\t${elapsed.toFixed(0)}\t${(gcMs - gcBefore).toFixed(0)}\t${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)}`);
}
observer.disconnect();
