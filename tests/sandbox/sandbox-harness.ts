import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import WebSocket from 'ws';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import type { SandboxEvent, SandboxSession } from '../../src/sandbox/bridge-protocol.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/start-sandbox.js';

/** A running sandbox, as `npm start` starts it without a token, and a client of its bridge. */
export interface SandboxHarness {
  sandbox: Sandbox;
  url: string;
  dataDir: string;
  get(pathname: string): Promise<{ status: number; body: unknown }>;
  post(pathname: string, body: unknown): Promise<{ status: number; body: unknown }>;
  session(): Promise<SandboxSession>;
  /** Events pushed over the bridge's WebSocket since it connected. */
  events: SandboxEvent[];
  /** The first event, already received or still to come, that matches. */
  waitForEvent(predicate: (event: SandboxEvent) => boolean, timeoutMs?: number): Promise<SandboxEvent>;
  close(): Promise<void>;
}

export interface SandboxHarnessOptions {
  /** Extra environment, e.g. SANDBOX_STATE_FILE. */
  env?: Record<string, string>;
  webRoot?: string;
  dataDir?: string;
}

export async function startSandboxHarness(options: SandboxHarnessOptions = {}): Promise<SandboxHarness> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'briefing-sandbox-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...options.env }, process.cwd());
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  const logger = createLogger({ level: 'warn', destination: quiet });
  const sandbox = await startSandbox({ config, logger, port: 0, ...(options.webRoot === undefined ? {} : { webRoot: options.webRoot }) });
  const url = sandbox.url;
  // As a browser does with a printed address that carries ?token=: open it once, then carry its cookie.
  const cookie = new URL(url).searchParams.has('token') ? ((await fetch(url, { redirect: 'manual' })).headers.get('set-cookie')?.split(';')[0] ?? '') : '';
  const withCookie = (headers: Record<string, string> = {}): Record<string, string> => (cookie === '' ? headers : { ...headers, cookie });

  const events: SandboxEvent[] = [];
  const waiters = new Set<() => void>();
  const socket = new WebSocket(new URL('api/events', url.replace(/^http/, 'ws')), { headers: withCookie() });
  socket.on('message', (data: Buffer) => {
    events.push(JSON.parse(data.toString('utf8')) as SandboxEvent);
    for (const waiter of waiters) waiter();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });

  const request = async (pathname: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) => {
    const response = await fetch(new URL(pathname, url), { ...init, headers: withCookie(init.headers) });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: the page or an error text.
    }
    return { status: response.status, body };
  };

  return {
    sandbox,
    url,
    dataDir,
    events,
    get: (pathname) => request(pathname),
    post: (pathname, body) => request(pathname, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    session: async () => (await request('api/session')).body as SandboxSession,
    waitForEvent(predicate, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const found = events.find(predicate);
          if (found === undefined) return false;
          waiters.delete(waiter);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const waiter = (): void => void check();
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching sandbox event within ${timeoutMs} ms; got: ${events.map((event) => event.type).join(', ')}`));
        }, timeoutMs);
        waiters.add(waiter);
        check();
      });
    },
    async close() {
      socket.close();
      await sandbox.close();
      if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
