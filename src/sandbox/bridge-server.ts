import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import type { Logger } from '../logger.js';
import type { ActionResult } from './bridge-protocol.js';
import type { SandboxBackend } from './sandbox-backend.js';

export interface BridgeServerOptions {
  backend: SandboxBackend;
  /** The built page (web/dist). */
  webRoot: string;
  /** 127.0.0.1 unless the person asked for another address with SANDBOX_HOST. */
  host: string;
  /** 0 picks a free port. */
  port: number;
  logger: Logger;
}

export interface BridgeServer {
  /** The page's address, e.g. `http://127.0.0.1:5173/`. */
  url: string;
  close(): Promise<void>;
}

const maxBodyBytes = 64 * 1024;
const id = z.string().regex(/^\d{1,20}$/, 'must be a snowflake id');
const choice = z.object({ name: z.string().max(100), value: z.union([z.string().max(100), z.number()]) });
const slashRequest = z.object({ userId: id, channelId: id, line: z.string().max(8000), picked: z.record(z.string(), choice).optional() });
const buttonRequest = z.object({ userId: id, channelId: id, messageId: id, customId: z.string().min(1).max(100) });
const messageCommandRequest = z.object({ userId: id, channelId: id, messageId: id, commandName: z.string().min(1).max(32) });
const plainMessageRequest = z.object({ userId: id, channelId: id, content: z.string().max(4000) });
const digestRequest = z.object({ channelId: id });

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

/** A request the bridge refuses, with the status and the reason. */
class BridgeRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The page's server: the built page, a small JSON API and a WebSocket of events, all on
 * one address. Requests whose Host header is not this server's are refused, so that a web
 * page elsewhere cannot reach the sandbox through a DNS name that points at 127.0.0.1.
 */
export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const { backend, logger } = options;
  const log = logger.child({ module: 'sandbox-bridge' });
  const webRoot = path.resolve(options.webRoot);
  let hostAllowed: (host: string | undefined) => boolean = () => false;

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof BridgeRequestError) {
        sendJson(response, error.status, { ok: false, error: error.message });
        return;
      }
      log.error({ err: error, method: request.method, url: request.url }, 'bridge request failed');
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: 'The sandbox failed on this request; see its log.' });
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!hostAllowed(request.headers.host)) throw new BridgeRequestError(421, 'Unknown Host header: open the address the sandbox printed.');
    const url = new URL(request.url ?? '/', 'http://sandbox.invalid');
    const route = `${request.method ?? 'GET'} ${url.pathname}`;
    const messages = /^GET \/api\/channels\/(\d{1,20})\/messages$/.exec(route);
    const attachment = /^GET \/api\/attachments\/(\d{1,20})$/.exec(route);
    if (route === 'GET /api/session') return sendJson(response, 200, backend.session());
    if (messages !== null) {
      const list = backend.messages(messages[1] ?? '');
      if (list === null) throw new BridgeRequestError(404, 'No such channel in the sandbox server.');
      return sendJson(response, 200, list);
    }
    if (attachment !== null) {
      const file = backend.attachment(attachment[1] ?? '');
      if (file === null) throw new BridgeRequestError(404, 'No such attachment.');
      response.writeHead(200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        'x-content-type-options': 'nosniff',
      });
      response.end(file.data);
      return;
    }
    if (request.method === 'POST' && url.pathname.startsWith('/api/')) return handlePost(url.pathname, request, response);
    if (url.pathname.startsWith('/api/')) throw new BridgeRequestError(404, `No such sandbox API: ${route}`);
    if (request.method !== 'GET' && request.method !== 'HEAD') throw new BridgeRequestError(405, 'Method not allowed.');
    return serveStatic(url.pathname, response);
  }

  async function handlePost(pathname: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) throw new BridgeRequestError(415, 'Send JSON.');
    const body = await readJson(request);
    const parse = <T>(schema: z.ZodType<T>): T => {
      const parsed = schema.safeParse(body);
      if (!parsed.success) throw new BridgeRequestError(400, parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
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
      case '/api/messages':
        return reply(backend.postMessage(parse(plainMessageRequest)));
      case '/api/digest/run':
        return reply(await backend.runDigest(parse(digestRequest)));
      default:
        throw new BridgeRequestError(404, `No such sandbox API: POST ${pathname}`);
    }
  }

  async function serveStatic(pathname: string, response: ServerResponse): Promise<void> {
    let relative: string;
    try {
      relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    } catch {
      throw new BridgeRequestError(400, 'Malformed path.');
    }
    const file = path.resolve(webRoot, `.${path.posix.normalize(relative)}`);
    if (!file.startsWith(webRoot + path.sep)) throw new BridgeRequestError(404, 'Not found.');
    const found = await stat(file).then((info) => info.isFile(), () => false);
    if (!found) {
      if (relative === '/index.html') {
        response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('The sandbox page is not built. Run `npm run build` (npm install does it), then `npm start` again.\n');
        return;
      }
      throw new BridgeRequestError(404, 'Not found.');
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

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  const clients = new Set<WebSocket>();
  sockets.on('connection', (socket) => {
    clients.add(socket);
    socket.on('close', () => clients.delete(socket));
    socket.on('error', () => clients.delete(socket));
  });
  server.on('upgrade', (request, socket, head: Buffer) => {
    const pathname = new URL(request.url ?? '/', 'http://sandbox.invalid').pathname;
    const origin = request.headers.origin;
    const originHost = origin === undefined ? null : new URL(origin).host.toLowerCase();
    if (pathname !== '/api/events' || !hostAllowed(request.headers.host) || (originHost !== null && !hostAllowed(originHost))) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (client) => sockets.emit('connection', client, request));
  });

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
  const displayHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  const ownHosts = new Set([`${displayHost}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]);
  // Listening on every address is the person's explicit choice (SANDBOX_HOST); then any Host name is theirs too.
  const listensEverywhere = options.host === '0.0.0.0' || options.host === '::';
  hostAllowed = (host) => host !== undefined && (listensEverywhere || ownHosts.has(host.toLowerCase()));
  const url = `http://${listensEverywhere ? '127.0.0.1' : displayHost}:${port}/`;
  log.debug({ url }, 'bridge listening');

  return {
    url,
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

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBodyBytes) throw new BridgeRequestError(413, 'The request is too large.');
    chunks.push(buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new BridgeRequestError(400, 'The body is not valid JSON.');
  }
}
