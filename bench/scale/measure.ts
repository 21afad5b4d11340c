/**
 * One measurement of `npm run bench:scale`, run in its own process so that its peak RSS is its own.
 * Prints one line of JSON. Modes:
 * - `stages`: each stage of a cold start as the product runs it, one after the other: read the folder,
 *   split passages, index them, save the snapshot, extract dates, merge the timeline;
 * - `start`: the product's own start (openLiveLibrary, then the timeline), cold or warm as the data
 *   folder finds it, then in-process `ask()` latencies; with `--update`, one changed and one added file
 *   until `ask` quotes them, the timeline after them and the snapshot save, then both put back as they were;
 *   with `--ranker`, also the ranker alone on the same passages, timed side by side with `ask()`, and
 *   how many times slower `ask()` is.
 */
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { splitPassages } from '../../src/corpus/passages.js';
import type { Passage } from '../../src/corpus/passage-types.js';
import { extractKeyEvents } from '../../src/dates/key-events.js';
import { mergeEvents } from '../../src/dates/merge.js';
import { compareEntries } from '../../src/dates/timeline.js';
import { createLibrary } from '../../src/library/library.js';
import { openLiveLibrary } from '../../src/library/live-library.js';
import { createLogger } from '../../src/logger.js';
import { createPassageIndex, passageRanking, toIndexedPassages } from '../../src/search/passage-index.js';
import { rankQuery } from '../../src/search/rank-query.js';
import { readSnapshot, storePassage, writeSnapshot } from '../../src/search/snapshot.js';
import { fingerprint, percentile } from '../fit.js';

const { values } = parseArgs({ options: { mode: { type: 'string' }, corpus: { type: 'string' }, data: { type: 'string' }, update: { type: 'boolean', default: false }, ranker: { type: 'boolean', default: false } } });
const corpusDir = path.resolve(values.corpus ?? '');
const dataDir = path.resolve(values.data ?? '');
const logger = createLogger({ level: 'warn' });

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

async function stage<T>(run: () => T | Promise<T>): Promise<{ result: T; seconds: number; cpuSeconds: number; peakRssMb: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await run();
  const used = process.cpuUsage(cpu);
  return { result, seconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6, peakRssMb: peakRssMb() };
}

const strip = <T>({ seconds, cpuSeconds, peakRssMb: rss }: { seconds: number; cpuSeconds: number; peakRssMb: number; result: T }) => ({ seconds, cpuSeconds, peakRssMb: rss });

async function measureStages(): Promise<object> {
  rmSync(dataDir, { recursive: true, force: true });
  const library = createLibrary({ directory: corpusDir, logger });
  const read = await stage(() => library.reload());
  const documents = library.documents();
  const split = await stage(() => new Map(documents.map((document) => [document.id, splitPassages(document)])));
  const passagesOf = (docId: string): Passage[] => split.result.get(docId) ?? [];
  const index = await stage(() => {
    const built = createPassageIndex();
    for (const document of documents) built.addAll(toIndexedPassages(document, passagesOf(document.id)));
    return built;
  });
  const save = await stage(() =>
    writeSnapshot(dataDir, index.result, documents.map((document) => ({ docId: document.id, contentHash: document.contentHash, passages: passagesOf(document.id).map(storePassage) }))),
  );
  const extract = await stage(() => documents.flatMap((document) => extractKeyEvents(document, passagesOf(document.id))));
  const merge = await stage(() => mergeEvents(extract.result).sort(compareEntries));
  return {
    documents: documents.length,
    passages: index.result.documentCount,
    events: extract.result.length,
    entries: merge.result.length,
    stages: { read: strip(read), split: strip(split), index: strip(index), save: strip(save), extract: strip(extract), merge: strip(merge) },
  };
}

const questions = [
  'cocoa exports from Brazil',
  'OPEC oil output ceiling',
  'Bundesbank interest rates',
  'wheat sales to the Soviet Union',
  'quarterly dividend increase',
  'merger talks between the banks',
  'trade deficit with Japan',
  'coffee export quotas',
  'gold production at the mine',
  'crude oil reserves',
  'sugar crop forecast',
  'money supply growth',
];

