import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ActionResult, SandboxModal, SandboxSession, SandboxUpload } from '../../src/sandbox/bridge-protocol.js';
import { httpRequest, rawRequest } from '../local-discord/raw-http.js';
import { startFormsSandbox, type FormsSandbox } from './forms-sandbox.js';

/*
 * The bridge's side of files and forms: uploads for attachment options (size cap, headers,
 * and the same Host, Origin and secret rules as every other request), commands that attach
 * them, and modals the bot shows, filled in and submitted, through the real discord.js bot.
 */

const webRoot = mkdtempSync(path.join(tmpdir(), 'briefing-web-'));
const notes = Buffer.from('Japan–Central Asia dialogue: notes\nSecond line.\n');

describe('the sandbox bridge with files and forms', () => {
  let sandbox: FormsSandbox;
  let session: SandboxSession;
  let ada: string;
  let bob: string;
  let general: string;

  const api = (pathname: string) => new URL(pathname, sandbox.url);
  const post = async (pathname: string, body: unknown): Promise<{ status: number; body: ActionResult }> => {
    const response = await fetch(api(pathname), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as ActionResult };
  };
  const upload = async (userId: string, bytes: Buffer, headers: Record<string, string> = {}): Promise<{ status: number; body: SandboxUpload & { error?: string } }> => {
    const response = await fetch(api(`api/uploads?userId=${userId}`), {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('dialogue notes.txt'), 'x-file-type': 'text/plain', ...headers },
      body: bytes,
    });
    return { status: response.status, body: (await response.json()) as SandboxUpload & { error?: string } };
  };
  const slash = (userId: string, line: string, attachments?: Record<string, string>) => post('api/interactions/slash', { userId, channelId: general, line, ...(attachments ? { attachments } : {}) });
  const submit = (userId: string, modal: SandboxModal, values: Record<string, string>) => post('api/interactions/modal-submit', { userId, channelId: general, interactionId: modal.interactionId, values });
  const latestFrom = (predicate: (content: string) => boolean) =>
    sandbox.discord.events.waitUntil(() => sandbox.discord.state.allMessages().find((record) => predicate(record.message.content)), ['message', 'message-update'], { timeoutMs: 10_000, description: 'no such message' });

  beforeAll(async () => {
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>page</title>');
    sandbox = await startFormsSandbox({ webRoot });
    session = (await (await fetch(api('api/session'))).json()) as SandboxSession;
    const member = (name: string) => session.users.find((user) => user.username === name)?.id ?? '';
    ada = member('ada');
    bob = member('bob');
    general = session.channels.find((channel) => channel.name === 'general')?.id ?? '';
  });
  afterEach(() => expect(sandbox.failures).toEqual([]));
  afterAll(async () => {
    await sandbox?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('attaches an uploaded file to a command: the bot downloads it from its signed URL and answers', async () => {
    const uploaded = await upload(ada, notes);
    expect(uploaded).toMatchObject({ status: 200, body: { filename: 'dialogue_notes.txt', size: notes.length, contentType: 'text/plain' } });
    expect(await slash(ada, '/attach file:dialogue_notes.txt', { file: uploaded.body.id })).toEqual({ status: 200, body: { ok: true } });
    const reply = await latestFrom((content) => content.startsWith('Received dialogue_notes.txt'));
    expect(reply.message.content).toBe(`Received dialogue_notes.txt: ${notes.length} bytes, first line "Japan–Central Asia dialogue: notes". Title: dialogue_notes`);
    expect(reply.visibleTo).toBe(ada);
  });

  it('says what to do when an attachment option has no file, and passes a pasted link through as typed', async () => {
    expect(await slash(ada, '/attach file:report.pdf')).toEqual({ status: 422, body: { ok: false, error: 'file: attach a file with the 📎 file button above the message box.' } });
    const link = 'http://127.0.0.1:8080/reports/central-asia.html?lang=en&page=2#summary';
    expect((await slash(ada, `/attach link:${link}`)).body).toEqual({ ok: true });
    expect((await latestFrom((content) => content.startsWith('Link: '))).message.content).toBe(`Link: ${link}`);
  });

  it('refuses another member\'s upload, as Discord\'s client has only your own files', async () => {
    const uploaded = await upload(bob, notes);
    const refused = await slash(ada, '/attach file:dialogue_notes.txt', { file: uploaded.body.id });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ ok: false, error: expect.stringMatching(/no file uploaded as \d+ by this user/) as unknown });
  });

  it('refuses an upload over 10 MB, with no type, no name, a bad type, nothing in it, or as the bot', async () => {
    const tooLarge = await upload(ada, Buffer.alloc(10 * 1024 * 1024 + 1));
    expect(tooLarge).toEqual({ status: 413, body: { ok: false, error: 'This file is over 10 MB, Discord\'s limit for a file in a server without boosts: attach a smaller one.' } });
    expect((await upload(ada, notes, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await upload(ada, notes, { 'x-file-name': '' })).body.error).toBe('X-File-Name: give the file\'s name, percent-encoded.');
    expect((await upload(ada, notes, { 'x-file-name': '%E0%A4%A' })).status).toBe(400);
    expect((await upload(ada, notes, { 'x-file-type': 'text/plain; charset=<script>' })).status).toBe(400);
    expect((await upload(ada, Buffer.alloc(0))).body.error).toBe('The file is empty: attach one with something in it.');
    expect((await upload(session.bot.id, notes)).status).toBe(403);
    expect((await upload('12345', notes)).status).toBe(404);
  });

  it('applies the bridge\'s Host and Origin rules to uploads', async () => {
    const { port, host } = new URL(sandbox.url);
    const headers = { 'Content-Type': 'application/octet-stream', 'X-File-Name': 'a.txt' };
    const fromOtherSite = await rawRequest(Number(port), httpRequest('POST', `/api/uploads?userId=${ada}`, { Host: host, Origin: 'http://evil.example', ...headers }, 'hello'));
    const foreignHost = await rawRequest(Number(port), httpRequest('POST', `/api/uploads?userId=${ada}`, { Host: 'evil.example', ...headers }, 'hello'));
    expect([fromOtherSite.status, foreignHost.status]).toEqual([403, 421]);
  });

  it('shows the form a command answers with, and delivers what was filled in', async () => {
    const shown = await slash(bob, '/feedback');
    expect(shown.status).toBe(200);
    const modal = (shown.body as { modal: SandboxModal }).modal;
    expect(modal).toMatchObject({ title: 'Feedback', items: [{ kind: 'text', customId: 'subject', label: 'Subject', style: 'short', required: true, maxLength: 40, value: '' }] });
    expect(await submit(bob, modal, { subject: '' })).toEqual({ status: 422, body: { ok: false, error: 'modal "feedback": "Subject" is required' } });
    expect((await submit(ada, modal, { subject: 'Hi' })).body).toEqual({ ok: false, error: 'only bob sees this modal' });
    expect(await submit(bob, modal, { subject: 'More PDFs please' })).toEqual({ status: 200, body: { ok: true } });
    expect((await latestFrom((content) => content.startsWith('Feedback from'))).message.content).toBe('Feedback from bob: More PDFs please');
    expect((await submit(bob, { ...modal, interactionId: '99999' }, { subject: 'x' })).status).toBe(404);
  });

  it('opens the Edit form from a button on the preview, prefilled, and updates the preview with what was corrected', async () => {
    const uploaded = await upload(ada, notes);
    await slash(ada, '/attach file:dialogue_notes.txt', { file: uploaded.body.id });
    const preview = await latestFrom((content) => content.startsWith('Received dialogue_notes.txt') && !content.includes('author'));
    const opened = await post('api/interactions/button', { userId: ada, channelId: general, messageId: preview.message.id, customId: 'edit' });
    const modal = (opened.body as { modal: SandboxModal }).modal;
    expect(modal.items.map((item) => (item.kind === 'text' ? [item.customId, item.value, item.required] : item.kind))).toEqual([['title', 'dialogue_notes', true], ['author', '', false]]);
    expect((await submit(ada, modal, { title: 'Dialogue notes', author: 'K. Sato' })).body).toEqual({ ok: true });
    const updated = await latestFrom((content) => content.includes('author: K. Sato'));
    expect(updated.message.id).toBe(preview.message.id);
    expect(updated.message.content).toContain('Title: Dialogue notes');
    expect(updated.message.components).toEqual([]);
  });
});

describe('uploads to a sandbox that needs its secret', () => {
  it('refuses an upload without the secret, like every other request', async () => {
    const sandbox = await startFormsSandbox({ webRoot, secret: 'a-long-enough-secret' });
    try {
      const response = await fetch(new URL('/api/uploads?userId=1', sandbox.url), {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'a.txt' },
        body: 'hello',
      });
      expect(response.status).toBe(401);
    } finally {
      await sandbox.close();
    }
  });
});
