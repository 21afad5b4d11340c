import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRequestTarget, type RequestTarget } from '../../src/http/request-target.js';
import { createBridgeAccess, type BridgeAccessOptions } from '../../src/sandbox/bridge-access.js';
import { httpRequest, rawRequest, upgradeRequest } from '../local-discord/raw-http.js';
import { startSandboxHarness, type SandboxHarness } from './sandbox-harness.js';

const target = (raw: string): RequestTarget => parseRequestTarget(raw) ?? { pathname: raw, searchParams: new URLSearchParams() };
const exposedAccess = (options: Partial<BridgeAccessOptions> = {}) =>
  createBridgeAccess({ listenHost: '0.0.0.0', port: 3210, secret: null, machineNames: ['box', '192.168.1.5', 'fe80::1%eth0', '127.0.0.1'], ...options });

describe('who may use the sandbox page', () => {
  it('on loopback, the default, needs no token and prints a plain address', () => {
    const access = createBridgeAccess({ listenHost: '127.0.0.1', port: 3210, secret: null });
    expect(access).toMatchObject({ exposed: false, url: 'http://127.0.0.1:3210/', networkUrls: [] });
    expect(access.decide({ host: '127.0.0.1:3210' }, target('/api/session'))).toEqual({ kind: 'allow' });
    expect(access.decide({ host: 'box:3210' }, target('/api/session'))).toMatchObject({ kind: 'refuse', refusal: { status: 421 } });
  });

  it('opened to the network, keeps the Host check: only this machine\'s own names are answered', () => {
    const access = exposedAccess({ secret: 'a-secret-of-sixteen-chars' });
    const cookie = 'briefing_sandbox_3210=a-secret-of-sixteen-chars';
    expect(access.decide({ host: '192.168.1.5:3210', cookie }, target('/'))).toEqual({ kind: 'allow' });
    expect(access.decide({ host: 'box:3210', cookie }, target('/'))).toEqual({ kind: 'allow' });
    expect(access.decide({ host: 'evil.example:3210', cookie }, target('/'))).toMatchObject({ kind: 'refuse', refusal: { status: 421 } });
    expect(access.decide({ cookie }, target('/'))).toMatchObject({ kind: 'refuse', refusal: { status: 421 } });
  });

  it('opened to the network, keeps the Origin rule: another site, or null, is refused even with the secret', () => {
    const access = exposedAccess({ secret: 'a-secret-of-sixteen-chars' });
    const cookie = 'briefing_sandbox_3210=a-secret-of-sixteen-chars';
    expect(access.decide({ host: 'box:3210', cookie, origin: 'http://box:3210' }, target('/api/events'))).toEqual({ kind: 'allow' });
    for (const origin of ['http://evil.example', 'null', 'http://[::1', 'http://192.168.1.5:3210']) {
      expect(access.decide({ host: 'box:3210', cookie, origin }, target('/api/events'))).toMatchObject({ kind: 'refuse', refusal: { status: 403 } });
    }
  });

  it('opened to the network, generates a secret for each start and prints it in the address, the way Jupyter does', () => {
    const first = exposedAccess();
    const second = exposedAccess();
    const token = new URL(first.url).searchParams.get('token') ?? '';
    expect(first.exposed).toBe(true);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(new URL(second.url).searchParams.get('token')).not.toBe(token);
    expect(first.networkUrls).toEqual([`http://box:3210/?token=${token}`, `http://192.168.1.5:3210/?token=${token}`]);
  });

  it('turns the printed address into a cookie, and refuses every request without one of them', () => {
    const access = exposedAccess({ secret: 'a-secret-of-sixteen-chars' });
    const host = '192.168.1.5:3210';
    expect(access.decide({ host }, target('/?token=a-secret-of-sixteen-chars&channel=1'))).toEqual({
      kind: 'admit',
      setCookie: 'briefing_sandbox_3210=a-secret-of-sixteen-chars; HttpOnly; SameSite=Lax; Path=/',
      location: '/?channel=1',
    });
    expect(access.decide({ host }, target('/api/session'))).toMatchObject({ kind: 'refuse', refusal: { status: 401, message: expect.stringContaining('?token=') } });
    expect(access.decide({ host }, target('/?token=a-secret-of-sixteen-chaRS'))).toMatchObject({ kind: 'refuse', refusal: { status: 401 } });
    expect(access.decide({ host, cookie: 'briefing_sandbox_3210=wrong' }, target('/api/session'))).toMatchObject({ kind: 'refuse', refusal: { status: 401 } });
    expect(access.decide({ host, cookie: 'briefing_sandbox_3210=%E0%A4%A' }, target('/api/session'))).toMatchObject({ kind: 'refuse', refusal: { status: 401 } });
  });

  it('requires SANDBOX_SECRET whenever it is set, on loopback too', () => {
    const access = createBridgeAccess({ listenHost: '127.0.0.1', port: 3210, secret: 'a-secret-of-sixteen-chars' });
    expect(access.url).toBe('http://127.0.0.1:3210/?token=a-secret-of-sixteen-chars');
    expect(access.decide({ host: '127.0.0.1:3210' }, target('/api/session'))).toMatchObject({ kind: 'refuse', refusal: { status: 401 } });
  });
});

