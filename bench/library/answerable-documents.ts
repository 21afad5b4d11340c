/*
 * Documents for the time-to-answerable benchmark, made with the test fixtures' writers:
 * each holds one invented word that no other document has, placed where a reader would
 * least expect it to be found fast (the last page of a PDF, a Word file's footnote, the
 * last paragraph of a page), and a question that only that sentence answers.
 */
import type { DocumentFormat } from '../../src/corpus/types.js';
import { makeDocx, makeHtml, makePdf } from '../../tests/extract/fixtures/make.js';
import { wrapLines } from '../wrap-lines.js';

export interface AnswerableDocument {
  /** What the table calls it: a format, or "pdf (50 pages)". */
  label: string;
  format: DocumentFormat;
  fileName: string;
  bytes: Uint8Array;
  /** The invented word a quote must contain for the question to count as answered. */
  word: string;
  question: string;
  /** The page the word is on, for PDFs: the quote must cite it. */
  page?: number;
}

const topics = ['energy', 'transport', 'water', 'minerals', 'health', 'education', 'customs', 'agriculture', 'finance', 'digital'];

/** Ordinary text around the word: Japan's cooperation in Central Asia, varied by document and part. */
function filler(index: number, part: number): string {
  return `Item ${index}.${part}: Japan's cooperation on ${topics[(index + part) % topics.length] ?? 'policy'} in Central Asia was reviewed in session ${part} of the working group, with a report due by the end of the quarter.`;
}

/** "Zarqanov" plus letters for the index: a word of letters only, so the tokenizer keeps it whole and no stem is shared. */
function inventedWord(label: string, index: number): string {
  const letters = (value: number): string => (value < 26 ? String.fromCharCode(97 + value) : letters(Math.floor(value / 26) - 1) + String.fromCharCode(97 + (value % 26)));
  return `Zarqa${label.replace(/[^a-z]/g, '')}${letters(index)}`;
}

function answerSentence(word: string): string {
  return `The ${word} deposit agreement was signed in Navoi on 3 June 2025 by the ministers of both countries.`;
}

function base(label: string, format: DocumentFormat, index: number, extension: string): Pick<AnswerableDocument, 'label' | 'format' | 'fileName' | 'word' | 'question'> {
  const word = inventedWord(label, index);
  return { label, format, fileName: `answerable-${label.replace(/\W+/g, '-')}-${index}.${extension}`, word, question: `Where was the ${word} deposit agreement signed?` };
}

async function pdfDocument(label: string, index: number, pageCount: number): Promise<AnswerableDocument> {
  const meta = base(label, 'pdf', index, 'pdf');
  const pages = Array.from({ length: pageCount }, (_, page) => Array.from({ length: 6 }, (__, part) => wrapLines(filler(index, page * 6 + part), 70)));
  pages.at(-1)?.push(wrapLines(answerSentence(meta.word), 70));
  return { ...meta, page: pageCount, bytes: await makePdf({ info: { Title: `Working group report ${index}`, Author: `Analyst ${index}` }, pages }) };
}

function htmlDocument(index: number): AnswerableDocument {
  const meta = base('html', 'html', index, 'html');
  const paragraphs = [...Array.from({ length: 10 }, (_, part) => filler(index, part)), answerSentence(meta.word)];
  const html = makeHtml({ title: `Central Asia briefing ${index}`, author: `Reporter ${index}`, site: 'Asia Times', published: '2025-11-04', lang: 'en', paragraphs, metadata: 'meta' });
  return { ...meta, bytes: new TextEncoder().encode(html) };
}

async function docxDocument(index: number): Promise<AnswerableDocument> {
  const meta = base('docx', 'docx', index, 'docx');
  const paragraphs = Array.from({ length: 10 }, (_, part) => ({ text: filler(index, part), ...(part === 9 && { footnote: 1 }) }));
  return { ...meta, bytes: await makeDocx({ title: `Notes ${index}`, creator: `Colleague ${index}`, paragraphs, footnotes: { 1: answerSentence(meta.word) } }) };
}

function textDocument(format: 'markdown' | 'text', index: number): AnswerableDocument {
  const meta = base(format, format, index, format === 'markdown' ? 'md' : 'txt');
  const paragraphs = [...Array.from({ length: 10 }, (_, part) => filler(index, part)), answerSentence(meta.word)];
  const text = format === 'markdown' ? `---\ntitle: Reading notes ${index}\nauthor: Team ${index}\n---\n# Reading notes ${index}\n\n${paragraphs.join('\n\n')}\n` : `Reading notes ${index}\n\n${paragraphs.join('\n\n')}\n`;
  return { ...meta, bytes: new TextEncoder().encode(text) };
}

/** `count` documents of each kind, plus one more of each first, to warm up (the first PDF loads pdf.js). */
export async function answerableDocuments(count: number): Promise<AnswerableDocument[][]> {
  const kinds: ((index: number) => Promise<AnswerableDocument> | AnswerableDocument)[] = [
    (index) => pdfDocument('pdf', index, 3 + (index % 5)),
    (index) => pdfDocument('pdf (50 pages)', index, 50),
    htmlDocument,
    docxDocument,
    (index) => textDocument('markdown', index),
    (index) => textDocument('text', index),
  ];
  const groups: AnswerableDocument[][] = [];
  for (const make of kinds) {
    const group: AnswerableDocument[] = [];
    for (let index = 0; index <= count; index += 1) group.push(await make(index));
    groups.push(group);
  }
  return groups;
}
