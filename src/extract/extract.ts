import { UserError } from '../errors.js';
import { docxExtractor } from './docx.js';
import { htmlExtractor } from './html.js';
import { megabytes, timeUp } from './messages.js';
import { pdfExtractor } from './pdf.js';
import { sniffFormat } from './sniff.js';
import { markdownExtractor, plainTextExtractor } from './text.js';
import { defaultExtractLimits, type DocumentFormat, type ExtractContext, type ExtractInput, type ExtractLimits, type ExtractedDocument, type Extractor } from './types.js';

/** The one place formats are listed: adding a format is adding its module here. */
export const extractors: Record<DocumentFormat, Extractor> = {
  pdf: pdfExtractor,
  docx: docxExtractor,
  html: htmlExtractor,
  markdown: markdownExtractor,
  text: plainTextExtractor,
};

/**
 * Reads a document of any supported format from its bytes. The real format is sniffed
 * from the bytes; size, pages, unpacked size and time are bounded by `limits`. Anything
 * the person can act on (an unsupported type, a scanned PDF, a zip bomb) is a UserError
 * whose message says what to do.
 *
 * @example
 * const link = await fetchLink(url, { allowPrivate: config.links.allowPrivate });
 * const document = await extractDocument(link); // a FetchedLink is an ExtractInput
 * const { page } = pageRange(document.pages ?? [], passage.start, passage.end) ?? {}; // src/corpus/pages.ts
 */
export async function extractDocument(input: ExtractInput, limits: Partial<ExtractLimits> = {}): Promise<ExtractedDocument> {
  const bounds: ExtractLimits = { ...defaultExtractLimits, ...limits };
  const label = input.fileName ? `"${input.fileName}"` : 'This file';
  if (input.bytes.length === 0) throw new UserError(`${label} is empty.`);
  if (input.bytes.length > bounds.maxBytes) throw new UserError(`${label} is ${megabytes(input.bytes.length)}, over the ${megabytes(bounds.maxBytes)} limit; add a smaller file or split it.`);
  const context: ExtractContext = { limits: bounds, deadline: performance.now() + bounds.timeoutMs, label };
  const sniffed = await sniffFormat(input);
  const document = await withinTime(extractors[sniffed.format].extract(input, context), context);
  return { ...document, warnings: [...sniffed.warnings, ...document.warnings] };
}

/** Extractors check the deadline between steps; this also stops waiting on one that stalls inside a step. */
async function withinTime<T>(work: Promise<T>, context: ExtractContext): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeUp(context)), Math.max(0, context.deadline - performance.now()));
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