describe('the sandbox started with SANDBOX_HOST=0.0.0.0', () => {
  let harness: SandboxHarness;
  let port: number;
  let token: string;
  const webRoot = mkdtempSync(path.join(tmpdir(), 'briefing-web-'));
  const host = () => `127.0.0.1:${port}`;

  beforeAll(async () => {
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>page</title>');
    harness = await startSandboxHarness({ webRoot, env: { SANDBOX_HOST: '0.0.0.0' } });
    const address = new URL(harness.url);
    port = Number(address.port);
    token = address.searchParams.get('token') ?? '';
  });
  afterAll(async () => {
    await harness?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('says it is open to the network and prints an address with its token', () => {
    expect(harness.sandbox.access.exposed).toBe(true);
    expect(token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses the page, the API and the WebSocket without the token', async () => {
    expect((await rawRequest(port, httpRequest('GET', '/', { Host: host() }))).status).toBe(401);
    expect((await rawRequest(port, httpRequest('GET', '/api/session', { Host: host() }))).status).toBe(401);
    expect((await rawRequest(port, upgradeRequest('/api/events', { Host: host() }))).status).toBe(401);
  });

  it('lets the printed address in, then the cookie it set, over HTTP and WebSocket alike', async () => {
    const opened = await rawRequest(port, httpRequest('GET', `/?token=${token}`, { Host: host() }));
    expect(opened.status).toBe(303);
    const cookie = /^set-cookie: ([^;]+)/im.exec(opened.text)?.[1] ?? '';
    expect(/^location: (.*)$/im.exec(opened.text)?.[1]?.trim()).toBe('/');
    expect((await rawRequest(port, httpRequest('GET', '/api/session', { Host: host(), Cookie: cookie }))).status).toBe(200);
    expect((await rawRequest(port, upgradeRequest('/api/events', { Host: host(), Cookie: cookie, Origin: `http://${host()}` }), 300)).status).toBe(101);
    // The harness itself works this way: its session came through the cookie.
    expect((await harness.session()).guild.name).toBe('Briefing Sandbox');
  });

  it('keeps the Host and Origin checks, with the cookie or without', async () => {
    const cookie = `briefing_sandbox_${port}=${token}`;
    expect((await rawRequest(port, httpRequest('GET', '/api/session', { Host: 'evil.example', Cookie: cookie }))).status).toBe(421);
    expect((await rawRequest(port, upgradeRequest('/api/events', { Host: host(), Cookie: cookie, Origin: 'http://evil.example' }))).status).toBe(403);
    expect((await rawRequest(port, upgradeRequest('/api/events', { Host: host(), Cookie: cookie, Origin: 'null' }))).status).toBe(403);
  });
});
