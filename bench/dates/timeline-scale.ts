/**
 * `npm run bench:timeline`: building the timeline of a large library, as the product does it
 * (passages → key events → merged entries), on the Reuters-21578 articles held in memory as
 * documents with `published` from the dataset's date. For 1,000, 5,000 and all 21,578 documents it
 * times extraction (splitting and key events of those documents) and the merge, then fits each
 * stage's growth exponent (1.0 is linear). `--check` also runs the merge as it was before candidates
 * were indexed (tests/dates/merge-reference.ts) on the sizes up to 5,000 and fails if any entry differs.
 * Usage: npm run bench:timeline -- [--reuters FILE] [--sizes 1000,5000,21578] [--runs N] [--check] [--out FILE]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { splitPassages } from '../../src/corpus/passages.js';
import { extractKeyEvents } from '../../src/dates/key-events.js';
import { mergeEvents } from '../../src/dates/merge.js';
import type { KeyEvent } from '../../src/dates/types.js';
import { mergeEventsByComparingAll } from '../../tests/dates/merge-reference.js';
import { growthExponent, median, table, timed } from '../fit.js';
import { readReutersDocuments } from '../reuters.js';

const { values } = parseArgs({
  options: {
    reuters: { type: 'string', default: '../shared/datasets/reuters21578/corpus.jsonl' },
    sizes: { type: 'string', default: '1000,5000,21578' },
    runs: { type: 'string', default: '3' },
    check: { type: 'boolean', default: false },
    out: { type: 'string', default: 'data/bench/timeline-scale.json' },
  },
});
const sizes = values.sizes.split(',').map(Number).filter((size) => Number.isInteger(size) && size > 0).sort((a, b) => a - b);
const runs = Math.max(1, Number(values.runs) || 3);
const documents = readReutersDocuments(values.reuters, sizes.at(-1));
console.log(`${documents.length} Reuters documents from ${values.reuters}`);

// Extraction, one document at a time, so the time of the first n documents can be read off.
const eventsByDocument: KeyEvent[][] = [];
const cumulative: { wall: number; cpu: number }[] = [];
let wall = 0;
let cpu = 0;
for (const document of documents) {
  const step = timed(() => extractKeyEvents(document, splitPassages(document)));
  eventsByDocument.push(step.result);
  wall += step.wall;
  cpu += step.cpu;
  cumulative.push({ wall, cpu });
}

interface Row {
  documents: number;
  events: number;
  entries: number;
  extractSeconds: number;
  extractCpuSeconds: number;
  mergeSeconds: number;
  mergeCpuSeconds: number;
  sameAsReference: boolean | null;
}
const rows: Row[] = [];
for (const size of sizes) {
  const n = Math.min(size, documents.length);
  const events = eventsByDocument.slice(0, n).flat();
  const merges = Array.from({ length: runs }, () => timed(() => mergeEvents(events)));
  const entries = merges[0]?.result ?? [];
  let sameAsReference: boolean | null = null;
  if (values.check && n <= 5000) sameAsReference = isDeepStrictEqual(entries, mergeEventsByComparingAll(events));
  const extracted = cumulative[n - 1] ?? { wall: 0, cpu: 0 };
  rows.push({
    documents: n,
    events: events.length,
    entries: entries.length,
    extractSeconds: extracted.wall,
    extractCpuSeconds: extracted.cpu,
    mergeSeconds: median(merges.map((merge) => merge.wall)),
    mergeCpuSeconds: median(merges.map((merge) => merge.cpu)),
    sameAsReference,
  });
}

const exponent = (pick: (row: Row) => number) => growthExponent(rows.map((row) => ({ size: row.documents, seconds: pick(row) })));
const exponents = {
  extract: exponent((row) => row.extractSeconds),
  extractCpu: exponent((row) => row.extractCpuSeconds),
  merge: exponent((row) => row.mergeSeconds),
  mergeCpu: exponent((row) => row.mergeCpuSeconds),
};
const seconds = (value: number) => value.toFixed(2);
console.log(`\nTimeline of Reuters documents (merge: median of ${runs} runs; cpu = user+system seconds)`);
console.log(
  table([
    ['documents', 'events', 'entries', 'extract s', 'extract cpu s', 'merge s', 'merge cpu s', 'same as reference'],
    ...rows.map((row) => [
      String(row.documents),
      String(row.events),
      String(row.entries),
      seconds(row.extractSeconds),
      seconds(row.extractCpuSeconds),
      seconds(row.mergeSeconds),
      seconds(row.mergeCpuSeconds),
      row.sameAsReference === null ? '-' : row.sameAsReference ? 'yes' : 'NO',
    ]),
  ]),
);
const show = (value: number | null) => (value === null ? '-' : value.toFixed(2));
console.log(`growth exponent: extract ${show(exponents.extract)} (cpu ${show(exponents.extractCpu)}), merge ${show(exponents.merge)} (cpu ${show(exponents.mergeCpu)})`);

mkdirSync(path.dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify({ source: values.reuters, runs, rows, exponents }, null, 2)}\n`);
console.log(`written ${values.out}`);
if (rows.some((row) => row.sameAsReference === false)) {
  console.error('The indexed merge differs from the reference merge.');
  process.exitCode = 1;
}
