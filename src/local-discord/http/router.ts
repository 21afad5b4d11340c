import { decodePathSegments } from '../../http/request-target.js';
import type { AttachmentUpload } from '../types.js';

/** What a route handler gets: the parsed request. */
export interface RouteRequest {
  method: string;
  /** The path after `/api/v10`. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The JSON body, or `payload_json` of a multipart body; undefined when there is none. */
  body: unknown;
  files: AttachmentUpload[];
}

/** What a route handler answers; the HTTP layer adds rate-limit headers. */
export interface RouteResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** `bot`: needs `Authorization: Bot <token>`. `none`: interaction callbacks and webhooks, which carry their own token. */
export type RouteAuth = 'bot' | 'none';

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A template such as `/channels/:channelId/messages`; it also names the rate-limit bucket. */
  pattern: string;
  auth: RouteAuth;
  handle(request: RouteRequest): RouteResponse | Promise<RouteResponse>;
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'wrong-method' }
  | { kind: 'not-found' };

/** Matches a method and path against route templates; literal segments win over parameters. */
export class Router {
  private readonly routes: { route: Route; segments: string[] }[] = [];

  add(...routes: Route[]): void {
    for (const route of routes) this.routes.push({ route, segments: route.pattern.split('/').filter(Boolean) });
    // `/users/@me` must not be taken for `/users/:userId`: try the most literal templates first.
    this.routes.sort((a, b) => literalCount(b.segments) - literalCount(a.segments));
  }

  match(method: string, path: string): RouteMatch {
    const segments = decodePathSegments(path);
    // A segment that does not decode names no route: Discord answers such paths with 404.
    if (segments === null) return { kind: 'not-found' };
    let pathMatched = false;
    for (const { route, segments: template } of this.routes) {
      const params = matchSegments(template, segments);
      if (!params) continue;
      if (route.method === method) return { kind: 'found', route, params };
      pathMatched = true;
    }
    return pathMatched ? { kind: 'wrong-method' } : { kind: 'not-found' };
  }
}

function literalCount(segments: string[]): number {
  return segments.filter((segment) => !segment.startsWith(':')).length;
}

function matchSegments(template: string[], segments: string[]): Record<string, string> | null {
  if (template.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of template.entries()) {
    const actual = segments[index];
    if (actual === undefined) return null;
    if (part.startsWith(':')) params[part.slice(1)] = actual;
    else if (part !== actual) return null;
  }
  return params;
}
