import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUserError } from '../../src/errors.js';
import { extractDocument } from '../../src/extract/extract.js';
import { checkedLookup } from '../../src/extract/checked-lookup.js';
import { fetchLink } from '../../src/extract/fetch-link.js';
import { articleParagraphs, makeHtml } from './fixtures/make.js';
import { failure } from './helpers.js';

const page = makeHtml({ title: 'Minerals deal', author: 'Jane Doe', site: 'Asia Times', published: '2025-12-09', lang: 'en', paragraphs: articleParagraphs, metadata: 'meta' });
const local = { allowPrivate: ['127.0.0.1'] };
const seen: string[] = [];
let server: http.Server;
let base: string;

const routes: Record<string, (request: http.IncomingMessage, response: http.ServerResponse) => void> = {
  '/article': (_, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page),
  '/download': (_, response) => response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename="Summit notes.md"' }).end('# Notes\n\nText.'),
  '/report.pdf': (_, response) => response.writeHead(200, { 'content-type': 'application/pdf' }).end(page),
  '/loop-a': (_, response) => response.writeHead(302, { location: '/loop-b' }).end(),
  '/loop-b': (_, response) => response.writeHead(301, { location: `${base}/loop-a` }).end(),
  '/moved': (_, response) => response.writeHead(307, { location: '/article' }).end(),
  '/to-metadata': (_, response) => response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
  '/to-internal-name': (_, response) => response.writeHead(302, { location: `http://internal.example:${new URL(base).port}/article` }).end(),
  '/big': (_, response) => response.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(3 * 1024 * 1024) }).end(Buffer.alloc(3 * 1024 * 1024, 0x61)),
  '/big-chunked': (_, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    for (let index = 0; index < 30; index += 1) response.write(Buffer.alloc(100 * 1024, 0x61));
    response.end();
  },
  '/gzip-bomb': (_, response) => response.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end(zlib.gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20))),
  '/gzip-page': (_, response) => response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(zlib.gzipSync(page)),
  '/silent': () => undefined,
  '/missing': (_, response) => response.writeHead(404, 'Not Found').end('no'),
};

