import { copyFile, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { buildTimeline } from '../../src/dates/timeline.js';
import { openLiveLibrary, type LiveLibrary } from '../../src/library/live-library.js';
import { createTimelineCache } from '../../src/library/timeline-cache.js';
import { openSearchService } from '../../src/search/search-service.js';
import { snapshotFiles, snapshotFolder } from '../../src/search/snapshot.js';
import { logSink } from '../discord/fixtures/log-sink.js';

const roots: string[] = [];
const opened: LiveLibrary[] = [];

afterEach(async () => {
  for (const live of opened.splice(0)) await live.stop();
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

async function seedLibrary() {
  const root = await mkdtemp(path.join(os.tmpdir(), 'live-library-'));
  roots.push(root);
  const config = { corpusDir: path.join(root, 'corpus'), dataDir: path.join(root, 'data'), corpusMaxFileBytes: 2 * 1024 * 1024 };
  await cp(path.resolve('corpus'), config.corpusDir, { recursive: true });
  const live = await openLiveLibrary({ config, logger: logSink().logger, watch: false });
  opened.push(live);
  return { live, config };
}

const memo = '---\ntitle: Memo on the Zarafshan corridor\npublished: 2025-03-02\n---\nThe Zarafshan corridor agreement was signed in Samarkand on 14 May 2025 by both ministers.\n';

describe('the search and the timeline following the library', () => {
  it('answers from an added document, stops quoting a removed one, and touches only that document', async () => {
    const { live, config } = await seedLibrary();
    const before = live.search.documents.length;
    const quotedIds = () => live.search.ask('Zarafshan corridor agreement').passages.map((passage) => passage.docId);
    expect(quotedIds()).not.toContain('zarafshan');

    await writeFile(path.join(config.corpusDir, 'zarafshan.md'), memo);
    const added = await live.library.updateFiles(['zarafshan.md']);
    expect(added.report).toMatchObject({ added: ['zarafshan'], changed: [], removed: [], unchanged: before });
    const [quote] = live.search.ask('Zarafshan corridor agreement').passages;
    expect(quote).toMatchObject({ docId: 'zarafshan', title: 'Memo on the Zarafshan corridor' });
    const document = live.search.documents.find((candidate) => candidate.id === 'zarafshan');
    expect(document && quote && document.body.slice(quote.start, quote.end)).toBe(quote?.text);

    await rm(path.join(config.corpusDir, 'zarafshan.md'));
    await live.library.updateFiles(['zarafshan.md']);
    expect(quotedIds()).not.toContain('zarafshan');
    expect(live.search.search('Zarafshan').matches).toEqual([]);
    expect(live.search.documents).toHaveLength(before);
  });

  it('keeps the timeline equal to one built from scratch over the same documents', async () => {
    const { live, config } = await seedLibrary();
    await writeFile(path.join(config.corpusDir, 'zarafshan.md'), memo);
    await live.library.updateFiles(['zarafshan.md']);
    const rebuilt = buildTimeline(live.search.documents, (docId) => live.search.passagesOf(docId));
    expect(live.timeline()).toEqual(rebuilt);
    expect(live.timeline().some((entry) => entry.date === '2025-05-14' && entry.sources.some((source) => source.docId === 'zarafshan'))).toBe(true);
  });

  it('extracts the dates of a document once per version: a new document is extracted, unchanged ones are not', async () => {
    const corpus = await loadCorpus(path.resolve('corpus'));
    const search = await openSearchService({ corpus, dataDir: await mkdtemp(path.join(os.tmpdir(), 'timeline-cache-')), logger: logSink().logger });
    const cache = createTimelineCache(search.documents, (docId) => search.passagesOf(docId));
    expect(cache.extractions).toBe(corpus.documents.length);
    const [first] = search.documents;
    if (!first) throw new Error('the seed corpus is empty');
    cache.apply([{ kind: 'changed', docId: first.id, document: first, previous: first }]);
    expect(cache.extractions).toBe(corpus.documents.length);
    cache.apply([{ kind: 'changed', docId: first.id, document: { ...first, contentHash: 'another version' }, previous: first }]);
    expect(cache.extractions).toBe(corpus.documents.length + 1);
  });

  it('extracts a changed document\'s dates when the timeline is next read, so indexing it does not wait for them', async () => {
    const corpus = await loadCorpus(path.resolve('corpus'));
    const search = await openSearchService({ corpus, dataDir: await mkdtemp(path.join(os.tmpdir(), 'timeline-cache-')), logger: logSink().logger });
    const cache = createTimelineCache(search.documents, (docId) => search.passagesOf(docId));
    const [first, second] = search.documents;
    if (!first || !second) throw new Error('the seed corpus has fewer than two documents');
    const before = cache.timeline().filter((entry) => entry.sources.some((source) => source.docId === second.id)).length;
    expect(before).toBeGreaterThan(0);
    // A version that is replaced before the timeline is read is never extracted, and a removal is applied in order.
    cache.apply([{ kind: 'changed', docId: first.id, document: { ...first, contentHash: 'version 2' }, previous: first }]);
    cache.apply([{ kind: 'changed', docId: first.id, document: { ...first, contentHash: 'version 3' }, previous: first }]);
    cache.apply([{ kind: 'removed', docId: second.id, previous: second }]);
    expect(cache.timeline().some((entry) => entry.sources.some((source) => source.docId === second.id))).toBe(false);
    expect(cache.extractions).toBe(corpus.documents.length + 1);
  });

  it('saves a snapshot after a change that the next start reuses for every document', async () => {
    const { live, config } = await seedLibrary();
    await writeFile(path.join(config.corpusDir, 'zarafshan.md'), memo);
    await live.library.updateFiles(['zarafshan.md']);
    await live.stop();
    opened.splice(0);
    const reopened = await openSearchService({ corpus: await loadCorpus(config.corpusDir), dataDir: config.dataDir, logger: logSink().logger });
    expect(reopened.openedWith).toMatchObject({ added: [], changed: [], removed: [], unchanged: reopened.documents.length });
    expect(reopened.ask('Zarafshan corridor agreement').passages[0]?.docId).toBe('zarafshan');
  });

  it('rebuilds rather than trusts a snapshot whose index was saved without its manifest, as after a crash between the two', async () => {
    const { live, config } = await seedLibrary();
    await live.stop();
    opened.splice(0);
    const manifest = path.join(snapshotFolder(config.dataDir), snapshotFiles.manifest);
    await copyFile(manifest, `${manifest}.before`);
    await writeFile(path.join(config.corpusDir, 'zarafshan.md'), memo);
    // A save that writes a new base (a delta leaves both files as they were): the one a crash can split.
    const writer = await openSearchService({ corpus: await loadCorpus(config.corpusDir), dataDir: config.dataDir, logger: logSink().logger, compaction: { share: 0, minimumBytes: 0 } });
    const added = writer.documents.find((document) => document.id === 'zarafshan');
    if (!added) throw new Error('the memo was not loaded');
    writer.upsertDocument(added);
    await writer.saveSnapshot();
    await copyFile(`${manifest}.before`, manifest);

    const sink = logSink();
    const reopened = await openSearchService({ corpus: await loadCorpus(config.corpusDir), dataDir: config.dataDir, logger: sink.logger });
    expect(sink.lines).toContainEqual(expect.objectContaining({ reason: 'corrupt', msg: 'search index snapshot is unusable; rebuilding it' }));
    for (const document of reopened.documents) {
      for (const passage of reopened.passagesOf(document.id)) expect(document.body.slice(passage.start, passage.end)).toBe(passage.text);
    }
    const [quote] = reopened.ask('Zarafshan corridor agreement').passages;
    expect(quote?.docId).toBe('zarafshan');
  });

  it('refuses a corpus folder that does not exist with the loader\'s message, not an error of the watcher', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'live-library-'));
    roots.push(root);
    const config = { corpusDir: path.join(root, 'missing'), dataDir: path.join(root, 'data'), corpusMaxFileBytes: 1024 };
    await expect(openLiveLibrary({ config, logger: logSink().logger })).rejects.toThrow(/The corpus folder .*missing does not exist\. Create it/);
  });

  it('reports a full check with the counts and each skipped file', async () => {
    const { live, config } = await seedLibrary();
    await writeFile(path.join(config.corpusDir, 'zarafshan.md'), memo);
    await writeFile(path.join(config.corpusDir, 'deck.pptx'), 'slides');
    const report = await live.reindex();
    expect(report).toMatchObject({ added: ['zarafshan'], changed: [], removed: [], unchanged: live.search.documents.length - 1 });
    expect(report.problems).toContainEqual({ file: 'deck.pptx', reason: expect.stringContaining('is not supported; supported are PDF, DOCX, HTML, Markdown and text') });
  });
});
