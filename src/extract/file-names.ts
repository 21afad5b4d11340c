import path from 'node:path';
import type { DocumentFormat } from './types.js';

/*
 * What a file's name says about its format, for messages and for the corpus folder, which
 * decides by name which files are documents. Kept apart from the sniffer so that reading a
 * name never loads the content detectors.
 */

export const supportedList = 'PDF, DOCX, HTML, Markdown and text';

export const formatNames: Record<DocumentFormat, string> = { pdf: 'a PDF', docx: 'a Word document (DOCX)', html: 'a web page (HTML)', markdown: 'Markdown', text: 'plain text' };

const byExtension: Record<string, DocumentFormat> = {
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
};

/** The format a file name's extension names (`.pdf`, `.htm`, `.md`…), or null for any other name. */
export function formatOfExtension(fileName: string): DocumentFormat | null {
  const extension = path.extname(fileName).toLowerCase();
  return Object.hasOwn(byExtension, extension) ? (byExtension[extension] ?? null) : null;
}

/** "`.pptx` is not supported; supported are PDF, DOCX, HTML, Markdown and text." */
export function unsupportedMessage(name: string | null): string {
  const what = name === null ? 'This type of file' : `\`${name}\``;
  const hint = name === '.doc' ? ' Save it as .docx in Word and add that.' : '';
  return `${what} is not supported; supported are ${supportedList}.${hint}`;
}

