import { createHash } from 'node:crypto';
import path from 'node:path';
import { formatOfExtension } from '../extract/file-names.js';
import { parseFrontMatter } from './front-matter.js';
import type { DocumentFormat, FileOutcome } from './types.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/*
 * Markdown and plain text as the corpus has always read them: UTF-8, optional YAML front
 * matter, the body after it untouched. The folder and the text extractor (src/extract/text.ts)
 * both read text files through these two functions, so a file means the same thing either way.
 */

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
      id: metadata?.id ?? idFromFileName(name),
      file: name,
      title: metadata?.title ?? titleFromFirstLine(body),
      author: metadata?.author ?? null,
      outlet: metadata?.outlet ?? null,
      published: metadata?.published ?? null,
      publishedBasis: metadata?.publishedBasis ?? null,
      body,
      contentHash: contentHashOf(bytes),
      format: textFormatOf(name),
      pages: null,
      scope: null,
      addition: null,
    },
  };
}

/** A file's id when nothing else names it: its name without the extension. */
export function idFromFileName(name: string): string {
  return path.basename(name, path.extname(name));
}

/** SHA-256 of the file's bytes: the same bytes are the same document, whatever its format. */
export function contentHashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Text by its extension (the one table in src/extract/file-names.ts); any other name is read as Markdown. */
function textFormatOf(name: string): Extract<DocumentFormat, 'markdown' | 'text'> {
  return formatOfExtension(name) === 'text' ? 'text' : 'markdown';
}

/** Without a title of its own, the first non-empty line names the document (Markdown heading marks dropped). */
export function titleFromFirstLine(body: string): string {
  const firstLine = body.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const title = firstLine.replace(/^#+\s*/, '').replace(/\*\*/g, '').trim();
  return title.length > 200 ? `${title.slice(0, 199)}…` : title;
}
