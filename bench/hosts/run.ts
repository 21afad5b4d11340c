/*
 * `npm run bench:hosts [-- --slots 50 --interval 6 --seed 13]`: three bot processes on one
 * Postgres post a digest every few seconds through the local Discord server while hosts are
 * killed at random (some mid-post) and restarted. Reports digests posted per slot (must be
 * exactly 1), how late the slowest was, how many were missed (must be 0), Postgres round
 * trips per slot, and /ask latency end to end on Postgres against SQLite.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { REST } from 'discord.js';
import pg from 'pg';
import { allCommands } from '../../commands/index.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { buildTimeline } from '../../src/dates/timeline.js';
import { saveDigestSettings } from '../../src/digest/settings-store.js';
import { slotKeyText } from '../../src/digest/slot-store.js';
import { startBot } from '../../src/discord/bot.js';
import { deployCommands } from '../../src/discord/deploy-commands.js';
import { slotReference } from '../../src/discord/digest-delivery.js';
import { startLocalDiscord, type LocalDiscord } from '../../src/local-discord/index.js';
import { createLogger } from '../../src/logger.js';
import { openSearchService } from '../../src/search/search-service.js';
import { openDatabase, type AppDatabase } from '../../src/storage/database.js';
import { startBotHost, type BotHost } from '../../tests/support/bot-hosts.js';
import { startPostgresCluster } from '../../tests/support/postgres-cluster.js';
import { ownerPid } from '../../tests/support/slot-accounting.js';
import { median, percentile } from '../fit.js';

const { values } = parseArgs({
  options: {
    slots: { type: 'string', default: '50' },
    interval: { type: 'string', default: '6' },
    seed: { type: 'string', default: '13' },
    asks: { type: 'string', default: '200' },
  },
});
const slotCount = Number(values.slots);
const intervalSeconds = Number(values.interval);
const askCount = Number(values.asks);
if (![slotCount, intervalSeconds, askCount, Number(values.seed)].every((value) => Number.isInteger(value) && value > 0) || 60 % intervalSeconds !== 0) {
  console.error('--slots, --asks and --seed must be whole numbers; --interval a whole number of seconds dividing 60, e.g. --slots 50 --interval 6');
  process.exit(1);
}
const leaseSeconds = Math.max(10, intervalSeconds * 2);
const token = 'bench.hosts.token';
const applicationId = '1357924680135792468';
const logger = createLogger({ level: 'warn', destination: new Writable({ write: (_chunk, _encoding, done) => done() }) });

/** mulberry32: the same kills for the same seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const chance = random(Number(values.seed));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function transactions(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ total: string }>("SELECT xact_commit + xact_rollback AS total FROM pg_stat_database WHERE datname = 'bench'");
    return Number(result.rows[0]?.total ?? 0);
  } finally {
    await client.end();
  }
}

// ---- Part 1: three hosts, random kills --------------------------------------------------------
const cluster = await startPostgresCluster();
const admin = new pg.Client({ connectionString: cluster.url });
await admin.connect();
await admin.query('CREATE DATABASE bench');
await admin.end();
const databaseUrl = cluster.urlFor('bench');
const server = await startLocalDiscord({ token, applicationId });
const guildId = server.state.defaultGuild.id;
const channelId = server.state.channel('digest').id;
const benchDb = await openDatabase(databaseUrl, logger);
const hostOptions = (name: string) => ({ name, apiBase: server.apiBase, token, applicationId, databaseUrl, leaseSeconds });
let generation = 0;
let hosts: BotHost[] = ['a', 'b', 'c'].map((name) => startBotHost(hostOptions(name)));
await Promise.all(hosts.map((host) => host.ready));
/** Hosts connected and scheduling; a host restarted after a kill joins once it is ready. */
const ready = new Set<BotHost>(hosts);
// Kills never leave fewer than two ready hosts: the benchmark measures the coordination, not a cluster with nobody left.
const mayKill = () => ready.size > 2 || (ready.size === 2 && hosts.length === 2);
const kills: Array<{ at: string; host: string; kind: 'mid-post' | 'random' }> = [];

