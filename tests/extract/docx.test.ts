import { describe, expect, it, beforeAll } from 'vitest';
import { splitPassages } from '../../src/corpus/passages.js';
import { isUserError } from '../../src/errors.js';
import { extractDocument } from '../../src/extract/extract.js';
import type { ExtractedDocument } from '../../src/extract/types.js';
import { makeDocx, makeLyingZipBomb, makeZipBomb, notesDocxSpec, withDataDescriptors } from './fixtures/make.js';
import { asSourceDocument, failure, offsetOf } from './helpers.js';

let notes: ExtractedDocument;

beforeAll(async () => {
  notes = await extractDocument({ bytes: await makeDocx(notesDocxSpec), fileName: 'notes.docx' });
});

describe('Word documents', () => {
  it('keeps the text with its footnote marks', () => {
    offsetOf(notes, 'The summit produced a joint declaration on critical minerals.[1]');
    offsetOf(notes, 'Kazakhstan and Japan signed a memorandum on rare earth processing.[2]');
    offsetOf(notes, 'Follow-up meetings are planned for the autumn.');
  });

  it('keeps the footnotes themselves, each as a "[n] text" paragraph the passage splitter reads as a footnote', () => {
    offsetOf(notes, '[1] Joint Declaration of the Central Asia plus Japan Summit, December 2025.');
    offsetOf(notes, '[2] Ministry of Economy, Trade and Industry press release.');
    expect(notes.body).not.toContain('↑');
    const footnotes = splitPassages(asSourceDocument(notes)).filter((passage) => passage.kind === 'footnote');
    expect(footnotes.map((passage) => passage.text)).toEqual(['[1] Joint Declaration of the Central Asia plus Japan Summit, December 2025.', '[2] Ministry of Economy, Trade and Industry press release.']);
  });

  it('reads title and author from docProps/core.xml, and the creation date with its basis', () => {
    expect(notes.metadata).toMatchObject({ title: 'Notes on the Tokyo Summit', author: 'Aiko Sato', outlet: null });
    expect(notes.metadata.published?.precision).toBe('day');
    expect(notes.metadata.publishedBasis).toBe("creation date in the Word file's properties");
  });

  it('keeps endnotes beside footnotes, each with the mark its reference shows', async () => {
    const spec = { ...notesDocxSpec, paragraphs: [...notesDocxSpec.paragraphs, { text: 'A closing remark.', endnote: 1 }], endnotes: { 1: 'Author interview, January 2026.' } };
    const document = await extractDocument({ bytes: await makeDocx(spec), fileName: 'notes.docx' });
    const mark = /A closing remark\.(\[\d+\])/.exec(document.body)?.[1];
    expect(mark).toBe('[3]');
    offsetOf(document, `${mark ?? ''} Author interview, January 2026.`);
    offsetOf(document, '[1] Joint Declaration of the Central Asia plus Japan Summit, December 2025.');
  });

  it('writes a table as rows the passage splitter reads, the first row giving the column names', async () => {
    const table = [['Country', 'Loan (billion yen)'], ['Uzbekistan', '39'], ['Kazakhstan', '12']];
    const document = await extractDocument({ bytes: await makeDocx({ ...notesDocxSpec, table }), fileName: 'table.docx' });
    offsetOf(document, '| Country | Loan (billion yen) |\n| Uzbekistan | 39 |\n| Kazakhstan | 12 |');
    const row = splitPassages(asSourceDocument(document)).find((passage) => passage.text === '| Uzbekistan | 39 |');
    expect(row).toMatchObject({ kind: 'table-row', context: 'Country: Uzbekistan; Loan (billion yen): 39' });
  });

  it('reads a zip whose sizes come in data descriptors after each entry', async () => {
    const streamed = withDataDescriptors(await makeDocx(notesDocxSpec));
    expect((streamed[6] ?? 0) & 8).toBe(8);
    const document = await extractDocument({ bytes: streamed, fileName: 'streamed.docx' });
    expect(document.body).toBe(notes.body);
    expect(document.metadata.title).toBe('Notes on the Tokyo Summit');
  });

  it('leaves title and author unknown when the properties do not have them', async () => {
    const bare = await extractDocument({ bytes: await makeDocx({ ...notesDocxSpec, title: undefined, creator: undefined }), fileName: 'bare.docx' });
    expect(bare.metadata.title).toBeNull();
    expect(bare.metadata.author).not.toBe('Aiko Sato');
  });
});

describe('Word document failures', () => {
  it('refuses a zip bomb by its declared sizes before inflating it', async () => {
    const error = await failure(extractDocument({ bytes: makeZipBomb(8), fileName: 'bomb.docx' }));
    expect(isUserError(error)).toBe(true);
    expect(error.message).toMatch(/^"bomb.docx" was refused: word\/document.xml would grow \d+ times when unpacked, so it looks like a zip bomb/);
  });

  it('refuses a zip that would unpack past the limit in all', async () => {
    const error = await failure(extractDocument({ bytes: await makeDocx(notesDocxSpec), fileName: 'big.docx' }, { maxUnpackedBytes: 2000 }));
    expect(isUserError(error)).toBe(true);
    expect(error.message).toMatch(/^"big.docx" would unpack to \d+ KB, over the 2 KB limit\. Remove large images/);
  });

  it('stops a zip bomb whose headers lie about its sizes once the real bytes pass the limit', async () => {
    const error = await failure(extractDocument({ bytes: makeLyingZipBomb(8), fileName: 'liar.docx' }, { maxUnpackedBytes: 2 * 1024 * 1024 }));
    expect(isUserError(error)).toBe(true);
    expect(error.message).toContain('it unpacks to more than 2 MB, so it looks like a zip bomb');
  });

  it('says a cut-short Word file is damaged', async () => {
    const bytes = await makeDocx(notesDocxSpec);
    const error = await failure(extractDocument({ bytes: bytes.subarray(0, bytes.length - 200), fileName: 'cut.docx' }));
    expect(isUserError(error)).toBe(true);
    expect(error.message).toMatch(/damaged|cut short/);
  });
});
