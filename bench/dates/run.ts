/**
 * `npm run bench:dates`: the key-date extractor measured three ways.
 *  1. Against the gold timeline of the seed corpus (tests/dates/gold-timeline.ts): recall, precision,
 *     and how many citation, access, bibliography, dateline or URL dates leaked (the target is 0).
 *  2. Speed: start-up (importing the date modules) and the median time to extract every date of the
 *     seed corpus and to build its timeline.
 *  3. TempEval-3 on TimeBank+AQUAINT, scored by ../shared/tools/tempeval3-score.mjs, next to stock chrono-node.
 * Usage: npm run bench:dates -- [--corpus DIR] [--timebank DIR] [--tools DIR] [--runs N] [--skip-tempeval] [--out FILE]
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { median } from '../fit.js';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'corpus' },
    timebank: { type: 'string', default: '../shared/datasets/timebank-aquaint' },
    tools: { type: 'string', default: '../shared/tools' },
    runs: { type: 'string', default: '9' },
    'skip-tempeval': { type: 'boolean', default: false },
    out: { type: 'string', default: 'data/bench/dates.json' },
  },
});
const runs = Math.max(1, Number(values.runs) || 9);

// 2a. Start-up: chrono-node and the recognisers load with the date modules.
const importStart = performance.now();
const { extractDateMentions } = await import('../../src/dates/extract.js');
const { buildTimeline } = await import('../../src/dates/timeline.js');
const { extractKeyEvents } = await import('../../src/dates/key-events.js');
const importMs = performance.now() - importStart;
const { loadCorpus } = await import('../../src/corpus/load-corpus.js');
const { splitPassages } = await import('../../src/corpus/passages.js');
const { goldEvents, goldNonEvents } = await import('../../tests/dates/gold-timeline.js');
const { scoreAgainstGold } = await import('./gold-score.js');

const corpus = await loadCorpus(values.corpus);
if (corpus.documents.length === 0) {
  console.error(`No documents in ${values.corpus}: pass --corpus DIR with the seed corpus.`);
  process.exit(1);
}
const passages = new Map(corpus.documents.map((document) => [document.id, splitPassages(document)]));
const passagesOf = (docId: string) => passages.get(docId) ?? [];

// 1. Gold timeline.
const events = corpus.documents.flatMap((document) => extractKeyEvents(document, passagesOf(document.id)));
const gold = scoreAgainstGold(events, corpus.documents, goldEvents, goldNonEvents);
console.log(`Key events against the gold timeline (${corpus.documents.length} documents)`);
console.log('metric       value');
console.log(`gold events  ${gold.gold}`);
console.log(`key events   ${gold.system}`);
console.log(`matched      ${gold.matched}`);
console.log(`recall       ${gold.recall.toFixed(3)}`);
console.log(`precision    ${gold.precision.toFixed(3)}`);
console.log(`leaks        ${gold.leaks.length} of ${goldNonEvents.length} citation/access/bibliography/dateline/URL dates`);
for (const missed of gold.missed) console.log(`  missed  ${missed.docId}  ${missed.date}${missed.end ? `..${missed.end}` : ''}  "${missed.quote}"`);
for (const extra of gold.extra) console.log(`  extra   ${extra.docId}  ${extra.date.start.iso}${extra.date.end ? `..${extra.date.end.iso}` : ''}  "${extra.mention.text}": ${extra.label}`);
for (const { nonEvent } of gold.leaks) console.log(`  leaked  ${nonEvent.docId}  ${nonEvent.reason}  "${nonEvent.context}"`);

const timeline = buildTimeline(corpus.documents, passagesOf);
const widest = [...timeline].sort((a, b) => new Set(b.sources.map((source) => source.docId)).size - new Set(a.sources.map((source) => source.docId)).size)[0];
const conflicts = timeline.filter((entry) => entry.conflicts.length > 0).length;
console.log(`\nTimeline: ${timeline.length} entries from ${events.length} key events; ${conflicts} with conflicting dates`);
if (widest) console.log(`  most sources: ${widest.date}  ${widest.label}  (${new Set(widest.sources.map((source) => source.docId)).size} documents, ${widest.sources.length} sentences)`);

// 2b. Speed over the whole seed corpus.
const characters = corpus.documents.reduce((sum, document) => sum + document.body.length, 0);
const extractTimes: number[] = [];
const timelineTimes: number[] = [];
let mentionCount = 0;
for (let run = 0; run < runs; run++) {
  let start = performance.now();
  mentionCount = 0;
  for (const document of corpus.documents) mentionCount += extractDateMentions(document.body, { referenceDate: document.published }).length;
  extractTimes.push(performance.now() - start);
  start = performance.now();
  buildTimeline(corpus.documents, passagesOf);
  timelineTimes.push(performance.now() - start);
}
console.log(`\nSpeed (${runs} runs, ${characters.toLocaleString('en')} characters, ${mentionCount} date expressions)`);
console.log('step                               median ms   first run ms');
console.log(`import date modules (start-up)     ${importMs.toFixed(1).padStart(9)}`);
console.log(`extract dates, whole corpus        ${median(extractTimes).toFixed(1).padStart(9)}   ${extractTimes[0]?.toFixed(1).padStart(12)}`);
console.log(`build timeline (passages→entries)  ${median(timelineTimes).toFixed(1).padStart(9)}   ${timelineTimes[0]?.toFixed(1).padStart(12)}`);

// 3. TempEval-3.
interface ScopeScores {
  relaxed: { f1: number };
  value: { f1: number };
  strict: { f1: number };
}
type TempEvalScores = Record<'ALL' | 'DATE+TIME', ScopeScores>;
let tempeval: { ours: TempEvalScores; chrono: TempEvalScores | null } | null = null;
const scorer = path.join(values.tools, 'tempeval3-score.mjs');
if (values['skip-tempeval']) {
  console.log('\nTempEval-3: skipped (--skip-tempeval).');
} else if (!existsSync(values.timebank) || !existsSync(scorer)) {
  console.log(`\nTempEval-3: skipped: ${existsSync(values.timebank) ? scorer : values.timebank} not found. Pass --timebank DIR and --tools DIR (default ../shared/...).`);
} else {
  mkdirSync('data/bench', { recursive: true });
  const score = (command: string, output: string): TempEvalScores => {
    // The scorer runs only when it is the main module, which it decides by comparing argv[1] with its
    // own real path: through a symlinked ../shared the two differ, so it is given its real path.
    // A scorer that exits without scoring must not leave the last run's figures to be read as this run's.
    rmSync(output, { force: true });
    execFileSync(process.execPath, [realpathSync(scorer), '--data', values.timebank, '--cmd', command, '--quiet', '--json', output], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (!existsSync(output)) throw new Error(`${scorer} exited without writing ${output}: it scored nothing.`);
    return (JSON.parse(readFileSync(output, 'utf8')) as { scores: TempEvalScores }).scores;
  };
  const ours = score(`"${process.execPath}" --import tsx bench/dates/timex-stdin.ts`, 'data/bench/tempeval-ours.json');
  // The baseline imports chrono-node, so it runs from a copy inside this project.
  const baselineSource = path.join(values.tools, 'tempeval3-chrono-baseline.mjs');
  let chrono: TempEvalScores | null = null;
  if (existsSync(baselineSource)) {
    copyFileSync(baselineSource, 'data/bench/tempeval3-chrono-baseline.mjs');
    chrono = score(`"${process.execPath}" data/bench/tempeval3-chrono-baseline.mjs`, 'data/bench/tempeval-chrono.json');
  }
  tempeval = { ours, chrono };
  const percent = (value: number | undefined) => (value === undefined ? '   -' : (100 * value).toFixed(1).padStart(5));
  console.log('\nTempEval-3, TimeBank+AQUAINT (value F1 = relaxed match with the exact TimeML value)');
  console.log('scope      extractor      strict F1  relaxed F1  value F1');
  for (const scope of ['DATE+TIME', 'ALL'] as const) {
    for (const [name, scores] of [['briefing', ours], ['stock chrono', chrono]] as const) {
      const result = scores?.[scope];
      console.log(`${scope.padEnd(10)} ${name.padEnd(14)} ${percent(result?.strict.f1)}      ${percent(result?.relaxed.f1)}       ${percent(result?.value.f1)}`);
    }
  }
}

mkdirSync(path.dirname(values.out), { recursive: true });
writeFileSync(
  values.out,
  JSON.stringify(
    {
      gold: { gold: gold.gold, system: gold.system, matched: gold.matched, recall: gold.recall, precision: gold.precision, leaks: gold.leaks.length },
      timeline: { entries: timeline.length, conflicts },
      speed: { runs, characters, mentions: mentionCount, importMs, extractMedianMs: median(extractTimes), timelineMedianMs: median(timelineTimes) },
      tempeval,
    },
    null,
    2,
  ),
);
console.log(`\nwrote ${values.out}`);