async function restartLater(dead: BotHost): Promise<void> {
  await sleep(1000 + chance() * 3000);
  generation += 1;
  const fresh = startBotHost(hostOptions(`${dead.name.split('#')[0]}#${generation}`));
  hosts.push(fresh);
  await fresh.ready.then(
    () => ready.add(fresh),
    () => undefined,
  );
}

async function kill(host: BotHost, kind: 'mid-post' | 'random'): Promise<void> {
  hosts = hosts.filter((candidate) => candidate !== host);
  ready.delete(host);
  kills.push({ at: new Date().toISOString(), host: host.name, kind });
  await host.kill();
  void restartLater(host);
}

/** The next post waits out a 429 and the host that claimed it is killed meanwhile. */
async function killMidPost(): Promise<void> {
  server.faults.rateLimit(`POST /channels/${channelId}/messages`, { retryAfterMs: 2000 });
  const faulted = await server.waitFor('request', (request) => request.fault !== null, { timeoutMs: intervalSeconds * 3000 }).catch(() => null);
  if (faulted === null) return;
  const claimed = await benchDb.kysely.selectFrom('digest_slots').select('claimed_by').where('state', '=', 'claimed').orderBy('slot_at', 'desc').executeTakeFirst();
  const claimer = hosts.find((host) => host.pid === ownerPid(claimed?.claimed_by ?? null));
  if (claimer && mayKill()) await kill(claimer, 'mid-post');
}

const transactionsBefore = await transactions(databaseUrl);
const benchStatementsBefore = benchDb.statements();
const startedAt = new Date();
// The first slot comes after the hosts have picked the settings up (within a sweep, a quarter lease).
const firstSlot = new Date(Math.ceil((startedAt.getTime() + leaseSeconds * 250 + 1000) / (intervalSeconds * 1000)) * intervalSeconds * 1000);
const lastSlot = new Date(firstSlot.getTime() + (slotCount - 1) * intervalSeconds * 1000);
await saveDigestSettings(benchDb, {
  guildId,
  channelId,
  schedule: { input: `*/${intervalSeconds} * * * * *`, cron: `*/${intervalSeconds} * * * * *`, label: `every ${intervalSeconds} seconds` },
  timeZone: 'UTC',
  windowDays: 90,
  enabled: true,
});
const deadline = lastSlot.getTime() + (leaseSeconds + 30) * 1000;
while (Date.now() < lastSlot.getTime()) {
  const roll = chance();
  if (roll < 0.15) await killMidPost();
  else if (roll < 0.3 && mayKill()) {
    await sleep(chance() * intervalSeconds * 1000);
    const candidates = [...ready];
    const victim = candidates[Math.floor(chance() * candidates.length)];
    if (victim && mayKill()) await kill(victim, 'random');
  } else await sleep(intervalSeconds * 1000);
}
// Let the last slots and any taken-over post finish, within a lease and a bit.
while (Date.now() < deadline) {
  const open = await benchDb.kysely.selectFrom('digest_slots').select('local_time').where('state', '=', 'claimed').where('slot_at', '<=', lastSlot.getTime()).execute();
  const lastKnown = await benchDb.kysely.selectFrom('digest_slots').select('slot_at').where('slot_at', '=', lastSlot.getTime()).executeTakeFirst();
  if (open.length === 0 && lastKnown !== undefined) break;
  await sleep(500);
}
await Promise.all(hosts.map((host) => host.stop()));
await sleep(1500);
const benchStatements = benchDb.statements() - benchStatementsBefore;
const transactionsDuring = (await transactions(databaseUrl)) - transactionsBefore - benchStatements - 1;