async function measureStart(): Promise<object> {
  const opened = await stage(() => openLiveLibrary({ config: { corpusDir, dataDir, corpusMaxFileBytes: 2 * 1024 * 1024 }, logger, watch: false }));
  const live = opened.result;
  const timeline = await stage(() => live.timeline());
  for (const question of questions) live.search.ask(question);
  const latencies = timeQuestions((question) => live.search.ask(question));
  const result: Record<string, unknown> = {
    documents: live.search.documents.length,
    openedWith: { added: live.search.openedWith.added.length, changed: live.search.openedWith.changed.length, removed: live.search.openedWith.removed.length, unchanged: live.search.openedWith.unchanged },
    open: strip(opened),
    timeline: strip(timeline),
    ready: { seconds: opened.seconds + timeline.seconds, cpuSeconds: opened.cpuSeconds + timeline.cpuSeconds, peakRssMb: timeline.peakRssMb },
    // The timeline's hash: a change that makes start-up faster must leave it the same.
    timelineFingerprint: fingerprint(timeline.result),
    ask: { p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95), samples: latencies.length },
  };
  if (values.update) result.update = await measureUpdate(live);
  result.peakRssMb = peakRssMb();
  if (values.ranker) result.ranker = await measureRanker((question) => live.search.ask(question));
  await live.stop();
  return result;
}

/** Each question ten times, after one warm-up round; milliseconds per call. */
function timeQuestions(run: (question: string) => unknown): number[] {
  for (const question of questions) run(question);
  const latencies: number[] = [];
  for (let round = 0; round < 10; round++) {
    for (const question of questions) {
      const start = performance.now();
      run(question);
      latencies.push(performance.now() - start);
    }
  }
  return latencies;
}

/**
 * The ranker alone on the same passages, for the "ask() within 2× of the ranker": the
 * question's own terms ranked over the snapshot's index, with no expansion, confidence check,
 * merging or citation. Each question goes through `ask()` and then the ranker, round after round,
 * so both are timed in the same period of a shared machine and the same state of the heap; timed
 * apart, a burst of load or a collection falling on one side alone moved the ratio between 1.3
 * and 3.8 from run to run. Measured after the peak RSS is taken, since it reads a second copy of the index.
 */
async function measureRanker(ask: (question: string) => unknown): Promise<object> {
  const snapshot = await readSnapshot(dataDir);
  if (!('index' in snapshot)) throw new Error(`no usable snapshot in ${dataDir} to time the ranker on`);
  const { index } = snapshot;
  const rank = (question: string) => rankQuery(index, question, passageRanking, { limit: 10 });
  const [askLatencies, rankerLatencies] = timeSideBySide(ask, rank);
  const p50Ms = percentile(rankerLatencies, 50);
  const p95Ms = percentile(rankerLatencies, 95);
  return {
    p50Ms,
    p95Ms,
    samples: rankerLatencies.length,
    askP50Ms: percentile(askLatencies, 50),
    askP95Ms: percentile(askLatencies, 95),
    askToRankerP50: percentile(askLatencies, 50) / p50Ms,
    askToRankerP95: percentile(askLatencies, 95) / p95Ms,
  };
}

/** Each question through `first` then `second`, twenty rounds after one warm-up; milliseconds per call of each. */
function timeSideBySide(first: (question: string) => unknown, second: (question: string) => unknown): [number[], number[]] {
  const timed: [number[], number[]] = [[], []];
  for (let round = -1; round < 20; round++) {
    for (const question of questions) {
      for (const [side, run] of [first, second].entries()) {
        const start = performance.now();
        run(question);
        if (round >= 0) timed[side]?.push(performance.now() - start);
      }
    }
  }
  return timed;
}

/** One changed and one added file, as the watcher would hand them over, until `ask` quotes both. */
async function measureUpdate(live: Awaited<ReturnType<typeof openLiveLibrary>>): Promise<object> {
  const [first] = live.library.documents();
  if (!first) throw new Error('no documents to change');
  const changedFile = path.join(corpusDir, first.file);
  const addedName = 'bench-scale-added.md';
  const addedFile = path.join(corpusDir, addedName);
  const original = readFileSync(changedFile, 'utf8');
  try {
    appendFileSync(changedFile, '\nThe Zarqunite accord was signed in Bukhara on 3 June 1987.\n');
    writeFileSync(addedFile, '---\ntitle: Bench memo\npublished: 1987-06-04\n---\nThe Qorvatine pipeline opened in Termez on 4 June 1987.\n');
    const reflected = await stage(async () => {
      await live.library.updateFiles([first.file, addedName]);
      const quoted = (word: string) => live.search.ask(`${word} signed opened`).passages.some((passage) => passage.text.includes(word));
      if (!quoted('Zarqunite') || !quoted('Qorvatine')) throw new Error('the update is not reflected by ask');
    });
    const timeline = await stage(() => live.timeline());
    // Stopping waits for the snapshot save the update started (there is no watcher to close here).
    const saved = await stage(() => live.stop());
    return { askReflects: strip(reflected), timelineAfter: strip(timeline), snapshotSaved: strip(saved) };
  } finally {
    writeFileSync(changedFile, original);
    rmSync(addedFile, { force: true });
    await live.library.updateFiles([first.file, addedName]);
    await live.stop();
  }
}

const result = values.mode === 'stages' ? await measureStages() : await measureStart();
process.stdout.write(`${JSON.stringify(result)}\n`);
