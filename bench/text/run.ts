/**
 * `npm run bench:text`: passage splitting and date extraction on long texts, in seconds per MiB.
 * For each kind of text (run-on, no spaces, long lines, many numbers, prose) and size it times, as
 * the product does them, splitting the document into passages and extracting its key events, and
 * separately extracting every date mention of the whole text at once. Linear time shows as a flat
 * seconds-per-MiB column; the growth ratio compares the largest size with the smallest (1.0 is
 * linear) and the exponent is fitted over all sizes. Target: ≤ 2 s per MiB. Each size is timed `--runs`
 * times and the median kept, after a warm-up on every kind, so that compiling patterns is not charged
 * to whichever size comes first.
 * Usage: npm run bench:text -- [--sizes 0.25,0.5,1,2] [--kinds run-on,prose] [--runs 3] [--corpus DIR] [--out FILE]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { splitPassages } from '../../src/corpus/passages.js';
import type { SourceDocument } from '../../src/corpus/types.js';
import { extractDateMentions } from '../../src/dates/extract.js';
import { extractKeyEvents } from '../../src/dates/key-events.js';
import { growthExponent, median, table, timed } from '../fit.js';
import { makeText, textKinds, type TextKind } from './texts.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '0.25,0.5,1,2' },
    kinds: { type: 'string', default: textKinds.join(',') },
    runs: { type: 'string', default: '3' },
    corpus: { type: 'string', default: 'corpus' },
    out: { type: 'string', default: 'data/bench/text.json' },
  },
});
const mebibyte = 1024 * 1024;
const sizes = values.sizes.split(',').map(Number).filter((size) => size > 0).sort((a, b) => a - b);
const runs = Math.max(1, Math.floor(Number(values.runs)) || 1);
const kinds = values.kinds.split(',').filter((kind): kind is TextKind => (textKinds as string[]).includes(kind));
const seedBodies = (await loadCorpus(values.corpus)).documents.map((document) => document.body);
if (seedBodies.length === 0) {
  console.error(`No documents in ${values.corpus}: pass --corpus DIR with the seed corpus (prose is cut from it).`);
  process.exit(1);
}

function documentOf(body: string): SourceDocument {
  return { id: 'bench', file: 'bench.txt', title: 'Bench', author: null, outlet: null, published: { iso: '2025-06-01', precision: 'day' }, publishedBasis: null, body, contentHash: 'bench' , format: 'text', pages: null, scope: null, addition: null};
}

// Warm up on every kind: the first calls compile chrono-node's, the recognisers' and the splitter's code paths.
for (const kind of kinds) {
  const warm = documentOf(makeText(kind, 100_000, seedBodies));
  extractKeyEvents(warm, splitPassages(warm));
  extractDateMentions(warm.body, { referenceDate: warm.published });
}

/** `run` timed `runs` times: its last result and the median wall and CPU seconds. */
function timedMedian<T>(run: () => T): { result: T; wall: number; cpu: number } {
  const timings = Array.from({ length: runs }, () => timed(run));
  const last = timings.at(-1) as { result: T };
  return { result: last.result, wall: median(timings.map((timing) => timing.wall)), cpu: median(timings.map((timing) => timing.cpu)) };
}

interface Row {
  kind: TextKind;
  mebibytes: number;
  passages: number;
  longestPassage: number;
  events: number;
  mentions: number;
  /** Splitting into passages and extracting key events, as the timeline does. */
  timelinePathSeconds: number;
  timelinePathCpuSeconds: number;
  /** extractDateMentions over the whole text in one call. */
  wholeTextSeconds: number;
  wholeTextCpuSeconds: number;
}
const rows: Row[] = [];
for (const kind of kinds) {
  for (const size of sizes) {
    const document = documentOf(makeText(kind, Math.round(size * mebibyte), seedBodies));
    const product = timedMedian(() => {
      const passages = splitPassages(document);
      return { passages, events: extractKeyEvents(document, passages) };
    });
    const whole = timedMedian(() => extractDateMentions(document.body, { referenceDate: document.published }));
    rows.push({
      kind,
      mebibytes: size,
      passages: product.result.passages.length,
      longestPassage: Math.max(0, ...product.result.passages.map((passage) => passage.text.length)),
      events: product.result.events.length,
      mentions: whole.result.length,
      timelinePathSeconds: product.wall,
      timelinePathCpuSeconds: product.cpu,
      wholeTextSeconds: whole.wall,
      wholeTextCpuSeconds: whole.cpu,
    });
    const row = rows.at(-1) as Row;
    console.error(`${kind} ${size} MiB: ${(row.timelinePathSeconds / size).toFixed(2)} s/MiB passages+events, ${(row.wholeTextSeconds / size).toFixed(2)} s/MiB whole text`);
  }
}

const perMiB = (seconds: number, row: Row) => (seconds / row.mebibytes).toFixed(2);
console.log(`\nSeconds per MiB, median of ${runs} run${runs === 1 ? '' : 's'} (wall; cpu = user+system, steadier on a shared machine)`);
console.log(
  table([
    ['text', 'MiB', 'passages', 'longest', 'events', 'passages+events s/MiB', 'cpu s/MiB', 'whole-text dates s/MiB', 'cpu s/MiB'],
    ...rows.map((row) => [
      row.kind,
      String(row.mebibytes),
      String(row.passages),
      String(row.longestPassage),
      String(row.events),
      perMiB(row.timelinePathSeconds, row),
      perMiB(row.timelinePathCpuSeconds, row),
      perMiB(row.wholeTextSeconds, row),
      perMiB(row.wholeTextCpuSeconds, row),
    ]),
  ]),
);

interface Growth {
  kind: TextKind;
  /** Seconds per MiB at the largest size over seconds per MiB at the smallest: 1.0 is linear. */
  ratio: number;
  cpuRatio: number;
  exponent: number | null;
  wholeTextRatio: number;
  wholeTextExponent: number | null;
}
const growth: Growth[] = kinds.map((kind) => {
  const ofKind = rows.filter((row) => row.kind === kind);
  const first = ofKind[0] as Row;
  const last = ofKind.at(-1) as Row;
  const ratio = (pick: (row: Row) => number) => pick(last) / last.mebibytes / (pick(first) / first.mebibytes);
  const exponent = (pick: (row: Row) => number) => growthExponent(ofKind.map((row) => ({ size: row.mebibytes, seconds: pick(row) })));
  return {
    kind,
    ratio: ratio((row) => row.timelinePathSeconds),
    cpuRatio: ratio((row) => row.timelinePathCpuSeconds),
    exponent: exponent((row) => row.timelinePathCpuSeconds),
    wholeTextRatio: ratio((row) => row.wholeTextCpuSeconds),
    wholeTextExponent: exponent((row) => row.wholeTextCpuSeconds),
  };
});
const show = (value: number | null) => (value === null ? '-' : value.toFixed(2));
console.log(`\nGrowth from ${sizes[0]} to ${sizes.at(-1)} MiB (ratio of seconds per MiB; exponent fitted on cpu time, 1.0 is linear)`);
console.log(
  table([
    ['text', 'passages+events ratio', 'cpu ratio', 'exponent', 'whole-text cpu ratio', 'exponent'],
    ...growth.map((entry) => [entry.kind, show(entry.ratio), show(entry.cpuRatio), show(entry.exponent), show(entry.wholeTextRatio), show(entry.wholeTextExponent)]),
  ]),
);

mkdirSync(path.dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify({ sizesMiB: sizes, runs, rows, growth }, null, 2)}\n`);
console.log(`written ${values.out}`);
