import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLiveLibrary, type LiveLibrary } from '../../src/library/live-library.js';
import type { AppDatabase } from '../../src/storage/database.js';
import { logSink } from '../discord/fixtures/log-sink.js';
import { engines, type ScratchDatabase } from '../support/engines.js';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const memo = '---\ntitle: Memo on the Zarafshan corridor\n---\nThe Zarafshan corridor agreement was signed in Samarkand on 14 May 2025 by both ministers.\n';

/** A host: its own corpus copy and data folder, its own connection to the shared database. */
async function openHost(scratch: ScratchDatabase, syncIntervalMs: number): Promise<LiveLibrary> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'added-sync-'));
  const config = { corpusDir: path.join(root, 'corpus'), dataDir: path.join(root, 'data'), corpusMaxFileBytes: 2 * 1024 * 1024, adding: { syncIntervalMs } };
  await cp(path.resolve('corpus'), config.corpusDir, { recursive: true });
  const db: AppDatabase = await scratch.open();
  const live = await openLiveLibrary({ config, logger: logSink().logger, watch: false, db });
  cleanups.push(async () => {
    await live.stop();
    await db.close();
    await rm(root, { recursive: true, force: true });
  });
  return live;
}

/** Polls the condition every 50 ms for at most `timeoutMs`, and gives the time it took. */
async function within(timeoutMs: number, condition: () => boolean): Promise<number> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return performance.now() - started;
}

describe.each(engines)('two hosts sharing one database, on $engine', ({ scratch }) => {
  it('each notices a document the other added or removed, within the sync interval', async () => {
    const database = await scratch();
    cleanups.push(() => database.drop());
    const first = await openHost(database, 200);
    const second = await openHost(database, 200);
    const quotes = (live: LiveLibrary) => live.search.search('Zarafshan', { guildId: '111111111111111111' }).matches.map((match) => match.passage.docId);

    const added = await (first.intake?.add({ source: { kind: 'file', bytes: new TextEncoder().encode(memo), fileName: 'memo.md', contentType: null }, overrides: {}, scope: '111111111111111111', addedBy: null }) ?? Promise.reject(new Error('no intake')));
    // The host that added it serves it as soon as the add resolves; the other within its interval.
    expect(quotes(first)).toEqual([added.id]);
    await within(3000, () => quotes(second).includes(added.id));
    expect(second.timeline().some((entry) => entry.sources.some((source) => source.docId === added.id))).toBe(true);

    // The other host refuses the same document: the duplicate check reads the database.
    await expect(second.intake?.prepare({ source: { kind: 'file', bytes: new TextEncoder().encode(memo), fileName: 'again.md', contentType: null }, overrides: {}, scope: '111111111111111111', addedBy: null })).rejects.toThrow(`(id ${added.id})`);

    await second.intake?.remove(added.id, '111111111111111111');
    expect(quotes(second)).toEqual([]);
    await within(3000, () => quotes(first).length === 0);
    expect(first.library.documents().some((document) => document.id === added.id)).toBe(false);
  });

  it('a host started later serves the documents already added', async () => {
    const database = await scratch();
    cleanups.push(() => database.drop());
    const first = await openHost(database, 0);
    const added = await first.intake?.add({ source: { kind: 'file', bytes: new TextEncoder().encode(memo), fileName: 'memo.md', contentType: null }, overrides: {}, scope: null, addedBy: null });
    const later = await openHost(database, 0);
    expect(later.search.search('Zarafshan').matches.map((match) => match.passage.docId)).toEqual([added?.id]);
  });
});
