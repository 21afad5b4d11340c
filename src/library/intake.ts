import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseIsoPartialDate } from '../corpus/partial-date.js';
import { splitPassages } from '../corpus/passages.js';
import type { SourceDocument } from '../corpus/types.js';
import { contentHashOf } from '../corpus/text-document.js';
import { UserError } from '../errors.js';
import { extractDocument } from '../extract/extract.js';
import { fetchLink, type FetchLinkOptions } from '../extract/fetch-link.js';
import { megabytes } from '../extract/messages.js';
import type { ExtractedDocument, ExtractLimits } from '../extract/types.js';
import type { Logger } from '../logger.js';
import { addedDocumentFile, deleteAddedDocument, findDuplicate, getAddedDocument, insertAddedDocument, type DuplicateDocument, type OriginalFile } from '../storage/added-documents-store.js';
import type { AppDatabase } from '../storage/database.js';
import type { AddPreview, AddRequest, DocumentIntake, MetadataOverrides } from './intake-types.js';
import { isVisibleTo, scopesOverlap } from '../corpus/visibility.js';

/** What the intake needs of the library: what it serves now, and a way to serve what was just stored. */
export interface IntakeLibrary {
  documents(): readonly SourceDocument[];
  /** Reads the stored documents again; resolves once the library (and so search and the timeline) holds them. */
  refresh(): Promise<void>;
}

export interface DocumentIntakeOptions {
  db: AppDatabase;
  library: IntakeLibrary;
  /** Size, page and time caps on one document. */
  limits?: Partial<ExtractLimits>;
  /** How links are fetched: the private addresses allowed, the byte cap and the timeout. */
  links?: Partial<FetchLinkOptions>;
  /**
   * How long a preview waits for Add or Cancel. 14 minutes by default: Discord lets the bot
   * edit the preview's reply for 15, and an Add after that could not say it was done.
   */
  previewTtlMs?: number;
  clock?: () => number;
  logger: Logger;
}

interface Pending {
  token: string;
  request: AddRequest;
  extracted: ExtractedDocument;
  original: OriginalFile;
  /** The link as fetched (after redirects) and as given; empty for a file. */
  links: string[];
  contentHash: string;
  id: string;
  overrides: MetadataOverrides;
  expiresAt: number;
  committing: Promise<SourceDocument> | null;
}

const defaultPreviewTtlMs = 14 * 60_000;
/** Previews hold their files' bytes: all of them together may hold this many documents' worth of the size cap. */
const pendingBytesInCaps = 5;
const fieldLimits = { title: 300, author: 200, outlet: 200 } as const;

/**
 * Reads, checks and stores the documents people add, and removes them. Previews wait in memory
 * (they are short-lived and would not survive a restart anyway); committed documents live in the
 * database and reach every host through the library's sync.
 */
