import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { SourceDocument } from '../../src/corpus/types.js';
import { openSearchService } from '../../src/search/search-service.js';
import { snapshotFiles, snapshotFolder } from '../../src/search/snapshot.js';
import { snapshotDeltaPath, type CompactionPolicy } from '../../src/search/snapshot-delta.js';
import { parseStoredJson, unsealJson, writeJsonFile, writeObjectWithList } from '../../src/search/snapshot-stream.js';
import { captureLogger, makeDocument, temporaryFolder } from './helpers.js';

const loans = () => makeDocument('loans.md', 'Loans to Uzbekistan\n\nJapan agreed to loan Uzbekistan 39 billion yen in 2024, according to the agency.\n\nThe loan supports the transition to a market economy, the agency said.\n');
const summit = () => makeDocument('summit.md', 'Summit news\n\nThe summit planned for August was cancelled because of the threat of an earthquake, officials said.\n');
const summitMoved = () => makeDocument('summit.md', 'Summit news\n\nThe summit took place in Tokyo in December and ended with a declaration, officials said.\n');
const harvest = () => makeDocument('harvest.md', 'Harvest report\n\nThe cotton harvest in Fergana reached a record, the ministry reported.\n\nWheat yields fell after the drought.\n');

const neverCompact: CompactionPolicy = { share: 1, minimumBytes: Number.MAX_SAFE_INTEGER };
const alwaysCompact: CompactionPolicy = { share: 0, minimumBytes: 0 };

async function open(documents: SourceDocument[], dataDir: string, compaction?: CompactionPolicy) {
  const { logger, lines } = captureLogger();
  const service = await openSearchService({ corpus: { documents, problems: [] }, dataDir, logger, russianDictionary: null, synonyms: false, ...(compaction && { compaction }) });
  return { service, lines, messages: lines.map((line) => String(line.msg)) };
}

const baseFiles = (dataDir: string) => [snapshotFiles.index, snapshotFiles.manifest].map((name) => path.join(snapshotFolder(dataDir), name));
const readBase = (dataDir: string) => Promise.all(baseFiles(dataDir).map((file) => readFile(file, 'utf8')));
const deltaLines = async (dataDir: string) => (await readFile(snapshotDeltaPath(dataDir), 'utf8')).split('\n').filter((line) => line !== '');
const exists = (file: string) => stat(file).then(() => true, () => false);
const topDoc = (service: Awaited<ReturnType<typeof open>>['service'], question: string) => service.ask(question).passages[0]?.docId;

