import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapedErrors, httpRequest, rawRequest, upgradeRequest } from '../local-discord/raw-http.js';
import { startSandboxHarness, type SandboxHarness } from './sandbox-harness.js';

describe('the sandbox page\'s server, sent malformed requests', () => {
  let harness: SandboxHarness;
  let host: string;
  let port: number;
  const webRoot = mkdtempSync(path.join(tmpdir(), 'briefing-web-'));
  const events = (headers: Record<string, string>, target = '/api/events') => rawRequest(port, upgradeRequest(target, { Host: host, ...headers }));
  /** Each request on its own, collecting what escaped to the process and each status. */
  const statusesOf = async (requests: string[]): Promise<{ statuses: (number | null)[]; escaped: unknown[] }> => {
    const statuses: (number | null)[] = [];
    const escaped = await escapedErrors(async () => {
      for (const request of requests) statuses.push((await rawRequest(port, request)).status);
    });
    return { statuses, escaped };
  };

  beforeAll(async () => {
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>page</title>');
    harness = await startSandboxHarness({ webRoot });
    const address = new URL(harness.url);
    host = address.host;
    port = Number(address.port);
  });
  afterAll(async () => {
    await harness?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('refuses a WebSocket upgrade to "//" with a 404 and keeps answering', async () => {
    const result = await statusesOf([upgradeRequest('//', { Host: host })]);
    expect(result).toEqual({ statuses: [404], escaped: [] });
    expect((await harness.get('api/session')).status).toBe(200);
  });

  it('refuses an upgrade from a sandboxed frame (Origin: null) or with an Origin that does not parse', async () => {
    const result = await statusesOf(['null', 'http://[::1', 'http://[::1]:80', 'not a url'].map((origin) => upgradeRequest('/api/events', { Host: host, Origin: origin })));
    expect(result).toEqual({ statuses: [403, 403, 403, 403], escaped: [] });
  });

  it('refuses an upgrade from a page on another site, or through a foreign Host name', async () => {
    expect((await events({ Origin: 'http://evil.example' })).status).toBe(403);
    expect((await events({ Host: 'evil.example' })).status).toBe(421);
    expect((await events({ Host: 'evil.example', Origin: 'http://evil.example' })).status).toBe(421);
  });

  it('accepts the page\'s own upgrade, with its own Origin', async () => {
    expect((await events({ Origin: `http://${host}` })).status).toBe(101);
  });

  it('answers request targets that are not paths with 400, and bad Host headers with 421', async () => {
    const result = await statusesOf([
      httpRequest('GET', '//', { Host: host }),
      httpRequest('GET', 'http://[::1/api/session', { Host: host }),
      httpRequest('GET', '*', { Host: host }),
      httpRequest('GET', '/api/session', { Host: '[::1' }),
      httpRequest('GET', '/api/session', { Host: '' }),
      httpRequest('GET', '/%E0%A4%A', { Host: host }),
    ]);
    expect(result).toEqual({ statuses: [404, 400, 400, 421, 421, 400], escaped: [] });
  });

  it('refuses an action posted by a page on another site, even as JSON', async () => {
    const body = JSON.stringify({ userId: '1', channelId: '1', content: 'hi' });
    const result = await statusesOf([
      httpRequest('POST', '/api/messages', { Host: host, Origin: 'http://evil.example', 'Content-Type': 'application/json' }, body),
      httpRequest('POST', '/api/messages', { Host: host, Origin: 'null', 'Content-Type': 'application/json' }, body),
    ]);
    expect(result).toEqual({ statuses: [403, 403], escaped: [] });
  });

  it('says what is wrong with a body that is not JSON or too large, in words', async () => {
    expect(await harness.post('api/messages', undefined)).toEqual({ status: 400, body: { ok: false, error: 'The body is not valid JSON.' } });
    const huge = await harness.post('api/messages', { userId: '1', channelId: '1', content: 'x'.repeat(70_000) });
    expect(huge).toEqual({ status: 413, body: { ok: false, error: 'This is too long for the sandbox (over 64 KB): shorten it.' } });
  });
});
