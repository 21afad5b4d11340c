import type { SourceDocument } from '../corpus/types.js';
import type { DigestAdder, DigestDocumentInput } from './types.js';

/** What the digest reads of a library document. */
export type DigestLibraryDocument = Pick<SourceDocument, 'id' | 'title' | 'scope' | 'addition'>;

/**
 * The library's documents as the digest reads them. A document added with /add or the
 * command line carries its own time and adder; a folder document counts from when the bot
 * first saw it, and one never recorded as seen is treated as old rather than announced as new.
 */
export function digestDocuments(documents: readonly DigestLibraryDocument[], firstSeen: ReadonlyMap<string, Date>): DigestDocumentInput[] {
  return documents.map((document) => {
    const { addition } = document;
    if (addition === null) return { docId: document.id, title: document.title, addedAt: firstSeen.get(document.id) ?? new Date(0), scope: document.scope };
    const addedBy: DigestAdder = addition.addedBy === null ? { kind: 'command-line' } : { kind: 'member', name: addition.addedBy.name };
    return { docId: document.id, title: document.title, addedAt: new Date(addition.addedAt), addedBy, scope: document.scope };
  });
}
