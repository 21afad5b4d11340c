import { constants, type Dirent } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import pMap from 'p-map';
import { UserError } from '../errors.js';
import { folderFormatOf, readDocumentFile } from './document-file.js';
import type { CorpusProblem, FileOutcome, LoadedCorpus, SourceDocument } from './types.js';

export type { FileOutcome };
// Kept where callers have always found them; the text reader itself lives in text-document.ts.
export { decodeText, parseDocumentFile } from './text-document.js';

export interface LoadCorpusOptions {
  /** Files larger than this are reported and skipped. */
  maxFileBytes?: number;
  /** How many files are open at once: a folder of thousands must not run out of file descriptors. */
  concurrency?: number;
}

export const defaultCorpusOptions = { maxFileBytes: 20 * 1024 * 1024, concurrency: 16 } as const;

// Never follow a link swapped in after the listing, and never block on a FIFO: both are checked after opening.
const openFlags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** A folder entry worth reading, or the reason it is not. */
export type CorpusEntry = { name: string } | { problem: CorpusProblem };

/**
 * Loads every document of a corpus folder: PDF, DOCX, HTML, Markdown and text files. One
 * bad file never stops the others: each is reported with its reason and the rest load.
 * Only a missing folder is an error, because then there is nothing to serve at all.
 */
export async function loadCorpus(directory: string, options: LoadCorpusOptions = {}): Promise<LoadedCorpus> {
  return loadCorpusEntries(directory, await listCorpusFolder(directory), options);
}

/**
 * Reads the listed entries, a bounded number at a time. The folder may change between the
 * listing and the reading: a file gone by then is reported, one added since is read next time.
 */
export async function loadCorpusEntries(directory: string, entries: readonly CorpusEntry[], options: LoadCorpusOptions = {}): Promise<LoadedCorpus> {
  const maxFileBytes = options.maxFileBytes ?? defaultCorpusOptions.maxFileBytes;
  const concurrency = options.concurrency ?? defaultCorpusOptions.concurrency;
  const outcomes = await pMap(entries, (entry) => loadCorpusEntry(directory, entry, maxFileBytes), { concurrency });
  return assembleCorpus(outcomes);
}

/** Reads one listed entry; a problem found while listing is passed through. */
export function loadCorpusEntry(directory: string, entry: CorpusEntry, maxFileBytes: number = defaultCorpusOptions.maxFileBytes): Promise<FileOutcome> | FileOutcome {
  return 'problem' in entry ? entry : loadFile(directory, entry.name, maxFileBytes);
}

/** The corpus from its files' outcomes, in folder order: of two files with one id, the first is kept and the second reported. */
export function assembleCorpus(outcomes: Iterable<FileOutcome>): LoadedCorpus {
  const documents: SourceDocument[] = [];
  const problems: CorpusProblem[] = [];
  const fileById = new Map<string, string>();
  for (const outcome of outcomes) {
    if (outcome === null) continue;
    if ('problem' in outcome) {
      problems.push(outcome.problem);
      continue;
    }
    const { document } = outcome;
    const earlier = fileById.get(document.id);
    if (earlier !== undefined) {
      problems.push({ file: document.file, reason: `duplicate id "${document.id}": ${earlier} and ${document.file} both use it; ${document.file} was skipped. Rename one of them or set a different "id" in its front matter.` });
      continue;
    }
    fileById.set(document.id, document.file);
    documents.push(document);
  }
  return { documents, problems };
}

/** The folder's entries in name order; hidden ones are left out, and what cannot be a document says why. */
export async function listCorpusFolder(directory: string): Promise<CorpusEntry[]> {
  try {
    const entries = await readdir(directory, { withFileTypes: true });
    return entries
      .filter((entry) => !isHiddenName(entry.name))
      .sort((a, b) => compareFileNames(a.name, b.name))
      .map(classifyEntry);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`The corpus folder ${directory} does not exist. Create it and put documents in it (PDF, DOCX, HTML, Markdown or text), or set CORPUS_DIR to the folder that has them.`);
    if (code === 'ENOTDIR') throw new UserError(`CORPUS_DIR points at ${directory}, which is a file. Set it to the folder that holds the documents.`);
    if (code === 'EACCES' || code === 'EPERM') throw new UserError(`The corpus folder ${directory} (CORPUS_DIR) cannot be read: permission denied. Let the user running the bot read it, e.g. chmod a+rx "${directory}".`);
    throw error;
  }
}

/**
 * Hidden files (an editor's swap and temporary files among them) are never documents, nor
 * are Word's lock files ("~$notes.docx"), which sit beside a document while it is open.
 */
export function isHiddenName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$');
}

/** The folder order, which decides which of two files with the same id is kept. */
export const compareFileNames: (a: string, b: string) => number = new Intl.Collator('en').compare;

/** What a folder entry (a Dirent, or the Stats of an lstat) can be for the corpus. */
export function classifyEntry(entry: Pick<Dirent, 'name' | 'isFile' | 'isSymbolicLink' | 'isDirectory'>): CorpusEntry {
  const { name } = entry;
  if (entry.isFile()) return { name };
  if (entry.isSymbolicLink()) return { problem: { file: name, reason: 'skipped: a symbolic link; links are not followed, so copy the document itself into the folder' } };
  if (entry.isDirectory()) return { problem: { file: name, reason: 'skipped: a folder; only files directly in the corpus folder are read, so move its documents up' } };
  return { problem: { file: name, reason: 'skipped: not a regular file (a socket, pipe or device); put the document in as a plain file' } };
}

async function loadFile(directory: string, name: string, maxFileBytes: number): Promise<FileOutcome> {
  const kind = folderFormatOf(name);
  if ('reason' in kind) return { problem: { file: name, reason: kind.reason } };
  let bytes: Buffer;
  try {
    const read = await readRegularFile(path.join(directory, name), maxFileBytes);
    if ('reason' in read) return { problem: { file: name, reason: read.reason }, ...(read.transient && { transient: true as const }) };
    bytes = read.bytes;
  } catch (error) {
    return { problem: { file: name, reason: readFailure(error) }, transient: true };
  }
  return readDocumentFile(name, kind.format, bytes, { maxBytes: maxFileBytes });
}

async function readRegularFile(filePath: string, maxFileBytes: number): Promise<{ bytes: Buffer } | { reason: string; transient: boolean }> {
  const handle = await open(filePath, openFlags);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { reason: 'skipped: it is no longer a regular file (it changed while the folder was read); it is read again at the next start', transient: true };
    if (stats.size > maxFileBytes) return { reason: `skipped: ${stats.size} bytes is over the ${maxFileBytes}-byte limit; split the document or raise CORPUS_MAX_FILE_BYTES`, transient: false };
    return { bytes: await handle.readFile() };
  } finally {
    await handle.close();
  }
}

/** Why a listed file could not be read, in words that say what to do. */
function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'skipped: permission denied; let the user running the bot read it, e.g. chmod a+r on the file';
    case 'ENOENT':
      return 'skipped: the file was removed or renamed while the folder was being read; it is read again at the next start if it is back';
    case 'ELOOP':
      return 'skipped: it became a symbolic link while the folder was being read; links are not followed, so copy the document itself into the folder';
    case 'EMFILE':
    case 'ENFILE':
      return 'skipped: too many files are open on this machine; raise the open-file limit (ulimit -n) and start again';
    default:
      return `skipped: it could not be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}
