import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database.js';
import { listDocumentsFirstSeen, recordDocumentsSeen } from '../../src/storage/documents-seen-store.js';
import { silentLogger } from '../digest/helpers.js';

describe('documents first seen', () => {
  it('keeps the first time a document was seen when it is seen again', () => {
    const db = openDatabase(':memory:', silentLogger);
    expect(recordDocumentsSeen(db, ['seed-001', 'seed-002'], new Date('2025-06-01T00:00:00Z'))).toBe(2);
    expect(recordDocumentsSeen(db, ['seed-002', 'seed-003'], new Date('2025-06-05T00:00:00Z'))).toBe(1);
    expect(listDocumentsFirstSeen(db)).toEqual([
      { docId: 'seed-001', firstSeenAt: new Date('2025-06-01T00:00:00Z') },
      { docId: 'seed-002', firstSeenAt: new Date('2025-06-01T00:00:00Z') },
      { docId: 'seed-003', firstSeenAt: new Date('2025-06-05T00:00:00Z') },
    ]);
    db.close();
  });
});
