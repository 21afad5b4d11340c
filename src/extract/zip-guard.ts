import { Unzip, UnzipInflate, unzipSync, zipSync, type Zippable } from 'fflate';
import { UserError } from '../errors.js';
import { megabytes } from './messages.js';

export interface ZipLimits {
  /** All entries together may unpack to at most this many bytes. */
  maxUnpackedBytes: number;
}

/** Past this ratio of unpacked to packed size, a large entry is a bomb, not a document (Word's XML packs about 5–20 times). */
const suspiciousRatio = 200;
const largeEntry = 1024 * 1024;

/** The entry names of a zip, read from its central directory without unpacking anything. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const names: string[] = [];
  try {
    unzipSync(bytes, { filter: (file) => (names.push(file.name), false) });
  } catch {
    return null;
  }
  return names;
}

/**
 * Unpacks a zip (a DOCX) within limits and packs it again, stored without compression.
 * The declared sizes are checked before anything is inflated; then every entry is
 * inflated as a stream whose bytes are counted, so a zip whose headers lie is stopped at
 * the limit too. Readers given the repacked archive (mammoth's JSZip) have nothing left
 * to inflate, so their own unbounded inflating never runs.
 */
export function repackZipSafely(bytes: Uint8Array, limits: ZipLimits, label: string): Uint8Array {
  checkDeclaredSizes(bytes, limits, label);
  return zipSync(inflateBounded(bytes, limits, label), { level: 0 });
}

function checkDeclaredSizes(bytes: Uint8Array, limits: ZipLimits, label: string): void {
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        if (file.originalSize > largeEntry && file.originalSize / Math.max(file.size, 1) > suspiciousRatio) throw bomb(label, `${file.name} would grow ${Math.round(file.originalSize / Math.max(file.size, 1))} times when unpacked`);
        return false;
      },
    });
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw damaged(label);
  }
  if (total > limits.maxUnpackedBytes) throw new UserError(`${label} would unpack to ${megabytes(total)}, over the ${megabytes(limits.maxUnpackedBytes)} limit. Remove large images, or split the document, and add it again.`);
}

function inflateBounded(bytes: Uint8Array, limits: ZipLimits, label: string): Zippable {
  const files: Zippable = {};
  let total = 0;
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    const chunks: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = damaged(label);
        return;
      }
      total += chunk.length;
      if (total > limits.maxUnpackedBytes) {
        failure = bomb(label, `it unpacks to more than ${megabytes(limits.maxUnpackedBytes)}`);
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final && !file.name.endsWith('/')) files[file.name] = concat(chunks);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch {
    failure ??= damaged(label);
  }
  if (failure) throw failure;
  return files;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function bomb(label: string, why: string): UserError {
  return new UserError(`${label} was refused: ${why}, so it looks like a zip bomb rather than a document. If it is a real document, save it again from Word and add the new copy.`);
}

function damaged(label: string): UserError {
  return new UserError(`${label} could not be unpacked: the Word file looks damaged. Open it in Word, save it again, and add the new copy.`);
}
