import type dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { UserError } from '../errors.js';
import { judgeAddress, type AddressPolicy } from './address-policy.js';
import { checkedLookup, refusal, RefusedAddress } from './checked-lookup.js';
import { megabytes, seconds } from './messages.js';

export interface FetchLinkOptions extends AddressPolicy {
  maxBytes: number;
  /** For the whole fetch, every redirect and the body included. */
  timeoutMs: number;
  maxRedirects: number;
  /** Resolves host names; the system resolver unless a test gives another. */
  resolve?: typeof dns.lookup;
}

export const defaultFetchLinkOptions: FetchLinkOptions = { allowPrivate: [], maxBytes: 20 * 1024 * 1024, timeoutMs: 15_000, maxRedirects: 5 };

/** A fetched link: the bytes and what the server said about them, ready for `extractDocument`. */
export interface FetchedLink {
  /** The address the bytes came from, after redirects. */
  url: string;
  /** Every address visited before it, in order. */
  redirects: string[];
  bytes: Uint8Array;
  contentType: string | null;
  /** From Content-Disposition, else the last segment of the final address's path. */
  fileName: string | null;
}

/**
 * Downloads a link for the library, safely: http(s) only; no private addresses unless
 * allowed; the address checked is the address connected to (the check runs inside the
 * connection's DNS lookup, so a name cannot resolve to a public address for the check and a
 * private one for the connection); redirects followed one by one, each re-checked, with a
 * cap; a byte cap and one timeout for the whole fetch.
 */
export async function fetchLink(link: string, options: Partial<FetchLinkOptions> = {}): Promise<FetchedLink> {
  const settings: FetchLinkOptions = { ...defaultFetchLinkOptions, ...options };
  const signal = AbortSignal.timeout(settings.timeoutMs);
  const visited: string[] = [];
  let url = parseLink(link);
  for (;;) {
    const response = await request(url, settings, signal);
    const location = response.statusCode !== undefined && response.statusCode >= 300 && response.statusCode < 400 ? response.headers.location : undefined;
    if (location === undefined) return { ...(await readBody(response, url, settings, signal)), url: url.href, redirects: visited };
    response.destroy();
    visited.push(url.href);
    url = nextHop(url, location, visited, settings);
  }
}

function parseLink(link: string): URL {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    throw new UserError(`"${link}" is not a link. Write it in full, e.g. https://example.org/report.pdf`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UserError(`Only http and https links can be added; this one is "${url.protocol}".`);
  if (url.username !== '' || url.password !== '') throw new UserError('Links with a user name or password in them are not fetched, so no credential is stored; share a link without them, or attach the file.');
  return url;
}

function nextHop(from: URL, location: string, visited: string[], settings: FetchLinkOptions): URL {
  let next: URL;
  try {
    next = parseLink(new URL(location, from).href);
  } catch (error) {
    throw new UserError(`The link redirects to an address that cannot be fetched: ${(error as Error).message}`);
  }
  if (visited.includes(next.href)) throw new UserError(`The link redirects in a loop (${[...visited, next.href].join(' → ')}). Open it in a browser and share the address where it ends up.`);
  if (visited.length > settings.maxRedirects) throw new UserError(`The link redirected more than ${settings.maxRedirects} times without arriving anywhere. Open it in a browser and share the address where it ends up.`);
  return next;
}

function request(url: URL, settings: FetchLinkOptions, signal: AbortSignal): Promise<http.IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // A literal address never goes through DNS, so it is judged here.
  const literal = judgeAddress(host, settings);
  if (!literal.allowed && literal.range !== 'not an IP address') throw new UserError(refusal(host, host, literal.range));
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.request(url, {
      method: 'GET',
      agent: false,
      lookup: checkedLookup(settings, settings.resolve),
      signal,
      headers: { 'user-agent': 'briefing-bot (document fetcher)', accept: 'text/html, application/pdf, application/vnd.openxmlformats-officedocument.wordprocessingml.document, text/markdown, text/plain;q=0.9, */*;q=0.5', 'accept-encoding': 'gzip, deflate, br' },
    });
    outgoing.on('response', resolve);
    outgoing.on('error', (error) => reject(explain(error, url, settings)));
    outgoing.end();
  });
}

async function readBody(response: http.IncomingMessage, url: URL, settings: FetchLinkOptions, signal: AbortSignal): Promise<Omit<FetchedLink, 'url' | 'redirects'>> {
  const status = response.statusCode ?? 0;
  if (status < 200 || status >= 300) {
    response.destroy();
    throw new UserError(`The site answered ${status} ${response.statusMessage ?? ''} for ${url.href}. Check that the link opens in a browser without a login.`.replace(/ {2,}/g, ' '));
  }
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > settings.maxBytes) {
    response.destroy();
    throw tooLarge(settings);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of decoded(response)) {
      total += (chunk as Buffer).length;
      if (total > settings.maxBytes) throw tooLarge(settings);
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    response.destroy();
    throw error instanceof UserError ? error : explain(error as Error, url, settings, signal);
  }
  return { bytes: new Uint8Array(Buffer.concat(chunks)), contentType: response.headers['content-type'] ?? null, fileName: fileNameOf(response, url) };
}

/** The body as sent before compression; the byte cap counts these bytes, so a small gzip bomb is stopped too. */
function decoded(response: http.IncomingMessage): Readable {
  const encoding = (response.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? zlib.createGunzip() : encoding === 'deflate' ? zlib.createInflate() : encoding === 'br' ? zlib.createBrotliDecompress() : null;
  if (decoder === null) return response;
  response.on('error', (error) => decoder.destroy(error));
  return response.pipe(decoder);
}

function fileNameOf(response: http.IncomingMessage, url: URL): string | null {
  const disposition = response.headers['content-disposition'] ?? '';
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition)?.[1];
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition)?.[1];
  const fromPath = path.posix.basename(url.pathname);
  const name = star ?? plain ?? fromPath;
  try {
    return name === '' ? null : path.posix.basename(decodeURIComponent(name));
  } catch {
    return name;
  }
}

function tooLarge(settings: FetchLinkOptions): UserError {
  return new UserError(`The link's content is over the ${megabytes(settings.maxBytes)} limit. Download it and attach a smaller file, or split it.`);
}

function explain(error: Error, url: URL, settings: FetchLinkOptions, signal?: AbortSignal): Error {
  if (error instanceof RefusedAddress) return new UserError(error.message);
  if (error.name === 'AbortError' || error.name === 'TimeoutError' || signal?.aborted) return new UserError(`${url.host} took longer than ${seconds(settings.timeoutMs)} to answer, so the download was stopped. Try again later, or attach the file.`);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new UserError(`The site ${url.hostname} could not be found. Check the link for typos.`);
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return new UserError(`The site ${url.host} could not be reached (${code}). Try again later, or attach the file.`);
  if (code?.startsWith('ERR_TLS') || code?.includes('CERT')) return new UserError(`The site ${url.host} has a certificate that cannot be trusted (${code}), so nothing was downloaded.`);
  return error;
}
