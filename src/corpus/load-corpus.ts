import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import { parseFrontMatter } from './front-matter.js';
import type { CorpusProblem, LoadedCorpus, SourceDocument } from './types.js';

export interface LoadCorpusOptions {
  /** Files larger than this are reported and skipped. */
  maxFileBytes?: number;
}

export const defaultCorpusOptions = { maxFileBytes: 2 * 1024 * 1024 } as const;

const documentExtensions = new Set(['.md', '.txt']);
const utf8 = new TextDecoder('utf-8', { fatal: true });

type FileOutcome = { document: SourceDocument } | { problem: CorpusProblem } | null;

/**
 * Loads every `.md` and `.txt` file of a corpus folder. One bad file never stops the
 * others: each is reported with its reason and the rest load. Only a missing folder is
 * an error, because then there is nothing to serve at all.
 */
export async function loadCorpus(directory: string, options: LoadCorpusOptions = {}): Promise<LoadedCorpus> {
  const maxFileBytes = options.maxFileBytes ?? defaultCorpusOptions.maxFileBytes;
  const names = await listFolder(directory);
  const outcomes = await Promise.all(names.map((name) => loadFile(directory, name, maxFileBytes)));

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

async function listFolder(directory: string): Promise<string[]> {
  try {
    const entries = await readdir(directory, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort((a, b) => a.localeCompare(b, 'en'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`The corpus folder ${directory} does not exist. Create it and put .md or .txt documents in it, or set CORPUS_DIR to the folder that has them.`);
    if (code === 'ENOTDIR') throw new UserError(`CORPUS_DIR points at ${directory}, which is a file. Set it to the folder that holds the documents.`);
    throw error;
  }
}

async function loadFile(directory: string, name: string, maxFileBytes: number): Promise<FileOutcome> {
  const extension = path.extname(name).toLowerCase();
  if (!documentExtensions.has(extension)) {
    return { problem: { file: name, reason: `skipped: only .md and .txt files are read (this is "${extension || 'no extension'}")` } };
  }
  const filePath = path.join(directory, name);
  const { size } = await stat(filePath);
  if (size > maxFileBytes) {
    return { problem: { file: name, reason: `skipped: ${size} bytes is over the ${maxFileBytes}-byte limit; split the document or raise CORPUS_MAX_FILE_BYTES` } };
  }
  const bytes = await readFile(filePath);
  const text = decodeText(bytes);
  if (typeof text !== 'string') return { problem: { file: name, reason: text.reason } };
  return parseDocumentFile(name, text, bytes);
}

/** A file's bytes as UTF-8 text without a byte-order mark, or why they are not text. */
export function decodeText(bytes: Uint8Array): string | { reason: string } {
  if (bytes.includes(0)) return { reason: 'skipped: binary file (it contains NUL bytes); save the document as plain UTF-8 text' };
  try {
    // A leading byte-order mark is not part of the text, so offsets start after it.
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return { reason: 'skipped: not valid UTF-8; re-save the file with UTF-8 encoding' };
  }
}

/** Turns one file's text into a document, or says why it cannot be one. */
export function parseDocumentFile(name: string, text: string, bytes: Uint8Array = Buffer.from(text)): FileOutcome {
  if (text.trim() === '') return { problem: { file: name, reason: 'skipped: the file is empty' } };
  const frontMatter = parseFrontMatter(text);
  if (!frontMatter.ok) return { problem: { file: name, line: frontMatter.line, reason: `invalid front matter on line ${frontMatter.line}: ${frontMatter.reason}` } };

  const body = text.slice(frontMatter.bodyOffset);
  if (body.trim() === '') return { problem: { file: name, reason: 'skipped: the document has front matter but no text' } };
  const metadata = frontMatter.metadata;
  return {
    document: {
      id: metadata?.id ?? path.basename(name, path.extname(name)),
      file: name,
      title: metadata?.title ?? titleFromFirstLine(body),
      author: metadata?.author ?? null,
      outlet: metadata?.outlet ?? null,
      published: metadata?.published ?? null,
      publishedBasis: metadata?.publishedBasis ?? null,
      body,
      contentHash: createHash('sha256').update(bytes).digest('hex'),
    },
  };
}

/** Without front matter, the first non-empty line names the document (Markdown heading marks dropped). */
function titleFromFirstLine(body: string): string {
  const firstLine = body.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const title = firstLine.replace(/^#+\s*/, '').replace(/\*\*/g, '').trim();
  return title.length > 200 ? `${title.slice(0, 199)}…` : title;
}
