import mammoth from 'mammoth';
import { unzipSync } from 'fflate';
import { DOMParser, parseHTML } from 'linkedom';
import { UserError } from '../errors.js';
import { htmlToText } from './html-text.js';
import { cleanField, emptyMetadata, pickDate } from './metadata.js';
import type { ExtractContext, ExtractInput, ExtractedDocument, ExtractedMetadata, Extractor } from './types.js';
import { repackZipSafely } from './zip-guard.js';

/**
 * A Word document through mammoth's HTML conversion, which keeps footnotes and endnotes
 * (its raw-text mode drops them), turned into paragraphs. Each note ends the body as a
 * paragraph "[1] …", the mark the corpus already reads as a footnote. The zip is unpacked
 * within limits first, so a zip bomb is refused before mammoth sees it.
 */
export const docxExtractor: Extractor = {
  format: 'docx',
  async extract(input: ExtractInput, context: ExtractContext): Promise<ExtractedDocument> {
    const safe = repackZipSafely(input.bytes, { maxUnpackedBytes: context.limits.maxUnpackedBytes }, context.label);
    const html = await convertToHtml(safe, context.label);
    const body = htmlToText(withNotesAsParagraphs(html));
    if (body === '') throw new UserError(`${context.label}: this Word file has no text to quote.`);
    const warnings: string[] = [];
    return { format: 'docx', body, metadata: readCoreProperties(safe, warnings), pages: null, warnings };
  },
};

async function convertToHtml(bytes: Uint8Array, label: string): Promise<string> {
  try {
    // Images are left out: they cannot be quoted, and inlining them as data URLs would only cost memory.
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) });
    return result.value;
  } catch {
    throw new UserError(`${label} could not be read as a Word document (.docx). Open it in Word, save it as .docx again, and add the new copy.`);
  }
}

/**
 * mammoth writes notes as `<li id="footnote-1">` with a "↑" link back; here each becomes a
 * paragraph that starts with the mark its reference shows in the text ("[1] …"), so a
 * document with both footnotes and endnotes keeps each note's own number.
 */
function withNotesAsParagraphs(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const backLink of document.querySelectorAll('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]')) backLink.remove();
  const marks = new Map<string, string>();
  for (const reference of document.querySelectorAll('a[href^="#footnote-"], a[href^="#endnote-"]')) marks.set((reference.getAttribute('href') ?? '').slice(1), cleanField(reference.textContent) ?? '');
  for (const list of document.querySelectorAll('ol')) {
    const notes = [...list.children].filter((item) => /^(?:foot|end)note-\d+$/.test(item.getAttribute('id') ?? ''));
    if (notes.length === 0 || notes.length !== list.children.length) continue;
    const paragraphs = notes.map((note) => {
      const paragraph = document.createElement('p');
      const id = note.getAttribute('id') ?? '';
      paragraph.textContent = `${marks.get(id) || `[${id.replace(/\D+/g, '')}]`} ${cleanField(note.textContent) ?? ''}`;
      return paragraph;
    });
    list.replaceWith(...paragraphs);
  }
  return document.body.innerHTML;
}

/** Title, author, language and creation date from docProps/core.xml, when the file has them. */
function readCoreProperties(bytes: Uint8Array, warnings: string[]): ExtractedMetadata {
  const core = unzipSync(bytes, { filter: (file) => file.name === 'docProps/core.xml' })['docProps/core.xml'];
  if (!core) return { ...emptyMetadata };
  const document = new DOMParser().parseFromString(new TextDecoder().decode(core), 'text/xml');
  const field = (tag: string): string | null => cleanField(document.getElementsByTagName(tag)[0]?.textContent);
  return {
    ...emptyMetadata,
    title: field('dc:title'),
    author: field('dc:creator'),
    language: field('dc:language'),
    ...pickDate([{ raw: field('dcterms:created'), basis: 'creation date in the Word file\'s properties' }], warnings),
  };
}
