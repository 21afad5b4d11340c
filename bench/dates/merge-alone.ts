/**
 * `npm run bench:merge`: the timeline merge alone, on the key events of a corpus folder saved once, so that a
 * change to the merge is timed in seconds rather than in a whole `bench:scale` run. The first run extracts the
 * key events of the folder (as a cold start does, document by document) and saves them as JSON; later runs read
 * them back. It merges them `--runs` times as the product does (mergeEvents, then date order), prints the median
 * wall and CPU seconds and the timeline's fingerprint (the same hash as bench:scale's `timelineFingerprint`), and
 * writes them as JSON.
 * Usage: npm run bench:merge -- --corpus data/bench/scale/corpus-21578 [--events FILE] [--runs 3] [--out FILE]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { splitPassages } from '../../src/corpus/passages.js';
import { extractKeyEvents } from '../../src/dates/key-events.js';
import { mergeEvents } from '../../src/dates/merge.js';
import { compareEntries } from '../../src/dates/timeline.js';
import type { KeyEvent } from '../../src/dates/types.js';
import { createLibrary } from '../../src/library/library.js';
import { createLogger } from '../../src/logger.js';
import { fingerprint, median, table, timed } from '../fit.js';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'data/bench/scale/corpus-21578' },
    events: { type: 'string' },
    runs: { type: 'string', default: '3' },
    out: { type: 'string', default: 'data/bench/merge-alone.json' },
  },
});
const corpus = path.resolve(values.corpus);
const eventsFile = path.resolve(values.events ?? `data/bench/merge-alone/${path.basename(corpus)}-events.json`);
const runs = Math.max(1, Number(values.runs) || 3);

/** The key events of every document of the folder, in the order a cold start merges them. */
async function extractFolder(): Promise<KeyEvent[]> {
  const library = createLibrary({ directory: corpus, logger: createLogger({ level: 'warn' }) });
  await library.reload();
  return library.documents().flatMap((document) => extractKeyEvents(document, splitPassages(document)));
}

async function keyEvents(): Promise<KeyEvent[]> {
  if (existsSync(eventsFile)) return JSON.parse(readFileSync(eventsFile, 'utf8')) as KeyEvent[];
  const events = await extractFolder();
  mkdirSync(path.dirname(eventsFile), { recursive: true });
  writeFileSync(eventsFile, JSON.stringify(events));
  console.log(`saved ${events.length} key events to ${eventsFile}`);
  return events;
}

const events = await keyEvents();
const merges = Array.from({ length: runs }, () => timed(() => mergeEvents(events).sort(compareEntries)));
const entries = merges[0]?.result ?? [];
const timelineFingerprint = fingerprint(entries);
const result = {
  corpus,
  events: events.length,
  entries: entries.length,
  runs,
  wallSeconds: merges.map((merge) => merge.wall),
  cpuSeconds: merges.map((merge) => merge.cpu),
  medianWallSeconds: median(merges.map((merge) => merge.wall)),
  medianCpuSeconds: median(merges.map((merge) => merge.cpu)),
  timelineFingerprint,
};
const seconds = (list: number[]) => list.map((value) => value.toFixed(2)).join(' ');
console.log(
  table([
    ['events', 'entries', 'wall s (each run)', 'cpu s (each run)', 'median cpu s', 'fingerprint'],
    [String(result.events), String(result.entries), seconds(result.wallSeconds), seconds(result.cpuSeconds), result.medianCpuSeconds.toFixed(2), timelineFingerprint],
  ]),
);
mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
