import type { AppDatabase } from './database.js';

/** When the bot first saw a document of the corpus: what "added since the last digest" is measured by. */
export interface DocumentFirstSeen {
  docId: string;
  firstSeenAt: Date;
}

/** Notes the documents not seen before as first seen `at`; documents already known keep their time. */
export function recordDocumentsSeen(db: AppDatabase, docIds: readonly string[], at: Date): number {
  const insert = db.prepare('INSERT INTO documents_seen (doc_id, first_seen_at) VALUES (?, ?) ON CONFLICT (doc_id) DO NOTHING');
  return db.transaction(() => docIds.reduce((added, docId) => added + insert.run(docId, at.getTime()).changes, 0))();
}

/** Every document ever seen with the time it was first seen, oldest first. */
export function listDocumentsFirstSeen(db: AppDatabase): DocumentFirstSeen[] {
  return db
    .prepare<[], { docId: string; firstSeenAt: number }>('SELECT doc_id AS docId, first_seen_at AS firstSeenAt FROM documents_seen ORDER BY first_seen_at, doc_id')
    .all()
    .map((row) => ({ docId: row.docId, firstSeenAt: new Date(row.firstSeenAt) }));
}
