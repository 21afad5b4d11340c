import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startHealthServer, type HealthServer } from '../../src/health/health-server.js';
import { checkInstanceHealth, type HealthSources } from '../../src/health/instance-health.js';
import { silentLogger } from '../digest/helpers.js';
import { startHarness, type Harness } from '../discord/e2e/harness.js';

/** A raw request, so the Host and Origin headers are exactly what a test says. */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const outgoing = request({ host: target.hostname, port: target.port, path: target.pathname, method, headers: { host: target.host, ...headers } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('the health endpoint of a running bot', () => {
  let harness: Harness;
  let open: HealthServer;
  let guarded: HealthServer;
  const token = 'a-health-token-of-some-length';

  beforeAll(async () => {
    harness = await startHarness();
    open = await startHealthServer({ host: '127.0.0.1', port: 0, token: null, check: () => harness.bot.health(null), logger: silentLogger });
    guarded = await startHealthServer({ host: '127.0.0.1', port: 0, token, check: () => harness.bot.health(null), logger: silentLogger });
  });

  afterAll(async () => {
    await open?.close();
    await guarded?.close();
    await harness?.close();
  });

  it('answers 200 with the shard, the database and the index when all is well', async () => {
    const { status, body } = await get(open.url);
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, problems: [], shards: [{ id: 0, status: 'Ready' }], database: { engine: 'sqlite' }, schedulesDigests: true });
    expect((body.index as { documents: number }).documents).toBe(harness.services.search.documents.length);
    expect((body.database as { lagMs: number }).lagMs).toBeGreaterThanOrEqual(0);
  });

  it('refuses another Host (a DNS-rebinding page), a cross-origin browser request, other methods and paths', async () => {
    expect((await get(open.url, { host: 'evil.example:80' })).status).toBe(403);
    expect((await get(open.url, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await get(open.url, {}, 'POST')).status).toBe(405);
    expect((await get(open.url.replace('/healthz', '/admin'))).status).toBe(404);
  });

  it('asks for the token when one is set, and compares it whole', async () => {
    expect((await get(guarded.url)).status).toBe(401);
    expect((await get(guarded.url, { authorization: `Bearer ${token.slice(0, -1)}` })).status).toBe(401);
    expect((await get(guarded.url, { authorization: `Bearer ${token}` })).status).toBe(200);
  });
});

describe('checking an instance', () => {
  const sources: HealthSources = {
    shards: () => [{ id: 0, status: 'Ready', pingMs: 40 }],
    pingDatabase: async () => 2,
    database: { engine: 'postgres', location: 'postgres://briefing@db/briefing' },
    index: () => ({ documents: 3, passages: 30, builtAt: new Date('2026-01-01T00:00:00Z') }),
    schedulesDigests: true,
    nextDigest: async () => new Date('2026-01-02T09:00:00Z'),
    clock: () => new Date('2026-01-01T12:00:00Z'),
  };

  it('is well with every part answering, and gives the next digest of the server asked about', async () => {
    expect(await checkInstanceHealth(sources, 'guild-1')).toMatchObject({ ok: true, problems: [], nextDigest: new Date('2026-01-02T09:00:00Z'), database: { engine: 'postgres', lagMs: 2 } });
    expect((await checkInstanceHealth(sources, null)).nextDigest).toBeNull();
  });

  it('names each part that is not well instead of throwing', async () => {
    const troubled = await checkInstanceHealth(
      { ...sources, shards: () => [{ id: 1, status: 'Reconnecting', pingMs: null }], pingDatabase: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.5:5432')) },
      'guild-1',
    );
    expect(troubled.ok).toBe(false);
    expect(troubled.problems).toEqual(['shard 1 is Reconnecting', 'the database cannot be reached: connect ECONNREFUSED 10.0.0.5:5432']);
    expect(troubled.database.lagMs).toBeNull();
  });

  it('answers 503 with the problems when the instance is not well', async () => {
    const server = await startHealthServer({ host: '127.0.0.1', port: 0, token: null, check: () => checkInstanceHealth({ ...sources, shards: () => [] }, null), logger: silentLogger });
    try {
      const { status, body } = await get(server.url);
      expect(status).toBe(503);
      expect(body.problems).toEqual(['no gateway shard is connected']);
    } finally {
      await server.close();
    }
  });
});

describe('HEALTH_PORT, HEALTH_HOST and HEALTH_TOKEN', () => {
  it('leave the endpoint off by default, and on loopback when only a port is given', () => {
    expect(loadConfig({}, '/tmp').health).toBeNull();
    expect(loadConfig({ HEALTH_PORT: '8080' }, '/tmp').health).toEqual({ host: '127.0.0.1', port: 8080, token: null });
  });

  it('require a token when the endpoint is open to other machines', () => {
    expect(() => loadConfig({ HEALTH_PORT: '8080', HEALTH_HOST: '0.0.0.0' }, '/tmp')).toThrow(/HEALTH_TOKEN: is required when HEALTH_HOST \(0\.0\.0\.0\) is reachable from other machines/);
    expect(loadConfig({ HEALTH_PORT: '8080', HEALTH_HOST: '0.0.0.0', HEALTH_TOKEN: 'abcdefghijklmnopqrstuvwxyz' }, '/tmp').health).toEqual({ host: '0.0.0.0', port: 8080, token: 'abcdefghijklmnopqrstuvwxyz' });
    expect(() => loadConfig({ HEALTH_PORT: '8080', HEALTH_TOKEN: 'short' }, '/tmp')).toThrow(/HEALTH_TOKEN: must be at least 16 characters/);
    expect(() => loadConfig({ HEALTH_PORT: 'eighty' }, '/tmp')).toThrow(/HEALTH_PORT: must be a port number/);
  });
});
