import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { createGuardedServer, refuseUpgrade } from '../../http/guarded-server.js';
import { checkHostAndOrigin } from '../../http/host-guard.js';
import { parseRequestTarget, type RequestTarget } from '../../http/request-target.js';
import { contentGone } from '../cdn.js';
import type { LocalDiscordCore } from '../core.js';
import { DiscordHttpError, methodNotAllowed, notFound, unauthorized } from '../errors.js';
import type { FaultInjector, HttpFault } from '../faults.js';
import { tooManyRequests, type RateLimiter } from '../rate-limits.js';
import type { RequestLogEntry } from '../types.js';
import { parseBody, readBody } from './body.js';
import type { Router } from './router.js';

const apiPrefix = '/api/v10';

export interface HttpServerParts {
  core: LocalDiscordCore;
  router: Router;
  faults: FaultInjector;
  rateLimiter: RateLimiter;
  /** The Host headers this server answers to (`127.0.0.1:PORT`, `localhost:PORT`), known once it listens. */
  ownHosts(): ReadonlySet<string>;
  /** A WebSocket upgrade whose Host, Origin and target were read safely. */
  upgrade(request: IncomingMessage, target: RequestTarget, socket: Duplex, head: Buffer): void;
}

/**
 * The REST side: `/api/v10/...` through the router (auth, injected faults, rate limits,
 * then the route), uploaded attachments under `/attachments/...`, and everything answered
 * with the status codes and JSON error bodies Discord uses.
 */
export function createHttpServer(parts: HttpServerParts): Server {
  return createGuardedServer({
    request: (request, response) =>
      handle(parts, request, response).catch((error: unknown) => {
        // A bug in a route: answer like Discord's 500 so the client sees a server error, not a hang.
        if (!response.headersSent) send(response, 500, { message: `500: Internal Server Error (${String(error)})`, code: 0 }, {});
        else response.destroy();
      }),
    upgrade(request, socket, head) {
      const refusal = checkHostAndOrigin(request.headers, parts.ownHosts());
      if (refusal !== null) return refuseUpgrade(socket, refusal.status, `local-discord: ${refusal.message}`);
      const target = parseRequestTarget(request.url);
      if (target === null) return refuseUpgrade(socket, 400, 'local-discord: the request target is not a path');
      parts.upgrade(request, target, socket, head);
    },
    // A throw that got past the 500 above: the guarded server answered; the request log shows what came in.
    onEscaped: () => undefined,
  });
}

async function handle(parts: HttpServerParts, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { core, router, faults, rateLimiter } = parts;
  const refusal = checkHostAndOrigin(request.headers, parts.ownHosts());
  if (refusal !== null) return send(response, refusal.status, { message: refusal.message, code: 0 }, {});
  const url = parseRequestTarget(request.url);
  if (url === null) return send(response, 400, { message: '400: Bad Request (the request target is not a path)', code: 0 }, {});
  const method = (request.method ?? 'GET').toUpperCase();

  if (method === 'GET' && /^\/(ephemeral-)?attachments\//.test(url.pathname)) {
    serveAttachment(core, url, response);
    return;
  }
  const path = url.pathname.startsWith(`${apiPrefix}/`) ? url.pathname.slice(apiPrefix.length) : null;
  const entry: RequestLogEntry = {
    method,
    path: path ?? url.pathname,
    route: null,
    query: Object.fromEntries(url.searchParams),
    body: undefined,
    files: [],
    status: 0,
    fault: null,
    at: core.now(),
  };
  const finish = (status: number, body: unknown, headers: Record<string, string>): void => {
    entry.status = status;
    core.state.requests.push(entry);
    core.events.emit('request', entry);
    send(response, status, body, headers);
  };

  try {
    const parsed = await parseBody(await readBody(request), request.headers['content-type']);
    entry.body = parsed.body;
    entry.files = parsed.files;
    if (path === null) throw notFound();
    const match = router.match(method, path);
    if (match.kind === 'not-found') throw notFound();
    if (match.kind === 'wrong-method') throw methodNotAllowed();
    entry.route = match.route.pattern;
    if (match.route.auth === 'bot' && request.headers.authorization !== `Bot ${core.token}`) throw unauthorized();

    const fault = faults.take(method, path);
    if (fault?.kind === 'no-answer') {
      // The request takes effect; its answer is held back until the client gives up or the server closes.
      entry.fault = fault.kind;
      const result = await match.route.handle({ method, path, params: match.params, query: url.searchParams, body: parsed.body, files: parsed.files });
      entry.status = result.status;
      core.state.requests.push(entry);
      core.events.emit('request', entry);
      return;
    }
    if (fault) {
      entry.fault = fault.kind;
      const answer = faultAnswer(fault, rateLimiter, method, match.route.pattern, match.params);
      finish(answer.status, answer.body, answer.headers);
      return;
    }
    const limit = rateLimiter.take(method, match.route.pattern, match.params);
    if (limit.retryAfterMs !== null) {
      const tooMany = tooManyRequests(limit.retryAfterMs, false);
      finish(429, tooMany.body, { ...limit.headers, ...tooMany.headers });
      return;
    }
    const result = await match.route.handle({ method, path, params: match.params, query: url.searchParams, body: parsed.body, files: parsed.files });
    finish(result.status, result.body, { ...limit.headers, ...result.headers });
  } catch (error) {
    if (!(error instanceof DiscordHttpError)) throw error;
    finish(error.status, error.body, {});
  }
}

function faultAnswer(
  fault: HttpFault,
  rateLimiter: RateLimiter,
  method: string,
  route: string,
  params: Record<string, string>,
): { status: number; body: unknown; headers: Record<string, string> } {
  switch (fault.kind) {
    case 'rate-limit': {
      const tooMany = tooManyRequests(fault.retryAfterMs, fault.global);
      // A real per-route 429 arrives with its bucket exhausted until the retry time.
      const bucketHeaders = fault.global ? {} : exhaustedBucketHeaders(rateLimiter.take(method, route, params).headers, fault.retryAfterMs);
      return { status: 429, body: tooMany.body, headers: { ...bucketHeaders, ...tooMany.headers } };
    }
    case 'server-error':
      return { status: fault.status, body: undefined, headers: {} };
    case 'discord-error':
      return { status: fault.error.status, body: fault.error.body, headers: {} };
    case 'no-answer':
      throw new Error('a no-answer fault has no answer to send');
  }
}

function exhaustedBucketHeaders(headers: Record<string, string>, retryAfterMs: number): Record<string, string> {
  if (Object.keys(headers).length === 0) return {};
  const seconds = retryAfterMs / 1000;
  return {
    ...headers,
    'X-RateLimit-Remaining': '0',
    'X-RateLimit-Reset-After': seconds.toFixed(3),
    'X-RateLimit-Reset': ((Date.now() + retryAfterMs) / 1000).toFixed(3),
  };
}

/** The CDN: the file's bytes, or Discord's 404 for a file that is gone (expired, unsigned, never stored). */
function serveAttachment(core: LocalDiscordCore, url: RequestTarget, response: ServerResponse): void {
  const attachment = core.cdn.resolve(url.pathname, url.searchParams, core.now());
  if (attachment === null) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(Buffer.byteLength(contentGone)) });
    response.end(contentGone);
    return;
  }
  response.writeHead(200, { 'Content-Type': attachment.contentType ?? 'application/octet-stream', 'Content-Length': String(attachment.data.length) });
  response.end(attachment.data);
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  if (body === undefined || status === 204) {
    response.writeHead(status, headers);
    response.end();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, { ...headers, 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) });
  response.end(text);
}
