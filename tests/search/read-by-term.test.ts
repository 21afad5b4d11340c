import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReutersDocuments } from '../../bench/reuters.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import type { SourceDocument } from '../../src/corpus/types.js';
import { openSearchService, type SearchService } from '../../src/search/search-service.js';
import { parseManifest, snapshotFiles, snapshotFolder } from '../../src/search/snapshot.js';
import { snapshotDeltaPath, type CompactionPolicy } from '../../src/search/snapshot-delta.js';
import { decodePostings, encodePostings, openPostingsSegment, postingsSegmentFile } from '../../src/search/postings-segment.js';
import { captureLogger, makeDocument, temporaryFolder } from './helpers.js';
import { nearMissQuestions, offTopicQuestions, rankingSet, russianOnlyQuestions, vocabularyGapQuestions } from './ranking-set.js';

const seedFolder = path.resolve(import.meta.dirname, '../../corpus');
const reutersFile = path.resolve(import.meta.dirname, '../../../shared/datasets/reuters21578/corpus.jsonl');
const neverCompact: CompactionPolicy = { share: 1, minimumBytes: Number.MAX_SAFE_INTEGER };

async function open(documents: SourceDocument[], dataDir: string, readByTerm: boolean): Promise<{ service: SearchService; messages: string[] }> {
  const { logger, lines } = captureLogger();
  const service = await openSearchService({ corpus: { documents, problems: [] }, dataDir, logger, russianDictionary: null, compaction: neverCompact, readByTerm });
  return { service, messages: lines.map((line) => String(line.msg)) };
}

/** Every answer of the service reading by term, next to the loaded index's, question by question. */
function expectSameAnswers(byTerm: SearchService, loaded: SearchService, questions: readonly string[]): void {
  for (const question of questions) {
    for (const limit of [5, 20]) expect({ question, limit, answer: byTerm.ask(question, { limit }) }).toEqual({ question, limit, answer: loaded.ask(question, { limit }) });
  }
}

const seedQuestions = [...rankingSet, ...russianOnlyQuestions, ...vocabularyGapQuestions, ...offTopicQuestions, ...nearMissQuestions].map(({ question }) => question);

/** Questions made of each tenth document's title, and some of the analysts' own. */
function reutersQuestions(documents: readonly SourceDocument[]): string[] {
  const titles = documents.filter((_document, position) => position % 10 === 0).map((document) => document.title.toLowerCase()).filter((title) => title.trim() !== '');
  return [...titles, 'cocoa exports from Brazil', 'oil prices after the OPEC meeting', 'interest rates of the central bank', 'wheat harvest in the Soviet Union', 'zorblat quotas'];
}

const reutersAvailable = existsSync(reutersFile);
const reuters = (count: number) => readReutersDocuments(reutersFile, count).filter((document) => document.body.trim() !== '');

describe('the postings encoding', () => {
  it('gives back the same postings, fields and documents in ascending order, as the index file reader gives them', () => {
    const postings = new Map([[2, new Map([[9, 1], [3, 4]])], [0, new Map([[70_000, 2], [5, 1]])]]);
    const decoded = decodePostings(encodePostings(postings));
    expect(decoded).toEqual(postings);
    expect([...(decoded ?? new Map()).keys()]).toEqual([0, 2]);
    expect([...(decoded?.get(2) ?? new Map()).keys()]).toEqual([3, 9]);
  });

  it('refuses torn postings rather than reading part of them', () => {
    const bytes = encodePostings(new Map([[0, new Map([[1, 1], [2, 3]])]]));
    expect(decodePostings(bytes.subarray(0, bytes.length - 4))).toBeNull();
    expect(decodePostings(bytes.subarray(0, bytes.length - 1))).toBeNull();
  });
});

describe('the documents of the postings segment', () => {
  it('are the manifest\'s documents in its order, with the same passages, and count them', async () => {
    const { documents } = await loadCorpus(seedFolder);
    const dataDir = await temporaryFolder();
    await open(documents, dataDir, false);
    const folder = snapshotFolder(dataDir);
    const manifest = parseManifest(await readFile(path.join(folder, snapshotFiles.manifest)));
    const segment = openPostingsSegment(folder);
    if ('reason' in manifest || segment === null) throw new Error('the snapshot was not written');
    const { entries, passages } = segment.documents();
    expect(passages).toBe(manifest.documents.reduce((total, entry) => total + entry.passages.length, 0));
    // Written out as the manifest would be, their passages read from the segment on the way.
    expect(JSON.parse(JSON.stringify(entries))).toEqual(manifest.documents);
    segment.close();
  });
});

