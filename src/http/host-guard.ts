import type { IncomingHttpHeaders } from 'node:http';
import { parseOrigin } from './request-target.js';

/** Why a request is refused before any handler sees it, as a status and words for the person. */
export interface GuardRefusal {
  status: 400 | 401 | 403 | 421;
  message: string;
}

/**
 * Host and Origin rules for a server that only the pages it serves may use. The Host
 * header must be one of the server's own names (so a DNS name that a foreign page points
 * at 127.0.0.1 gets nowhere); an Origin, when a browser sends one, must be this same
 * host over http: a foreign page, a sandboxed frame (`null`) or an unreadable origin is refused.
 */
export function checkHostAndOrigin(headers: IncomingHttpHeaders, ownHosts: ReadonlySet<string>): GuardRefusal | null {
  const host = headers.host?.toLowerCase();
  if (host === undefined || !ownHosts.has(host)) return { status: 421, message: 'Unknown Host header: open the address the server printed.' };
  const origin = parseOrigin(headers.origin);
  if (origin.kind === 'absent') return null;
  if (origin.kind === 'site' && origin.protocol === 'http:' && origin.host === host) return null;
  return { status: 403, message: 'Requests from other web pages are refused: open the address the server printed.' };
}

/** `host:port` for each name, with IPv6 addresses in brackets, lower-cased as Host headers are compared. */
export function hostsWithPort(names: Iterable<string>, port: number): Set<string> {
  return new Set([...names].map((name) => `${name.includes(':') && !name.startsWith('[') ? `[${name}]` : name}:${port}`.toLowerCase()));
}

/** The names a loopback server answers to on this machine. */
export const loopbackNames = ['127.0.0.1', 'localhost', '::1'] as const;

/** An address only this machine reaches: 127.0.0.0/8, ::1 (bracketed or not) or localhost. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase();
  return (loopbackNames as readonly string[]).includes(name) || name === '[::1]' || /^127(\.\d{1,3}){3}$/.test(name);
}
