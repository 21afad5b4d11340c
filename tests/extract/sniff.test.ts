import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../src/errors.js';
import { extractDocument } from '../../src/extract/extract.js';
import { sniffFormat } from '../../src/extract/sniff.js';
import { articleParagraphs, makeDocx, makeHtml, makePdf, notesDocxSpec, reportPdfSpec } from './fixtures/make.js';
import { failure } from './helpers.js';

const encode = (text: string) => new TextEncoder().encode(text);
const html = makeHtml({ title: 'Minerals deal', author: 'Jane Doe', site: 'Asia Times', published: '2025-12-09', lang: 'en', paragraphs: articleParagraphs, metadata: 'meta' });
const pptx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'ppt/presentation.xml': strToU8('<p:presentation/>') });

describe('finding the real type from the bytes', () => {
  it('reads each supported format whatever its name says', async () => {
    expect((await sniffFormat({ bytes: await makePdf(reportPdfSpec), fileName: 'download' })).format).toBe('pdf');
    expect((await sniffFormat({ bytes: await makeDocx(notesDocxSpec), fileName: 'file.bin' })).format).toBe('docx');
    expect((await sniffFormat({ bytes: encode(html) })).format).toBe('html');
    expect((await sniffFormat({ bytes: encode('# Notes\n\nText'), fileName: 'notes.md' })).format).toBe('markdown');
    expect((await sniffFormat({ bytes: encode('Notes'), contentType: 'text/plain; charset=utf-8' })).format).toBe('text');
  });

  it('trusts a specific media type over an extension it does not know, as links end in .php', async () => {
    const fragment = '<div><p>Article text.</p></div>';
    expect((await sniffFormat({ bytes: encode(fragment), fileName: 'news.php', contentType: 'text/html; charset=utf-8' })).format).toBe('html');
  });

  it('catches a web page served as a PDF and reads it as HTML, with a warning that says so', async () => {
    const document = await extractDocument({ bytes: encode(html), fileName: 'report.pdf', contentType: 'application/pdf' });
    expect(document.format).toBe('html');
    expect(document.warnings[0]).toBe('It was named or served as a PDF (.pdf), but its content is a web page (HTML); it was read as a web page (HTML). If you expected the document itself, the link may lead to a login or error page instead.');
  });

  it('names an unsupported type by its extension, listing what is supported', async () => {
    const error = await failure(extractDocument({ bytes: pptx, fileName: 'slides.pptx' }));
    expect(isUserError(error)).toBe(true);
    expect(error.message).toBe('`.pptx` is not supported; supported are PDF, DOCX, HTML, Markdown and text.');
  });

  it('names an unsupported file by its extension though it also carries a media type, as a Discord attachment does', async () => {
    const slides = { bytes: pptx, fileName: 'slides.pptx', contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' };
    expect((await failure(extractDocument(slides))).message).toBe('`.pptx` is not supported; supported are PDF, DOCX, HTML, Markdown and text.');
    expect((await failure(extractDocument({ bytes: encode('a,b\n1,2'), fileName: 'table.csv', contentType: 'text/csv' }))).message).toBe('`.csv` is not supported; supported are PDF, DOCX, HTML, Markdown and text.');
  });

  it('names an unsupported type from its bytes when the name says nothing', async () => {
    expect((await failure(extractDocument({ bytes: pptx }))).message).toBe('`.pptx` is not supported; supported are PDF, DOCX, HTML, Markdown and text.');
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
    expect((await failure(extractDocument({ bytes: png, fileName: 'photo' }))).message).toBe('`.png` is not supported; supported are PDF, DOCX, HTML, Markdown and text.');
  });

  it('says a file named as a supported type but holding unknown binary data is not what it says', async () => {
    const error = await failure(extractDocument({ bytes: Uint8Array.from([1, 2, 3, 0, 0, 255, 254, 7]), fileName: 'notes.md' }));
    expect(error.message).toBe('This file is named or served as Markdown (.md), but its content is not: it holds binary data of an unknown kind. It may be damaged; download or export it again.');
  });

  it('suggests saving an old Word .doc file as .docx', async () => {
    const cfb = new Uint8Array(1024);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const error = await failure(extractDocument({ bytes: cfb, fileName: 'old.doc' }));
    expect(error.message).toBe('`.doc` is not supported; supported are PDF, DOCX, HTML, Markdown and text. Save it as .docx in Word and add that.');
  });

  it('names a text type it does not read, by extension or by media type', async () => {
    expect((await failure(extractDocument({ bytes: encode('a,b\n1,2'), fileName: 'table.csv' }))).message).toBe('`.csv` is not supported; supported are PDF, DOCX, HTML, Markdown and text.');
    expect((await failure(extractDocument({ bytes: encode('a,b\n1,2'), contentType: 'text/csv' }))).message).toBe('`text/csv` is not supported; supported are PDF, DOCX, HTML, Markdown and text.');
  });
});

describe('limits before reading', () => {
  it('refuses an empty file', async () => {
    expect((await failure(extractDocument({ bytes: new Uint8Array(0), fileName: 'empty.pdf' }))).message).toBe('"empty.pdf" is empty.');
  });

  it('refuses a file over the size cap, naming both sizes', async () => {
    const error = await failure(extractDocument({ bytes: new Uint8Array(3 * 1024 * 1024).fill(0x61), fileName: 'big.txt' }, { maxBytes: 2 * 1024 * 1024 }));
    expect(error.message).toBe('"big.txt" is 3 MB, over the 2 MB limit; add a smaller file or split it.');
  });

  it('says a broken zip is damaged rather than unsupported', async () => {
    const error = await failure(extractDocument({ bytes: encode('PK\u0003\u0004 not really a zip'), fileName: 'x.docx' }));
    expect(error.message).toContain('looks like a ZIP archive but its directory cannot be read');
  });
});
