import type { AppDatabase } from './database.js';

/** When the bot first saw a document of the corpus: what "added since the last digest" is measured by. */
export interface DocumentFirstSeen {
  docId: string;
  firstSeenAt: Date;
}

/** Rows per statement: well under either engine's limit on bound parameters. */
const batchSize = 500;

/** Notes the documents not seen before as first seen `at`; documents already known keep their time. */
export async function recordDocumentsSeen(db: AppDatabase, docIds: readonly string[], at: Date): Promise<number> {
  let added = 0;
  for (let start = 0; start < docIds.length; start += batchSize) {
    const rows = docIds.slice(start, start + batchSize).map((docId) => ({ doc_id: docId, first_seen_at: at.getTime() }));
    const result = await db.kysely
      .insertInto('documents_seen')
      .values(rows)
      .onConflict((conflict) => conflict.doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return added;
}

/** Every document ever seen with the time it was first seen, oldest first. */
export async function listDocumentsFirstSeen(db: AppDatabase): Promise<DocumentFirstSeen[]> {
  const rows = await db.kysely.selectFrom('documents_seen').select(['doc_id', 'first_seen_at']).orderBy('first_seen_at').orderBy('doc_id').execute();
  return rows.map((row) => ({ docId: row.doc_id, firstSeenAt: new Date(row.first_seen_at) }));
}
