/**
 * `npm run bench:scale`: the product path on a library of 1,000, 5,000 and 21,578 Reuters-21578
 * documents, written as corpus folders in the project's own format (Markdown, `published` in front
 * matter) under data/bench/scale/. For each size, each in its own process:
 * - the stages of a cold start, one by one: read, split, index, save snapshot, extract dates, merge;
 * - a cold start (no snapshot) and a warm start (snapshot present, nothing changed) to ready
 *   (search open and the timeline built), with in-process `ask()` p50/p95, and on the warm start
 *   the ranker alone on the same passages, each question through both in turn, with the ratio of the two;
 * - an update of one changed and one added file: until `ask` quotes them, the timeline after it, the save;
 * - the command line on the warm library: `timeline --json`, `digest --json`, `ask`;
 * and peak RSS for each. Prints a table, fits each row's growth exponent across the sizes (1.0 is
 * linear) and writes data/bench/scale.json.
 * Usage: npm run bench:scale -- [--dataset ../shared/datasets/reuters21578] [--sizes 1000,5000,21578] [--out FILE]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { growthExponent, table } from '../fit.js';
import { writeReutersFolder } from './corpus.js';

const { values } = parseArgs({
  options: {
    dataset: { type: 'string', default: '../shared/datasets/reuters21578' },
    sizes: { type: 'string', default: '1000,5000,21578' },
    out: { type: 'string', default: 'data/bench/scale.json' },
    work: { type: 'string', default: 'data/bench/scale' },
  },
});
const sizes = values.sizes.split(',').map(Number).filter((size) => Number.isInteger(size) && size > 0).sort((a, b) => a - b);
const work = path.resolve(values.work);
mkdirSync(work, { recursive: true });

interface Timed {
  seconds: number;
  cpuSeconds?: number;
  peakRssMb: number | null;
}

/** Runs one measurement in its own process and returns its JSON line. */
function measure(args: string[]): Record<string, unknown> {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/scale/measure.ts', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`measure ${args.join(' ')} failed (${child.status}):\n${child.stderr}`);
  const line = child.stdout.trim().split('\n').at(-1) ?? '{}';
  return JSON.parse(line) as Record<string, unknown>;
}

/** The command line as an analyst runs it, built once into the bench's own folder; wall seconds and peak RSS of the process. */
const cliBuild = path.join(work, 'build');
function buildCli(): string {
  const built = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', cliBuild], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building the command line failed:\n${built.stdout}${built.stderr}`);
  return path.join(cliBuild, 'src', 'cli', 'main.js');
}

