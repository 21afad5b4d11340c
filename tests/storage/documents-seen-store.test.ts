import { describe, expect, it } from 'vitest';
import { listDocumentsFirstSeen, recordDocumentsSeen } from '../../src/storage/documents-seen-store.js';
import { engines, useScratchDatabase } from '../support/engines.js';

describe.each(engines)('documents first seen, on $engine', ({ scratch }) => {
  const { db } = useScratchDatabase(scratch);

  it('keeps the first time a document was seen when it is seen again', async () => {
    expect(await recordDocumentsSeen(db(), ['seed-001', 'seed-002'], new Date('2025-06-01T00:00:00Z'))).toBe(2);
    expect(await recordDocumentsSeen(db(), ['seed-002', 'seed-003'], new Date('2025-06-05T00:00:00Z'))).toBe(1);
    expect(await listDocumentsFirstSeen(db())).toEqual([
      { docId: 'seed-001', firstSeenAt: new Date('2025-06-01T00:00:00Z') },
      { docId: 'seed-002', firstSeenAt: new Date('2025-06-01T00:00:00Z') },
      { docId: 'seed-003', firstSeenAt: new Date('2025-06-05T00:00:00Z') },
    ]);
  });

  it('records a library larger than one statement can carry, and a name listed twice once', async () => {
    const docIds = Array.from({ length: 1203 }, (_, index) => `doc-${String(index).padStart(4, '0')}`);
    expect(await recordDocumentsSeen(db(), [...docIds, 'doc-0000'], new Date('2025-06-01T00:00:00Z'))).toBe(1203);
    const seen = await listDocumentsFirstSeen(db());
    expect(seen).toHaveLength(1203);
    expect(seen.at(-1)).toEqual({ docId: 'doc-1202', firstSeenAt: new Date('2025-06-01T00:00:00Z') });
  });
});
