import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REST } from 'discord.js';
import { allCommands } from '../../../commands/index.js';
import { loadCorpus } from '../../../src/corpus/load-corpus.js';
import { buildTimeline } from '../../../src/dates/timeline.js';
import type { TimelineEntry } from '../../../src/dates/types.js';
import type { AddingConfig } from '../../../src/config.js';
import { startBot, type Bot, type StartBotOptions } from '../../../src/discord/bot.js';
import { deployCommands } from '../../../src/discord/deploy-commands.js';
import { openLiveLibrary, type LiveLibrary } from '../../../src/library/live-library.js';
import type { SearchService } from '../../../src/discord/ports.js';
import { startLocalDiscord, type LocalDiscord, type LocalDiscordOptions } from '../../../src/local-discord/index.js';
import { openSearchService } from '../../../src/search/search-service.js';
import { openDatabase, type AppDatabase } from '../../../src/storage/database.js';
import { logSink } from '../fixtures/log-sink.js';

export const botToken = 'e2e.bot-token.secret-value';
export const applicationId = '1357924680135792468';

export interface Services {
  search: SearchService;
  timeline: readonly TimelineEntry[];
}

let seed: Promise<Services> | null = null;

/** The seed corpus, its index and its timeline, built once per test file. */
export function seedServices(): Promise<Services> {
  seed ??= openServices(path.resolve('corpus'));
  return seed;
}

/** The seed corpus plus extra files, e.g. a hostile document, in a folder of their own. */
export function servicesWith(extraFiles: Record<string, string>): Promise<Services> {
  const directory = mkdtempSync(path.join(tmpdir(), 'briefing-e2e-corpus-'));
  cpSync(path.resolve('corpus'), directory, { recursive: true });
  for (const [name, content] of Object.entries(extraFiles)) writeFileSync(path.join(directory, name), content);
  return openServices(directory);
}

async function openServices(corpusDir: string): Promise<Services> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'briefing-e2e-index-'));
  const corpus = await loadCorpus(corpusDir);
  const search = await openSearchService({ corpus, dataDir, logger: logSink().logger });
  return { search, timeline: buildTimeline(search.documents, (docId) => search.passagesOf(docId)) };
}

export interface Harness {
  server: LocalDiscord;
  bot: Bot;
  db: AppDatabase;
  databaseFile: string;
  services: Services;
  /** Every log line of the bot, as JSON. */
  logs: Record<string, unknown>[];
  /** The first log line that matches, already written or still to come. */
  waitForLog(predicate: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Stops the bot (as on SIGTERM) and starts a new one on the same server and database file. */
  restartBot(): Promise<Bot>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  server?: LocalDiscordOptions;
  bot?: Partial<Pick<StartBotOptions, 'clock' | 'scheduler' | 'sessions' | 'gateway' | 'intake'>>;
  /** Register the commands with `deploy` before the bot starts; true by default. */
  deploy?: boolean;
  /** The corpus services; the seed corpus by default. */
  services?: Promise<Services>;
  /**
   * Serve the seed corpus as the product does instead (src/library/live-library.ts, over the
   * harness's database), with the real intake for /add and /remove. Replaces `services`.
   */
  library?: { adding?: Partial<AddingConfig>; allowPrivate?: string[] };
}

/** A local Discord, the commands deployed to it, and the real bot logged in to it. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const server = await startLocalDiscord({ token: botToken, applicationId, ...options.server });
  if (options.deploy !== false) {
    await deployCommands({ rest: new REST({ api: server.apiBase }).setToken(botToken), applicationId, guildId: null, commands: allCommands });
  }
  const directory = mkdtempSync(path.join(tmpdir(), 'briefing-e2e-db-'));
  const databaseFile = path.join(directory, 'briefing.db');
  const { logger, lines, waitForLine } = logSink();
  let db = await openDatabase(databaseFile, logger);
  let live: LiveLibrary | null = null;
  const openLive = async (library: NonNullable<HarnessOptions['library']>) => {
    live = await openLiveLibrary({
      config: {
        corpusDir: path.resolve('corpus'),
        corpusMaxFileBytes: 2 * 1024 * 1024,
        dataDir: path.join(directory, 'data'),
        links: { allowPrivate: library.allowPrivate ?? [] },
        adding: { syncIntervalMs: 0, ...library.adding },
      },
      logger,
      db,
      watch: false,
    });
    return live;
  };
  const loaded: Services = options.library === undefined ? await (options.services ?? seedServices()) : await openLive(options.library).then((opened) => ({ search: opened.search, timeline: opened.timeline() }));
  const launch = () =>
    startBot({
      discord: { token: botToken, applicationId, guildId: null, apiBase: server.apiBase },
      search: live?.search ?? loaded.search,
      timeline: live?.timeline ?? loaded.timeline,
      ...(live?.intake && { intake: live.intake }),
      db,
      logger,
      ...options.bot,
      scheduler: { retry: { attempts: 3, baseDelayMs: 50 }, ...options.bot?.scheduler },
    });
  const harness: Harness = {
    server,
    bot: await launch(),
    db,
    databaseFile,
    services: loaded,
    logs: lines,
    waitForLog: (predicate, timeoutMs) => waitForLine(predicate, timeoutMs),
    async restartBot() {
      await harness.bot.stop();
      await live?.stop();
      await db.close();
      db = await openDatabase(databaseFile, logger);
      harness.db = db;
      if (options.library !== undefined) harness.services = await openLive(options.library).then((opened) => ({ search: opened.search, timeline: opened.timeline() }));
      harness.bot = await launch();
      return harness.bot;
    },
    async close() {
      await harness.bot.stop();
      await live?.stop();
      await db.close();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
  return harness;
}
