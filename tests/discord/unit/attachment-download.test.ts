import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadAttachment } from '../../../src/discord/attachment-download.js';

/** A stand-in for Discord's CDN on 127.0.0.1: each path answers one way. */
const routes: Record<string, (response: ServerResponse) => void> = {
  '/ok/notes.md': (response) => response.writeHead(200, { 'content-type': 'text/markdown' }).end('# Notes\n\nThe loan was signed.'),
  '/expired/notes.md': (response) => response.writeHead(404).end('Not Found'),
  '/forbidden/notes.md': (response) => response.writeHead(403).end('This content is no longer available.'),
  '/broken/notes.md': (response) => response.writeHead(502).end(),
  '/huge/notes.md': (response) => response.writeHead(200).end(Buffer.alloc(4096, 97)),
  '/stall/notes.md': (response) => response.writeHead(200).write('a'),
};

describe('downloading an /add attachment at once', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((request, response) => (routes[request.url ?? ''] ?? ((reply: ServerResponse) => reply.writeHead(404).end()))(response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const attachment = (path: string, size = 30) => ({ url: `${base}${path}`, name: 'notes.md', contentType: 'text/markdown', size });
  const limits = { maxBytes: 1024, timeoutMs: 500 };

  it('returns the bytes with the name and type Discord gave', async () => {
    const file = await downloadAttachment(attachment('/ok/notes.md'), limits);
    expect(Buffer.from(file.bytes).toString()).toBe('# Notes\n\nThe loan was signed.');
    expect(file).toMatchObject({ kind: 'file', fileName: 'notes.md', contentType: 'text/markdown' });
  });

  it('says an expired or deleted attachment link has expired and to attach the file again', async () => {
    for (const path of ['/expired/notes.md', '/forbidden/notes.md']) {
      await expect(downloadAttachment(attachment(path), limits)).rejects.toThrow('"notes.md" could no longer be downloaded: Discord\'s link to it has expired or the file was deleted. Attach the file again and run /add again.');
    }
  });

  it('says when Discord fails to hand the file over, and to try again', async () => {
    await expect(downloadAttachment(attachment('/broken/notes.md'), limits)).rejects.toThrow('Discord did not hand over "notes.md" (HTTP 502). Try /add again in a minute.');
  });

  it('refuses a file over the cap before downloading it, by its stated size', async () => {
    await expect(downloadAttachment(attachment('/ok/notes.md', 5 * 1024 * 1024), limits)).rejects.toThrow('"notes.md" is 5 MB, over the 1 KB limit for documents. Add a smaller file or split it.');
  });

  it('stops reading a file that turns out larger than its stated size', async () => {
    await expect(downloadAttachment(attachment('/huge/notes.md'), limits)).rejects.toThrow(/^"notes.md" is \d+ KB, over the 1 KB limit/);
  });

  it('gives up on a download that stalls, saying how long it waited', async () => {
    await expect(downloadAttachment(attachment('/stall/notes.md'), limits)).rejects.toThrow('Downloading "notes.md" from Discord took longer than 0.5 s, so it was stopped. Try /add again in a minute.');
  });

  it('says a connection that fails failed, without the network\'s jargon', async () => {
    await expect(downloadAttachment({ ...attachment('/ok/notes.md'), url: 'http://127.0.0.1:1/notes.md' }, limits)).rejects.toThrow('"notes.md" could not be downloaded from Discord: the connection failed. Try /add again in a minute.');
  });
});