// Posts Discord accepted, per nonce, with when each was accepted.
const acceptedAt = new Map<string, number[]>();
for (const request of server.state.requests) {
  if (request.method !== 'POST' || request.path !== `/channels/${channelId}/messages` || request.status !== 200) continue;
  const nonce = (request.body as { nonce?: string } | null)?.nonce ?? '(none)';
  acceptedAt.set(nonce, [...(acceptedAt.get(nonce) ?? []), request.at]);
}
const rows = await benchDb.kysely.selectFrom('digest_slots').selectAll().where('kind', '=', 'scheduled').execute();
const rowsByTime = new Map(rows.map((row) => [row.slot_at, row]));
const perSlot = Array.from({ length: slotCount }, (_, index) => {
  const slotAt = firstSlot.getTime() + index * intervalSeconds * 1000;
  const row = rowsByTime.get(slotAt);
  const nonce = slotReference(slotKeyText({ guildId, kind: 'scheduled', timeZone: 'UTC', localTime: new Date(slotAt).toISOString().slice(0, 19) }));
  const posts = acceptedAt.get(nonce) ?? [];
  return { slot: new Date(slotAt).toISOString(), state: row?.state ?? 'never recorded', late: row?.late === 1, posts: posts.length, lateByMs: posts.length > 0 ? Math.min(...posts) - slotAt : null };
});
await benchDb.close();
await server.close();
cluster.stop();

const postsPerSlot = perSlot.reduce<Record<string, number>>((counts, slot) => ({ ...counts, [slot.posts]: (counts[slot.posts] ?? 0) + 1 }), {});
const lateness = perSlot.flatMap((slot) => (slot.lateByMs === null ? [] : [slot.lateByMs]));
const takenOver = perSlot.filter((slot) => slot.late && slot.lateByMs !== null).map((slot) => slot.lateByMs as number);
const missed = perSlot.filter((slot) => slot.posts === 0);
const hostsResult = {
  slots: slotCount,
  intervalSeconds,
  leaseSeconds,
  hosts: 3,
  kills: { total: kills.length, midPost: kills.filter((entry) => entry.kind === 'mid-post').length, random: kills.filter((entry) => entry.kind === 'random').length },
  postsPerSlot,
  exactlyOnce: perSlot.every((slot) => slot.posts === 1),
  missed: missed.length,
  missedSlots: missed,
  latenessMs: { median: median(lateness), p95: percentile(lateness, 95), max: Math.max(...lateness) },
  takenOverSlots: { count: takenOver.length, medianLatenessMs: median(takenOver), maxLatenessMs: takenOver.length === 0 ? null : Math.max(...takenOver) },
  postgresRoundTripsPerSlot: transactionsDuring / slotCount,
};

// ---- Part 2: /ask end to end, SQLite against Postgres -----------------------------------------
const askQuestions = ['When was the Central Asia plus Japan Dialogue launched?', 'How much did Japan lend Uzbekistan?', 'Which critical minerals interest Japan in the region?', 'What did the leaders agree at the Tokyo summit?'];

async function askLatencies(database: (scratch: string) => Promise<AppDatabase>, discord: LocalDiscord, scratch: string): Promise<{ latencies: number[]; statements: number }> {
  const corpus = await loadCorpus(path.resolve('corpus'));
  const search = await openSearchService({ corpus, dataDir: scratch, logger });
  const timeline = buildTimeline(search.documents, (docId) => search.passagesOf(docId));
  const db = await database(scratch);
  const bot = await startBot({ discord: { token, applicationId, guildId: null, apiBase: discord.apiBase }, search, timeline, db, logger });
  const ask = async (index: number) => (await discord.driver.slash('/ask', { question: askQuestions[index % askQuestions.length] ?? 'Japan' }).callback()).latencyMs;
  for (let index = 0; index < 20; index += 1) await ask(index);
  const latencies: number[] = [];
  const statementsBefore = db.statements();
  for (let index = 0; index < askCount; index += 1) latencies.push(await ask(index));
  const statements = db.statements() - statementsBefore;
  await bot.stop();
  await db.close();
  return { latencies, statements };
}