describe('asking through the postings segment', () => {
  it('answers every question of the seed corpus exactly as the loaded index, without its index file or manifest', async () => {
    const { documents } = await loadCorpus(seedFolder);
    const dataDir = await temporaryFolder();
    const loaded = await open(documents, dataDir, false);
    expect(existsSync(path.join(snapshotFolder(dataDir), postingsSegmentFile))).toBe(true);
    // Without them, a start that loaded the index would have to rebuild: reading by term never opens either.
    await rm(path.join(snapshotFolder(dataDir), snapshotFiles.index));
    await rm(path.join(snapshotFolder(dataDir), snapshotFiles.manifest));
    const byTerm = await open(documents, dataDir, true);
    expect(byTerm.messages).toContain('search index loaded from snapshot');
    expectSameAnswers(byTerm.service, loaded.service, seedQuestions);
  });

  it('says when the postings segment cannot be written, keeps the snapshot whole and answers from the loaded index', async () => {
    const { documents } = await loadCorpus(seedFolder);
    const dataDir = await temporaryFolder();
    // A folder where the segment belongs: the segment's rename fails, the rest of the save does not.
    await mkdir(path.join(snapshotFolder(dataDir), postingsSegmentFile, 'in-the-way'), { recursive: true });
    const { logger, lines } = captureLogger();
    const first = await openSearchService({ corpus: { documents, problems: [] }, dataDir, logger, russianDictionary: null, compaction: neverCompact, readByTerm: false });
    expect(lines.find((line) => line.msg === 'postings segment could not be written; briefing ask loads the whole index until the next snapshot')?.reason).toEqual(expect.any(String));
    expect(existsSync(path.join(snapshotFolder(dataDir), snapshotFiles.manifest))).toBe(true);
    const byTerm = await open(documents, dataDir, true);
    // The whole index is loaded, and the failure is said again at its next try.
    expect(byTerm.messages).toContain('the postings segment cannot be used; loading the whole index');
    expect(byTerm.messages).toContain('postings segment could not be written; briefing ask loads the whole index until the next snapshot');
    expectSameAnswers(byTerm.service, first, seedQuestions.slice(0, 5));
  });

  it.skipIf(!reutersAvailable)('answers a few hundred Reuters documents exactly as the loaded index (skipped without shared/datasets)', async () => {
    const documents = reuters(400);
    const dataDir = await temporaryFolder();
    const loaded = await open(documents, dataDir, false);
    const byTerm = await open(documents, dataDir, true);
    expect(byTerm.messages).not.toContain('the folder changed since the snapshot was saved; loading the whole index');
    expectSameAnswers(byTerm.service, loaded.service, reutersQuestions(documents));
  });

  it.skipIf(!reutersAvailable)('honours the delta: changed, added and removed documents since the base answer as after a full load', async () => {
    const documents = reuters(300);
    const dataDir = await temporaryFolder();
    const first = await open(documents, dataDir, false);
    const changed = makeDocument('reuters-changed.md', `---\nid: ${documents[3]?.id ?? ''}\npublished: 1987-03-01\n---\nCOCOA NEWS\n\nBrazil said cocoa exports rose sharply in March, the exporters association reported.\n`);
    const added = makeDocument('reuters-added.md', '---\npublished: 1987-03-02\n---\nCOCOA QUOTAS\n\nGhana and the Ivory Coast discussed cocoa export quotas with Brazil.\n');
    const removedId = documents[7]?.id ?? '';
    first.service.upsertDocument(changed);
    first.service.upsertDocument(added);
    first.service.removeDocument(removedId);
    await first.service.saveSnapshot();
    expect(existsSync(snapshotDeltaPath(dataDir))).toBe(true);

    const now = [...documents.filter((document) => document.id !== removedId).map((document) => (document.id === changed.id ? changed : document)), added];
    const loaded = await open(now, dataDir, false);
    const byTerm = await open(now, dataDir, true);
    expect(byTerm.messages).toContain('search index delta replayed');
    expect(byTerm.messages).toContain('search index loaded from snapshot');
    // Both asked alike, so that both have read the same postings: which ones a service has read orders its
    // MaxScore pass, and so the rounding of a score's last digit (bm25-ranker.ts).
    for (const { service } of [byTerm, loaded]) expect(service.ask('cocoa quotas Ghana').passages[0]?.docId).toBe(added.id);
    expectSameAnswers(byTerm.service, loaded.service, [...reutersQuestions(now), 'cocoa exports rose sharply in March', 'cocoa export quotas Ghana Ivory Coast', documents[7]?.title || 'removed document']);
  });

  it('loads the whole index when the folder changed since the last save, and answers the same', async () => {
    const { documents } = await loadCorpus(seedFolder);
    const dataDir = await temporaryFolder();
    await open(documents, dataDir, false);
    const extra = makeDocument('extra.md', '---\npublished: 2025-06-01\n---\nSilk road\n\nThe railway to Tashkent opened for freight in June.\n');
    const byTerm = await open([...documents, extra], dataDir, true);
    expect(byTerm.messages).toContain('the folder changed since the snapshot was saved; loading the whole index');
    const loaded = await open([...documents, extra], dataDir, false);
    expectSameAnswers(byTerm.service, loaded.service, [...seedQuestions.slice(0, 10), 'railway to Tashkent freight']);
  });

  it('loads the whole index from a base written before segments, and writes the base again with its segment', async () => {
    const { documents } = await loadCorpus(seedFolder);
    const dataDir = await temporaryFolder();
    const loaded = await open(documents, dataDir, false);
    await rm(path.join(snapshotFolder(dataDir), postingsSegmentFile));
    const upgrading = await open(documents, dataDir, true);
    expect(upgrading.messages).toContain('the search index snapshot has no postings segment for asking by term; writing it again with one');
    expect(existsSync(path.join(snapshotFolder(dataDir), postingsSegmentFile))).toBe(true);
    const byTerm = await open(documents, dataDir, true);
    expect(byTerm.messages).toContain('search index loaded from snapshot');
    expect(byTerm.messages).not.toContain('the search index snapshot has no postings segment for asking by term; writing it again with one');
    expectSameAnswers(upgrading.service, loaded.service, seedQuestions.slice(0, 10));
    // A service that answered before may round a score differently in its last digit (the ranker's bounds tighten as it reads postings): compare fresh ones.
    expectSameAnswers(byTerm.service, (await open(documents, dataDir, false)).service, seedQuestions.slice(0, 10));
  });

  it('loads the whole index beside a segment of another base, without writing the base again', async () => {
    const { documents } = await loadCorpus(seedFolder);
    const dataDir = await temporaryFolder();
    const otherDir = await temporaryFolder();
    await open(documents, dataDir, false);
    await open(documents.slice(1), otherDir, false);
    await copyFile(path.join(snapshotFolder(otherDir), postingsSegmentFile), path.join(snapshotFolder(dataDir), postingsSegmentFile));
    const byTerm = await open(documents, dataDir, true);
    expect(byTerm.messages).toContain('search index loaded from snapshot');
    expect(byTerm.messages).not.toContain('the search index snapshot has no postings segment for asking by term; writing it again with one');
    expectSameAnswers(byTerm.service, (await open(documents, dataDir, false)).service, seedQuestions.slice(0, 10));
  });

  it('loads the whole index when the shell of the segment does not match its seal, and answers the same', async () => {
    const { documents } = await loadCorpus(seedFolder);
    const dataDir = await temporaryFolder();
    await open(documents, dataDir, false);
    const database = new Database(path.join(snapshotFolder(dataDir), postingsSegmentFile));
    expect(database.prepare(`UPDATE head SET shell = replace(shell, '"dirtCount":0', '"dirtCount":1') WHERE instr(shell, '"dirtCount":0') > 0`).run().changes).toBe(1);
    database.close();
    const byTerm = await open(documents, dataDir, true);
    expect(byTerm.messages).toContain('search index loaded from snapshot');
    expectSameAnswers(byTerm.service, (await open(documents, dataDir, false)).service, seedQuestions.slice(0, 10));
  });
});
