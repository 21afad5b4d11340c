import path from 'node:path';
import { isUserError } from '../errors.js';
import type * as ExtractModule from '../extract/extract.js';
import { formatOfExtension, supportedList, unsupportedMessage } from '../extract/file-names.js';
import type { ExtractLimits, ExtractedDocument } from '../extract/types.js';
import { contentHashOf, decodeText, idFromFileName, parseDocumentFile, titleFromFirstLine } from './text-document.js';
import type { DocumentFormat, FileOutcome, SourceDocument } from './types.js';

/*
 * The corpus folder's one seam for formats: which files are documents, and how each file's
 * bytes become one. Markdown and text are read as they always were (front matter and all);
 * every other format goes through the extractors of src/extract/, so a PDF in the folder and
 * one added from Discord become the same document.
 */

/**
 * Bumped whenever the same bytes would read as another document: the front matter rules, the
 * text decoding, the title rule, or any extractor of src/extract/. The library's cache of what
 * each file became (src/library/file-cache.ts) is only trusted at the same version.
 */
export const folderReaderVersion = 1;

/** The format a folder file is read as, by its extension, or why the file is not read. */
export function folderFormatOf(name: string): { format: DocumentFormat } | { reason: string } {
  const format = formatOfExtension(name);
  if (format !== null) return { format };
  const extension = path.extname(name).toLowerCase();
  if (extension === '') return { reason: `skipped: a file without an extension is not read; supported are ${supportedList}, so name it e.g. "${name}.md" or "${name}.pdf"` };
  return { reason: `skipped: ${unsupportedMessage(extension)}` };
}

let extractModule: Promise<typeof ExtractModule> | null = null;

/** Loaded at the first file that needs them: a folder of Markdown and text never pays for pdf.js, mammoth and Readability (about 2 s under tsx). */
function extractors(): Promise<typeof ExtractModule> {
  extractModule ??= import('../extract/extract.js');
  return extractModule;
}

/** Turns a folder file's bytes into a document of its format, or says why it cannot be one. Never throws. */
export async function readDocumentFile(name: string, format: DocumentFormat, bytes: Uint8Array, limits: Partial<ExtractLimits> = {}): Promise<FileOutcome> {
  if (format === 'markdown' || format === 'text') {
    const text = decodeText(bytes);
    return typeof text === 'string' ? parseDocumentFile(name, text, bytes) : { problem: { file: name, reason: text.reason } };
  }
  try {
    const { extractDocument } = await extractors();
    const extracted = await extractDocument({ bytes, fileName: name }, limits);
    return { document: documentFromExtraction(name, extracted, bytes) };
  } catch (error) {
    return { problem: { file: name, reason: extractionFailure(name, error) } };
  }
}

/**
 * An extracted document as the library serves it: its own metadata where it has some, the
 * file name as its id, its first line as the title when it has none. A folder document is
 * visible in every server and was not added by anyone.
 */
export function documentFromExtraction(name: string, extracted: ExtractedDocument, bytes: Uint8Array): SourceDocument {
  const { metadata } = extracted;
  const id = metadata.id ?? idFromFileName(name);
  return {
    id,
    file: name,
    title: metadata.title ?? (titleFromFirstLine(extracted.body) || id),
    author: metadata.author,
    outlet: metadata.outlet,
    published: metadata.published,
    publishedBasis: metadata.publishedBasis,
    body: extracted.body,
    contentHash: contentHashOf(bytes),
    format: extracted.format,
    pages: extracted.pages,
    scope: null,
    addition: null,
  };
}

/** An extractor's message names the file first ("\"a.pdf\": …", "\"a.pdf\" has …"); the folder's report already does. */
function extractionFailure(name: string, error: unknown): string {
  if (isUserError(error)) return `skipped: ${error.message.replace(`"${name}": `, '').replace(`"${name}" `, 'the file ')}`;
  // A reader's own failure on a strange file is still only this file's problem: the rest of the folder loads.
  return `skipped: it could not be read (${error instanceof Error ? error.message : String(error)}); export it again, or add it in another format`;
}
