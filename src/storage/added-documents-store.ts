import type { Kysely, Selectable } from 'kysely';
import type { PageSpan, SourceDocument } from '../corpus/types.js';
import type { AppDatabase } from './database.js';
import type { AddedDocumentsTable, Schema } from './schema.js';

/** The file as it arrived: kept so the document can be exported, or read again by a better extractor. */
export interface OriginalFile {
  bytes: Uint8Array;
  fileName: string | null;
  contentType: string | null;
}

/** A document already in the library that a new one repeats, by its bytes or by its link. */
export interface DuplicateDocument {
  id: string;
  title: string;
  by: 'content' | 'link';
}

export type InsertOutcome = { inserted: true; revision: number } | { inserted: false; duplicate: DuplicateDocument } | { inserted: false; idTaken: true };

/** What another host needs to tell whether its copy of a document is current. */
export interface AddedDocumentKey {
  id: string;
  revision: number;
}

/** Every column but the original bytes: what serving a document needs. */
const servedColumns = [
  'id', 'scope', 'format', 'title', 'author', 'outlet', 'published', 'published_precision', 'published_basis',
  'file_name', 'link_url', 'body', 'pages', 'content_hash', 'added_by_id', 'added_by_name', 'added_at', 'revision',
] as const;

type ServedRow = Pick<Selectable<AddedDocumentsTable>, (typeof servedColumns)[number]>;

/** Rows per statement when loading by id: well under either engine's limit on bound parameters. */
const batchSize = 500;

/**
 * The documents that would duplicate one seen from `scope`: the same bytes or the same link,
 * in a scope whose readers overlap (the same server, or either one shared with every server).
 */
export async function findDuplicate(db: Kysely<Schema>, candidate: { scope: string | null; contentHash: string; links: readonly string[] }): Promise<DuplicateDocument | null> {
  let query = db.selectFrom('added_documents').select(['id', 'title', 'content_hash', 'link_url']);
  if (candidate.scope !== null) query = query.where((row) => row.or([row('scope', 'is', null), row('scope', '=', candidate.scope)]));
  const rows = await query
    .where((row) => row.or([row('content_hash', '=', candidate.contentHash), ...(candidate.links.length === 0 ? [] : [row('link_url', 'in', candidate.links)])]))
    .orderBy('added_at')
    .limit(2)
    .execute();
  const byContent = rows.find((row) => row.content_hash === candidate.contentHash);
  const found = byContent ?? rows[0];
  return found === undefined ? null : { id: found.id, title: found.title, by: byContent ? 'content' : 'link' };
}

/**
 * Stores an added document and bumps the library revision, in one write transaction: the
 * duplicate check and the insert see the same database on every host. `otherLinks` are more
 * addresses of the same document (the link as given, before its redirects) that count as duplicates.
 */
export async function insertAddedDocument(db: AppDatabase, document: SourceDocument, original: OriginalFile, otherLinks: readonly string[] = []): Promise<InsertOutcome> {
  return db.writeTransaction(async (tx) => {
    const taken = await tx.selectFrom('added_documents').select('id').where('id', '=', document.id).executeTakeFirst();
    if (taken !== undefined) return { inserted: false, idTaken: true };
    const link = document.addition?.link ?? null;
    const duplicate = await findDuplicate(tx, { scope: document.scope, contentHash: document.contentHash, links: [...(link === null ? [] : [link]), ...otherLinks] });
    if (duplicate !== null) return { inserted: false, duplicate };
    const revision = await bumpRevision(tx);
    await tx.insertInto('added_documents').values(toRow(document, original, revision)).execute();
    return { inserted: true, revision };
  });
}

/** Deletes an added document and bumps the revision; false when there was none with this id. */
export async function deleteAddedDocument(db: AppDatabase, id: string): Promise<boolean> {
  return db.writeTransaction(async (tx) => {
    const result = await tx.deleteFrom('added_documents').where('id', '=', id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) return false;
    await bumpRevision(tx);
    return true;
  });
}

/** The count of additions and removals so far: a host that saw this number has seen every change. */
export async function readLibraryRevision(db: AppDatabase): Promise<number> {
  const row = await db.kysely.selectFrom('library_revision').select('revision').where('id', '=', 1).executeTakeFirst();
  return row?.revision ?? 0;
}

