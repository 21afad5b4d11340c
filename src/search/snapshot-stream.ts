import { createHash, hash as oneShotHash, type Hash } from 'node:crypto';
import type { z } from 'zod';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

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

  /**
   * Flushes, seals, syncs and renames into place; returns the SHA-256 of the JSON written (its
   * seal), and the size of the file.
   */
  finish(file: string): { hash: string; bytes: number } {
    let digest: string;
    try {
      this.flush();
      digest = this.hash.digest('hex');
      this.writeUnhashed(`\n${digest}`);
      fsyncSync(this.fd);
    } finally {
      closeSync(this.fd);
    }
    renameSync(this.temporary, file);
    return { hash: digest, bytes: this.written };
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
    this.writeChunk(chunk);
  }

  private writeUnhashed(text: string): void {
    this.writeChunk(Buffer.from(text));
  }

  private writeChunk(chunk: Buffer): void {
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

/**
 * The seal: a file written here ends with a newline and the SHA-256 of the JSON before it. A file
 * whose JSON still has its seal's hash is byte for byte what this writer wrote from values of the
 * writer's own types, so its readers need not check its shape again, field by field (about 0.4 s
 * of zod over the manifest and the key events at 21,578 Reuters documents): only its versions.
 * A file without a seal (of an older writer, or written by hand) is checked in full, and one whose
 * JSON does not match its seal (altered, torn) is refused.
 */
const sealPattern = /\n([0-9a-f]{64})$/;

/** The SHA-256 of text or bytes, in hex: the one-shot hash, the same digest as createHash at a fraction of the cost for short texts. */
export function sha256Hex(content: string | Uint8Array): string {
  return oneShotHash('sha256', content, 'hex');
}

/** `json` with its seal, for JSON stored other than through `JsonFileWriter` (the postings segment's shell). */
export function sealJson(json: string): string {
  return `${json}\n${sha256Hex(json)}`;
}

export type UnsealedJson = { json: string; seal: string | null } | { broken: true };

/**
 * The JSON of a file, with the seal it was verified against, null when it has none. Given the
 * file's bytes, the hash is taken over them as read, without encoding the decoded text again.
 */
export function unsealJson(content: string | Buffer): UnsealedJson {
  const tail = typeof content === 'string' ? content.slice(-65) : content.toString('latin1', Math.max(0, content.length - 65));
  const seal = sealPattern.exec(tail)?.[1];
  const text = () => (typeof content === 'string' ? content : content.toString('utf8'));
  if (seal === undefined) return { json: text(), seal: null };
  const json = typeof content === 'string' ? content.slice(0, -65) : content.subarray(0, content.length - 65);
  if (sha256Hex(json) !== seal) return { broken: true };
  return { json: typeof json === 'string' ? json : json.toString('utf8'), seal };
}

/**
 * A stored file's content: trusted as it is when its seal holds, else checked against `schema`.
 * Returns why it cannot be used instead of throwing.
 */
export function parseStoredJson<T extends z.ZodType>(text: string | Buffer, schema: T): { data: z.infer<T> } | { problem: string } {
  const unsealed = unsealJson(text);
  if ('broken' in unsealed) return { problem: 'it does not match its seal (changed or truncated)' };
  let data: unknown;
  try {
    data = JSON.parse(unsealed.json);
  } catch (error) {
    return { problem: `it is not valid JSON (${(error as Error).message})` };
  }
  if (unsealed.seal !== null) return { data: data as z.infer<T> };
  const parsed = schema.safeParse(data);
  return parsed.success ? { data: parsed.data } : { problem: `it does not have the expected shape (${parsed.error.issues[0]?.message ?? 'invalid'})` };
}
