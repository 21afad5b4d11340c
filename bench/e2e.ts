/*
 * `npm run bench:e2e [-- --count 200 --corpus corpus]`: sends /ask interactions to the real
 * bot through the local Discord server and measures the time from INTERACTION_CREATE
 * being sent to the interaction callback arriving. Target: p95 ≤ 30 ms on the seed corpus (issue 11).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { REST } from 'discord.js';
import { allCommands } from '../commands/index.js';
import { loadCorpus } from '../src/corpus/load-corpus.js';
import { buildTimeline } from '../src/dates/timeline.js';
import { startBot } from '../src/discord/bot.js';
import { deployCommands } from '../src/discord/deploy-commands.js';
import { startLocalDiscord } from '../src/local-discord/index.js';
import { createLogger } from '../src/logger.js';
import { openSearchService } from '../src/search/search-service.js';
import { openDatabase } from '../src/storage/database.js';
import { percentile } from './fit.js';

const questions = [
  'When was the Central Asia plus Japan Dialogue launched?',
  'How much did Japan lend Uzbekistan?',
  'What does Japan want from Central Asia?',
  'Which critical minerals interest Japan in the region?',
  'What did the leaders agree at the Tokyo summit?',
  'How does Japan differ from China in Central Asia?',
  'What is the role of JICA in Kazakhstan?',
  'Which transport corridors does Japan support?',
  'Why was Tokyo cautious in the past?',
  'What is Japan doing on water management?',
  'How large is Japanese aid to Kyrgyzstan?',
  'What did Prime Minister Takaichi announce?',
  'Who launched the dialogue in 2004?',
  'How does Russia view Japanese engagement?',
  'What role does soft power play for Japan?',
  'Which universities cooperate with Japan?',
  'What are the risks for Japanese investors?',
  'How does Japan finance infrastructure in Tajikistan?',
  'What happened at the 2025 summit?',
  'Is Japan a strategic partner for Turkmenistan?',
];

const { values } = parseArgs({
  options: { count: { type: 'string', default: '200' }, warmup: { type: 'string', default: '20' }, corpus: { type: 'string', default: 'corpus' } },
});
const count = Number(values.count);
const warmup = Number(values.warmup);
const corpusDir = path.resolve(values.corpus);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(warmup) || warmup < 0) {
  console.error('--count and --warmup must be whole numbers, e.g. --count 200 --warmup 20');
  process.exit(1);
}
if (!existsSync(corpusDir)) {
  console.error(`The corpus folder ${corpusDir} does not exist. Pass one with --corpus <folder>.`);
  process.exit(1);
}

// The bot logs as in production (one line per interaction at info), into a sink, so logging is part of the cost.
const logger = createLogger({ level: 'info', destination: new Writable({ write: (_chunk, _encoding, done) => done() }) });
const scratch = mkdtempSync(path.join(tmpdir(), 'briefing-bench-e2e-'));
const token = 'bench.e2e.token';
const applicationId = '1357924680135792468';
const server = await startLocalDiscord({ token, applicationId });
await deployCommands({ rest: new REST({ api: server.apiBase }).setToken(token), applicationId, guildId: null, commands: allCommands });
const corpus = await loadCorpus(corpusDir);
const search = await openSearchService({ corpus, dataDir: scratch, logger });
const timeline = buildTimeline(search.documents, (docId) => search.passagesOf(docId));
const db = await openDatabase(path.join(scratch, 'briefing.db'), logger);
const bot = await startBot({ discord: { token, applicationId, guildId: null, apiBase: server.apiBase }, search, timeline, db, logger });

async function askOnce(index: number): Promise<number> {
  const handle = server.driver.slash('/ask', { question: questions[index % questions.length] ?? 'Japan' });
  const callback = await handle.callback();
  return callback.latencyMs;
}

for (let index = 0; index < warmup; index += 1) await askOnce(index);
const latencies: number[] = [];
const started = performance.now();
for (let index = 0; index < count; index += 1) latencies.push(await askOnce(index));
const elapsedMs = performance.now() - started;

await bot.stop();
await db.close();
await server.close();
rmSync(scratch, { recursive: true, force: true });

const result = {
  benchmark: 'e2e /ask: INTERACTION_CREATE sent → interaction callback received',
  date: new Date().toISOString(),
  node: process.version,
  corpus: { folder: corpusDir, documents: search.documents.length },
  interactions: count,
  warmup,
  latencyMs: {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
    mean: latencies.reduce((sum, value) => sum + value, 0) / latencies.length,
  },
  throughputPerSecond: (count / elapsedMs) * 1000,
  targetP95Ms: 30,
};
const pass = result.latencyMs.p95 <= result.targetP95Ms;

const row = (label: string, value: string) => `${label.padEnd(22)}${value.padStart(12)}`;
console.log(`\n/ask through the local Discord: ${count} interactions (after ${warmup} warm-up), ${search.documents.length} documents\n`);
console.log(row('metric', 'value'));
console.log('-'.repeat(34));
for (const [name, value] of Object.entries(result.latencyMs)) console.log(row(`${name} (ms)`, value.toFixed(1)));
console.log(row('throughput (/s)', result.throughputPerSecond.toFixed(1)));
console.log(row('target p95 (ms)', `≤ ${result.targetP95Ms}`));
console.log(row('result', pass ? 'PASS' : 'FAIL'));

const outputDir = path.resolve('data/bench');
mkdirSync(outputDir, { recursive: true });
const outputFile = path.join(outputDir, 'e2e.json');
writeFileSync(outputFile, `${JSON.stringify({ ...result, pass }, null, 2)}\n`);
console.log(`\nWrote ${path.relative(process.cwd(), outputFile)}`);
if (!pass) process.exitCode = 1;
