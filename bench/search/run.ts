/**
 * `npm run bench`: our query path (the one `ask` uses) against lunr, FlexSearch and Orama.
 *   SciFact: nDCG@10 and Recall@100 (published BM25: 0.665).
 *   Reuters-21578: build time, snapshot load time, query latency p50/p95 with the snapshot
 *   loaded (one query per title of a sample of documents), heap used by the loaded index.
 * Usage: npm run bench -- [--scifact DIR] [--reuters DIR] [--queries N] [--rounds N] [--engines a,b]
 *                          [--datasets scifact,reuters]
 * The machine is shared: latencies are the median over rounds, and ratios to ours are given.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadReuters, loadSciFact, MissingDatasetError, type BenchDocument } from './datasets.js';
import { allEngines, briefingAskEngine, type Engine } from './engines.js';
import { mean, median, ndcgAt, percentile, recallAt } from './metrics.js';

const publishedBm25 = 0.665;
const slowRoundBudgetMs = 15_000;

const { values } = parseArgs({
  options: {
    scifact: { type: 'string', default: '../shared/datasets/scifact' },
    reuters: { type: 'string', default: '../shared/datasets/reuters21578' },
    queries: { type: 'string', default: '300' },
    rounds: { type: 'string', default: '3' },
    engines: { type: 'string' },
    datasets: { type: 'string', default: 'scifact,reuters' },
    out: { type: 'string', default: 'data/bench/search.json' },
  },
});

const gc = (globalThis as { gc?: () => void }).gc;
const heapUsed = () => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
};
const milliseconds = (start: number) => performance.now() - start;

function pickEngines(): Engine[] {
  const wanted = values.engines?.split(',').map((name) => name.trim().toLowerCase());
  return allEngines().filter((engine) => !wanted || wanted.some((name) => engine.name.toLowerCase().startsWith(name)));
}

interface SciFactRow {
  engine: string;
  ndcgAt10: number;
  /** nDCG@10 on the even-numbered queries (the half parameters may be chosen on) and the odd ones (held out). */
  ndcgTuning: number;
  ndcgHeldOut: number;
  recallAt100: number;
}

async function runSciFact(folder: string): Promise<SciFactRow[]> {
  const data = loadSciFact(folder);
  const rows: SciFactRow[] = [];
  for (const engine of pickEngines()) {
    await engine.build(data.documents);
    const ndcg: number[] = [];
    const recall: number[] = [];
    for (const query of data.queries) {
      const ranked = await engine.search(query.text, 100);
      const relevant = data.relevant.get(query.id) ?? new Set<string>();
      ndcg.push(ndcgAt(10, ranked, relevant));
      recall.push(recallAt(100, ranked, relevant));
    }
    const half = (parity: number) => mean(ndcg.filter((_, position) => position % 2 === parity));
    rows.push({ engine: engine.name, ndcgAt10: mean(ndcg), ndcgTuning: half(0), ndcgHeldOut: half(1), recallAt100: mean(recall) });
    console.error(`scifact: ${engine.name} done`);
  }
  return rows;
}

interface ReutersRow {
  engine: string;
  buildMs: number;
  snapshotBytes: number;
  loadMs: number;
  p50Ms: number;
  p95Ms: number;
  heapMb: number;
}

async function runReuters(folder: string, queryCount: number, rounds: number): Promise<ReutersRow[]> {
  const documents = loadReuters(folder);
  const queries = sampleTitles(documents, queryCount);
  const rows: ReutersRow[] = [];
  for (const engine of pickEngines()) {
    let start = performance.now();
    await engine.build(documents);
    const buildMs = milliseconds(start);
    const snapshot = await engine.serialize();
    // Measure the loaded snapshot alone: rebuild the engine's state from the saved string.
    const fresh = allEngines().find((candidate) => candidate.name === engine.name) ?? engine;
    const before = heapUsed();
    start = performance.now();
    await fresh.load(snapshot);
    const loadMs = milliseconds(start);
    const heapMb = (heapUsed() - before) / 1e6;
    for (const query of queries.slice(0, 20)) await fresh.search(query, 10);
    const p50: number[] = [];
    const p95: number[] = [];
    const roundsStart = performance.now();
    // A slow peer gets fewer rounds so that a full run stays within a few minutes.
    for (let round = 0; round < rounds && (round === 0 || milliseconds(roundsStart) < slowRoundBudgetMs); round += 1) {
      const times: number[] = [];
      for (const query of queries) {
        const queryStart = performance.now();
        await fresh.search(query, 10);
        times.push(milliseconds(queryStart));
      }
      p50.push(percentile(times, 50));
      p95.push(percentile(times, 95));
    }
    rows.push({ engine: engine.name, buildMs, snapshotBytes: fresh.snapshotBytes?.() ?? snapshot.length, loadMs, p50Ms: median(p50), p95Ms: median(p95), heapMb });
    console.error(`reuters: ${engine.name} done`);
  }
  return rows;
}

