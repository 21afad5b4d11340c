import { getDocumentProxy } from 'unpdf';
import { UserError } from '../errors.js';
import { timeUp } from './messages.js';
import { cleanField, emptyMetadata, pickDate } from './metadata.js';
import { linesToText, pageLines, withoutRunningLines, type Line, type TextRun } from './pdf-layout.js';
import { joinPages } from './pages.js';
import type { ExtractContext, ExtractInput, ExtractedDocument, ExtractedMetadata, Extractor } from './types.js';

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

/**
 * PDF through pdf.js (bundled by unpdf): text page by page, rejoined into paragraphs. The
 * body is the rejoined text itself, so a quote is an exact slice of what search matched,
 * and `pages` says which page each character is on.
 */
export const pdfExtractor: Extractor = {
  format: 'pdf',
  async extract(input: ExtractInput, context: ExtractContext): Promise<ExtractedDocument> {
    const pdf = await openPdf(input.bytes, context.label);
    try {
      if (pdf.numPages > context.limits.maxPages) {
        throw new UserError(`${context.label} has ${pdf.numPages} pages, over the limit of ${context.limits.maxPages}; split it into shorter parts and add those.`);
      }
      const texts = await readPages(pdf, context);
      const warnings: string[] = [];
      const { body, pages } = joinPages(texts);
      if (body.trim() === '') throw new UserError(`${context.label}: this PDF has no text to quote: it looks scanned. Run it through OCR (text recognition) and add the result.`);
      const blank = pages.filter((page) => page.start === page.end).map((page) => page.page);
      if (blank.length > 0) warnings.push(`${blank.length === 1 ? 'Page' : 'Pages'} ${blank.join(', ')} ${blank.length === 1 ? 'has' : 'have'} no text (scanned images?), so nothing there can be quoted.`);
      return { format: 'pdf', body, pages, metadata: await readMetadata(pdf, warnings), warnings };
    } finally {
      await pdf.destroy();
    }
  },
};

async function openPdf(bytes: Uint8Array, label: string): Promise<PdfDocument> {
  try {
    // pdf.js takes ownership of what it is given and refuses a Node Buffer, so it gets a plain copy; eval stays off for fonts from strangers.
    return await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, verbosity: 0, disableFontFace: true, useSystemFonts: false, stopAtErrors: false });
  } catch (error) {
    const name = (error as { name?: unknown }).name;
    if (name === 'PasswordException') throw new UserError(`${label}: this PDF is encrypted with a password, so its text cannot be read. Save a copy without the password (for example with "Print to PDF") and add that.`);
    if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException') throw new UserError(`${label} could not be read as a PDF: it looks damaged or incomplete. Download it again, or export a fresh PDF.`);
    throw error;
  }
}

async function readPages(pdf: PdfDocument, context: ExtractContext): Promise<string[]> {
  const pages: Line[][] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    if (performance.now() > context.deadline) throw timeUp(context);
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    pages.push(pageLines(content.items.filter((item): item is TextRun & (typeof content.items)[number] => 'str' in item)));
    page.cleanup();
  }
  return withoutRunningLines(pages).map(linesToText);
}

interface PdfInfo {
  Title?: unknown;
  Author?: unknown;
  CreationDate?: unknown;
  Language?: unknown;
}

/** XMP first, as readers do, then the older info dictionary. pdf.js gives XMP names in lower case. */
async function readMetadata(pdf: PdfDocument, warnings: string[]): Promise<ExtractedMetadata> {
  const { info, metadata } = await pdf.getMetadata();
  const pdfInfo = (info ?? {}) as PdfInfo;
  const xmp = (name: string): unknown => (metadata?.get(name) as unknown) ?? null;
  return {
    ...emptyMetadata,
    title: firstText(xmp('dc:title'), pdfInfo.Title),
    author: firstText(xmp('dc:creator'), pdfInfo.Author),
    language: firstText(pdfInfo.Language, xmp('dc:language')),
    ...pickDate(
      [
        { raw: xmp('prism:publicationdate'), basis: 'publication date in the PDF metadata (XMP)' },
        { raw: xmp('xmp:createdate'), basis: 'creation date in the PDF metadata (XMP)' },
        { raw: pdfInfo.CreationDate, basis: 'creation date in the PDF properties' },
      ],
      warnings,
    ),
  };
}

/** XMP gives lists for some fields (authors), strings for others. */
function firstText(...values: unknown[]): string | null {
  for (const value of values) {
    const text = Array.isArray(value) ? cleanField(value.filter((item) => typeof item === 'string').join(', ')) : cleanField(value);
    if (text !== null) return text;
  }
  return null;
}
