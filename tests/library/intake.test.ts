import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isUserError } from '../../src/errors.js';
import type { AddRequest } from '../../src/library/intake-types.js';
import { openLiveLibrary, type LiveLibrary } from '../../src/library/live-library.js';
import { slug } from '../../src/library/intake.js';
import { openDatabase, type AppDatabase } from '../../src/storage/database.js';
import { logSink } from '../discord/fixtures/log-sink.js';
import { articleParagraphs, makeHtml } from '../extract/fixtures/make.js';

const roots: string[] = [];
const opened: { live: LiveLibrary; db: AppDatabase }[] = [];
let server: http.Server;
let base: string;

const page = makeHtml({ title: 'Minerals deal', author: 'Jane Doe', site: 'Asia Times', published: '2025-12-09', lang: 'en', paragraphs: articleParagraphs, metadata: 'meta' });

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (request.url === '/article' || request.url === '/article-copy') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    else if (request.url === '/moved') response.writeHead(302, { location: '/article' }).end();
    else response.writeHead(404).end('no');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

afterEach(async () => {
  for (const { live, db } of opened.splice(0)) {
    await live.stop();
    await db.close();
  }
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

interface OpenOptions {
  allowPrivate?: string[];
  maxBytes?: number;
  clock?: { now: number };
}

async function openLibrary(options: OpenOptions = {}) {
  const root = await mkdtemp(path.join(os.tmpdir(), 'intake-'));
  roots.push(root);
  const config = {
    corpusDir: path.join(root, 'corpus'),
    dataDir: path.join(root, 'data'),
    corpusMaxFileBytes: 2 * 1024 * 1024,
    links: { allowPrivate: options.allowPrivate ?? ['127.0.0.1'] },
    adding: { syncIntervalMs: 0, ...(options.maxBytes !== undefined && { maxBytes: options.maxBytes }) },
  };
  await cp(path.resolve('corpus'), config.corpusDir, { recursive: true });
  const db = await openDatabase(path.join(root, 'briefing.db'), logSink().logger);
  const live = await openLiveLibrary({ config, logger: logSink().logger, watch: false, db });
  opened.push({ live, db });
  const intake = live.intake;
  if (intake === undefined) throw new Error('a library with a database has an intake');
  return { live, db, intake, config };
}

const guildA = '111111111111111111';
const guildB = '222222222222222222';
const memo = '---\ntitle: Memo on the Zarafshan corridor\nauthor: Analyst Desk\npublished: 2025-03-02\n---\nThe Zarafshan corridor agreement was signed in Samarkand on 14 May 2025 by both ministers.\n';

function fileRequest(text: string, overrides: AddRequest['overrides'] = {}, scope: string | null = guildA, fileName = 'memo.md'): AddRequest {
  return { source: { kind: 'file', bytes: new TextEncoder().encode(text), fileName, contentType: null }, overrides, scope, addedBy: scope === null ? null : { id: '333333333333333333', name: 'Ada' } };
}

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    expect(isUserError(error), `expected a UserError, got ${String(error)}`).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected a refusal, but it succeeded');
}

describe('adding a document', () => {
  it('previews what it read, then serves it to search and the timeline once added', async () => {
    const { live, intake } = await openLibrary();
    const preview = await intake.prepare(fileRequest(memo));
    expect(preview).toMatchObject({ passageCount: 1, firstPassage: 'The Zarafshan corridor agreement was signed in Samarkand on 14 May 2025 by both ministers.', warnings: [] });
    expect(preview.document).toMatchObject({ title: 'Memo on the Zarafshan corridor', author: 'Analyst Desk', published: { iso: '2025-03-02', precision: 'day' }, format: 'markdown', scope: guildA });
    expect(preview.token.length).toBeLessThanOrEqual(32);
    expect(live.search.search('Zarafshan').matches).toEqual([]);

    const document = await intake.commit(preview.token);
    expect(document.id).toBe(preview.document.id);
    expect(document.addition).toMatchObject({ addedBy: { id: '333333333333333333', name: 'Ada' }, link: null });
    const [quote] = live.search.ask('When was the Zarafshan corridor agreement signed?', { guildId: guildA }).passages;
    expect(quote).toMatchObject({ docId: document.id, text: 'The Zarafshan corridor agreement was signed in Samarkand on 14 May 2025 by both ministers.' });
    expect(live.timeline().some((entry) => entry.date === '2025-05-14' && entry.sources.some((source) => source.docId === document.id))).toBe(true);
  });

  it('applies the overrides, and an edit after the preview, over what the document says', async () => {
    const { intake } = await openLibrary();
    const preview = await intake.prepare(fileRequest('Plain notes about the corridor, with no title of their own.', { author: 'Field office' }, guildA, 'notes.txt'));
    // A text's first line is its title, as in the folder.
    expect(preview.document).toMatchObject({ title: 'Plain notes about the corridor, with no title of their own.', author: 'Field office', published: null, format: 'text' });
    expect(preview.warnings).toContain('No publication date was found: set one with Edit (on the command line, --published), e.g. 2025-05-05.');
    const revised = await intake.revise(preview.token, { title: 'Corridor notes', published: '2025-04' });
    expect(revised.document).toMatchObject({ title: 'Corridor notes', author: 'Field office', published: { iso: '2025-04', precision: 'month' }, publishedBasis: 'set by the person who added it' });
    expect(await intake.commit(preview.token)).toMatchObject({ title: 'Corridor notes', published: { iso: '2025-04', precision: 'month' } });
  });

  it('refuses a published date that is not one', async () => {
    const { intake } = await openLibrary();
    expect(await refusal(intake.prepare(fileRequest(memo, { published: 'last spring' })))).toBe('"last spring" is not a date the library can use as published: write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-05-05.');
  });

  it('adds a web page from a link, with its metadata', async () => {
    const { intake } = await openLibrary();
    const document = await intake.add({ source: { kind: 'link', url: `${base}/article` }, overrides: {}, scope: null, addedBy: null });
    expect(document).toMatchObject({ title: 'Minerals deal', author: 'Jane Doe', outlet: 'Asia Times', format: 'html', scope: null, addition: { addedBy: null, link: `${base}/article` } });
  });
});

describe('refusals, each with what to do', () => {
  it('refuses the same content twice, naming the document already there', async () => {
    const { intake } = await openLibrary();
    const first = await intake.add(fileRequest(memo));
    const message = await refusal(intake.prepare(fileRequest(memo, {}, guildA, 'copy.md')));
    expect(message).toBe(`The same document is already in the library: “Memo on the Zarafshan corridor” (id ${first.id}). Nothing was added.`);
  });

  it('refuses a file that is already in the corpus folder', async () => {
    const { intake, config } = await openLibrary();
    const { readFile, readdir } = await import('node:fs/promises');
    const [name] = (await readdir(config.corpusDir)).filter((file) => file.endsWith('.md')).sort();
    const bytes = await readFile(path.join(config.corpusDir, name ?? ''));
    const message = await refusal(intake.prepare({ source: { kind: 'file', bytes, fileName: 'again.md', contentType: null }, overrides: {}, scope: guildA, addedBy: null }));
    expect(message).toMatch(/^The same document is already in the library: “.+” \(id .+\)\. Nothing was added\.$/);
  });

  it('refuses the same link twice, also through a redirect to it', async () => {
    const { intake } = await openLibrary();
    const first = await intake.add({ source: { kind: 'link', url: `${base}/article` }, overrides: {}, scope: guildA, addedBy: null });
    expect(await refusal(intake.prepare({ source: { kind: 'link', url: `${base}/moved` }, overrides: {}, scope: guildA, addedBy: null }))).toContain(`(id ${first.id})`);
  });

  it('lets another server add the same document, and keeps each copy to its server', async () => {
    const { live, intake } = await openLibrary();
    const ours = await intake.add(fileRequest(memo, {}, guildA));
    const theirs = await intake.add(fileRequest(memo, {}, guildB));
    expect(ours.id).not.toBe(theirs.id);
    const quoted = (guildId: string | null) => live.search.search('Zarafshan', { guildId }).matches.map((match) => match.passage.docId);
    expect(quoted(guildA)).toEqual([ours.id]);
    expect(quoted(guildB)).toEqual([theirs.id]);
    expect(quoted(null)).toEqual([]);
    expect(live.search.search('Zarafshan').matches).toHaveLength(2);
    // Another server's document is as unknown as one that does not exist, also when named by id.
    expect(() => live.search.ask('Zarafshan corridor', { docId: theirs.id, guildId: guildA })).toThrow(`There is no source with the id "${theirs.id}"`);
    expect(live.search.ask('Zarafshan corridor', { docId: theirs.id }).passages[0]?.docId).toBe(theirs.id);
    expect(await refusal(intake.prepare(fileRequest(memo, {}, null)))).toMatch(/^The same document is already in the library/);
  });

  it('refuses a preview that has expired', async () => {
    const clock = { now: Date.UTC(2025, 5, 1) };
    const { intake, db } = await openLibrary();
    const { createDocumentIntake } = await import('../../src/library/intake.js');
    const timed = createDocumentIntake({ db, library: { documents: () => [], refresh: () => Promise.resolve() }, previewTtlMs: 60_000, clock: () => clock.now, logger: logSink().logger });
    const preview = await timed.prepare(fileRequest(memo));
    clock.now += 61_000;
    expect(await refusal(timed.commit(preview.token))).toBe('This preview has expired (previews wait 1 minutes for Add), so nothing was added. Run /add again.');
    expect(await refusal(timed.revise(preview.token, { title: 'Late' }))).toMatch(/^This preview has expired/);
    expect(await refusal(intake.commit('no-such-token'))).toMatch(/^This preview has expired/);
  });

  it('refuses a link to a private address unless allowed', async () => {
    const { intake } = await openLibrary({ allowPrivate: [] });
    const message = await refusal(intake.prepare({ source: { kind: 'link', url: `${base}/article` }, overrides: {}, scope: guildA, addedBy: null }));
    expect(message).toMatch(/private|loopback/i);
  });

  it('names an unsupported type and the supported ones', async () => {
    const { intake } = await openLibrary();
    const deck = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'ppt/presentation.xml': strToU8('<p:presentation/>') });
    const message = await refusal(intake.prepare({ source: { kind: 'file', bytes: deck, fileName: 'deck.pptx', contentType: null }, overrides: {}, scope: guildA, addedBy: null }));
    expect(message).toBe('`.pptx` is not supported; supported are PDF, DOCX, HTML, Markdown and text.');
  });

  it('refuses a file over the size cap, with the cap', async () => {
    const { intake } = await openLibrary({ maxBytes: 4096 });
    const message = await refusal(intake.prepare(fileRequest(`# Long\n\n${'word '.repeat(2000)}`)));
    expect(message).toBe('"memo.md" is 10 KB, over the 4 KB limit; add a smaller file or split it.');
  });

  it('tells whoever downloads a file for it the size cap ADD_MAX_BYTES sets, 20 MB by default', async () => {
    const { loadConfig } = await import('../../src/config.js');
    expect(loadConfig({ ADD_MAX_BYTES: '4096' }).adding.maxBytes).toBe(4096);
    expect((await openLibrary({ maxBytes: 4096 })).intake.maxBytes).toBe(4096);
    expect((await openLibrary()).intake.maxBytes).toBe(20 * 1024 * 1024);
  });
});

