import { describe, expect, it } from 'vitest';
import type { SourceDocument } from '../../src/corpus/types.js';
import {
  deleteAddedDocument,
  getAddedDocument,
  insertAddedDocument,
  listAddedDocumentKeys,
  loadAddedDocuments,
  readLibraryRevision,
  readOriginalFile,
} from '../../src/storage/added-documents-store.js';
import { engines, useScratchDatabase } from '../support/engines.js';

function added(id: string, overrides: Partial<SourceDocument> = {}): SourceDocument {
  return {
    id,
    file: `${id}.pdf`,
    title: `Report ${id}`,
    author: 'Jane Doe',
    outlet: 'Asia Institute',
    published: { iso: '2025-05', precision: 'month' },
    publishedBasis: 'PDF info dictionary',
    body: `The body of ${id}.\n\nA second paragraph.`,
    contentHash: `hash-${id}`,
    format: 'pdf',
    pages: [{ page: 1, start: 0, end: 10 }, { page: 2, start: 10, end: 38 }],
    scope: '111111111111111111',
    addition: { addedBy: { id: '222222222222222222', name: 'Ada' }, addedAt: Date.UTC(2025, 5, 1), link: null },
    ...overrides,
  };
}

// Bytes with a zero and every high value: what a text column would mangle.
const original = { bytes: Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x80, 0x0a]), fileName: 'report.pdf', contentType: 'application/pdf' };

describe.each(engines)('added documents, on $engine', ({ scratch }) => {
  const { db } = useScratchDatabase(scratch);

  it('stores a document and gives it back as served, with its original bytes unchanged', async () => {
    const document = added('report-a1b2c3');
    expect(await insertAddedDocument(db(), document, original)).toEqual({ inserted: true, revision: 1 });
    expect(await getAddedDocument(db(), 'report-a1b2c3')).toEqual({ ...document, file: 'report.pdf' });
    expect(await readOriginalFile(db(), 'report-a1b2c3')).toEqual(original);
    expect(await loadAddedDocuments(db())).toEqual([{ ...document, file: 'report.pdf' }]);
  });

  it('counts every addition and removal in the library revision', async () => {
    expect(await readLibraryRevision(db())).toBe(0);
    await insertAddedDocument(db(), added('one'), original);
    await insertAddedDocument(db(), added('two', { contentHash: 'hash-two' }), original);
    expect(await readLibraryRevision(db())).toBe(2);
    expect(await deleteAddedDocument(db(), 'one')).toBe(true);
    expect(await deleteAddedDocument(db(), 'one')).toBe(false);
    expect(await readLibraryRevision(db())).toBe(3);
    expect(await listAddedDocumentKeys(db())).toEqual([{ id: 'two', revision: 2 }]);
  });

  it('refuses the same bytes twice in one server, naming the document already there', async () => {
    await insertAddedDocument(db(), added('first'), original);
    const again = await insertAddedDocument(db(), added('second', { contentHash: 'hash-first' }), original);
    expect(again).toEqual({ inserted: false, duplicate: { id: 'first', title: 'Report first', by: 'content' } });
    expect(await readLibraryRevision(db())).toBe(1);
  });

  it('lets another server add the same bytes, but not over a copy every server sees', async () => {
    await insertAddedDocument(db(), added('ours'), original);
    expect(await insertAddedDocument(db(), added('theirs', { contentHash: 'hash-ours', scope: '333333333333333333' }), original)).toMatchObject({ inserted: true });
    // A shared copy would be a second one in both servers.
    expect(await insertAddedDocument(db(), added('shared', { contentHash: 'hash-ours', scope: null }), original)).toMatchObject({ inserted: false, duplicate: { id: 'ours' } });
  });

  it('refuses the same link twice, also when given as the address before its redirect', async () => {
    const link = 'https://example.org/article';
    await insertAddedDocument(db(), added('page', { addition: { addedBy: null, addedAt: 1, link } }), original);
    const sameLink = added('page-again', { contentHash: 'other-bytes', addition: { addedBy: null, addedAt: 2, link } });
    expect(await insertAddedDocument(db(), sameLink, original)).toEqual({ inserted: false, duplicate: { id: 'page', title: 'Report page', by: 'link' } });
    const redirected = added('page-moved', { contentHash: 'moved-bytes', addition: { addedBy: null, addedAt: 3, link: 'https://example.org/moved' } });
    expect(await insertAddedDocument(db(), redirected, original, [link])).toMatchObject({ inserted: false, duplicate: { id: 'page', by: 'link' } });
  });

  it('says when the id is taken instead of failing on the key', async () => {
    await insertAddedDocument(db(), added('same-id'), original);
    expect(await insertAddedDocument(db(), added('same-id', { contentHash: 'different' }), original)).toEqual({ inserted: false, idTaken: true });
  });

  it('loads documents by id in batches larger than one statement carries', async () => {
    const ids = Array.from({ length: 510 }, (_, index) => `doc-${String(index).padStart(4, '0')}`);
    for (const [index, id] of ids.entries()) await insertAddedDocument(db(), added(id, { addition: { addedBy: null, addedAt: index, link: null }, pages: null }), original);
    const loaded = await loadAddedDocuments(db(), ids);
    expect(loaded.map((document) => document.id)).toEqual(ids);
    expect(loaded[0]?.addition).toEqual({ addedBy: null, addedAt: 0, link: null });
  }, 60_000);
});
