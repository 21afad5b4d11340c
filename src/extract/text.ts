import path from 'node:path';
import { decodeText, parseDocumentFile } from '../corpus/text-document.js';
import { UserError } from '../errors.js';
import type { DocumentFormat, ExtractContext, ExtractInput, ExtractedDocument, Extractor } from './types.js';

/**
 * Markdown and plain text, read exactly as the corpus folder reads them: UTF-8, optional
 * YAML front matter, the body after it untouched. The corpus loader's own functions do
 * the work so a file means the same thing dropped in the folder or added from Discord.
 */
function textExtractor(format: Extract<DocumentFormat, 'markdown' | 'text'>): Extractor {
  return {
    format,
    extract(input: ExtractInput, context: ExtractContext): Promise<ExtractedDocument> {
      const text = decodeText(input.bytes);
      if (typeof text !== 'string') throw new UserError(`${context.label}: ${forPerson(text.reason)}`);
      const name = input.fileName ?? `document.${format === 'markdown' ? 'md' : 'txt'}`;
      const outcome = parseDocumentFile(name, text, input.bytes);
      if (outcome === null) throw new UserError(`${context.label} could not be read.`);
      if ('problem' in outcome) throw new UserError(`${context.label}: ${forPerson(outcome.problem.reason)}`);
      const { document } = outcome;
      return Promise.resolve({
        format,
        body: document.body,
        metadata: {
          // The loader falls back to the file name for an id; only an id the front matter declares is the document's own.
          id: document.id === path.basename(name, path.extname(name)) ? null : document.id,
          title: document.title === '' ? null : document.title,
          author: document.author,
          outlet: document.outlet,
          published: document.published,
          publishedBasis: document.published ? (document.publishedBasis ?? 'front matter') : null,
          language: null,
        },
        pages: null,
        warnings: [],
      });
    },
  };
}

/** The loader's reasons address the folder's keeper ("skipped: …"); here the file was refused, not skipped. */
function forPerson(reason: string): string {
  return reason.replace(/^skipped: /, '');
}

export const markdownExtractor = textExtractor('markdown');
export const plainTextExtractor = textExtractor('text');
