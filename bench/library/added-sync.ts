/*
 * `npm run bench:added [-- --documents 20 --interval 500]`: two hosts (two live libraries, each
 * with its own corpus copy and data folder) on one database, SQLite and then Postgres. One host
 * adds documents through the intake; the bench measures how long the add takes until the
 * document is answerable there, how long until the other host answers from it too, the same
 * for removals, and the database round trips of an idle poll. Medians and p95, in a table and
 * in data/bench/added-sync.json.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { openLiveLibrary, type LiveLibrary } from '../../src/library/live-library.js';
import { createLogger } from '../../src/logger.js';
import { openDatabase, type AppDatabase } from '../../src/storage/database.js';
import { startPostgresCluster } from '../../tests/support/postgres-cluster.js';
import { median, percentile, table, until } from '../fit.js';

const { values } = parseArgs({ options: { documents: { type: 'string', default: '20' }, interval: { type: 'string', default: '500' } } });
const documentCount = Number(values.documents);
const intervalMs = Number(values.interval);
if (!Number.isInteger(documentCount) || documentCount < 1 || documentCount > 500 || !Number.isInteger(intervalMs) || intervalMs < 50) {
  console.error('--documents must be a whole number from 1 to 500 and --interval a whole number of milliseconds from 50, e.g. --documents 20 --interval 500');
  process.exit(1);
}
const logger = createLogger({ level: 'warn', destination: new Writable({ write: (_chunk, _encoding, done) => done() }) });
const scratch = mkdtempSync(path.join(tmpdir(), 'bench-added-'));

interface Host {
  live: LiveLibrary;
  db: AppDatabase;
}

async function openHost(target: string, name: string): Promise<Host> {
  const root = path.join(scratch, name);
  const config = { corpusDir: path.join(root, 'corpus'), dataDir: path.join(root, 'data'), corpusMaxFileBytes: 2 * 1024 * 1024, adding: { syncIntervalMs: intervalMs } };
  cpSync(path.resolve('corpus'), config.corpusDir, { recursive: true });
  const db = await openDatabase(target, logger);
  return { db, live: await openLiveLibrary({ config, logger, watch: false, db }) };
}

function memo(index: number): Uint8Array {
  const word = `corridor${index}x`;
  return new TextEncoder().encode(`---\ntitle: Memo ${index}\n---\nThe ${word} agreement was signed in Samarkand on 14 May 2025.\n\nA second paragraph about the ${word} freight schedules.\n`);
}

async function measure(engine: string, target: string) {
  const adding = await openHost(target, `${engine}-a`);
  const other = await openHost(target, `${engine}-b`);
  const intake = adding.live.intake;
  if (intake === undefined) throw new Error('a library with a database has an intake');
  const answers = (host: Host, index: number) => host.live.search.search(`corridor${index}x`).matches.length > 0;
  const add: number[] = [];
  const noticed: number[] = [];
  const remove: number[] = [];
  const noticedRemoval: number[] = [];
  for (let index = 0; index < documentCount; index += 1) {
    const started = performance.now();
    const document = await intake.add({ source: { kind: 'file', bytes: memo(index), fileName: `memo-${index}.md`, contentType: null }, overrides: {}, scope: null, addedBy: null });
    if (!answers(adding, index)) throw new Error('the adding host does not answer from the document it added');
    add.push(performance.now() - started);
    noticed.push(performance.now() - started + (await until(() => answers(other, index))));
    const removing = performance.now();
    await intake.remove(document.id, null);
    remove.push(performance.now() - removing);
    noticedRemoval.push(performance.now() - removing + (await until(() => !answers(other, index))));
  }
  // Idle: no change, so each poll is the one revision read.
  const before = other.db.statements();
  await new Promise((resolve) => setTimeout(resolve, intervalMs * 10 + intervalMs / 2));
  const idleStatementsPerPoll = (other.db.statements() - before) / 10;
  for (const host of [adding, other]) {
    await host.live.stop();
    await host.db.close();
  }
  const summary = (values: number[]) => ({ p50: Math.round(median(values)), p95: Math.round(percentile(values, 95)) });
  return { engine, add: summary(add), noticed: summary(noticed), remove: summary(remove), noticedRemoval: summary(noticedRemoval), idleStatementsPerPoll };
}

const cluster = await startPostgresCluster();
try {
  const results = [await measure('sqlite', path.join(scratch, 'shared.db')), await measure('postgres', cluster.url)];
  console.log(`\n${documentCount} documents added and removed on one host, the other polling every ${intervalMs} ms (milliseconds, p50 / p95)\n`);
  const cell = (value: { p50: number; p95: number }) => `${value.p50} / ${value.p95}`;
  const header = ['engine', 'add → answerable', 'other host answers', 'remove', 'other host stops', 'statements per idle poll'];
  console.log(table([header, ...results.map((result) => [result.engine, cell(result.add), cell(result.noticed), cell(result.remove), cell(result.noticedRemoval), String(result.idleStatementsPerPoll)])]));
  mkdirSync('data/bench', { recursive: true });
  writeFileSync('data/bench/added-sync.json', `${JSON.stringify({ documents: documentCount, intervalMs, results }, null, 2)}\n`);
  console.log('\nwritten to data/bench/added-sync.json');
} finally {
  cluster.stop();
  rmSync(scratch, { recursive: true, force: true });
}
