import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { splitPassages } from '../../src/corpus/passages.js';
import { keyEventExtractorVersion } from '../../src/dates/extractor-version.js';
import { buildTimeline } from '../../src/dates/timeline.js';
import { keyEventDeltaPath } from '../../src/library/key-event-delta.js';
import { keyEventFile, readKeyEvents } from '../../src/library/key-event-store.js';
import { openLiveLibrary } from '../../src/library/live-library.js';
import { createTimelineCache, timelineSaver } from '../../src/library/timeline-cache.js';
import { snapshotFolder } from '../../src/search/snapshot.js';
import { logSink } from '../discord/fixtures/log-sink.js';

const roots: string[] = [];
afterEach(async () => {
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

async function seedFolders() {
  const root = await mkdtemp(path.join(os.tmpdir(), 'key-events-'));
  roots.push(root);
  const config = { corpusDir: path.join(root, 'corpus'), dataDir: path.join(root, 'data'), corpusMaxFileBytes: 2 * 1024 * 1024 };
  await cp(path.resolve('corpus'), config.corpusDir, { recursive: true });
  return config;
}

async function cacheOver(corpusDir: string, dataDir: string) {
  const corpus = await loadCorpus(corpusDir);
  const passagesOf = (docId: string) => {
    const document = corpus.documents.find((candidate) => candidate.id === docId);
    return document ? splitPassages(document) : [];
  };
  const sink = logSink();
  const cache = createTimelineCache(corpus.documents, passagesOf, await readKeyEvents(dataDir, sink.logger));
  return { corpus, passagesOf, cache, sink };
}

describe('dates extracted once per document version, stored beside the snapshot', () => {
  it('a second start extracts nothing and gives the timeline a fresh build gives', async () => {
    const config = await seedFolders();
    const first = await cacheOver(config.corpusDir, config.dataDir);
    expect(first.cache.extractions).toBe(first.corpus.documents.length);
    first.cache.timeline();
    await timelineSaver(config.dataDir, first.cache, first.sink.logger)();

    const second = await cacheOver(config.corpusDir, config.dataDir);
    expect(second.cache.extractions).toBe(0);
    expect(second.cache.unsaved).toBe(false);
    expect(second.cache.timeline()).toEqual(buildTimeline(second.corpus.documents, second.passagesOf));
  });

  it('extracts again only the document that changed, and merges again', async () => {
    const config = await seedFolders();
    const first = await cacheOver(config.corpusDir, config.dataDir);
    first.cache.timeline();
    await timelineSaver(config.dataDir, first.cache, first.sink.logger)();
    const [document] = first.corpus.documents;
    if (!document) throw new Error('the seed corpus is empty');
    const file = path.join(config.corpusDir, document.file);
    await writeFile(file, `${await readFile(file, 'utf8')}\nThe Zarafshan corridor agreement was signed in Samarkand on 14 May 2025.\n`);

    const second = await cacheOver(config.corpusDir, config.dataDir);
    expect(second.cache.extractions).toBe(1);
    const timeline = second.cache.timeline();
    expect(timeline).toEqual(buildTimeline(second.corpus.documents, second.passagesOf));
    expect(timeline.some((entry) => entry.label.includes('Zarafshan'))).toBe(true);
  });

  it('extracts everything again when the stored events are of another extractor version', async () => {
    const config = await seedFolders();
    const first = await cacheOver(config.corpusDir, config.dataDir);
    await timelineSaver(config.dataDir, first.cache, first.sink.logger)();
    const file = path.join(snapshotFolder(config.dataDir), keyEventFile);
    const sealed = await readFile(file, 'utf8');
    // The JSON without its seal: the file of another version is checked in full, as one written by hand would be.
    const stored = JSON.parse(sealed.slice(0, sealed.lastIndexOf('\n'))) as { extractorVersion: number };
    await writeFile(file, JSON.stringify({ ...stored, extractorVersion: keyEventExtractorVersion + 1 }));

    const second = await cacheOver(config.corpusDir, config.dataDir);
    expect(second.cache.extractions).toBe(second.corpus.documents.length);
  });

  it('treats a corrupt or truncated file as nothing stored, with a warning, and never fails', async () => {
    const config = await seedFolders();
    const first = await cacheOver(config.corpusDir, config.dataDir);
    await timelineSaver(config.dataDir, first.cache, first.sink.logger)();
    const file = path.join(snapshotFolder(config.dataDir), keyEventFile);
    const json = await readFile(file, 'utf8');
    for (const broken of [json.slice(0, json.length / 2), '{"extractorVersion": 1, "documents": "no"}', 'null']) {
      await writeFile(file, broken);
      const again = await cacheOver(config.corpusDir, config.dataDir);
      expect(again.cache.extractions).toBe(again.corpus.documents.length);
      expect(again.sink.lines).toContainEqual(expect.objectContaining({ msg: 'stored key events are corrupt; extracting them again' }));
    }
  });

  it('lets the live library store its key events and merged timeline, and start again with the same timeline', async () => {
    const config = await seedFolders();
    const first = await openLiveLibrary({ config, logger: logSink().logger, watch: false });
    const timeline = first.timeline();
    await first.stop();
    const stored = await readKeyEvents(config.dataDir, logSink().logger);
    expect(stored.events.size).toBe(first.search.documents.length);
    expect(stored.timeline?.entries).toEqual(timeline);

    const second = await openLiveLibrary({ config, logger: logSink().logger, watch: false });
    expect(second.timeline()).toEqual(timeline);
    await second.stop();
  });

  async function oneDocumentChanged() {
    const config = await seedFolders();
    const first = await cacheOver(config.corpusDir, config.dataDir);
    first.cache.timeline();
    await timelineSaver(config.dataDir, first.cache, first.sink.logger)();
    const baseFile = path.join(snapshotFolder(config.dataDir), keyEventFile);
    const base = await readFile(baseFile, 'utf8');
    const [document] = first.corpus.documents;
    if (!document) throw new Error('the seed corpus is empty');
    const file = path.join(config.corpusDir, document.file);
    await writeFile(file, `${await readFile(file, 'utf8')}\nThe Zarafshan corridor agreement was signed in Samarkand on 14 May 2025.\n`);
    const second = await cacheOver(config.corpusDir, config.dataDir);
    second.cache.timeline();
    await timelineSaver(config.dataDir, second.cache, second.sink.logger)();
    return { config, base, baseFile, document };
  }

  it("appends one changed document's events to the delta and leaves the base as it was", async () => {
    const { config, base, baseFile, document } = await oneDocumentChanged();
    expect(await readFile(baseFile, 'utf8')).toBe(base);
    const lines = (await readFile(keyEventDeltaPath(config.dataDir), 'utf8')).split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`"docId":${JSON.stringify(document.id)}`);

    const third = await cacheOver(config.corpusDir, config.dataDir);
    expect(third.cache.extractions).toBe(0);
    expect(third.cache.timeline()).toEqual(buildTimeline(third.corpus.documents, third.passagesOf));
  });

  it('skips a torn delta record with a warning, and extracts its document again', async () => {
    const { config } = await oneDocumentChanged();
    const deltaFile = keyEventDeltaPath(config.dataDir);
    const text = await readFile(deltaFile, 'utf8');
    await writeFile(deltaFile, text.slice(0, text.length - 10));
    const third = await cacheOver(config.corpusDir, config.dataDir);
    expect(third.cache.extractions).toBe(1);
    expect(third.sink.lines).toContainEqual(expect.objectContaining({ msg: 'records of the key-event delta are torn or of another base; their documents are extracted again' }));
    expect(third.cache.timeline()).toEqual(buildTimeline(third.corpus.documents, third.passagesOf));
  });
});
