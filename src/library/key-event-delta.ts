import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { appendDeltaLines, deltaLines, readDeltaRecords, removeDeltaLog } from '../search/delta-log.js';
import { snapshotFolder } from '../search/snapshot.js';
import { compactionPolicy, deltaFits, type CompactionPolicy } from '../search/snapshot-delta.js';
import { writeJsonFile, writeObjectWithList } from '../search/snapshot-stream.js';

/**
 * The stored key events as a base file plus an append-only delta (see delta-log.ts): a save
 * after one document changed appends that document's events, not every document's. The delta
 * is folded into a new base once it passes a share of the base, so a start reads little more
 * than the base.
 */
export const keyEventDeltaFile = 'key-events.delta.jsonl';

const storedEvent = z.object({
  date: z.object({ start: z.object({ iso: z.string(), precision: z.enum(['year', 'month', 'day']) }), end: z.object({ iso: z.string(), precision: z.enum(['year', 'month', 'day']) }).nullable() }),
  label: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  mentionStart: z.number().int().nonnegative(),
  mentionEnd: z.number().int().nonnegative(),
});
export const storedDocumentEvents = z.object({ docId: z.string(), contentHash: z.string(), events: z.array(storedEvent) });
const recordSchema = z.union([storedDocumentEvents, z.object({ removed: z.string() })]);

export type StoredEvent = z.infer<typeof storedEvent>;
export type StoredDocumentEvents = z.infer<typeof storedDocumentEvents>;
type KeyEventRecord = z.infer<typeof recordSchema>;

/** Where the stored key events stand: the base the delta belongs to and the sizes of both. */
export interface KeyEventLogState {
  baseId: string | null;
  baseBytes: number;
  deltaBytes: number;
}

export const noKeyEventLog: KeyEventLogState = { baseId: null, baseBytes: 0, deltaBytes: 0 };

export function keyEventDeltaPath(dataDir: string): string {
  return path.join(snapshotFolder(dataDir), keyEventDeltaFile);
}

/** Applies the base's delta to the events read from the base, in the order written; torn lines and lines of another base are skipped. */
export async function replayKeyEventDelta(
  dataDir: string,
  base: { baseId: string; bytes: number },
  events: Map<string, { contentHash: string; events: StoredEvent[] }>,
): Promise<{ state: KeyEventLogState; records: number; skipped: number }> {
  const delta = await readDeltaRecords(keyEventDeltaPath(dataDir), base.baseId, (record) => {
    const parsed = recordSchema.safeParse(record);
    return parsed.success ? parsed.data : null;
  });
  for (const record of delta.records) {
    if ('removed' in record) events.delete(record.removed);
    else events.set(record.docId, { contentHash: record.contentHash, events: record.events });
  }
  // Skipped lines are weighed as if they filled the delta, so the next save writes a clean base.
  const deltaBytes = delta.skipped > 0 ? Number.POSITIVE_INFINITY : delta.bytes;
  return { state: { baseId: base.baseId, baseBytes: base.bytes, deltaBytes }, records: delta.records.length, skipped: delta.skipped };
}

/** What changed since the last save: documents extracted again, and documents removed. */
export interface KeyEventChanges {
  extracted: StoredDocumentEvents[];
  removed: string[];
}

export interface KeyEventWriter {
  /**
   * Appends the changes as a delta, or writes `everything()` as a new base when the delta would
   * pass its share. The choice and what is written are both taken before the first await.
   */
  save(changes: KeyEventChanges, everything: () => Iterable<StoredDocumentEvents>, head: Record<string, unknown>): () => Promise<'delta' | 'base'>;
}

/** The policy of the index snapshot (src/search/snapshot-delta.ts): a start reads and checks the delta line by line, so it is kept as small. */
export function createKeyEventWriter(dataDir: string, initial: KeyEventLogState, baseFile: string, policy: CompactionPolicy = compactionPolicy): KeyEventWriter {
  const state = { ...initial };
  const file = keyEventDeltaPath(dataDir);
  return {
    save(changes, everything, head) {
      const records: KeyEventRecord[] = [...changes.extracted, ...changes.removed.map((removed) => ({ removed }))];
      const { baseId } = state;
      if (baseId !== null) {
        const lines = deltaLines(baseId, records);
        if (deltaFits(state.deltaBytes + lines.bytes, state.baseBytes, policy)) {
          state.deltaBytes += lines.bytes;
          return async () => {
            await appendDeltaLines(file, lines);
            return 'delta';
          };
        }
      }
      // A new base, written in this tick: the documents are of the same moment as the changes.
      const newBase = randomUUID();
      mkdirSync(snapshotFolder(dataDir), { recursive: true });
      const written = writeJsonFile(baseFile, (writer) => writeObjectWithList(writer, { ...head, baseId: newBase }, 'documents', everything()));
      Object.assign(state, { baseId: newBase, baseBytes: written.bytes, deltaBytes: 0 });
      return async () => {
        await removeDeltaLog(file);
        return 'base';
      };
    },
  };
}