describe('removing a document', () => {
  it('takes an added document out of search and the timeline at once', async () => {
    const { live, intake } = await openLibrary();
    const document = await intake.add(fileRequest(memo));
    const removed = await intake.remove(document.id, guildA);
    expect(removed.id).toBe(document.id);
    expect(live.search.search('Zarafshan').matches).toEqual([]);
    expect(live.timeline().some((entry) => entry.sources.some((source) => source.docId === document.id))).toBe(false);
    expect(await refusal(intake.remove(document.id, guildA))).toMatch(/^There is no added document with the id/);
  });

  it('refuses a folder document, saying to delete its file', async () => {
    const { live, intake } = await openLibrary();
    const folderDocument = live.library.documents()[0];
    const message = await refusal(intake.remove(folderDocument?.id ?? '', guildA));
    expect(message).toContain('delete the file from the corpus folder');
    expect(live.library.documents()).toContain(folderDocument);
  });

  it('does not let one server remove, or even see, another server’s document, nor a shared one', async () => {
    const { intake } = await openLibrary();
    const theirs = await intake.add(fileRequest(memo, {}, guildB));
    expect(await refusal(intake.remove(theirs.id, guildA))).toMatch(/^There is no added document with the id/);
    const shared = await intake.add(fileRequest('Shared notes on the corridor.', {}, null, 'shared.txt'));
    expect(await refusal(intake.remove(shared.id, guildA))).toBe(`“Shared notes on the corridor.” was added from the command line for every server, so it is removed there: \`npx briefing remove ${shared.id}\`.`);
    expect((await intake.remove(theirs.id, null)).id).toBe(theirs.id);
  });
});

describe('ids of added documents', () => {
  it('are readable: the title in lower case, cut at a word', () => {
    expect(slug('Japan’s “Central Asia + Japan” Dialogue: 20 Years On')).toBe('japan-s-central-asia-japan-dialogue-20');
    expect(slug('Ташкент и Токио')).toBe('ташкент-и-токио');
    expect(slug('!!!')).toBe('document');
  });

  it('never collide with a folder file: a file that claims an added id is skipped and reported', async () => {
    const { live, intake, config } = await openLibrary();
    const document = await intake.add(fileRequest(memo));
    await writeFile(path.join(config.corpusDir, 'clash.md'), `---\nid: ${document.id}\ntitle: A clash\n---\nSome other text entirely.\n`);
    await live.library.updateFiles(['clash.md']);
    expect(live.library.documents().filter((served) => served.id === document.id)).toEqual([expect.objectContaining({ title: 'Memo on the Zarafshan corridor' })]);
    expect(live.library.problems()).toContainEqual({ file: 'clash.md', reason: expect.stringContaining(`duplicate id "${document.id}": a document added from Discord or the command line`) });
  });
});
