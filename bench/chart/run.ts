/**
 * `npm run bench:chart`: how long the timeline picture takes and how big it is.
 *  1. Start-up: importing the chart module, then the first picture (fonts are read once).
 *  2. For 1, the seed corpus's dates, 200, 1,000 and 5,000 dates: median spec, SVG, PNG and total
 *     milliseconds, PNG bytes, and what was labelled or hidden. The budget is 1 s for 200 dates and
 *     Discord's 10 MiB per file.
 *  3. The measured lead for comparison: vega-lite compiled by vega to SVG (same marks), then the
 *     same resvg step.
 * Usage: npm run bench:chart -- [--runs N] [--out FILE]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { ChartEntry } from '../../src/chart/types.js';
import { seedCorpus } from '../../tests/dates/helpers.js';
import { syntheticEntries } from './entries.js';
import { median } from '../fit.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, out: { type: 'string', default: 'data/bench/chart.json' } } });
const runs = Math.max(1, Number(values.runs) || 7);
const budgetMs = 1000;
const discordFileBytes = 10 * 1024 * 1024;

const importStart = performance.now();
const { timelineChartSpec } = await import('../../src/chart/spec.js');
const { chartSvg } = await import('../../src/chart/svg.js');
const { measureText } = await import('../../src/chart/fonts.js');
const { svgToPng } = await import('../../src/chart/render.js');
const importMs = performance.now() - importStart;
const { buildTimeline } = await import('../../src/dates/timeline.js');

const { documents, passagesOf } = await seedCorpus();
const corpusTimeline = buildTimeline(documents, passagesOf);
const labels = corpusTimeline.map((entry) => entry.label);
const options = { title: 'Key dates', size: 'full' as const, titleOf: (docId: string) => docId, measure: measureText };

const firstStart = performance.now();
await svgToPng(chartSvg(timelineChartSpec(corpusTimeline, options)));
const firstPictureMs = performance.now() - firstStart;


interface Row {
  name: string;
  entries: number;
  specMs: number;
  svgMs: number;
  pngMs: number;
  totalMs: number;
  pngBytes: number;
  width: number;
  height: number;
  labelled: number;
  hiddenLabels: number;
  shapes: number;
}

async function measure(name: string, entries: readonly ChartEntry[]): Promise<Row> {
  const times = { spec: [] as number[], svg: [] as number[], png: [] as number[], total: [] as number[] };
  let last: Row | null = null;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const spec = timelineChartSpec(entries, options);
    const specDone = performance.now();
    const svg = chartSvg(spec);
    const svgDone = performance.now();
    const png = await svgToPng(svg);
    const end = performance.now();
    times.spec.push(specDone - start);
    times.svg.push(svgDone - specDone);
    times.png.push(end - svgDone);
    times.total.push(end - start);
    last = { name, entries: entries.length, specMs: 0, svgMs: 0, pngMs: 0, totalMs: 0, pngBytes: png.length, width: spec.width, height: spec.height, labelled: spec.labelled, hiddenLabels: spec.hiddenLabels, shapes: spec.shapes.length };
  }
  if (last === null) throw new Error('no run');
  return { ...last, specMs: median(times.spec), svgMs: median(times.svg), pngMs: median(times.png), totalMs: median(times.total) };
}

const cases: [string, readonly ChartEntry[]][] = [
  ['one date', corpusTimeline.slice(-2, -1)],
  ['seed corpus', corpusTimeline],
  ['200 dates', syntheticEntries(200, labels)],
  ['1,000 dates', syntheticEntries(1000, labels)],
  ['5,000 dates', syntheticEntries(5000, labels)],
];
const rows: Row[] = [];
for (const [name, entries] of cases) rows.push(await measure(name, entries));

console.log(`Timeline picture (${runs} runs, medians; Node ${process.version})`);
console.log(`import chart module ${importMs.toFixed(1)} ms; first picture (reads the fonts) ${firstPictureMs.toFixed(1)} ms\n`);
console.log('case          dates  spec ms   svg ms   png ms  total ms  ×1 s budget   PNG KiB  ×10 MiB   size       labelled  hidden  shapes');
for (const row of rows) {
  console.log(
    `${row.name.padEnd(12)} ${String(row.entries).padStart(6)} ${row.specMs.toFixed(1).padStart(8)} ${row.svgMs.toFixed(1).padStart(8)} ${row.pngMs.toFixed(1).padStart(8)} ${row.totalMs.toFixed(1).padStart(9)} ${(row.totalMs / budgetMs).toFixed(3).padStart(12)} ${(row.pngBytes / 1024).toFixed(1).padStart(9)} ${(row.pngBytes / discordFileBytes).toFixed(4).padStart(8)}   ${`${row.width}×${row.height}`.padEnd(10)} ${String(row.labelled).padStart(8)} ${String(row.hiddenLabels).padStart(7)} ${String(row.shapes).padStart(7)}`,
  );
}

// 3. The lead's pipeline on the same marks.
const vegaImportStart = performance.now();
const { vegaSvg } = await import('./vega-pipeline.js');
await vegaSvg(timelineChartSpec(corpusTimeline.slice(0, 1), options));
const vegaImportMs = performance.now() - vegaImportStart;
const comparison: { name: string; entries: number; directSvgMs: number; vegaSvgMs: number; directPngMs: number; vegaPngMs: number; ratio: number }[] = [];
for (const [name, entries] of cases.slice(1, 3)) {
  const spec = timelineChartSpec(entries, options);
  const direct = { svg: [] as number[], png: [] as number[] };
  const vega = { svg: [] as number[], png: [] as number[] };
  for (let run = 0; run < runs; run++) {
    let start = performance.now();
    const ours = chartSvg(spec);
    direct.svg.push(performance.now() - start);
    start = performance.now();
    await svgToPng(ours);
    direct.png.push(performance.now() - start);
    start = performance.now();
    const theirs = await vegaSvg(spec);
    vega.svg.push(performance.now() - start);
    start = performance.now();
    await svgToPng(theirs);
    vega.png.push(performance.now() - start);
  }
  const row = { name, entries: entries.length, directSvgMs: median(direct.svg), vegaSvgMs: median(vega.svg), directPngMs: median(direct.png), vegaPngMs: median(vega.png), ratio: 0 };
  row.ratio = (row.vegaSvgMs + row.vegaPngMs) / (row.directSvgMs + row.directPngMs);
  comparison.push(row);
}
console.log(`\nSpec to SVG: our writer against vega-lite → vega (same shapes; vega-lite and vega import and first view ${vegaImportMs.toFixed(0)} ms)`);
console.log('case          dates  our SVG ms  vega SVG ms  PNG from ours ms  PNG from vega ms  vega total ÷ ours');
for (const row of comparison) {
  console.log(`${row.name.padEnd(12)} ${String(row.entries).padStart(6)} ${row.directSvgMs.toFixed(2).padStart(11)} ${row.vegaSvgMs.toFixed(1).padStart(12)} ${row.directPngMs.toFixed(1).padStart(17)} ${row.vegaPngMs.toFixed(1).padStart(17)} ${row.ratio.toFixed(2).padStart(18)}`);
}

mkdirSync(path.dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify({ at: new Date().toISOString(), node: process.version, runs, budgetMs, discordFileBytes, importMs, firstPictureMs, rows, vega: { importMs: vegaImportMs, comparison } }, null, 2)}\n`);
console.log(`\nWrote ${values.out}`);
