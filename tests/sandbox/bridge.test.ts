import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MessageFlags, type APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import type { SandboxEvent, SandboxMessage, SandboxSession } from '../../src/sandbox/bridge-protocol.js';
import { firstQuoteText } from './quote-text.js';
import { startSandboxHarness, type SandboxHarness } from './sandbox-harness.js';

const created = (event: SandboxEvent): SandboxMessage | null => (event.type === 'message-create' || event.type === 'message-update' ? event.message : null);
/** The buttons with a custom id on a message's action rows. */
function buttons(message: APIMessage): { custom_id: string; label?: string }[] {
  const found: { custom_id: string; label?: string }[] = [];
  for (const row of message.components ?? []) {
    if (!('components' in row)) continue;
    for (const component of row.components as unknown[]) {
      if (typeof component === 'object' && component !== null && 'custom_id' in component && typeof component.custom_id === 'string') found.push(component as { custom_id: string });
    }
  }
  return found;
}

describe('the sandbox bridge, in front of the real bot on the local Discord server', () => {
  let harness: SandboxHarness;
  let session: SandboxSession;
  let bodies: string[];
  const channel = (name: string) => session.channels.find((candidate) => candidate.name === name)?.id ?? '';
  const user = (username: string) => session.users.find((candidate) => candidate.username === username)?.id ?? '';

  const webRoot = mkdtempSync(path.join(tmpdir(), 'briefing-web-'));
  beforeAll(async () => {
    mkdirSync(path.join(webRoot, 'assets'));
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>page</title>');
    writeFileSync(path.join(webRoot, 'assets', 'app.js'), 'export {};');
    harness = await startSandboxHarness({ webRoot });
    session = await harness.session();
    bodies = (await loadCorpus('corpus')).documents.map((document) => document.body);
  });
  afterAll(async () => {
    await harness?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('serves the page with a policy that allows only its own scripts, and nothing outside its folder', async () => {
    const page = await fetch(harness.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<title>page</title>');
    expect((await harness.get('assets/app.js')).status).toBe(200);
    // Sent as is: fetch would resolve the dots before sending.
    expect(await rawStatus(harness.url, '/..%2f..%2fpackage.json')).toBe(404);
    expect((await harness.get('%E0%A4%A')).status).toBe(400);
  });

  it('describes one server with its channels, both users, and the commands deploy registered', () => {
    expect(session.channels.map((entry) => entry.name)).toEqual(['general', 'digest', 'announcements']);
    expect(session.users.map((entry) => [entry.username, entry.manageServer])).toEqual([['ada', true], ['bob', false]]);
    expect(session.commands.map((command) => command.name)).toEqual(expect.arrayContaining(['ask', 'search', 'sources', 'timeline', 'digest', 'help', 'Find sources']));
    // The server lets every member see /digest (for status and preview); the bot itself guards setup.
    const digest = session.commands.find((command) => command.name === 'digest');
    expect(session.users.every((entry) => entry.commandIds.includes(digest?.id ?? 'none'))).toBe(true);
  });

  it('sends a typed /ask to the bot and pushes its answer, whose quote is word for word from a source', async () => {
    const result = await harness.post('api/interactions/slash', { userId: user('ada'), channelId: channel('general'), line: '/ask question:When was the Central Asia plus Japan Dialogue launched?' });
    expect(result).toEqual({ status: 200, body: { ok: true } });
    const answer = created(await harness.waitForEvent((event) => (created(event)?.message.embeds.length ?? 0) > 0));
    expect(answer?.visibleTo).toBe(user('ada'));
    expect(answer?.invocation).toEqual({ userId: user('ada'), userName: 'Ada', command: '/ask' });
    const quote = firstQuoteText(answer?.message.embeds[0]?.description)?.replace(/…$/, '') ?? '';
    expect(quote.length).toBeGreaterThan(40);
    expect(bodies.some((body) => body.includes(quote))).toBe(true);
  });

  it('pushes an answer that names the words no source mentions, in bold', async () => {
    harness.events.length = 0;
    await harness.post('api/interactions/slash', { userId: user('ada'), channelId: channel('general'), line: '/ask question:How many Japanese tourists visited Kazakhstan in 2019?' });
    const answer = created(await harness.waitForEvent((event) => (created(event)?.message.embeds.length ?? 0) > 0));
    expect(answer?.message.content).toContain('No source mentions **tourists**. The closest passages:');
  });

  it('answers autocomplete from the bot\'s own handler', async () => {
    const result = await harness.post('api/interactions/autocomplete', { userId: user('ada'), channelId: channel('general'), line: '/digest setup channel:#digest schedule:daily 09:00 timezone:Asia/Tash' });
    expect(result.status).toBe(200);
    const body = result.body as { option: string; choices: { name: string; value: string }[] };
    expect(body.option).toBe('timezone');
    expect(body.choices.map((choice) => choice.value)).toContain('Asia/Tashkent');
    expect(body.choices.length).toBeLessThanOrEqual(25);
  });

  it('clicks a button on the bot\'s message and pushes the edited message', async () => {
    harness.events.length = 0;
    await harness.post('api/interactions/slash', { userId: user('ada'), channelId: channel('general'), line: '/ask How is Japan investing in Central Asia?' });
    const first = created(await harness.waitForEvent((event) => event.type === 'message-create' && (created(event)?.message.embeds.length ?? 0) > 0 || (event.type === 'message-update' && (created(event)?.message.embeds.length ?? 0) > 0)));
    const next = buttons(first?.message as APIMessage).find((button) => /^ask:page:.*:1$/.test(button.custom_id));
    expect(next).toBeDefined();
    const clicked = await harness.post('api/interactions/button', { userId: user('ada'), channelId: channel('general'), messageId: first?.message.id, customId: next?.custom_id });
    expect(clicked).toEqual({ status: 200, body: { ok: true } });
    const paged = created(await harness.waitForEvent((event) => event.type === 'message-update' && created(event)?.message.id === first?.message.id && /^Page 2/.test(created(event)?.message.embeds.at(-1)?.footer?.text ?? '')));
    expect(paged?.message.embeds.at(-1)?.footer?.text).toMatch(/^Page 2 of \d+/);
  });

  it('lets Bob see /digest but passes on the bot\'s refusal of setup, shown only to him', async () => {
    harness.events.length = 0;
    const result = await harness.post('api/interactions/slash', { userId: user('bob'), channelId: channel('general'), line: '/digest setup channel:#digest schedule:daily 09:00 timezone:UTC' });
    expect(result).toEqual({ status: 200, body: { ok: true } });
    const refusal = created(await harness.waitForEvent((event) => created(event)?.visibleTo === user('bob') && (created(event)?.message.content ?? '') !== ''));
    expect(refusal?.message.content).toContain('Manage Server');
    expect((refusal?.message.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  });

  it('says what to do when "Run digest now" is pressed before any digest is set up', async () => {
    const result = await harness.post('api/digest/run', { channelId: channel('digest') });
    expect(result.status).toBe(422);
    expect((result.body as { error: string }).error).toContain('/digest setup');
  });

  it('sets up the digest for Ada, then "Run digest now" posts it in the channel through the bot\'s scheduler', async () => {
    const setup = await harness.post('api/interactions/slash', { userId: user('ada'), channelId: channel('general'), line: '/digest setup channel:#digest schedule:daily 09:00 timezone:UTC window:90' });
    expect(setup).toEqual({ status: 200, body: { ok: true } });
    await harness.waitForEvent((event) => created(event)?.visibleTo === user('ada') && (created(event)?.message.content ?? '').startsWith('Digest set'));
    harness.events.length = 0;
    const run = await harness.post('api/digest/run', { channelId: channel('digest') });
    expect(run).toEqual({ status: 200, body: { ok: true } });
    const digest = created(await harness.waitForEvent((event) => event.type === 'message-create' && created(event)?.message.channel_id === channel('digest')));
    expect(digest?.visibleTo).toBeNull();
    expect(digest?.message.author.id).toBe(session.bot.id);
    const listed = await harness.get(`api/channels/${channel('digest')}/messages`);
    expect((listed.body as SandboxMessage[]).map((entry) => entry.message.id)).toContain(digest?.message.id);
  });

  it('explains a line Discord\'s client would not send, without bothering the bot', async () => {
    const before = harness.sandbox.discord.state.interactions.size;
    const result = await harness.post('api/interactions/slash', { userId: user('ada'), channelId: channel('general'), line: '/digest setup channel:#digest' });
    expect(result).toEqual({ status: 422, body: { ok: false, error: 'Fill in schedule: "daily 09:00", "weekly mon 09:00" or a cron expression\nFill in timezone: IANA time zone, e.g. Europe/Berlin' } });
    expect(harness.sandbox.discord.state.interactions.size).toBe(before);
  });

  it('refuses malformed requests and foreign Host headers', async () => {
    expect((await harness.post('api/interactions/slash', { userId: 'ada', channelId: channel('general'), line: '/help' })).status).toBe(400);
    // A page on another site that resolves its own name to 127.0.0.1 sends its own Host header.
    expect(await rawStatus(harness.url, '/api/session', 'evil.example')).toBe(421);
  });
});

/** The status of a GET whose path and Host header go out exactly as given. */
function rawStatus(base: string, pathname: string, host?: string): Promise<number | undefined> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path: pathname, headers: host === undefined ? {} : { host } }, (response) => {
      response.resume();
      resolve(response.statusCode);
    }).on('error', reject).end();
  });
}
