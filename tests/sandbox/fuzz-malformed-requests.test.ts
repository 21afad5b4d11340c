import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapedErrors, rawRequest, type RawAnswer } from '../local-discord/raw-http.js';
import { startSandboxHarness, type SandboxHarness } from './sandbox-harness.js';

/*
 * A bounded fuzz run: a few hundred malformed HTTP requests and WebSocket upgrades, built
 * from a fixed seed so a failure replays, sent over raw sockets to 127.0.0.1 only, to both
 * the sandbox page's server and the local Discord server the bot talks to. Then both must
 * still answer normally and nothing may have escaped to the process.
 */

const requestsPerServer = 160;
const concurrency = 12;
const answerWaitMs = 400;

/** mulberry32: a small seeded generator, so the run is the same every time. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'BREW', 'G ET', ''];
const targets = [
  '/', '//', '///', '//evil.example/api/events', '/api/events', '/api/events?token=x', '/gateway', '/gateway?v=10&encoding=json', '/gateway?encoding=etf',
  '//x/gateway', 'http://[::1', 'http://[::1/gateway', 'http://evil.example/api/session', '*', '', '?', '#', '/%', '/%zz', '/%E0%A4%A', '/%00',
  '/api/v10/channels/%ff/messages', '/api/v10/users/@me', '/api/v10/gateway/bot', '/api/v10/interactions/1/x/callback', '/api/v10/webhooks/1/%zz/messages/@original',
  '/attachments/1/2/x', '/attachments/', '/..%2f..%2fpackage.json', '/../../etc/passwd', '/\\evil', '/api/session', '/api/session?x=%zz',
  '/api/channels/1/messages', '/api/channels/99999999999999999999999/messages', '/api/attachments/%', '/api/interactions/slash', '/api/interactions/button',
  '/api/messages', '/api/digest/run', '/api/uploads', '/api/uploads?userId=1', '/api/uploads?userId=%zz', '/api/interactions/modal-submit',
  '/ephemeral-attachments/1/2/x', '/ephemeral-attachments/1/2/x?ex=zz&is=&hm=%zz', '/assets/../../x', `/${'a'.repeat(9000)}`, '/\u00e9', '/a b',
];
const origins = [undefined, 'null', 'http://[::1', 'http://[::1]:80', 'http://evil.example', 'file://', 'javascript:alert(1)', '%', 'http://', 'OWN', 'OWN/path'];
const hosts = ['OWN', 'OWN', '', 'evil.example', '[::1', '[::1]:1', '127.0.0.1:99999', 'a b', 'localhost', null];
const bodies = [
  '', '{', '[]', 'null', '{"userId":"1","channelId":"1","content":"x"}', '{"userId":"BOT","channelId":"1","content":"<@1> @everyone"}',
  '{"line":"/help","userId":"1","channelId":"1","picked":{"__proto__":{"name":"x","value":1}}}', '\u0000\u0001\u0002', '{"content":' + '"x",'.repeat(50) + '}',
];
const contentTypes = [undefined, 'application/json', 'application/octet-stream', 'text/plain', 'multipart/form-data; boundary=x', 'multipart/form-data', 'application/json; charset=\u0001'];
const upgradeKeys = ['dGhlIHNhbXBsZSBub25jZQ==', 'short', ''];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

/** The parts of a well-formed request to either server, for the fuzzer to keep most of and break the rest. */
const realTargets = ['/api/events', '/gateway?v=10&encoding=json', '/api/session', '/api/v10/gateway', '/api/v10/users/@me', '/api/messages', '/api/interactions/slash', '/api/interactions/modal-submit', '/api/uploads?userId=1', '/'];

/**
 * One malformed request as raw text: each part (method, target, version, Host, Origin,
 * upgrade headers, body) is a real one most of the time and a broken one otherwise, so
 * that most requests get past the parser and the Host check into the handlers.
 */