function runCli(main: string, corpusDir: string, dataDir: string, args: string[]): Timed {
  const rssFile = path.join(work, 'cli-rss.txt');
  const start = performance.now();
  const child = spawnSync('/usr/bin/time', ['-f', '%M', '-o', rssFile, process.execPath, main, ...args], {
    cwd: work,
    env: { ...process.env, CORPUS_DIR: corpusDir, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const seconds = (performance.now() - start) / 1000;
  if (child.status !== 0) throw new Error(`briefing ${args.join(' ')} failed (${child.status}):\n${child.stderr}`);
  const kilobytes = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) : Number.NaN;
  return { seconds, peakRssMb: Number.isFinite(kilobytes) ? kilobytes / 1024 : null };
}

const cliMain = buildCli();
const results: Record<string, unknown>[] = [];
for (const size of sizes) {
  const corpusDir = path.join(work, `corpus-${size}`);
  const written = writeReutersFolder(path.resolve(values.dataset), corpusDir, size);
  console.log(`${size}: corpus folder ${written.written ? 'written' : 'reused'} (${written.files} files)`);
  const dataDir = path.join(work, `data-${size}`);
  const stages = measure(['--mode', 'stages', '--corpus', corpusDir, '--data', path.join(work, `data-${size}-stages`)]);
  console.log(`${size}: stages done`);
  rmSync(dataDir, { recursive: true, force: true });
  const cold = measure(['--mode', 'start', '--corpus', corpusDir, '--data', dataDir]);
  const warm = measure(['--mode', 'start', '--corpus', corpusDir, '--data', dataDir, '--ranker']);
  console.log(`${size}: cold and warm starts done`);
  const cli = {
    timeline: runCli(cliMain, corpusDir, dataDir, ['timeline', '--json']),
    digest: runCli(cliMain, corpusDir, dataDir, ['digest', '--json', '--date', '1987-03-15', '--tz', 'UTC']),
    ask: runCli(cliMain, corpusDir, dataDir, ['ask', 'cocoa exports from Brazil', '--json']),
  };
  const update = measure(['--mode', 'start', '--corpus', corpusDir, '--data', dataDir, '--update']);
  console.log(`${size}: command line and update done`);
  results.push({ size, stages, cold, warm, update, cli });
}

type Row = { name: string; target?: string; pick: (result: Record<string, unknown>) => Timed | undefined };
const at = (value: unknown, ...keys: string[]): unknown => keys.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);
const timedAt = (...keys: string[]) => (result: Record<string, unknown>) => at(result, ...keys) as Timed | undefined;
const rows: Row[] = [
  { name: 'read folder', pick: timedAt('stages', 'stages', 'read') },
  { name: 'split passages', pick: timedAt('stages', 'stages', 'split') },
  { name: 'index', pick: timedAt('stages', 'stages', 'index') },
  { name: 'save snapshot', pick: timedAt('stages', 'stages', 'save') },
  { name: 'extract dates', pick: timedAt('stages', 'stages', 'extract') },
  { name: 'merge timeline', target: '≤ 5 s', pick: timedAt('stages', 'stages', 'merge') },
  { name: 'cold start to ready', target: '≤ 60 s', pick: timedAt('cold', 'ready') },
  { name: 'warm start to ready', target: '≤ 3 s', pick: timedAt('warm', 'ready') },
  { name: '  of which search open', pick: timedAt('warm', 'open') },
  { name: '  of which timeline', pick: timedAt('warm', 'timeline') },
  { name: 'update: ask quotes it', target: '≤ 1 s', pick: timedAt('update', 'update', 'askReflects') },
  { name: 'update: timeline after', pick: timedAt('update', 'update', 'timelineAfter') },
  { name: 'update: snapshot saved', pick: timedAt('update', 'update', 'snapshotSaved') },
  { name: 'CLI timeline --json', pick: timedAt('cli', 'timeline') },
  { name: 'CLI digest --json', pick: timedAt('cli', 'digest') },
  { name: 'CLI ask (warm)', target: '≤ 1 s', pick: timedAt('cli', 'ask') },
];
const seconds = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(2));
const megabytes = (value: number | null | undefined) => (value === undefined || value === null ? '-' : value.toFixed(0));
const show = (value: number | null) => (value === null ? '-' : value.toFixed(2));
const exponents: Record<string, number | null> = {};
const lines = [['seconds (peak RSS MB)', ...sizes.map((size) => `${size} docs`), 'exponent', 'target']];
for (const row of rows) {
  const timed = results.map((result) => row.pick(result));
  const exponent = growthExponent(results.map((result, index) => ({ size: Number(result.size), seconds: timed[index]?.seconds ?? 0 })));
  exponents[row.name.trim()] = exponent;
  lines.push([row.name, ...timed.map((entry) => `${seconds(entry?.seconds)} (${megabytes(entry?.peakRssMb)})`), show(exponent), row.target ?? '']);
}
const askRow = ['ask() in process p50 / p95 ms', ...results.map((result) => `${Number(at(result, 'warm', 'ask', 'p50Ms')).toFixed(2)} / ${Number(at(result, 'warm', 'ask', 'p95Ms')).toFixed(2)}`), '', 'p95 ≤ 2 ms'];
const besideRow = ['ask() beside the ranker p50 / p95 ms', ...results.map((result) => `${Number(at(result, 'warm', 'ranker', 'askP50Ms')).toFixed(2)} / ${Number(at(result, 'warm', 'ranker', 'askP95Ms')).toFixed(2)}`), '', ''];
const rankerRow = ['ranker alone p50 / p95 ms', ...results.map((result) => `${Number(at(result, 'warm', 'ranker', 'p50Ms')).toFixed(2)} / ${Number(at(result, 'warm', 'ranker', 'p95Ms')).toFixed(2)}`), '', ''];
const ratioRow = ['ask() ÷ ranker p50 / p95', ...results.map((result) => `${Number(at(result, 'warm', 'ranker', 'askToRankerP50')).toFixed(1)} / ${Number(at(result, 'warm', 'ranker', 'askToRankerP95')).toFixed(1)}`), '', '≤ 2'];
const peakRow = ['peak RSS MB (cold start)', ...results.map((result) => megabytes(Number(at(result, 'cold', 'peakRssMb')))), '', '≤ 1024'];
const countRow = ['documents / events / entries', ...results.map((result) => `${String(at(result, 'stages', 'documents'))} / ${String(at(result, 'stages', 'events'))} / ${String(at(result, 'stages', 'entries'))}`), '', ''];
console.log(`\nbench:scale on Reuters-21578 (${values.dataset}); wall seconds, peak RSS of that process so far in MB`);
console.log(table([...lines, askRow, besideRow, rankerRow, ratioRow, peakRow, countRow]));
mkdirSync(path.dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify({ measured: new Date().toISOString(), node: process.version, dataset: values.dataset, sizes, results, exponents }, null, 2)}\n`);
console.log(`written ${values.out}`);