/** Every n-th titled document's title, spread over the collection. */
function sampleTitles(documents: BenchDocument[], count: number): string[] {
  const titled = documents.filter((document) => document.title.trim() !== '');
  const step = Math.max(1, Math.floor(titled.length / count));
  return titled.filter((_, index) => index % step === 0).slice(0, count).map((document) => document.title);
}

function printTable(title: string, rows: Array<Record<string, string>>): void {
  const columns = Object.keys(rows[0] ?? {});
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => (row[column] ?? '').length)));
  console.log(`\n${title}`);
  console.log(columns.map((column, index) => column.padEnd(widths[index] ?? 0)).join('  '));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(columns.map((column, index) => (row[column] ?? '').padEnd(widths[index] ?? 0)).join('  '));
}

async function main(): Promise<void> {
  const queryCount = Number(values.queries);
  const rounds = Number(values.rounds);
  if (!gc) console.error('note: run with node --expose-gc (as `npm run bench` does) for heap figures');
  const datasets = new Set(values.datasets.split(',').map((name) => name.trim().toLowerCase()));
  const unknown = [...datasets].filter((name) => name !== 'scifact' && name !== 'reuters');
  if (unknown.length > 0) {
    console.error(`Unknown dataset ${unknown.join(', ')}: pass --datasets scifact, reuters or scifact,reuters.`);
    process.exit(2);
  }
  const sciFact = datasets.has('scifact') ? await runSciFact(values.scifact) : [];
  const reuters = datasets.has('reuters') ? await runReuters(values.reuters, queryCount, rounds) : [];
  const ours = reuters.find((row) => row.engine === briefingAskEngine().name);

  if (sciFact.length > 0) printTable(`SciFact (${values.scifact}): published BM25 nDCG@10 = ${publishedBm25}`, sciFact.map((row) => ({
    engine: row.engine,
    'nDCG@10': row.ndcgAt10.toFixed(4),
    'tuning half': row.ndcgTuning.toFixed(4),
    'held-out half': row.ndcgHeldOut.toFixed(4),
    'Recall@100': row.recallAt100.toFixed(4),
    'vs BM25': `${row.ndcgAt10 >= publishedBm25 ? '+' : ''}${(row.ndcgAt10 - publishedBm25).toFixed(4)}`,
  })));
  if (reuters.length > 0) printTable(`Reuters-21578 (${values.reuters}): ${queryCount} title queries, median of ${rounds} rounds, snapshot loaded`, reuters.map((row) => ({
    engine: row.engine,
    'build s': (row.buildMs / 1000).toFixed(2),
    'snapshot MB': (row.snapshotBytes / 1e6).toFixed(1),
    'load ms': row.loadMs.toFixed(0),
    'p50 ms': row.p50Ms.toFixed(2),
    'p95 ms': row.p95Ms.toFixed(2),
    'p95 / ours': ours ? (row.p95Ms / ours.p95Ms).toFixed(1) : '-',
    'heap MB': row.heapMb.toFixed(0),
  })));

  mkdirSync(path.dirname(values.out), { recursive: true });
  writeFileSync(values.out, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, publishedBm25, sciFact, reuters: { queries: queryCount, rounds, rows: reuters } }, null, 2)}\n`);
  console.log(`\nJSON written to ${values.out}`);
}

main().catch((error: unknown) => {
  if (error instanceof MissingDatasetError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
});