export function createDocumentIntake(options: DocumentIntakeOptions): DocumentIntake {
  const { db, library } = options;
  const clock = options.clock ?? Date.now;
  const ttl = options.previewTtlMs ?? defaultPreviewTtlMs;
  const maxBytes = options.limits?.maxBytes ?? 20 * 1024 * 1024;
  const log = options.logger.child({ module: 'intake' });
  const pending = new Map<string, Pending>();

  function sweep(): void {
    const now = clock();
    for (const [token, entry] of pending) if (entry.expiresAt <= now && entry.committing === null) pending.delete(token);
  }

  function pendingOf(token: string): Pending {
    sweep();
    const entry = pending.get(token);
    if (entry === undefined) throw new UserError(`This preview has expired (previews wait ${Math.round(ttl / 60_000)} minutes for Add), so nothing was added. Run /add again.`);
    return entry;
  }

  function preview(entry: Pending): AddPreview {
    const document = documentOf(entry, clock());
    const passages = splitPassages(document);
    const warnings = [...entry.extracted.warnings];
    if (document.published === null) warnings.push('No publication date was found: set one with Edit (on the command line, --published), e.g. 2025-05-05.');
    if (document.author === null) warnings.push('No author was found: set one with Edit if the document has one.');
    return { token: entry.token, document, passageCount: passages.length, firstPassage: passages[0]?.text ?? null, warnings, expiresAt: entry.expiresAt };
  }

  function refuseServedDuplicate(scope: string | null, contentHash: string, links: readonly string[]): void {
    for (const document of library.documents()) {
      if (!scopesOverlap(document.scope, scope)) continue;
      if (document.contentHash === contentHash) throw duplicateError({ id: document.id, title: document.title, by: 'content' });
      const link = document.addition?.link;
      if (link !== undefined && link !== null && links.includes(link)) throw duplicateError({ id: document.id, title: document.title, by: 'link' });
    }
  }

  async function read(request: AddRequest): Promise<{ extracted: ExtractedDocument; original: OriginalFile; links: string[] }> {
    if (request.source.kind === 'file') {
      const { bytes, fileName, contentType } = request.source;
      const extracted = await extractDocument({ bytes, fileName, contentType }, options.limits);
      return { extracted, original: { bytes, fileName, contentType }, links: [] };
    }
    const given = normaliseLink(request.source.url);
    const fetched = await fetchLink(given, { maxBytes, ...options.links });
    const extracted = await extractDocument(fetched, options.limits);
    const final = normaliseLink(fetched.url);
    return { extracted, original: { bytes: fetched.bytes, fileName: fetched.fileName, contentType: fetched.contentType }, links: [...new Set([final, given])] };
  }

  async function prepare(request: AddRequest): Promise<AddPreview> {
    sweep();
    const overrides = checkOverrides(request.overrides);
    const waiting = [...pending.values()].reduce((sum, entry) => sum + entry.original.bytes.length, 0);
    if (waiting > pendingBytesInCaps * maxBytes) {
      throw new UserError(`Too many documents (${megabytes(waiting)}) are waiting for Add or Cancel. Finish or cancel those previews, or wait a few minutes for them to expire, then try again.`);
    }
    const { extracted, original, links } = await read(request);
    const contentHash = contentHashOf(original.bytes);
    refuseServedDuplicate(request.scope, contentHash, links);
    // Another host may have stored it since this one last looked.
    const stored = await findDuplicate(db.kysely, { scope: request.scope, contentHash, links });
    if (stored !== null) throw duplicateError(stored);
    const entry: Pending = {
      token: randomBytes(12).toString('base64url'),
      request,
      extracted,
      original,
      links,
      contentHash,
      id: '',
      overrides,
      expiresAt: clock() + ttl,
      committing: null,
    };
    entry.id = freshId(extracted.metadata.id, documentOf(entry, clock()).title);
    const shown = preview(entry);
    if (shown.passageCount === 0) throw new UserError(`${original.fileName ? `"${original.fileName}"` : 'This document'} has no text to quote. Check that it is the document you meant, or add another.`);
    pending.set(entry.token, entry);
    log.info({ token: entry.token, docId: entry.id, format: extracted.format, bytes: original.bytes.length, scope: request.scope }, 'document prepared for adding');
    return shown;
  }

  function freshId(declared: string | null, title: string): string {
    const taken = new Set(library.documents().map((document) => document.id));
    for (const entry of pending.values()) taken.add(entry.id);
    if (declared !== null && !taken.has(declared)) return declared;
    const base = slug(title);
    for (;;) {
      const id = `${base}-${randomBytes(3).toString('hex')}`;
      if (!taken.has(id)) return id;
    }
  }

  /**
   * Serves what was just stored. The change is in the database already: should reading it back
   * fail, the next poll serves it, and the person is not told a stored document failed.
   */
  async function serveNow(docId: string): Promise<void> {
    await library.refresh().catch((error: unknown) => log.warn({ err: error, docId }, 'stored, but could not be read back at once; the next poll of the database serves it'));
  }

  async function store(entry: Pending): Promise<SourceDocument> {
    let document = documentOf(entry, clock());
    refuseServedDuplicate(document.scope, document.contentHash, entry.links);
    let outcome = await insertAddedDocument(db, document, entry.original, entry.links);
    if ('idTaken' in outcome) {
      // Another host took the id meanwhile: a new one, checked again.
      entry.id = freshId(null, document.title);
      document = documentOf(entry, document.addition?.addedAt ?? clock());
      outcome = await insertAddedDocument(db, document, entry.original, entry.links);
    }
    if ('duplicate' in outcome) throw duplicateError(outcome.duplicate);
    if ('idTaken' in outcome) throw new UserError('Another document took this id at the same moment. Run /add again.');
    await serveNow(entry.id);
    pending.delete(entry.token);
    log.info({ docId: entry.id, revision: outcome.revision, scope: document.scope }, 'document added');
    return library.documents().find((served) => served.id === document.id) ?? document;
  }

  async function commit(token: string): Promise<SourceDocument> {
    const entry = pendingOf(token);
    // A second click on Add waits for the first instead of adding the document twice.
    entry.committing ??= store(entry).finally(() => {
      entry.committing = null;
    });
    return entry.committing;
  }

  return {
    maxBytes,
    prepare,
    commit,

    async revise(token, overrides) {
      const entry = pendingOf(token);
      if (entry.committing !== null) throw new UserError('This document is being added already; its metadata can no longer be edited.');
      entry.overrides = { ...entry.overrides, ...checkOverrides(overrides) };
      entry.expiresAt = clock() + ttl;
      return preview(entry);
    },

    cancel(token) {
      const entry = pending.get(token);
      if (entry !== undefined && entry.committing === null) pending.delete(token);
      return Promise.resolve();
    },

    async add(request) {
      const shown = await prepare(request);
      try {
        return await commit(shown.token);
      } finally {
        pending.delete(shown.token);
      }
    },

    async remove(docId, scope) {
      const served = library.documents().find((document) => document.id === docId);
      if (served !== undefined && served.addition === null && isVisibleTo(served, scope ?? undefined)) {
        throw new UserError(`“${served.title}” comes from the corpus folder (${served.file}), not from /add: delete the file from the corpus folder to remove it.`);
      }
      const stored = await getAddedDocument(db, docId);
      if (stored === null || (scope !== null && stored.scope !== null && stored.scope !== scope)) {
        throw new UserError(`There is no added document with the id "${docId}" here. Pick one from the suggestions, or list them with /sources (on the command line, \`briefing sources\`).`);
      }
      if (scope !== null && stored.scope === null) {
        throw new UserError(`“${stored.title}” was added from the command line for every server, so it is removed there: \`npx briefing remove ${docId}\`.`);
      }
      await deleteAddedDocument(db, docId);
      await serveNow(docId);
      log.info({ docId, scope }, 'document removed');
      return stored;
    },
  };
}