describe('the snapshot delta', () => {
  it('one change writes only a delta, and leaves the base as it was', async () => {
    const dataDir = await temporaryFolder();
    const { service } = await open([loans(), summit()], dataDir, neverCompact);
    const base = await readBase(dataDir);
    service.upsertDocument(summitMoved());
    await service.saveSnapshot();
    expect(await readBase(dataDir)).toEqual(base);
    const lines = await deltaLines(dataDir);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('"docId":"summit"');
    expect(lines[0]).not.toContain('"docId":"loans"');
  });

  it('a start replays the delta and answers with the change, reusing every document', async () => {
    const dataDir = await temporaryFolder();
    const first = await open([loans(), summit()], dataDir, neverCompact);
    first.service.upsertDocument(summitMoved());
    await first.service.saveSnapshot();
    const second = await open([loans(), summitMoved()], dataDir);
    expect(second.messages).toContain('search index delta replayed');
    expect(second.messages).toContain('search index loaded from snapshot');
    expect(second.service.openedWith).toMatchObject({ added: [], changed: [], removed: [], unchanged: 2 });
    expect(topDoc(second.service, 'Tokyo declaration')).toBe('summit');
    expect(second.service.ask('earthquake').passages).toEqual([]);
  });

  it('removes a document through the delta', async () => {
    const dataDir = await temporaryFolder();
    const first = await open([loans(), summit()], dataDir, neverCompact);
    first.service.removeDocument('summit');
    await first.service.saveSnapshot();
    expect(await deltaLines(dataDir)).toEqual([expect.stringContaining('"remove":"summit"')]);
    const second = await open([loans()], dataDir);
    expect(second.messages).toContain('search index loaded from snapshot');
    expect(second.service.openedWith.removed).toEqual([]);
    expect(second.service.ask('earthquake').passages).toEqual([]);
    expect(topDoc(second.service, 'loan Uzbekistan')).toBe('loans');
  });

  it.each([
    ['torn', (text: string) => text.slice(0, text.length - 20)],
    ['of another base', (text: string) => text.replace(/"base":"[0-9a-f]+"/, `"base":"${'0'.repeat(64)}"`)],
    ['altered', (text: string) => text.replace('"ordinal":1', '"ordinal":7')],
  ])('ignores a %s delta record, with a warning, and indexes its document again', async (_name, spoil) => {
    const dataDir = await temporaryFolder();
    const first = await open([loans(), summit()], dataDir, neverCompact);
    first.service.upsertDocument(summitMoved());
    await first.service.saveSnapshot();
    const deltaFile = snapshotDeltaPath(dataDir);
    await writeFile(deltaFile, spoil(await readFile(deltaFile, 'utf8')));
    const second = await open([loans(), summitMoved()], dataDir);
    expect(second.lines.some((line) => line.msg === 'records of the search index delta are torn or of another snapshot; their documents are indexed again' && line.level === 40)).toBe(true);
    expect(second.service.openedWith.changed).toEqual(['summit']);
    expect(topDoc(second.service, 'Tokyo declaration')).toBe('summit');
    expect(second.service.ask('earthquake').passages).toEqual([]);
    // The skipped lines are gone from the base written next, so the third start replays nothing.
    const third = await open([loans(), summitMoved()], dataDir);
    expect(third.lines.some((line) => line.level === 40)).toBe(false);
  });

  it('compaction folds the delta into a base that answers as a full rebuild does', async () => {
    const dataDir = await temporaryFolder();
    const first = await open([loans(), summit()], dataDir, neverCompact);
    first.service.upsertDocument(summitMoved());
    await first.service.saveSnapshot();
    first.service.upsertDocument(harvest());
    await first.service.saveSnapshot();
    first.service.removeDocument('loans');
    await first.service.saveSnapshot();
    expect(await deltaLines(dataDir)).toHaveLength(3);

    const documents = [summitMoved(), harvest()];
    const second = await open(documents, dataDir, alwaysCompact);
    second.service.upsertDocument(harvest());
    await second.service.saveSnapshot();
    expect(await exists(snapshotDeltaPath(dataDir))).toBe(false);

    const compacted = await open(documents, dataDir);
    expect(compacted.messages).toContain('search index loaded from snapshot');
    const rebuilt = await open(documents, await temporaryFolder());
    for (const question of ['Tokyo declaration', 'cotton harvest Fergana', 'wheat drought', 'loan Uzbekistan', 'earthquake']) {
      const got = compacted.service.ask(question);
      const want = rebuilt.service.ask(question);
      expect(got.confident).toBe(want.confident);
      expect(got.passages.map(({ docId, start, end }) => ({ docId, start, end }))).toEqual(want.passages.map(({ docId, start, end }) => ({ docId, start, end })));
      got.passages.forEach((passage, rank) => expect(passage.score).toBeCloseTo(want.passages[rank]?.score ?? Number.NaN, 9));
    }
  });
});

describe('the streamed snapshot writer', () => {
  it('writes an object with a list as JSON.stringify does, for an empty list too', async () => {
    const folder = await temporaryFolder();
    for (const items of [[], [{ a: 1 }, { b: 'two "quoted"' }]]) {
      const file = path.join(folder, 'list.json');
      const written = writeJsonFile(file, (writer) => writeObjectWithList(writer, { version: 2, id: 'x' }, 'items', items));
      const json = JSON.stringify({ version: 2, id: 'x', items });
      expect(unsealJson(await readFile(file, 'utf8'))).toEqual({ json, seal: createHash('sha256').update(json).digest('hex') });
      expect(written.hash).toBe(createHash('sha256').update(json).digest('hex'));
    }
  });

  it('trusts a sealed file as written, checks one without a seal against its schema, and refuses one that does not match its seal', async () => {
    const file = path.join(await temporaryFolder(), 'list.json');
    writeJsonFile(file, (writer) => writeObjectWithList(writer, { version: 2 }, 'items', [{ a: 1 }]));
    const sealed = await readFile(file, 'utf8');
    const schema = z.object({ version: z.number(), items: z.array(z.object({ a: z.number() })) });
    expect(parseStoredJson(sealed, schema)).toEqual({ data: { version: 2, items: [{ a: 1 }] } });
    const json = sealed.slice(0, sealed.lastIndexOf('\n'));
    expect(parseStoredJson(json, schema)).toEqual({ data: { version: 2, items: [{ a: 1 }] } });
    expect(parseStoredJson(json.replace('"a":1', '"a":"1"'), schema)).toEqual({ problem: expect.stringMatching(/expected shape/) });
    expect(parseStoredJson(sealed.replace('"a":1', '"a":7'), schema)).toEqual({ problem: expect.stringMatching(/seal/) });
    expect(parseStoredJson(sealed.slice(0, 10), schema)).toEqual({ problem: expect.stringMatching(/not valid JSON/) });
    // The same as the file's bytes, whose seal is checked before they are decoded.
    expect(parseStoredJson(Buffer.from(sealed), schema)).toEqual({ data: { version: 2, items: [{ a: 1 }] } });
    expect(parseStoredJson(Buffer.from(sealed.replace('"a":1', '"a":7')), schema)).toEqual({ problem: expect.stringMatching(/seal/) });
    expect(parseStoredJson(Buffer.from(json), schema)).toEqual({ data: { version: 2, items: [{ a: 1 }] } });
  });
});
