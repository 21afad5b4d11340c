/*
 * Reading the parts of an HTTP request that anyone can write: the request target and the
 * Origin header. `new URL()` throws on text such as `//` or `http://[::1`, and a throw in a
 * server's `upgrade` listener ends the process, so every server here reads them through
 * these functions, which answer null instead of throwing.
 */

/** The path and query of a request, as the server should route it. */
export interface RequestTarget {
  /** Percent-encoded, as sent: `//` stays `//`, never a host. */
  pathname: string;
  searchParams: URLSearchParams;
}

const placeholderOrigin = 'http://request-target.invalid';

/**
 * Reads an origin-form request target (`/path?query`). Anything else, such as `*`, an
 * absolute URL (a proxy request) or text a URL parser refuses, is null: the caller answers 400.
 */
export function parseRequestTarget(raw: string | undefined): RequestTarget | null {
  if (raw === undefined || !raw.startsWith('/')) return null;
  try {
    // Appended to a fixed origin, `//evil.example/x` is a path, not a host, as it is on the wire.
    const url = new URL(`${placeholderOrigin}${raw}`);
    if (url.origin !== placeholderOrigin) return null;
    return { pathname: url.pathname, searchParams: url.searchParams };
  } catch {
    return null;
  }
}

/** Path segments, percent-decoded; null when one does not decode (`%zz`, a cut UTF-8 sequence). */
export function decodePathSegments(pathname: string): string[] | null {
  try {
    return pathname.split('/').filter((segment) => segment !== '').map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
}

/**
 * The Origin header of a request. `absent` when there is none (a request not made by a
 * page, or a same-origin navigation); `opaque` for `null` (a sandboxed frame, a file) and
 * anything that does not parse: neither names a page that may be trusted.
 */
export type RequestOrigin = { kind: 'absent' } | { kind: 'opaque' } | { kind: 'site'; protocol: string; host: string };

export function parseOrigin(value: string | string[] | undefined): RequestOrigin {
  if (value === undefined) return { kind: 'absent' };
  if (typeof value !== 'string') return { kind: 'opaque' };
  try {
    const url = new URL(value);
    // A browser sends the serialized origin and nothing else; a path, user or default port means a hand-made header.
    if (url.origin === 'null' || url.origin !== value.toLowerCase()) return { kind: 'opaque' };
    return { kind: 'site', protocol: url.protocol, host: url.host };
  } catch {
    return { kind: 'opaque' };
  }
}
