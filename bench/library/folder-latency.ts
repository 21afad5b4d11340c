/*
 * Time from a file written into the watched corpus folder to the first answerable question,
 * in process with the product's own watcher timing: `npm run bench:library [-- --files 20]`.
 * Also times an in-place change and a delete until they show. Prints a table and writes data/bench/library.json.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openLiveLibrary } from '../../src/library/live-library.js';
import { createLogger } from '../../src/logger.js';
import { percentile, until } from '../fit.js';

const { values } = parseArgs({ options: { files: { type: 'string', default: '20' }, out: { type: 'string', default: 'data/bench/library.json' } } });
const files = Number(values.files);
const root = await mkdtemp(path.join(os.tmpdir(), 'bench-library-'));
const config = { corpusDir: path.join(root, 'corpus'), dataDir: path.join(root, 'data'), corpusMaxFileBytes: 2 * 1024 * 1024 };
await cp(path.resolve('corpus'), config.corpusDir, { recursive: true });
const live = await openLiveLibrary({ config, logger: createLogger({ level: 'warn' }) });

const quotes = (word: string) => live.search.ask(`${word} agreement`).passages.some((passage) => passage.text.includes(word));
const samples = { added: [] as number[], changed: [] as number[], removed: [] as number[] };
try {
  for (let index = 0; index < files; index += 1) {
    const word = `Qarshiwadi${String.fromCharCode(97 + (index % 26))}${index}`;
    const file = path.join(config.corpusDir, `bench-${index}.md`);
    const write = writeFile(file, `Memo ${index}\n\nThe ${word} agreement was signed in Bukhara on 3 June 2025.\n`);
    samples.added.push(await write.then(() => until(() => quotes(word))));
    const changedWord = `${word}x`;
    await writeFile(file, `Memo ${index}\n\nThe ${changedWord} agreement was signed in Bukhara on 4 June 2025.\n`);
    samples.changed.push(await until(() => quotes(changedWord)));
    await rm(file);
    samples.removed.push(await until(() => !quotes(changedWord)));
  }
} finally {
  await live.stop();
  await rm(root, { recursive: true, force: true });
}

const rows = Object.entries(samples).map(([event, times]) => ({ event, n: times.length, p50Ms: Math.round(percentile(times, 50)), p95Ms: Math.round(percentile(times, 95)), maxMs: Math.round(Math.max(...times)) }));
console.table(rows);
mkdirSync(path.dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify({ measured: new Date().toISOString(), node: process.version, corpus: 'seed corpus + 1 file', rows }, null, 2)}\n`);
console.log(`written ${values.out}`);
