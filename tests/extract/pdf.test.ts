import { beforeAll, describe, expect, it } from 'vitest';
import { splitPassages } from '../../src/corpus/passages.js';
import { isUserError } from '../../src/errors.js';
import { extractDocument } from '../../src/extract/extract.js';
import { pageAt, pageRange } from '../../src/corpus/pages.js';
import type { ExtractedDocument } from '../../src/extract/types.js';
import { makeFiftyPagePdf, makePdf, reportPdfSpec } from './fixtures/make.js';
import { asSourceDocument, failure, offsetOf } from './helpers.js';

let report: ExtractedDocument;

beforeAll(async () => {
  report = await extractDocument({ bytes: await makePdf(reportPdfSpec), fileName: 'report.pdf' });
});

describe('PDF text', () => {
  it('rejoins a word hyphenated at a line end, so the quote reads "cooperation"', () => {
    offsetOf(report, 'the main forum for regional cooperation between Tokyo and the five republics.');
    expect(report.body).not.toContain('coop-');
  });

  it('joins wrapped lines with one space and keeps paragraphs apart with a blank line', () => {
    offsetOf(report, 'Official development assistance rose steadily through the decade, with transport and energy projects taking the largest share.');
    expect(report.body).toContain('five republics.\n\nOfficial development');
  });

  it('keeps a hyphen that is part of the text, as in "head-of-state" and "Trans-Caspian"', () => {
    offsetOf(report, 'the first at head-of-state level, to discuss critical minerals and connectivity along the Trans-Caspian route.');
  });

  it('says which page each quote is on', () => {
    expect(pageAt(report.pages ?? [], offsetOf(report, 'launched in 2004'))).toBe(1);
    expect(pageAt(report.pages ?? [], offsetOf(report, 'a yen loan of 39 billion yen for the modernisation'))).toBe(2);
    expect(pageAt(report.pages ?? [], offsetOf(report, 'diversify away from a single dominant supplier'))).toBe(3);
  });

  it('gives page spans that hold exactly each page\'s text', () => {
    const [first, second, third] = report.pages ?? [];
    expect(report.pages).toHaveLength(3);
    expect(report.body.slice(first?.start, first?.end)).toMatch(/^Japan and Central Asia: A Decade of Dialogue[\s\S]*largest share\.$/);
    expect(report.body.slice(second?.start, second?.end)).toMatch(/^In 2024 the leaders[\s\S]*power grid\.$/);
    expect(report.body.slice(third?.start, third?.end)).toMatch(/^Observers expect[\s\S]*supplier\.$/);
  });

  it('splits into passages that quote the body exactly and cite the right page', () => {
    const passages = splitPassages(asSourceDocument(report));
    expect(passages.length).toBeGreaterThanOrEqual(4);
    for (const passage of passages) expect(report.body.slice(passage.start, passage.end)).toBe(passage.text);
    const loan = passages.find((passage) => passage.text.includes('39 billion yen'));
    expect(loan && pageRange(report.pages ?? [], loan.start, loan.end)).toEqual({ page: 2 });
  });
});

describe('PDF input', () => {
  it('reads a Node Buffer, as file reads and downloads give, and leaves it as it was', async () => {
    const buffer = Buffer.from(await makePdf(reportPdfSpec));
    const before = Buffer.from(buffer);
    const document = await extractDocument({ bytes: buffer, fileName: 'report.pdf' });
    expect(document.body).toBe(report.body);
    expect(buffer.equals(before)).toBe(true);
  });
});