const askCluster = await startPostgresCluster();
const askResults: Record<string, { p50: number; p95: number; databaseStatements: number }> = {};
for (const engine of ['sqlite', 'postgres'] as const) {
  const discord = await startLocalDiscord({ token, applicationId });
  await deployCommands({ rest: new REST({ api: discord.apiBase }).setToken(token), applicationId, guildId: null, commands: allCommands });
  const scratch = mkdtempSync(path.join(tmpdir(), 'briefing-bench-hosts-'));
  const { latencies, statements } = await askLatencies((folder) => openDatabase(engine === 'sqlite' ? path.join(folder, 'briefing.db') : askCluster.url, logger), discord, scratch);
  askResults[engine] = { p50: median(latencies), p95: percentile(latencies, 95), databaseStatements: statements };
  await discord.close();
  rmSync(scratch, { recursive: true, force: true });
}
askCluster.stop();

const result = {
  benchmark: 'several hosts on one Postgres: digests per slot under random kills; /ask on Postgres against SQLite',
  date: new Date().toISOString(),
  node: process.version,
  seed: Number(values.seed),
  hosts: hostsResult,
  ask: { interactions: askCount, sqlite: askResults.sqlite, postgres: askResults.postgres, p50Ratio: (askResults.postgres?.p50 ?? Number.NaN) / (askResults.sqlite?.p50 ?? Number.NaN) },
};

const row = (label: string, value: string) => `${label.padEnd(44)}${value.padStart(16)}`;
console.log(`\nThree hosts on one Postgres, ${slotCount} slots ${intervalSeconds} s apart, lease ${leaseSeconds} s, seed ${result.seed}\n`);
console.log(row('metric', 'value'));
console.log('-'.repeat(60));
console.log(row('kills (mid-post / random)', `${hostsResult.kills.total} (${hostsResult.kills.midPost} / ${hostsResult.kills.random})`));
console.log(row('digests posted per slot (count of slots)', Object.entries(postsPerSlot).map(([posts, slots]) => `${posts}:${slots}`).join(' ')));
console.log(row('exactly once', hostsResult.exactlyOnce ? 'yes' : 'NO'));
console.log(row('missed', String(hostsResult.missed)));
console.log(row('lateness median / p95 / max (ms)', `${hostsResult.latenessMs.median.toFixed(0)} / ${hostsResult.latenessMs.p95.toFixed(0)} / ${hostsResult.latenessMs.max.toFixed(0)}`));
console.log(row('taken over after a kill: slots, max late (ms)', `${hostsResult.takenOverSlots.count}, ${hostsResult.takenOverSlots.maxLatenessMs ?? '-'}`));
console.log(row('Postgres round trips per slot (3 hosts)', hostsResult.postgresRoundTripsPerSlot.toFixed(1)));
console.log(row('/ask p50 / p95, SQLite (ms)', `${askResults.sqlite?.p50.toFixed(1)} / ${askResults.sqlite?.p95.toFixed(1)}`));
console.log(row('/ask p50 / p95, Postgres (ms)', `${askResults.postgres?.p50.toFixed(1)} / ${askResults.postgres?.p95.toFixed(1)}`));
console.log(row('/ask p50 ratio Postgres / SQLite', result.ask.p50Ratio.toFixed(2)));
console.log(row('database statements during the /asks (SQLite / Postgres)', `${askResults.sqlite?.databaseStatements} / ${askResults.postgres?.databaseStatements}`));

const outputDir = path.resolve('data/bench');
mkdirSync(outputDir, { recursive: true });
const outputFile = path.join(outputDir, 'hosts.json');
writeFileSync(outputFile, `${JSON.stringify(result, null, 2)}\n`);
console.log(`\nWrote ${path.relative(process.cwd(), outputFile)}`);
if (!hostsResult.exactlyOnce || hostsResult.missed > 0) process.exitCode = 1;