beforeAll(async () => {
  server = http.createServer((request, response) => {
    seen.push(`${request.headers.host ?? ''} ${request.url ?? ''}`);
    const route = routes[new URL(request.url ?? '/', 'http://x').pathname];
    if (route) route(request, response);
    else response.writeHead(302, { location: `/hop${Number(/\d+/.exec(request.url ?? '')?.[0] ?? 0) + 1}` }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function refusal(link: string, options: Parameters<typeof fetchLink>[1] = local): Promise<string> {
  const error = await failure(fetchLink(link, options));
  expect(isUserError(error), String(error)).toBe(true);
  return error.message;
}

describe('fetching a link', () => {
  it('downloads a page with its content type and final address', async () => {
    const fetched = await fetchLink(`${base}/article`, local);
    expect(new TextDecoder().decode(fetched.bytes)).toBe(page);
    expect(fetched).toMatchObject({ url: `${base}/article`, redirects: [], contentType: 'text/html; charset=utf-8', fileName: 'article' });
  });

  it('follows a redirect on the same host and reports the way it went', async () => {
    const fetched = await fetchLink(`${base}/moved`, local);
    expect(fetched.url).toBe(`${base}/article`);
    expect(fetched.redirects).toEqual([`${base}/moved`]);
  });

  it('takes the file name from Content-Disposition', async () => {
    expect((await fetchLink(`${base}/download`, local)).fileName).toBe('Summit notes.md');
  });

  it('decodes a gzip-compressed page', async () => {
    expect(new TextDecoder().decode((await fetchLink(`${base}/gzip-page`, local)).bytes)).toBe(page);
  });

  it('catches a web page served as a PDF once the bytes are extracted', async () => {
    const fetched = await fetchLink(`${base}/report.pdf`, local);
    const document = await extractDocument(fetched);
    expect(document.format).toBe('html');
    expect(document.warnings[0]).toContain('It was named or served as a PDF (.pdf), but its content is a web page (HTML)');
  });
});

describe('links that are refused', () => {
  it('refuses the loopback address by default, before connecting', async () => {
    const before = seen.length;
    expect(await refusal(`${base}/article`, {})).toBe('The link leads to 127.0.0.1, a loopback address, which the bot does not fetch: it may be a machine inside a private network. Share a public link, or attach the file instead.');
    expect(seen.length).toBe(before);
  });

  it('refuses a host name that resolves to loopback, judging the resolved address', async () => {
    const before = seen.length;
    expect(await refusal(`http://localhost:${new URL(base).port}/article`, {})).toMatch(/^The link leads to localhost \((127\.0\.0\.1|::1)\), a loopback address/);
    expect(seen.length).toBe(before);
  });

  it('refuses loopback written as a number or in short form, as URLs allow', async () => {
    const port = new URL(base).port;
    for (const host of ['2130706433', '0x7f000001', '127.1']) expect(await refusal(`http://${host}:${port}/article`, {})).toContain('The link leads to 127.0.0.1, a loopback address');
  });

  it('refuses an IPv4-mapped IPv6 loopback address', async () => {
    expect(await refusal(`http://[::ffff:127.0.0.1]:${new URL(base).port}/article`, {})).toContain('a loopback address');
  });

  it('refuses a redirect to the cloud metadata address', async () => {
    expect(await refusal(`${base}/to-metadata`)).toBe('The link leads to 169.254.169.254, a link-local address (the range of the cloud metadata service), which the bot does not fetch: it may be a machine inside a private network. Share a public link, or attach the file instead.');
  });

  it('re-checks a redirect to another host by the address its name resolves to', async () => {
    const resolve = ((hostname: string, _options: unknown, callback: (error: null, addresses: { address: string; family: number }[]) => void) => {
      callback(null, [{ address: hostname === 'internal.example' ? '10.0.0.7' : '127.0.0.1', family: 4 }]);
    }) as never;
    expect(await refusal(`${base}/to-internal-name`, { ...local, resolve })).toContain('internal.example (10.0.0.7), a private-network address (RFC 1918), which');
  });

  it('connects to the address it checked, not to another the name also has', async () => {
    // A name with a refused and an allowed address: only the allowed one is ever connected to.
    const resolve = ((_hostname: string, _options: unknown, callback: (error: null, addresses: { address: string; family: number }[]) => void) => {
      callback(null, [{ address: '10.0.0.7', family: 4 }, { address: '127.0.0.1', family: 4 }]);
    }) as never;
    const port = new URL(base).port;
    const fetched = await fetchLink(`http://mixed.example:${port}/article`, { ...local, resolve });
    expect(fetched.url).toBe(`http://mixed.example:${port}/article`);
    expect(seen.at(-1)).toBe(`mixed.example:${port} /article`);
  });

  it('stops a redirect loop, showing the loop', async () => {
    expect(await refusal(`${base}/loop-a`)).toBe(`The link redirects in a loop (${base}/loop-a → ${base}/loop-b → ${base}/loop-a). Open it in a browser and share the address where it ends up.`);
  });

  it('stops after the redirect cap', async () => {
    expect(await refusal(`${base}/hop0`, { ...local, maxRedirects: 3 })).toBe('The link redirected more than 3 times without arriving anywhere. Open it in a browser and share the address where it ends up.');
  });

  it('refuses a body over the byte cap, whether the length is declared or not', async () => {
    const message = 'The link\'s content is over the 1 MB limit. Download it and attach a smaller file, or split it.';
    expect(await refusal(`${base}/big`, { ...local, maxBytes: 1024 * 1024 })).toBe(message);
    expect(await refusal(`${base}/big-chunked`, { ...local, maxBytes: 1024 * 1024 })).toBe(message);
  });

  it('counts the decompressed bytes, so a gzip bomb is stopped at the cap', async () => {
    expect(await refusal(`${base}/gzip-bomb`, { ...local, maxBytes: 1024 * 1024 })).toContain('over the 1 MB limit');
  });

  it('gives up on a site that does not answer in time', async () => {
    expect(await refusal(`${base}/silent`, { ...local, timeoutMs: 300 })).toBe(`${new URL(base).host} took longer than 0.3 s to answer, so the download was stopped. Try again later, or attach the file.`);
  });

  it('passes on an error status with what to check', async () => {
    expect(await refusal(`${base}/missing`)).toBe(`The site answered 404 Not Found for ${base}/missing. Check that the link opens in a browser without a login.`);
  });

  it('says a site that refuses connections could not be reached', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await refusal(`http://127.0.0.1:${port}/`)).toBe(`The site 127.0.0.1:${port} could not be reached (ECONNREFUSED). Try again later, or attach the file.`);
  });

  it.each([
    ['ftp://example.org/report.pdf', 'Only http and https links can be added; this one is "ftp:".'],
    ['file:///etc/passwd', 'Only http and https links can be added; this one is "file:".'],
    ['report.pdf', '"report.pdf" is not a link. Write it in full, e.g. https://example.org/report.pdf'],
    ['https://user:secret@example.org/', 'Links with a user name or password in them are not fetched, so no credential is stored; share a link without them, or attach the file.'],
  ])('refuses %s without any traffic', async (link, message) => {
    expect(await refusal(link)).toBe(message);
  });
});

describe('the checked lookup', () => {
  const resolveTo = (...addresses: string[]) =>
    ((_hostname: string, _options: unknown, callback: (error: null, found: { address: string; family: number }[]) => void) => {
      callback(null, addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
    }) as never;

  function lookUp(addresses: string[], all: boolean, allowPrivate: string[] = []): Promise<unknown> {
    return new Promise((resolve) => {
      checkedLookup({ allowPrivate }, resolveTo(...addresses))('news.example', { all }, (error: Error | null, address: unknown, family?: number) => {
        resolve(error ? { error: error.message } : { address, family });
      });
    });
  }

  it('hands over only the allowed addresses, in one or in all form', async () => {
    expect(await lookUp(['10.0.0.1', '93.184.215.14'], false)).toEqual({ address: '93.184.215.14', family: 4 });
    expect(await lookUp(['10.0.0.1', '93.184.215.14', '2606:4700::1111'], true)).toEqual({ address: [{ address: '93.184.215.14', family: 4 }, { address: '2606:4700::1111', family: 6 }], family: undefined });
  });

  it('fails the connection when every address is refused, naming the first', async () => {
    expect(await lookUp(['169.254.169.254', '10.0.0.1'], true)).toEqual({ error: 'The link leads to news.example (169.254.169.254), a link-local address (the range of the cloud metadata service), which the bot does not fetch: it may be a machine inside a private network. Share a public link, or attach the file instead.' });
  });
});
