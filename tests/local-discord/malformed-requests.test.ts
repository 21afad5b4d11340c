import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPair, stopPair, type Pair } from './harness.js';
import { escapedErrors, httpRequest, rawRequest, upgradeRequest } from './raw-http.js';

describe('the local Discord server, sent malformed requests', () => {
  let pair: Pair;
  let host: string;
  const port = () => pair.discord.port;
  /** The server still serves the bot: a REST call through discord.js succeeds. */
  const stillServes = async () => (await pair.client.application?.fetch())?.id;

  beforeAll(async () => {
    pair = await startPair();
    host = `127.0.0.1:${port()}`;
  });
  afterAll(async () => {
    await stopPair(pair);
  });

  it('refuses a WebSocket upgrade to "//" with a 400 and keeps serving the bot', async () => {
    const statuses: (number | null)[] = [];
    const escaped = await escapedErrors(async () => {
      statuses.push((await rawRequest(port(), upgradeRequest('//', { Host: host }))).status);
    });
    expect(escaped).toEqual([]);
    expect(statuses).toEqual([400]);
    expect(await stillServes()).toBe(pair.discord.applicationId);
  });

  it('refuses an upgrade whose target is an absolute URL that does not parse, or "*"', async () => {
    const escaped = await escapedErrors(async () => {
      for (const target of ['http://[::1/gateway', '*', 'gateway']) expect((await rawRequest(port(), upgradeRequest(target, { Host: host }))).status).toBe(400);
    });
    expect(escaped).toEqual([]);
  });

  it('does not take "//host/gateway" for the gateway: the path is "//host/gateway"', async () => {
    expect((await rawRequest(port(), upgradeRequest('//evil.example/gateway', { Host: host }))).status).toBe(400);
  });

  it('refuses upgrades from web pages: an Origin of "null", one that does not parse, or another site', async () => {
    const escaped = await escapedErrors(async () => {
      for (const origin of ['null', 'http://[::1', 'http://evil.example', `https://${host}`]) {
        expect((await rawRequest(port(), upgradeRequest('/gateway?v=10&encoding=json', { Host: host, Origin: origin }))).status).toBe(403);
      }
    });
    expect(escaped).toEqual([]);
  });

  it('refuses a Host header that is not its own, as a page reaching it through a rebound DNS name would send', async () => {
    expect((await rawRequest(port(), upgradeRequest('/gateway', { Host: 'evil.example' }))).status).toBe(421);
    expect((await rawRequest(port(), httpRequest('GET', '/api/v10/gateway', { Host: 'evil.example' }))).status).toBe(421);
    expect((await rawRequest(port(), httpRequest('GET', '/api/v10/gateway', {}))).status).toBe(400);
  });

  it('answers a REST path that does not decode with 404, and a target that is not a path with 400, never 500', async () => {
    expect((await rawRequest(port(), httpRequest('GET', '/api/v10/channels/%E0%A4%A/messages', { Host: host }))).status).toBe(404);
    expect((await rawRequest(port(), httpRequest('GET', '/api/v10/%zz', { Host: host }))).status).toBe(404);
    expect((await rawRequest(port(), httpRequest('GET', '//', { Host: host }))).status).toBe(404);
    expect((await rawRequest(port(), httpRequest('GET', 'http://[::1/api/v10/gateway', { Host: host }))).status).toBe(400);
  });

  it('still serves the bot after all that, its gateway session alive', async () => {
    expect(await stillServes()).toBe(pair.discord.applicationId);
    expect(pair.discord.liveSessionCount).toBeGreaterThanOrEqual(1);
  });
});
