/*
 * Bot processes, each as a separate host would run it: its own DATA_DIR and index, `npm start`'s
 * entry point (src/main.ts), the local Discord server and one shared database. A host's clock
 * can be set off by a few seconds with libfaketime (Debian's `faketime` package, installed by .ci/run).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface BotHostOptions {
  name: string;
  apiBase: string;
  token: string;
  applicationId: string;
  databaseUrl: string;
  leaseSeconds: number;
  /** Seconds this host's clock runs ahead (or behind, when negative) of the others. */
  clockOffsetSeconds?: number;
  /** Extra environment, e.g. a shard count. */
  env?: Record<string, string>;
}

export interface BotHost {
  name: string;
  pid: number;
  /** Every JSON log line of the process. */
  logs: Array<Record<string, unknown>>;
  /** Resolves once the bot is connected and its scheduler runs; rejects when the process exits first. */
  ready: Promise<void>;
  exited: Promise<number | null>;
  /** SIGKILL: the host dies, mid-post or not, without a chance to hand anything over. */
  kill(): Promise<void>;
  /** SIGTERM, as a supervisor stops a host. */
  stop(): Promise<void>;
}

/** The libfaketime library, whose preload shifts the wall clock of one process. */
function faketimeLibrary(): string {
  const library = readdirSync('/usr/lib')
    .map((folder) => path.join('/usr/lib', folder, 'faketime', 'libfaketime.so.1'))
    .find((candidate) => existsSync(candidate));
  if (library === undefined) {
    throw new Error("libfaketime is not installed: the clock-skew test needs Debian's faketime package. Install it with `apt-get install -y faketime` (.ci/run does this).");
  }
  return library;
}

export function startBotHost(options: BotHostOptions): BotHost {
  const dataDir = mkdtempSync(path.join(tmpdir(), `briefing-host-${options.name}-`));
  const skew: Record<string, string> =
    options.clockOffsetSeconds === undefined
      ? {}
      : {
          LD_PRELOAD: faketimeLibrary(),
          FAKETIME: `${options.clockOffsetSeconds >= 0 ? '+' : ''}${options.clockOffsetSeconds}s`,
          // Timers run on the monotonic clock: only the wall clock (Date) is shifted, as on a host whose clock is off.
          FAKETIME_DONT_FAKE_MONOTONIC: '1',
        };
  const child: ChildProcess = spawn(process.execPath, ['--import', path.join(repository, 'node_modules', 'tsx', 'dist', 'loader.mjs'), path.join(repository, 'src', 'main.ts')], {
    // Its own folder as working directory, so no .env of the repository is read.
    cwd: dataDir,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: dataDir,
      DISCORD_TOKEN: options.token,
      DISCORD_APP_ID: options.applicationId,
      DISCORD_API_BASE: options.apiBase,
      DATABASE_URL: options.databaseUrl,
      DATA_DIR: dataDir,
      CORPUS_DIR: path.join(repository, 'corpus'),
      LOG_LEVEL: 'info',
      DIGEST_LEASE_SECONDS: String(options.leaseSeconds),
      // The tests' schedules post every few seconds, far below the hour a real server is held to.
      DIGEST_MIN_INTERVAL_MINUTES: '0',
      ...skew,
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const lines = createInterface({ input: child.stderr! });
    lines.on('line', (line) => {
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(line) as Record<string, unknown>;
      } catch {
        parsed = { msg: line };
      }
      logs.push(parsed);
      if (parsed.msg === 'bot started') resolve();
    });
    void exited.then((code) => reject(new Error(`host ${options.name} exited with ${code} before it was ready: ${logs.map((entry) => String(entry.msg)).slice(-5).join(' | ')}`)));
  });
  // A test that has moved on must not see an unhandled rejection from a host it killed.
  ready.catch(() => undefined);
  void exited.finally(() => rmSync(dataDir, { recursive: true, force: true }));
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return { name: options.name, pid: child.pid ?? -1, logs, ready, exited, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}
