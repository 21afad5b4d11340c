import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { UserError } from '../errors.js';
import { readHtmlMetadata } from './html-metadata.js';
import { htmlToText } from './html-text.js';
import { decodeHtml } from './charset.js';
import type { ExtractContext, ExtractInput, ExtractedDocument, Extractor } from './types.js';

/**
 * A web page: its main content as Readability finds it (navigation, footers, ads and
 * comments left out), turned into paragraphs, with metadata from the page's tags.
 */
export const htmlExtractor: Extractor = {
  format: 'html',
  extract(input: ExtractInput, context: ExtractContext): Promise<ExtractedDocument> {
    const warnings: string[] = [];
    const html = decodeHtml(input.bytes, input.contentType ?? null, warnings);
    const { document } = parseHTML(html);
    // Readability rewrites the document, so the page's own metadata is read from a copy parsed first.
    const article = new Readability(parseHTML(html).document).parse();
    const metadata = readHtmlMetadata(document, article ?? {}, warnings);
    const body = htmlToText(article?.content ?? '');
    if (body === '') throw new UserError(`${context.label}: this page has no article text to quote. If it needs a login or runs on scripts, save the article as PDF and add that instead.`);
    return Promise.resolve({ format: 'html', body, metadata, pages: null, warnings });
  },
};
