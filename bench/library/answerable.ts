/*
 * Time to answerable: from a document arriving to the first question that only it answers
 * being answered (ask() quotes its invented word, on the right page for a PDF). p50 and p95
 * over `--count` documents of each format (20 by default), including a 50-page PDF whose
 * answer is on its last page. Target: under 3 s for the 50-page PDF (issue 9).
 *
 *   npm run bench:answerable [-- --count 20] [--path folder|intake] [--out data/bench/answerable-<path>.json]
 *
 * The path is how the document arrives, one function (`AddPath`) per path:
 * - folder: the file is written into the watched corpus folder, as someone dropping it there
 *   would, and the product's own watcher timing applies (debounce and settle time included).
 * - intake: the document is given to `DocumentIntake.add`, as `/add` and `briefing add` do:
 *   the library's own intake (`LiveLibrary.intake`) over a SQLite database file, so the
 *   document is stored, read back by the sync and indexed as on a running bot.
 *
 * Runs in process on the seed corpus plus the documents added; each document's first one is
 * a warm-up (the first PDF loads pdf.js), reported apart and left out of the percentiles.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { DocumentIntake } from '../../src/library/intake-types.js';
import { openLiveLibrary, type LiveLibrary } from '../../src/library/live-library.js';
import { createLogger } from '../../src/logger.js';
import { openDatabase } from '../../src/storage/database.js';
import { percentile, table } from '../fit.js';
import { answerableDocuments, type AnswerableDocument } from './answerable-documents.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '20' }, path: { type: 'string', default: 'folder' }, out: { type: 'string' } } });
const count = Number(values.count);
const outFile = values.out ?? `data/bench/answerable-${values.path}.json`;
if (!Number.isInteger(count) || count < 1 || count > 200) throw new Error('--count must be a whole number from 1 to 200');
if (values.path !== 'folder' && values.path !== 'intake') throw new Error('--path must be "folder" or "intake"');

/** How one document arrives in the library. Resolves once it is handed over, not once it is answerable. */
type AddPath = (document: AnswerableDocument) => Promise<void>;

/** Dropping the file into the watched folder. */
function folderPath(corpusDir: string): AddPath {
  return (document) => writeFile(path.join(corpusDir, document.fileName), document.bytes);
}

/** Adding through the intake, as the command line does: visible in every server, added by nobody in particular. */
function intakePath(intake: DocumentIntake): AddPath {
  return async (document) => {
    await intake.add({ source: { kind: 'file', bytes: document.bytes, fileName: document.fileName, contentType: null }, overrides: {}, scope: null, addedBy: null });
  };
}

/** The intake path's intake: the live library's, which it has when opened with a database. */
function intakeOf(live: LiveLibrary): DocumentIntake | null {
  return live.intake ?? null;
}

const pollMs = 5;
const giveUpMs = 60_000;

/** Whether the question is answered by a quote of the document's own word, on its page. */
function answered(live: LiveLibrary, document: AnswerableDocument): boolean {
  return live.search.ask(document.question, { limit: 3 }).passages.some((passage) => passage.text.includes(document.word) && (document.page === undefined || passage.page === document.page));
}

/** Milliseconds from handing the document over to its question being answered, polled every 5 ms, for at most 60 s. */
async function timeToAnswerable(live: LiveLibrary, add: AddPath, document: AnswerableDocument): Promise<number> {
  const started = performance.now();
  await add(document);
  while (!answered(live, document)) {
    if (performance.now() - started > giveUpMs) throw new Error(`${document.fileName} was not answerable within ${giveUpMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  return performance.now() - started;
}

interface Row {
  format: string;
  n: number;
  /** The warm-up document, first of its kind. */
  firstMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

const round = (value: number) => Math.round(value);

const root = await mkdtemp(path.join(os.tmpdir(), 'bench-answerable-'));
const config = { corpusDir: path.join(root, 'corpus'), dataDir: path.join(root, 'data'), corpusMaxFileBytes: 2 * 1024 * 1024 };
await cp(path.resolve('corpus'), config.corpusDir, { recursive: true });
const logger = createLogger({ level: 'warn' });
// The intake keeps documents in the database, on disk as a bot's would be; the folder path needs none.
const db = values.path === 'intake' ? await openDatabase(path.join(root, 'briefing.db'), logger) : undefined;
const live = await openLiveLibrary({ config, logger, ...(db && { db }) });
const rows: Row[] = [];
let skipped: string | null = null;
try {
  const intake = intakeOf(live);
  const add = values.path === 'folder' ? folderPath(config.corpusDir) : intake ? intakePath(intake) : null;
  if (add === null) skipped = 'the intake path needs LiveLibrary.intake, which the library has only when opened with a database';
  else {
    for (const [warmUp, ...documents] of await answerableDocuments(count)) {
      if (!warmUp) continue;
      const firstMs = await timeToAnswerable(live, add, warmUp);
      const times: number[] = [];
      for (const document of documents) times.push(await timeToAnswerable(live, add, document));
      rows.push({ format: warmUp.label, n: times.length, firstMs: round(firstMs), p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), maxMs: round(Math.max(...times)) });
    }
  }
} finally {
  await live.stop();
  await db?.close();
  await rm(root, { recursive: true, force: true });
}

if (skipped !== null) console.log(`path "${values.path}" skipped: ${skipped}`);
else {
  console.log(`time to answerable, path "${values.path}" (ms; first = warm-up, not in the percentiles)\n`);
  console.log(table([['format', 'n', 'first', 'p50', 'p95', 'max'], ...rows.map((row) => [row.format, String(row.n), String(row.firstMs), String(row.p50Ms), String(row.p95Ms), String(row.maxMs)])]));
  const fifty = rows.find((row) => row.format === 'pdf (50 pages)');
  if (fifty) console.log(`\n50-page PDF p95 ${fifty.p95Ms} ms: ${fifty.p95Ms < 3000 ? 'under' : 'OVER'} the 3 s target`);
}
const out = path.resolve(outFile);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, path: values.path, corpus: 'seed corpus + the documents added', targetMs: { 'pdf (50 pages)': 3000 }, skipped, rows }, null, 2)}\n`);
console.log(`\nwritten to ${path.relative(process.cwd(), out)}`);