/** The document a pending addition would be, with its overrides applied, as if added at `addedAt`. */
function documentOf(entry: Pending, addedAt: number): SourceDocument {
  const { metadata, body, format, pages } = entry.extracted;
  const { overrides, request, original } = entry;
  const published = overrides.published === undefined ? metadata.published : overrides.published === '' ? null : parseIsoPartialDate(overrides.published);
  const link = entry.links[0] ?? null;
  return {
    id: entry.id,
    file: addedDocumentFile(original.fileName, link, entry.id),
    title: chosen(overrides.title, metadata.title) ?? fallbackTitle(original.fileName, link),
    author: chosen(overrides.author, metadata.author),
    outlet: chosen(overrides.outlet, metadata.outlet),
    published,
    publishedBasis: overrides.published === undefined ? metadata.publishedBasis : published === null ? null : 'set by the person who added it',
    body,
    contentHash: entry.contentHash,
    format,
    pages,
    scope: request.scope,
    addition: { addedBy: request.addedBy, addedAt, link },
  };
}

/** An override wins; an empty one clears the field; none keeps what the document says. */
function chosen(override: string | undefined, found: string | null): string | null {
  if (override === undefined) return found;
  return override === '' ? null : override;
}

function fallbackTitle(fileName: string | null, link: string | null): string {
  if (fileName !== null && fileName.trim() !== '') return path.basename(fileName, path.extname(fileName)).trim() || fileName;
  if (link !== null) return new URL(link).hostname;
  return 'Untitled document';
}

/** Trimmed overrides, or a UserError naming the field that cannot be used. */
function checkOverrides(overrides: MetadataOverrides): MetadataOverrides {
  const checked: MetadataOverrides = {};
  for (const field of ['title', 'author', 'outlet'] as const) {
    const value = overrides[field]?.trim();
    if (value === undefined) continue;
    if (value.length > fieldLimits[field]) throw new UserError(`The ${field} is ${value.length} characters long; keep it to ${fieldLimits[field]}.`);
    checked[field] = value;
  }
  const published = overrides.published?.trim();
  if (published !== undefined) {
    if (published !== '' && parseIsoPartialDate(published) === null) throw new UserError(`"${published}" is not a date the library can use as published: write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-05-05.`);
    checked.published = published;
  }
  return checked;
}

function duplicateError(duplicate: DuplicateDocument): UserError {
  const how = duplicate.by === 'content' ? 'The same document' : 'A document from the same link';
  return new UserError(`${how} is already in the library: “${duplicate.title}” (id ${duplicate.id}). Nothing was added.`);
}

/** A link as compared for duplicates: parsed, without its #fragment. */
function normaliseLink(link: string): string {
  try {
    const url = new URL(link.trim());
    url.hash = '';
    return url.href;
  } catch {
    // fetchLink explains what is wrong with it.
    return link.trim();
  }
}

/** The readable part of an added document's id: its title in lower case, letters and digits joined by dashes. */
export function slug(title: string): string {
  const words = title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
  let joined = '';
  for (const word of words) {
    const next = joined === '' ? word : `${joined}-${word}`;
    if (next.length > 40) break;
    joined = next;
  }
  return joined === '' ? (words[0]?.slice(0, 40) ?? 'document') : joined;
}