/** Every added document's id and revision, oldest first: cheap, without bodies or bytes. */
export async function listAddedDocumentKeys(db: AppDatabase): Promise<AddedDocumentKey[]> {
  return db.kysely.selectFrom('added_documents').select(['id', 'revision']).orderBy('added_at').orderBy('id').execute();
}

/** The added documents with these ids as the library serves them (every one when `ids` is absent), oldest first. */
export async function loadAddedDocuments(db: AppDatabase, ids?: readonly string[]): Promise<SourceDocument[]> {
  if (ids === undefined) {
    const rows = await db.kysely.selectFrom('added_documents').select(servedColumns).orderBy('added_at').orderBy('id').execute();
    return rows.map(toDocument);
  }
  const documents: SourceDocument[] = [];
  for (let start = 0; start < ids.length; start += batchSize) {
    const rows = await db.kysely.selectFrom('added_documents').select(servedColumns).where('id', 'in', ids.slice(start, start + batchSize)).execute();
    documents.push(...rows.map(toDocument));
  }
  return documents.sort((left, right) => (left.addition?.addedAt ?? 0) - (right.addition?.addedAt ?? 0) || left.id.localeCompare(right.id));
}

/** One added document as served, or null. */
export async function getAddedDocument(db: AppDatabase, id: string): Promise<SourceDocument | null> {
  const row = await db.kysely.selectFrom('added_documents').select(servedColumns).where('id', '=', id).executeTakeFirst();
  return row === undefined ? null : toDocument(row);
}

/** The original file of an added document, or null when there is no such document. */
export async function readOriginalFile(db: AppDatabase, id: string): Promise<OriginalFile | null> {
  const row = await db.kysely.selectFrom('added_documents').select(['original', 'file_name', 'content_type']).where('id', '=', id).executeTakeFirst();
  return row === undefined ? null : { bytes: new Uint8Array(row.original), fileName: row.file_name, contentType: row.content_type };
}

async function bumpRevision(tx: Kysely<Schema>): Promise<number> {
  const row = await tx
    .updateTable('library_revision')
    .set((update) => ({ revision: update('revision', '+', 1) }))
    .where('id', '=', 1)
    .returning('revision')
    .executeTakeFirstOrThrow();
  return row.revision;
}

function toRow(document: SourceDocument, original: OriginalFile, revision: number): AddedDocumentsTable {
  return {
    id: document.id,
    scope: document.scope,
    format: document.format,
    title: document.title,
    author: document.author,
    outlet: document.outlet,
    published: document.published?.iso ?? null,
    published_precision: document.published?.precision ?? null,
    published_basis: document.publishedBasis,
    file_name: original.fileName,
    content_type: original.contentType,
    link_url: document.addition?.link ?? null,
    // A Buffer: what both drivers bind as bytes.
    original: Buffer.from(original.bytes.buffer, original.bytes.byteOffset, original.bytes.byteLength),
    body: document.body,
    pages: document.pages === null ? null : JSON.stringify(document.pages),
    content_hash: document.contentHash,
    added_by_id: document.addition?.addedBy?.id ?? null,
    added_by_name: document.addition?.addedBy?.name ?? null,
    added_at: document.addition?.addedAt ?? Date.now(),
    revision,
  };
}

/** What an added document shows as its `file`: the name it arrived with, else its link, else its id. */
export function addedDocumentFile(fileName: string | null, link: string | null, id: string): string {
  return fileName ?? link ?? id;
}

function toDocument(row: ServedRow): SourceDocument {
  return {
    id: row.id,
    file: addedDocumentFile(row.file_name, row.link_url, row.id),
    title: row.title,
    author: row.author,
    outlet: row.outlet,
    published: row.published === null || row.published_precision === null ? null : { iso: row.published, precision: row.published_precision },
    publishedBasis: row.published_basis,
    body: row.body,
    contentHash: row.content_hash,
    format: row.format,
    pages: row.pages === null ? null : (JSON.parse(row.pages) as PageSpan[]),
    scope: row.scope,
    addition: {
      addedBy: row.added_by_id === null ? null : { id: row.added_by_id, name: row.added_by_name ?? row.added_by_id },
      addedAt: row.added_at,
      link: row.link_url,
    },
  };
}
