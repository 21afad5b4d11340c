import { describe, expect, it } from 'vitest';
import { checkHostAndOrigin, hostsWithPort } from '../../src/http/host-guard.js';
import { decodePathSegments, parseOrigin, parseRequestTarget } from '../../src/http/request-target.js';

describe('reading a request target', () => {
  it('reads a path and its query', () => {
    const target = parseRequestTarget('/gateway?v=10&encoding=json');
    expect(target?.pathname).toBe('/gateway');
    expect(target?.searchParams.get('encoding')).toBe('json');
  });

  it('keeps "//" and "//host/path" as paths, never as a host', () => {
    expect(parseRequestTarget('//')?.pathname).toBe('//');
    expect(parseRequestTarget('//evil.example/gateway')?.pathname).toBe('//evil.example/gateway');
  });

  it('answers null, without throwing, for anything that is not a path', () => {
    for (const raw of [undefined, '', '*', 'gateway', 'http://[::1', 'http://[::1/gateway', 'http://evil.example/x', '?x']) expect(parseRequestTarget(raw)).toBeNull();
  });

  it('decodes path segments, or answers null for one that does not decode', () => {
    expect(decodePathSegments('/users/%40me/x%20y')).toEqual(['users', '@me', 'x y']);
    expect(decodePathSegments('/channels/%E0%A4%A/messages')).toBeNull();
    expect(decodePathSegments('/%zz')).toBeNull();
  });
});

describe('reading an Origin header', () => {
  it('reads a serialized origin', () => {
    expect(parseOrigin('http://127.0.0.1:3210')).toEqual({ kind: 'site', protocol: 'http:', host: '127.0.0.1:3210' });
    expect(parseOrigin(undefined)).toEqual({ kind: 'absent' });
  });

  it('takes "null", text that does not parse, and hand-made origins as opaque', () => {
    for (const value of ['null', 'http://[::1', 'not a url', 'http://a.example/path', 'http://[::1]:80', 'file://', 'javascript:alert(1)', '']) {
      expect(parseOrigin(value)).toEqual({ kind: 'opaque' });
    }
  });
});

describe('the Host and Origin rule', () => {
  const own = hostsWithPort(['127.0.0.1', 'localhost', '::1'], 3210);

  it('lets in the server\'s own names, with no Origin or its own', () => {
    expect(own).toEqual(new Set(['127.0.0.1:3210', 'localhost:3210', '[::1]:3210']));
    expect(checkHostAndOrigin({ host: 'LOCALHOST:3210' }, own)).toBeNull();
    expect(checkHostAndOrigin({ host: '[::1]:3210', origin: 'http://[::1]:3210' }, own)).toBeNull();
  });

  it('refuses a foreign or missing Host with 421, and another origin with 403', () => {
    expect(checkHostAndOrigin({ host: 'evil.example:3210' }, own)?.status).toBe(421);
    expect(checkHostAndOrigin({}, own)?.status).toBe(421);
    expect(checkHostAndOrigin({ host: '127.0.0.1:3210', origin: 'http://localhost:3210' }, own)?.status).toBe(403);
    expect(checkHostAndOrigin({ host: '127.0.0.1:3210', origin: 'https://127.0.0.1:3210' }, own)?.status).toBe(403);
    expect(checkHostAndOrigin({ host: '127.0.0.1:3210', origin: 'null' }, own)?.status).toBe(403);
  });
});
