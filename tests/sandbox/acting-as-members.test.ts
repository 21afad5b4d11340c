import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OverwriteType, PermissionFlagsBits, type APIChatInputApplicationCommandInteractionData, type APITextChannel } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxEvent, SandboxSession } from '../../src/sandbox/bridge-protocol.js';
import { startSandboxHarness, type SandboxHarness } from './sandbox-harness.js';

describe('the sandbox page acts only as the server\'s members, under Discord\'s rules', () => {
  let harness: SandboxHarness;
  let session: SandboxSession;
  const webRoot = mkdtempSync(path.join(tmpdir(), 'briefing-web-'));
  const channel = (name: string) => session.channels.find((candidate) => candidate.name === name)?.id ?? '';
  const user = (username: string) => session.users.find((candidate) => candidate.username === username)?.id ?? '';
  const messageCount = () => harness.sandbox.discord.state.messages.size;
  /** The options of the newest interaction the local server sent the bot. */
  const lastOptions = () => {
    const last = [...harness.sandbox.discord.state.interactions.values()].at(-1);
    const data = last?.payload.data as APIChatInputApplicationCommandInteractionData | undefined;
    const top = data?.options ?? [];
    const nested = top[0] !== undefined && 'options' in top[0] ? (top[0].options ?? []) : top;
    return Object.fromEntries(nested.map((option) => [option.name, 'value' in option ? option.value : undefined]));
  };
  const created = (predicate: (content: string) => boolean) => (event: SandboxEvent) => event.type === 'message-create' && predicate(event.message.message.content);

  beforeAll(async () => {
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>page</title>');
    harness = await startSandboxHarness({ webRoot });
    session = await harness.session();
  });
  afterAll(async () => {
    await harness?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('refuses to post or run commands as the bot, with a 403 that says who can act', async () => {
    const before = messageCount();
    const posted = await harness.post('api/messages', { userId: session.bot.id, channelId: channel('general'), content: 'I am the bot <@' + user('bob') + '>' });
    expect(posted).toEqual({ status: 403, body: { ok: false, error: 'The page acts as the server\'s members, never as the bot: choose a member under "Acting as".' } });
    const slash = await harness.post('api/interactions/slash', { userId: session.bot.id, channelId: channel('general'), line: '/help' });
    expect(slash.status).toBe(403);
    expect(messageCount()).toBe(before);
  });

  it('answers an unknown user, channel or message id with a 404 and a message, never a 500', async () => {
    const nobody = '123456789012345678';
    expect(await harness.post('api/messages', { userId: nobody, channelId: channel('general'), content: 'hi' })).toEqual({
      status: 404,
      body: { ok: false, error: 'No such member in the sandbox server: choose one under "Acting as".' },
    });
    expect(await harness.post('api/messages', { userId: user('ada'), channelId: nobody, content: 'hi' })).toEqual({ status: 404, body: { ok: false, error: 'No such channel in the sandbox server.' } });
    expect((await harness.post('api/interactions/slash', { userId: nobody, channelId: channel('general'), line: '/help' })).status).toBe(404);
    expect((await harness.post('api/interactions/autocomplete', { userId: user('ada'), channelId: nobody, line: '/ask source:a' })).status).toBe(404);
    expect((await harness.post('api/interactions/button', { userId: user('ada'), channelId: channel('general'), messageId: nobody, customId: 'x' })).status).toBe(404);
    expect((await harness.post('api/interactions/message-command', { userId: user('ada'), channelId: channel('general'), messageId: nobody, commandName: 'Find sources' })).status).toBe(404);
    expect((await harness.post('api/digest/run', { channelId: nobody })).status).toBe(404);
  });

  it('says so when a channel or user typed in an option does not exist, without bothering the bot', async () => {
    const before = harness.sandbox.discord.state.interactions.size;
    const result = await harness.post('api/interactions/slash', { userId: user('ada'), channelId: channel('general'), line: '/digest setup channel:#nowhere schedule:daily 09:00 timezone:UTC' });
    expect(result.status).toBe(422);
    expect((result.body as { error: string }).error).toMatch(/^no channel "#nowhere" in guild Briefing Sandbox/);
    expect(harness.sandbox.discord.state.interactions.size).toBe(before);
  });

  it('refuses a member\'s message in a channel where they lack Send Messages, as Discord\'s client does', async () => {
    // A server admin's setting in #announcements: Bob may read it but not post.
    const announcements = harness.sandbox.discord.state.channels.get(channel('announcements')) as APITextChannel;
    announcements.permission_overwrites = [
      ...(announcements.permission_overwrites ?? []),
      { id: user('bob'), type: OverwriteType.Member, allow: '0', deny: String(PermissionFlagsBits.SendMessages) },
    ];
    const before = messageCount();
    const result = await harness.post('api/messages', { userId: user('bob'), channelId: channel('announcements'), content: 'hello' });
    expect(result).toEqual({ status: 422, body: { ok: false, error: 'bob does not have permission to send messages in #announcements' } });
    expect(messageCount()).toBe(before);
    expect((await harness.post('api/messages', { userId: user('ada'), channelId: channel('announcements'), content: 'hello' })).status).toBe(200);
  });

  it('pings as Discord does: Bob\'s @everyone and role mention ping no one, his user mention pings that user', async () => {
    const admin = Object.entries(session.names.roles).find(([, name]) => name === 'Admin')?.[0] ?? '';
    const content = `@everyone <@&${admin}> see <@${user('ada')}>`;
    expect((await harness.post('api/messages', { userId: user('bob'), channelId: channel('general'), content })).status).toBe(200);
    const event = await harness.waitForEvent(created((text) => text === content));
    const message = event.type === 'message-create' ? event.message.message : null;
    expect(message?.author.id).toBe(user('bob'));
    expect({ everyone: message?.mention_everyone, roles: message?.mention_roles, users: message?.mentions.map((mentioned) => mentioned.id) }).toEqual({ everyone: false, roles: [], users: [user('ada')] });
  });

  it('passes typed options exactly as typed, a leading @ included', async () => {
    expect((await harness.post('api/interactions/slash', { userId: user('ada'), channelId: channel('general'), line: '/ask question:@everyone what changed in 2024?' })).status).toBe(200);
    expect(lastOptions()).toMatchObject({ question: '@everyone what changed in 2024?' });
    await harness.post('api/interactions/slash', { userId: user('ada'), channelId: channel('general'), line: '/digest setup channel:#digest schedule:@daily timezone:UTC' });
    expect(lastOptions()).toMatchObject({ schedule: '@daily', timezone: 'UTC' });
  });

  it('asks before "Run digest now" posts a digest that /digest off turned off, and posts once confirmed', async () => {
    const setup = await harness.post('api/interactions/slash', { userId: user('ada'), channelId: channel('general'), line: '/digest setup channel:#digest schedule:daily 09:00 timezone:UTC window:90' });
    expect(setup.status).toBe(200);
    await harness.waitForEvent(created((text) => text.startsWith('Digest set')));
    expect((await harness.post('api/interactions/slash', { userId: user('ada'), channelId: channel('general'), line: '/digest off' })).status).toBe(200);
    await harness.waitForEvent(created((text) => text.startsWith('The digest is off')));

    const inDigest = () => harness.sandbox.discord.state.messagesIn(channel('digest')).length;
    const before = inDigest();
    const asked = await harness.post('api/digest/run', { channelId: channel('digest') });
    expect(asked).toEqual({ status: 422, body: { ok: false, error: 'The digest is off for this server (/digest off). Post one now anyway?', confirm: 'Post the digest' } });
    expect(inDigest()).toBe(before);

    expect(await harness.post('api/digest/run', { channelId: channel('digest'), confirmed: true })).toEqual({ status: 200, body: { ok: true } });
    expect(inDigest()).toBe(before + 1);
  });
});