function malformedRequest(random: () => number, ownHost: string, botId: string): string | Buffer {
  const broken = (): boolean => random() < 0.3;
  if (random() < 0.04) return Buffer.from(Array.from({ length: 1 + Math.floor(random() * 200) }, () => Math.floor(random() * 256)));
  if (random() < 0.03) return `GET / HTTP/1.1\r\nHost: ${ownHost}\r\n`; // never finished
  const method = broken() ? pick(random, methods) : pick(random, ['GET', 'POST']);
  const target = broken() ? pick(random, targets) : pick(random, realTargets);
  const lines = [`${method} ${target} ${random() < 0.97 ? 'HTTP/1.1' : 'HTTP/9.9'}`];
  const host = broken() ? pick(random, hosts) : 'OWN';
  if (host !== null) lines.push(`Host: ${host === 'OWN' ? ownHost : host}`);
  const origin = broken() ? pick(random, origins) : pick(random, [undefined, 'OWN']);
  if (origin !== undefined) lines.push(`Origin: ${origin.replace('OWN', `http://${ownHost}`)}`);
  if (random() < 0.5) {
    lines.push('Connection: Upgrade', `Upgrade: ${random() < 0.9 ? 'websocket' : 'h2c'}`);
    if (random() < 0.95) lines.push(`Sec-WebSocket-Version: ${broken() ? '8' : '13'}`);
    if (random() < 0.95) lines.push(`Sec-WebSocket-Key: ${broken() ? pick(random, upgradeKeys) : 'dGhlIHNhbXBsZSBub25jZQ=='}`);
  }
  const contentType = broken() ? pick(random, contentTypes) : 'application/json';
  if (contentType !== undefined) lines.push(`Content-Type: ${contentType}`);
  if (random() < 0.05) lines.push('X-Bad: \u0001\u0002');
  if (random() < 0.1) lines.push('Cookie: briefing_sandbox_1=%E0%A4%A; =; a');
  const body = method === 'GET' && !broken() ? '' : pick(random, bodies).replace('BOT', botId);
  const declared = random() < 0.1 ? Buffer.byteLength(body) + 10 : Buffer.byteLength(body);
  if (body !== '' || random() < 0.3) lines.push(random() < 0.05 ? 'Transfer-Encoding: chunked' : `Content-Length: ${declared}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

/** Sends every request, `concurrency` at a time, and returns the answers in order. */
async function sendAll(port: number, requests: (string | Buffer)[]): Promise<RawAnswer[]> {
  const answers: RawAnswer[] = new Array<RawAnswer>(requests.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests.length) {
      const index = next;
      next += 1;
      answers[index] = await rawRequest(port, requests[index] ?? '', answerWaitMs);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
  return answers;
}

describe('a fuzz run of malformed requests against the sandbox', () => {
  let harness: SandboxHarness;
  const webRoot = mkdtempSync(path.join(tmpdir(), 'briefing-web-'));

  beforeAll(async () => {
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>page</title>');
    harness = await startSandboxHarness({ webRoot });
  });
  afterAll(async () => {
    await harness?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('survives a few hundred malformed requests to both servers, answers none with a 5xx, and then works normally', async () => {
    const random = seeded(20261201);
    const bridgePort = Number(new URL(harness.url).port);
    const discord = harness.sandbox.discord;
    const botId = discord.botUser.id;
    const bridgeRequests = Array.from({ length: requestsPerServer }, () => malformedRequest(random, `127.0.0.1:${bridgePort}`, botId));
    const discordRequests = Array.from({ length: requestsPerServer }, () => malformedRequest(random, `127.0.0.1:${discord.port}`, botId));

    const started = Date.now();
    let answers: RawAnswer[] = [];
    const escaped = await escapedErrors(async () => {
      const [toBridge, toDiscord] = await Promise.all([sendAll(bridgePort, bridgeRequests), sendAll(discord.port, discordRequests)]);
      answers = [...toBridge, ...toDiscord];
    });
    const elapsedMs = Date.now() - started;

    expect(escaped).toEqual([]);
    expect(answers).toHaveLength(2 * requestsPerServer);
    const serverErrors = answers.flatMap((answer, index) => (answer.status !== null && answer.status >= 500 ? [{ index, status: answer.status, text: answer.text.slice(0, 300) }] : []));
    expect(serverErrors).toEqual([]);
    // Most requests are answered with a status, not just dropped: the servers read them and said no.
    expect(answers.filter((answer) => answer.status !== null && answer.status >= 400).length).toBeGreaterThan(requestsPerServer);
    expect(elapsedMs).toBeLessThan(60_000);

    // Afterwards the page loads, its WebSocket still pushes events, and an action reaches the bot through the local server.
    const session = await harness.session();
    expect(session.guild.name).toBe('Briefing Sandbox');
    const ada = session.users.find((user) => user.username === 'ada')?.id ?? '';
    const general = session.channels.find((channel) => channel.name === 'general')?.id ?? '';
    expect(await harness.post('api/interactions/slash', { userId: ada, channelId: general, line: '/help' })).toEqual({ status: 200, body: { ok: true } });
    await harness.waitForEvent((event) => event.type === 'message-create' && event.message.message.author.id === botId && event.message.visibleTo === ada);
    expect(discord.liveSessionCount).toBe(1);
  }, 90_000);
});