describe('PDF metadata', () => {
  it('reads title, author, language and date from the info dictionary', () => {
    expect(report.metadata).toMatchObject({ title: 'Japan and Central Asia: A Decade of Dialogue', author: 'Keiko Tanaka', language: 'en-GB', published: { iso: '2025-05-05', precision: 'day' } });
    expect(report.metadata.publishedBasis).toBe('creation date in the PDF properties');
    expect(report.warnings).toEqual([]);
  });

  it('prefers the XMP metadata, where a publication date is more than a file date', async () => {
    const xmp = '<rdf:Description rdf:about="" xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/"><prism:publicationDate>2025-03</prism:publicationDate></rdf:Description>';
    const document = await extractDocument({ bytes: await makePdf({ ...reportPdfSpec, xmp }), fileName: 'xmp.pdf' });
    expect(document.metadata).toMatchObject({ title: 'Japan and Central Asia: A Decade of Dialogue', author: 'Keiko Tanaka', published: { iso: '2025-03', precision: 'month' }, publishedBasis: 'publication date in the PDF metadata (XMP)' });
  });

  it('leaves fields the PDF does not have as null rather than guessing', async () => {
    const bare = await extractDocument({ bytes: await makePdf({ pages: reportPdfSpec.pages }), fileName: 'bare.pdf' });
    expect(bare.metadata.title).toBeNull();
    expect(bare.metadata.author).toBeNull();
    expect(bare.metadata.outlet).toBeNull();
  });
});

describe('PDF failures', () => {
  it('says a PDF without a text layer looks scanned', async () => {
    const error = await failure(extractDocument({ bytes: await makePdf({ ...reportPdfSpec, scanned: true }), fileName: 'scan.pdf' }));
    expect(isUserError(error)).toBe(true);
    expect(error.message).toContain('this PDF has no text to quote: it looks scanned');
  });

  it('says an encrypted PDF needs a copy without the password', async () => {
    const error = await failure(extractDocument({ bytes: await makePdf({ ...reportPdfSpec, userPassword: 'secret' }), fileName: 'locked.pdf' }));
    expect(isUserError(error)).toBe(true);
    expect(error.message).toContain('this PDF is encrypted with a password');
  });

  it('refuses a PDF over the page cap, naming both counts', async () => {
    const error = await failure(extractDocument({ bytes: await makeFiftyPagePdf(), fileName: 'long.pdf' }, { maxPages: 20 }));
    expect(isUserError(error)).toBe(true);
    expect(error.message).toBe('"long.pdf" has 50 pages, over the limit of 20; split it into shorter parts and add those.');
  });

  it('stops at the time cap with a message', async () => {
    const error = await failure(extractDocument({ bytes: await makeFiftyPagePdf(), fileName: 'slow.pdf' }, { timeoutMs: 1 }));
    expect(isUserError(error)).toBe(true);
    expect(error.message).toContain('took longer than 0.001 s to read and was stopped');
  });

  it('says a truncated PDF looks damaged', async () => {
    const bytes = await makePdf(reportPdfSpec);
    const error = await failure(extractDocument({ bytes: bytes.subarray(0, 400), fileName: 'cut.pdf' }));
    expect(isUserError(error)).toBe(true);
    expect(error.message).toMatch(/could not be read as a PDF: it looks damaged|no text to quote/);
  });

  it('warns about pages without text in an otherwise readable PDF', async () => {
    const mixed = await extractDocument({ bytes: await makePdf({ pages: [reportPdfSpec.pages[0] ?? [], []] }), fileName: 'mixed.pdf' });
    expect(mixed.pages).toHaveLength(2);
    expect(mixed.warnings).toContain('Page 2 has no text (scanned images?), so nothing there can be quoted.');
  });
});

describe('PDF layout', () => {
  it('leaves out a running header and the page numbers, and keeps a heading apart from the text under it', async () => {
    const pages = [
      [['Summary'], ['Japan expanded its presence in the region through', 'new yen loans and technical cooperation.']],
      [['Energy'], ['The largest loan went to a power plant in Uzbek-', 'istan, financed over thirty years.']],
      [['Outlook'], ['Further projects depend on the next summit.']],
    ];
    const document = await extractDocument({ bytes: await makePdf({ pages, runningHeader: 'Japan in Central Asia — Quarterly Review', headingSize: 16 }), fileName: 'review.pdf' });
    expect(document.body).not.toContain('Quarterly Review');
    expect(document.body).toBe(
      'Summary\n\nJapan expanded its presence in the region through new yen loans and technical cooperation.\n\n' +
        'Energy\n\nThe largest loan went to a power plant in Uzbekistan, financed over thirty years.\n\n' +
        'Outlook\n\nFurther projects depend on the next summit.',
    );
    expect(pageAt(document.pages ?? [], offsetOf(document, 'power plant in Uzbekistan'))).toBe(2);
  });
});
