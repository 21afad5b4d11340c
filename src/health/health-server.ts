import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger.js';
import type { InstanceHealth } from './instance-health.js';
import { isLoopbackHost } from '../http/host-guard.js';

export interface HealthServerOptions {
  host: string;
  port: number;
  /** Required in `Authorization: Bearer …` when set; config requires one off loopback. */
  token: string | null;
  check(): Promise<InstanceHealth>;
  logger: Logger;
}

export interface HealthServer {
  url: string;
  close(): Promise<void>;
}


function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(`${JSON.stringify(body)}\n`);
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The Host header's name without the port, e.g. "127.0.0.1" or "[::1]". */
function hostName(header: string | undefined): string {
  if (header === undefined) return '';
  return header.startsWith('[') ? header.slice(0, header.indexOf(']') + 1) : (header.split(':')[0] ?? '');
}

/**
 * Refuses what a supervisor never sends: on loopback, a Host other than a loopback name (a
 * DNS-rebinding page); anywhere, a browser's cross-origin request; and a missing or wrong token.
 */
function refusal(request: IncomingMessage, options: HealthServerOptions): { status: number; error: string } | null {
  if (isLoopbackHost(options.host) && !isLoopbackHost(hostName(request.headers.host))) return { status: 403, error: 'Host not allowed: ask for this endpoint on a loopback address.' };
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `http://${request.headers.host ?? ''}`) return { status: 403, error: 'Cross-origin requests are not allowed.' };
  if (options.token !== null && !tokenMatches(request.headers.authorization, options.token)) return { status: 401, error: 'Send the health token as Authorization: Bearer <HEALTH_TOKEN>.' };
  if (request.method !== 'GET' && request.method !== 'HEAD') return { status: 405, error: 'Only GET is served here.' };
  if ((request.url ?? '').split('?')[0] !== '/healthz') return { status: 404, error: 'The health endpoint is GET /healthz.' };
  return null;
}

/** GET /healthz: 200 with the instance's health when it is ok, 503 with its problems when not. */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const log = options.logger.child({ module: 'health' });
  const server: Server = createServer((request, response) => {
    const refused = refusal(request, options);
    if (refused !== null) {
      send(response, refused.status, { error: refused.error });
      return;
    }
    options.check().then(
      (health) => send(response, health.ok ? 200 : 503, health),
      (error: unknown) => {
        log.error({ err: error }, 'health check failed');
        send(response, 503, { ok: false, problems: ['the health check itself failed; see the log'] });
      },
    );
  });
  server.requestTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}/healthz`;
  log.info({ url }, 'health endpoint listening');
  return {
    url,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
