import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { createGuardedServer, refuseUpgrade } from '../http/guarded-server.js';
import { parseRequestTarget } from '../http/request-target.js';
import type { Logger } from '../logger.js';
import { createBridgeAccess, type BridgeAccess } from './bridge-access.js';
import { receiveUpload } from './bridge-uploads.js';
import type { ActionResult } from './bridge-protocol.js';
import type { SandboxBackend } from './sandbox-backend.js';
import { readCappedBody } from './request-body.js';
import { SandboxRefusal } from './sandbox-refusal.js';

export interface BridgeServerOptions {
  backend: SandboxBackend;
  /** The built page (web/dist). */
  webRoot: string;
  /** 127.0.0.1 unless the person asked for another address with SANDBOX_HOST. */
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** SANDBOX_SECRET; without it a secret is generated when `host` is not loopback. */
  secret: string | null;
  logger: Logger;
}

export interface BridgeServer {
  /** The page's address, e.g. `http://127.0.0.1:5173/`, with `?token=` when a secret is needed. */
  url: string;
  /** Whether other machines can reach the page, and the addresses they open. */
  access: Pick<BridgeAccess, 'exposed' | 'networkUrls'>;
  close(): Promise<void>;
}

const maxBodyBytes = 64 * 1024;
const id = z.string().regex(/^\d{1,20}$/, 'must be a snowflake id');
const choice = z.object({ name: z.string().max(100), value: z.union([z.string().max(100), z.number()]) });
const slashRequest = z.object({
  userId: id,
  channelId: id,
  line: z.string(),
  picked: z.record(z.string(), choice).optional(),
  attachments: z.record(z.string().max(32), id).optional(),
});
const modalSubmitRequest = z.object({ userId: id, channelId: id, interactionId: id, values: z.record(z.string().max(100), z.string().max(8000)) });
const buttonRequest = z.object({ userId: id, channelId: id, messageId: id, customId: z.string().min(1).max(100) });
const messageCommandRequest = z.object({ userId: id, channelId: id, messageId: id, commandName: z.string().min(1).max(32) });
const plainMessageRequest = z.object({ userId: id, channelId: id, content: z.string() });
const digestRequest = z.object({ channelId: id, confirmed: z.boolean().optional() });

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

/**
 * The page's server: the built page, a small JSON API and a WebSocket of events, all on
 * one address. Every request and upgrade passes the same access rules first (Host,
 * Origin, and the secret when the page is open to a network; see bridge-access.ts), and
 * nothing a request carries can end the process (see createGuardedServer).
 */
