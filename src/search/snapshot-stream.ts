import { createHash, type Hash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import type MiniSearch from 'minisearch';

/**
 * Writes large JSON files in pieces. `JSON.stringify` of a 20,000-document index builds its
 * plain-object copy (`toJSON`, an object per term and field) and then one string of about
 * 30 MB, and the manifest another of 20 MB: some hundreds of MB at once, the peak of a save.
 * Here each term, and each document of the manifest, is stringified on its own and written
 * through a small buffer, hashed as it goes.
 *
 * Synchronous on purpose: the index must not change while it is written (an update arriving
 * during an asynchronous write would split the index from its manifest), and a synchronous
 * write costs about what the one `JSON.stringify` it replaces cost.
 */
export class JsonFileWriter {
  private readonly fd: number;
  private readonly hash: Hash = createHash('sha256');
  private pending: string[] = [];
  private pendingLength = 0;
  private written = 0;

  constructor(private readonly temporary: string) {
    this.fd = openSync(temporary, 'w');
  }

  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= flushLength) this.flush();
  }

  /** Flushes, syncs and renames into place; returns the SHA-256 of what was written, and its size. */
  finish(file: string): { hash: string; bytes: number } {
    try {
      this.flush();
      fsyncSync(this.fd);
    } finally {
      closeSync(this.fd);
    }
    renameSync(this.temporary, file);
    return { hash: this.hash.digest('hex'), bytes: this.written };
  }

  /** Closes and removes the temporary file after a failure. */
  abandon(): void {
    try {
      closeSync(this.fd);
    } catch {
      // Already closed by a failed finish.
    }
    rmSync(this.temporary, { force: true });
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const chunk = Buffer.from(this.pending.join(''));
    this.pending = [];
    this.pendingLength = 0;
    this.hash.update(chunk);
    let offset = 0;
    while (offset < chunk.length) offset += writeSync(this.fd, chunk, offset);
    this.written += chunk.length;
  }
}

/** About a megabyte of text per write. */
const flushLength = 1 << 20;

/** Writes a file through `fill`; the temporary file is removed if anything fails. */
export function writeJsonFile(file: string, fill: (writer: JsonFileWriter) => void): { hash: string; bytes: number } {
  const writer = new JsonFileWriter(`${file}.${process.pid}.tmp`);
  try {
    fill(writer);
    return writer.finish(file);
  } catch (error) {
    writer.abandon();
    throw error;
  }
}

/** The private fields of minisearch 7.2 that its `toJSON` reads; `serializedIndex.test.ts` proves the output is the same. */
interface MiniSearchFields {
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, unknown>;
  _dirtCount: number;
  _index: Iterable<[string, Map<number, Map<number, number>>]>;
}

/**
 * Writes exactly what `JSON.stringify(index)` gives (minisearch 7.2's `toJSON`, serialization
 * version 2), term by term, so `MiniSearch.loadJSON` reads it unchanged. Without `terms`, the
 * same index with none of its terms: what the postings segment keeps beside them (postings-segment.ts).
 */
export function writeIndexJson(writer: Pick<JsonFileWriter, 'write'>, index: MiniSearch, { terms = true }: { terms?: boolean } = {}): void {
  const fields = index as unknown as MiniSearchFields;
  if (!(fields._documentIds instanceof Map) || !(fields._fieldLength instanceof Map) || !(fields._storedFields instanceof Map) || typeof fields._index[Symbol.iterator] !== 'function') {
    throw new Error('minisearch: the index layout is not the one of minisearch 7.2 that the snapshot writer reads; update src/search/snapshot-stream.ts');
  }
  const json = JSON.stringify;
  writer.write(`{"documentCount":${json(fields._documentCount)},"nextId":${json(fields._nextId)}`);
  writer.write(`,"documentIds":${json(Object.fromEntries(fields._documentIds))}`);
  writer.write(`,"fieldIds":${json(fields._fieldIds)}`);
  writer.write(`,"fieldLength":${json(Object.fromEntries(fields._fieldLength))}`);
  writer.write(`,"averageFieldLength":${json(fields._avgFieldLength)}`);
  writer.write(`,"storedFields":${json(Object.fromEntries(fields._storedFields))}`);
  writer.write(`,"dirtCount":${json(fields._dirtCount)},"index":[`);
  let first = true;
  for (const [term, fieldIndex] of terms ? fields._index : []) {
    const data: Record<number, Record<number, number>> = {};
    for (const [fieldId, frequencies] of fieldIndex) data[fieldId] = Object.fromEntries(frequencies);
    writer.write(`${first ? '' : ','}${json([term, data])}`);
    first = false;
  }
  writer.write('],"serializationVersion":2}');
}

/** Writes `{ ...head, [key]: items }` with the items stringified one at a time; the same text `JSON.stringify` gives. */
export function writeObjectWithList(writer: JsonFileWriter, head: Record<string, unknown>, key: string, items: Iterable<unknown>): void {
  const start = JSON.stringify(head);
  writer.write(`${start.slice(0, -1)}${start === '{}' ? '' : ','}${JSON.stringify(key)}:[`);
  let first = true;
  for (const item of items) {
    writer.write(`${first ? '' : ','}${JSON.stringify(item)}`);
    first = false;
  }
  writer.write(']}');
}
