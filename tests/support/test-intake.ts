import { createHash, randomBytes } from 'node:crypto';
import { parseIsoPartialDate } from '../../src/corpus/partial-date.js';
import { splitPassages } from '../../src/corpus/passages.js';
import type { SourceDocument } from '../../src/corpus/types.js';
import { UserError } from '../../src/errors.js';
import { extractDocument } from '../../src/extract/extract.js';
import { fetchLink } from '../../src/extract/fetch-link.js';
import type { ExtractedDocument } from '../../src/extract/types.js';
import type { AddPreview, AddRequest, DocumentIntake, MetadataOverrides } from '../../src/library/intake-types.js';
import type { SearchService } from '../../src/search/search-service.js';

/**
 * FOR TESTS ONLY, never shipped: a `DocumentIntake` over the real extraction (src/extract)
 * and the real search index, holding added documents in memory. It lets the Discord
 * commands be tested end to end before the stored implementation (src/library, with the
 * documents table) lands; it does no duplicate checks and persists nothing.
 */
export interface TestIntake extends DocumentIntake {
  /** Every call made, in order, for tests that check what the commands asked for. */
  readonly calls: string[];
}

interface Pending {
  request: AddRequest;
  extracted: ExtractedDocument;
  contentHash: string;
  fileName: string | null;
  link: string | null;
  addedAt: number;
  preview: AddPreview;
}

export function createTestIntake(options: { search: SearchService; allowPrivate: string[]; now?: () => number; previewLifetimeMs?: number }): TestIntake {
  const now = options.now ?? Date.now;
  const lifetime = options.previewLifetimeMs ?? 15 * 60_000;
  const pending = new Map<string, Pending>();
  const calls: string[] = [];

  const live = (token: string): Pending => {
    const found = pending.get(token);
    if (found === undefined || now() > found.preview.expiresAt) {
      pending.delete(token);
      throw new UserError('This preview has expired and nothing was added. Run /add again.');
    }
    return found;
  };

  const previewOf = (token: string, entry: Omit<Pending, 'preview'>, overrides: MetadataOverrides): AddPreview => {
    const { extracted } = entry;
    const published = overrides.published === undefined ? extracted.metadata.published : parseIsoPartialDate(overrides.published);
    if (published === null && overrides.published !== undefined) throw new UserError(`"${overrides.published}" is not a date; write 2025, 2025-05 or 2025-05-05.`);
    const document: SourceDocument = {
      id: `added-${entry.contentHash.slice(0, 10)}`,
      file: entry.fileName ?? entry.link ?? 'upload',
      title: overrides.title ?? extracted.metadata.title ?? entry.fileName ?? 'Untitled document',
      author: overrides.author ?? extracted.metadata.author,
      outlet: overrides.outlet ?? extracted.metadata.outlet,
      published,
      publishedBasis: overrides.published === undefined ? extracted.metadata.publishedBasis : 'set by the person who added it',
      body: extracted.body,
      contentHash: entry.contentHash,
      format: extracted.format,
      pages: extracted.pages,
      scope: entry.request.scope,
      addition: { addedBy: entry.request.addedBy, addedAt: entry.addedAt, link: entry.link },
    };
    const passages = splitPassages(document);
    const warnings = [...extracted.warnings, ...(published === null ? ['No publication date found: set one with Edit.'] : [])];
    return { token, document, passageCount: passages.length, firstPassage: passages[0]?.text ?? null, warnings, expiresAt: now() + lifetime };
  };

  const intake: TestIntake = {
    calls,
    async prepare(request) {
      calls.push(`prepare ${request.source.kind}`);
      const input = request.source.kind === 'link' ? await fetchLink(request.source.url, { allowPrivate: options.allowPrivate, timeoutMs: 5000 }) : request.source;
      const extracted = await extractDocument(input);
      const token = randomBytes(12).toString('base64url');
      const entry = {
        request,
        extracted,
        contentHash: createHash('sha256').update(input.bytes).digest('hex'),
        fileName: input.fileName,
        link: request.source.kind === 'link' ? request.source.url : null,
        addedAt: now(),
      };
      const preview = previewOf(token, entry, request.overrides);
      pending.set(token, { ...entry, preview });
      return preview;
    },
    async revise(token, overrides) {
      calls.push(`revise ${JSON.stringify(overrides)}`);
      const entry = live(token);
      const preview = previewOf(token, entry, { ...entry.request.overrides, ...overrides });
      pending.set(token, { ...entry, preview });
      return preview;
    },
    async commit(token) {
      calls.push('commit');
      const entry = live(token);
      pending.delete(token);
      options.search.upsertDocument(entry.preview.document);
      return entry.preview.document;
    },
    async cancel(token) {
      calls.push('cancel');
      pending.delete(token);
    },
    async add(request) {
      return intake.commit((await intake.prepare(request)).token);
    },
    async remove(docId, scope) {
      calls.push(`remove ${docId}`);
      const document = options.search.documents.find((candidate) => candidate.id === docId && (candidate.scope === null || candidate.scope === scope));
      if (document === undefined) throw new UserError(`There is no document "${docId}" to remove here.`);
      if (document.addition === null) throw new UserError(`"${document.title}" comes from the corpus folder: delete its file to remove it.`);
      options.search.removeDocument(docId);
      return document;
    },
  };
  return intake;
}