export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const { backend, logger } = options;
  const log = logger.child({ module: 'sandbox-bridge' });
  const webRoot = path.resolve(options.webRoot);
  // Refuses everything until the port, and with it the Host names, is known.
  let access: BridgeAccess | null = null;

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  const clients = new Set<WebSocket>();
  sockets.on('connection', (socket) => {
    clients.add(socket);
    socket.on('close', () => clients.delete(socket));
    socket.on('error', () => clients.delete(socket));
  });

  const server = createGuardedServer({
    request: (request, response) =>
      handle(request, response).catch((error: unknown) => {
        if (error instanceof SandboxRefusal) {
          // The page reads the API's JSON; a person who opened an address in the browser reads text.
          if (loggedPath(request.url).startsWith('/api/')) sendJson(response, error.status, { ok: false, error: error.message });
          else sendText(response, error.status, error.message);
          return;
        }
        log.error({ err: error, method: request.method, path: loggedPath(request.url) }, 'bridge request failed');
        if (!response.headersSent) sendJson(response, 500, { ok: false, error: 'The sandbox failed on this request; see its log.' });
        else response.destroy();
      }),
    upgrade(request, socket, head) {
      const target = parseRequestTarget(request.url);
      if (target === null) return refuseUpgrade(socket, 400, 'The request target is not a path.');
      const decision = access?.decide(request.headers, target) ?? null;
      if (decision === null || decision.kind === 'refuse') return refuseUpgrade(socket, decision?.refusal.status ?? 503, decision?.refusal.message ?? 'The sandbox is still starting.');
      if (target.pathname !== '/api/events') return refuseUpgrade(socket, 404, 'The sandbox has one WebSocket: /api/events.');
      sockets.handleUpgrade(request, socket, head, (client) => sockets.emit('connection', client, request));
    },
    onEscaped: (error, request) => log.error({ err: error, method: request.method, path: loggedPath(request.url) }, 'bridge request failed'),
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = parseRequestTarget(request.url);
    if (url === null) throw new SandboxRefusal(400, 'The request target is not a path.');
    const decision = access?.decide(request.headers, url) ?? null;
    if (decision === null) throw new SandboxRefusal(503, 'The sandbox is still starting.');
    if (decision.kind === 'refuse') throw new SandboxRefusal(decision.refusal.status, decision.refusal.message);
    if (decision.kind === 'admit') {
      response.writeHead(303, { location: decision.location, 'set-cookie': decision.setCookie, 'cache-control': 'no-store' });
      response.end();
      return;
    }
    const route = `${request.method ?? 'GET'} ${url.pathname}`;
    const messages = /^GET \/api\/channels\/(\d{1,20})\/messages$/.exec(route);
    const attachment = /^GET \/api\/attachments\/(\d{1,20})$/.exec(route);
    if (route === 'GET /api/session') return sendJson(response, 200, backend.session());
    if (messages !== null) {
      const list = backend.messages(messages[1] ?? '');
      if (list === null) throw new SandboxRefusal(404, 'No such channel in the sandbox server.');
      return sendJson(response, 200, list);
    }
    if (attachment !== null) {
      const file = backend.attachment(attachment[1] ?? '');
      if (file === null) throw new SandboxRefusal(404, 'No such attachment.');
      response.writeHead(200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        'x-content-type-options': 'nosniff',
      });
      response.end(file.data);
      return;
    }
    if (route === 'POST /api/uploads') return sendJson(response, 200, await receiveUpload(backend, url.searchParams, request));
    if (request.method === 'POST' && url.pathname.startsWith('/api/')) return handlePost(url.pathname, request, response);
    if (url.pathname.startsWith('/api/')) throw new SandboxRefusal(404, `No such sandbox API: ${route}`);
    if (request.method !== 'GET' && request.method !== 'HEAD') throw new SandboxRefusal(405, 'Method not allowed.');
    return serveStatic(url.pathname, response);
  }

  async function handlePost(pathname: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) throw new SandboxRefusal(415, 'Send JSON.');
    const body = await readJson(request);
    const parse = <T>(schema: z.ZodType<T>): T => {
      const parsed = schema.safeParse(body);
      if (!parsed.success) throw new SandboxRefusal(400, parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
      return parsed.data;
    };
    const reply = (result: ActionResult) => sendJson(response, result.ok ? 200 : 422, result);
    switch (pathname) {
      case '/api/interactions/slash':
        return reply(await backend.slash(parse(slashRequest)));
      case '/api/interactions/autocomplete':
        return sendJson(response, 200, await backend.autocomplete(parse(slashRequest)));
      case '/api/interactions/button':
        return reply(await backend.button(parse(buttonRequest)));
      case '/api/interactions/message-command':
        return reply(await backend.messageCommand(parse(messageCommandRequest)));
      case '/api/interactions/modal-submit':
        return reply(await backend.submitModal(parse(modalSubmitRequest)));
      case '/api/messages':
        return reply(backend.postMessage(parse(plainMessageRequest)));
      case '/api/digest/run':
        return reply(await backend.runDigest(parse(digestRequest)));
      default:
        throw new SandboxRefusal(404, `No such sandbox API: POST ${pathname}`);
    }
  }

  async function serveStatic(pathname: string, response: ServerResponse): Promise<void> {
    let relative: string;
    try {
      relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    } catch {
      throw new SandboxRefusal(400, 'Malformed path.');
    }
    const file = path.resolve(webRoot, `.${path.posix.normalize(relative)}`);
    if (!file.startsWith(webRoot + path.sep)) throw new SandboxRefusal(404, 'Not found.');
    const found = await stat(file).then((info) => info.isFile(), () => false);
    if (!found) {
      if (relative === '/index.html') {
        response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('The sandbox page is not built. Run `npm run build` (npm install does it), then `npm start` again.\n');
        return;
      }
      throw new SandboxRefusal(404, 'Not found.');
    }
    const type = contentTypes[path.extname(file)] ?? 'application/octet-stream';
    response.writeHead(200, {
      'content-type': type,
      'cache-control': file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      ...(type.startsWith('text/html')
        ? { 'content-security-policy': "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'" }
        : {}),
    });
    response.end(await readFile(file));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const unsubscribe = backend.subscribe((event) => {
    const text = JSON.stringify(event);
    for (const client of clients) client.send(text);
  });
  const { port } = server.address() as AddressInfo;
  const ready = createBridgeAccess({ listenHost: options.host, port, secret: options.secret });
  access = ready;
  if (ready.exposed) log.warn({ host: options.host, port }, 'the sandbox page is open to the network: anyone with its address and token can act as its members');
  log.debug({ port }, 'bridge listening');

  return {
    url: ready.url,
    access: { exposed: ready.exposed, networkUrls: ready.networkUrls },
    close: async () => {
      unsubscribe();
      for (const client of clients) client.terminate();
      sockets.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** The path of a request for the log, without its query: `?token=` carries the page's secret. */
function loggedPath(url: string | undefined): string {
  return parseRequestTarget(url)?.pathname ?? '(not a path)';
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(`${text}\n`);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const body = await readCappedBody(request, maxBodyBytes, `This is too long for the sandbox (over ${maxBodyBytes / 1024} KB): shorten it.`);
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new SandboxRefusal(400, 'The body is not valid JSON.');
  }
}
