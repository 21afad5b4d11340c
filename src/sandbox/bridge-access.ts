import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';
import { checkHostAndOrigin, hostsWithPort, isLoopbackHost, loopbackNames, type GuardRefusal } from '../http/host-guard.js';
import type { RequestTarget } from '../http/request-target.js';

export interface BridgeAccessOptions {
  /** The address the page listens on (SANDBOX_HOST). */
  listenHost: string;
  port: number;
  /** SANDBOX_SECRET; null has one generated when the page is open to a network. */
  secret: string | null;
  /** This machine's names and addresses, for a page listening on every address; read from the OS by default. */
  machineNames?: readonly string[];
}

/** What to do with a request before any route sees it. */
export type AccessDecision =
  | { kind: 'allow' }
  | { kind: 'refuse'; refusal: GuardRefusal }
  /** The printed address with its token was opened: set the cookie and send the browser on without the token in the address bar. */
  | { kind: 'admit'; setCookie: string; location: string };

/** Who may use the page, decided the same way for every HTTP request and WebSocket upgrade. */
export interface BridgeAccess {
  /** True when SANDBOX_HOST is not a loopback address: other machines can reach the page. */
  exposed: boolean;
  /** The address to open, with `?token=` when a secret is needed. */
  url: string;
  /** The addresses other machines open, when exposed; empty otherwise. */
  networkUrls: string[];
  decide(headers: IncomingHttpHeaders, target: RequestTarget): AccessDecision;
}

const wildcardHosts = new Set(['0.0.0.0', '::', '[::]']);

/**
 * The sandbox page's access rules. On loopback (the default) the Host and Origin checks
 * keep other web pages out. Opened to a network (any other SANDBOX_HOST), the same checks
 * apply to the machine's own names, and a secret is needed as well, the way Jupyter does
 * it: the printed address carries it as `?token=`, which becomes a cookie that every
 * later request and WebSocket upgrade must carry. SANDBOX_SECRET, when set, is always required.
 */
export function createBridgeAccess(options: BridgeAccessOptions): BridgeAccess {
  const { listenHost, port } = options;
  const exposed = !isLoopbackHost(listenHost);
  const secret = options.secret ?? (exposed ? randomBytes(24).toString('base64url') : null);
  const wildcard = wildcardHosts.has(listenHost);
  const networkNames = !exposed ? [] : wildcard ? [...(options.machineNames ?? machineNames())] : [listenHost];
  const ownHosts = hostsWithPort([...loopbackNames, ...networkNames], port);
  const cookieName = `briefing_sandbox_${port}`;
  const query = secret === null ? '' : `?token=${encodeURIComponent(secret)}`;
  const address = (host: string) => `http://${host.includes(':') ? `[${host}]` : host}:${port}/${query}`;

  return {
    exposed,
    url: address(exposed && !wildcard ? listenHost : '127.0.0.1'),
    networkUrls: networkNames.filter(isPrintable).map(address),
    decide(headers, target) {
      const refusal = checkHostAndOrigin(headers, ownHosts);
      if (refusal !== null) return { kind: 'refuse', refusal };
      if (secret === null) return { kind: 'allow' };
      if (sameSecret(cookieValue(headers.cookie, cookieName), secret)) return { kind: 'allow' };
      const token = target.searchParams.get('token');
      if (token === null || !sameSecret(token, secret)) {
        return { kind: 'refuse', refusal: { status: 401, message: 'This sandbox needs its secret: open the address it printed, with ?token=…, or set SANDBOX_SECRET and use it as ?token=.' } };
      }
      const rest = new URLSearchParams(target.searchParams);
      rest.delete('token');
      const search = rest.size > 0 ? `?${rest.toString()}` : '';
      return {
        kind: 'admit',
        // Lax, not Strict: a printed address opened from a chat or mail app is a cross-site navigation, and Strict
        // would drop the cookie on the redirect that follows. Other sites' fetches and WebSockets still go without it.
        setCookie: `${cookieName}=${encodeURIComponent(secret)}; HttpOnly; SameSite=Lax; Path=/`,
        location: `${target.pathname}${search}`,
      };
    },
  };
}

/** Compared in constant time, so the secret cannot be guessed a character at a time from response times. */
function sameSecret(given: string | null, secret: string): boolean {
  if (given === null) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(secret));
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return null;
    }
  }
  return null;
}

/** Names worth printing for other machines: not loopback, and not link-local IPv6 (`fe80::…%eth0`), which no one types. */
function isPrintable(name: string): boolean {
  return !isLoopbackHost(name) && !name.includes('%') && !/^fe80:/i.test(name);
}

/** The host name and every interface address: the names other machines may use for this one. */
function machineNames(): string[] {
  const addresses = Object.values(networkInterfaces()).flatMap((entries) => (entries ?? []).map((entry) => entry.address));
  const name = hostname();
  return [name, `${name}.local`, ...addresses];
}
