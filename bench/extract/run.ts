/**
 * Extraction speed and quality per format, on documents the project makes (the test
 * fixtures' writers): 20 of each format, and a 50-page PDF read 20 times.
 *
 * Speed: p50 and p95 of extractDocument per file (warm: one of each is read first).
 * Quality: sentences quoted verbatim, sentences a passage holds whole (what ask() can quote,
 * after the corpus splits the body), sentences cited on the right page (PDF), metadata
 * fields found out of the fields each file has, and files whose body still holds some of
 * their boilerplate (running headers; navigation, ads and footers of web pages).
 *
 * Files of your own can be timed beside them (read `--count` times each; quality is not
 * scored, since their content is not known here):
 *
 *   npm run bench:extract [-- --out data/bench/extract.json] [--file report.pdf --file page.html]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { extractDocument } from '../../src/extract/extract.js';
import { documentFromExtraction } from '../../src/corpus/document-file.js';
import { pageAt } from '../../src/corpus/pages.js';
import { splitPassages } from '../../src/corpus/passages.js';
import type { ExtractedDocument, ExtractedMetadata } from '../../src/extract/types.js';
import { articleParagraphs, makeDocx, makeFiftyPagePdf, makeHtml, makePdf } from '../../tests/extract/fixtures/make.js';
import { percentile, table } from '../fit.js';
import { wrapLines } from '../wrap-lines.js';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'data/bench/extract.json' }, count: { type: 'string', default: '20' }, file: { type: 'string', multiple: true, default: [] } } });
const count = Number(values.count);

interface Sample {
  label: string;
  bytes: Uint8Array;
  fileName: string;
  /** Sentences that must be quotable word for word, with the page each is on (PDF only). */
  quotes: { text: string; page?: number }[];
  /** The metadata fields the file carries, with their values. */
  present: Partial<Record<keyof ExtractedMetadata, string>>;
  /** Boilerplate the file carries that the body must leave out (running headers, navigation, ads, footers). */
  absent?: string[];
}

const topics = ['energy', 'transport', 'water', 'minerals', 'health', 'education', 'customs', 'agriculture', 'finance', 'digital'];
const topicOf = (index: number) => topics[index % topics.length] ?? 'policy';
const sentence = (index: number, part: number) => `Item ${index}.${part}: Japan's cooperation on ${topicOf(index + part)} in Central Asia was reviewed in session ${part} of the working group, with a report due by the end of the quarter.`;

async function pdfSamples(): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let index = 0; index < count; index += 1) {
    const pageCount = 3 + (index % 5);
    const pages = Array.from({ length: pageCount }, (_, page) => Array.from({ length: 4 }, (__, part) => wrapLines(sentence(index, page * 4 + part), 70)));
    const title = `Working group report ${index} on ${topicOf(index)}`;
    const author = `Analyst ${index}`;
    const quotes = pages.flatMap((paragraphs, page) => paragraphs.map((_, part) => ({ text: sentence(index, page * 4 + part), page: page + 1 })));
    const runningHeader = index % 2 === 1 ? `Working group report ${index} — Central Asia` : undefined;
    samples.push({ label: 'pdf', fileName: `report-${index}.pdf`, bytes: await makePdf({ pages, runningHeader, info: { Title: title, Author: author, CreationDate: new Date(Date.UTC(2025, index % 12, 1 + index)) } }), quotes, absent: runningHeader ? [runningHeader] : [], present: { title, author, published: `2025-${String((index % 12) + 1).padStart(2, '0')}-${String(1 + index).padStart(2, '0')}` } });
  }
  return samples;
}

function htmlSamples(): Sample[] {
  return Array.from({ length: count }, (_, index) => {
    const paragraphs = [...articleParagraphs, ...Array.from({ length: 6 }, (__, part) => sentence(index, part))];
    const spec = { title: `Central Asia briefing ${index}: ${topicOf(index)}`, author: `Reporter ${index}`, site: 'Asia Times', published: `2025-11-${String(1 + (index % 28)).padStart(2, '0')}`, lang: 'en', paragraphs, metadata: index % 2 === 0 ? ('meta' as const) : ('json-ld' as const) };
    return { label: 'html', fileName: `article-${index}.html`, bytes: new TextEncoder().encode(makeHtml(spec)), quotes: paragraphs.map((text) => ({ text })), absent: ['Subscribe now', 'Accept all cookies', 'ADVERTISEMENT', 'Related stories', 'All rights reserved'], present: { title: spec.title, author: spec.author, outlet: spec.site, published: spec.published, language: 'en' } };
  });
}

async function docxSamples(): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let index = 0; index < count; index += 1) {
    const paragraphs = Array.from({ length: 12 }, (_, part) => ({ text: sentence(index, part), ...(part % 4 === 0 && { footnote: part / 4 + 1 }) }));
    const footnotes = { 1: `Minutes of session ${index}.`, 2: `Annex ${index} to the report.`, 3: `Ministry press release ${index}.` };
    const title = `Notes ${index} on ${topicOf(index)}`;
    const creator = `Colleague ${index}`;
    const quotes = [...paragraphs.map((paragraph) => ({ text: paragraph.text })), ...Object.entries(footnotes).map(([id, text]) => ({ text: `[${id}] ${text}` }))];
    samples.push({ label: 'docx', fileName: `notes-${index}.docx`, bytes: await makeDocx({ title, creator, paragraphs, footnotes }), quotes, present: { title, author: creator } });
  }
  return samples;
}

function textSamples(format: 'markdown' | 'text'): Sample[] {
  return Array.from({ length: count }, (_, index) => {
    const paragraphs = Array.from({ length: 12 }, (__, part) => sentence(index, part));
    const title = `Reading notes ${index}`;
    const text = format === 'markdown' ? `---\ntitle: ${title}\nauthor: Team ${index}\npublished: 2025-10\n---\n# ${title}\n\n${paragraphs.join('\n\n')}\n` : `${title}\n\n${paragraphs.join('\n\n')}\n`;
    return { label: format, fileName: `notes-${index}.${format === 'markdown' ? 'md' : 'txt'}`, bytes: new TextEncoder().encode(text), quotes: paragraphs.map((quote) => ({ text: quote })), present: format === 'markdown' ? { title, author: `Team ${index}`, published: '2025-10' } : { title } };
  });
}

function fieldValue(document: ExtractedDocument, field: keyof ExtractedMetadata): string | null {
  const value = document.metadata[field];
  if (value === null) return null;
  return typeof value === 'string' ? value : value.iso;
}

interface Row {
  format: string;
  files: number;
  p50Ms: number;
  p95Ms: number;
  quotesVerbatim: string;
  /** Quotes that a passage holds whole, as the corpus splits the body: what ask() can quote. */
  inPassages: string;
  pagesRight: string;
  metadataFound: string;
  /** Files whose body still holds some of their boilerplate, out of files that have any. */
  boilerplateLeft: string;
}

async function measure(label: string, samples: Sample[]): Promise<Row> {
  const first = samples[0];
  if (first) await extractDocument(first);
  const times: number[] = [];
  let quotes = 0;
  let verbatim = 0;
  let inPassages = 0;
  let paged = 0;
  let pagesRight = 0;
  let fields = 0;
  let found = 0;
  let withBoilerplate = 0;
  let boilerplateLeft = 0;
  for (const sample of samples) {
    const start = performance.now();
    const document = await extractDocument(sample);
    times.push(performance.now() - start);
    const passages = splitPassages(documentFromExtraction(sample.fileName, document, sample.bytes));
    for (const quote of sample.quotes) {
      quotes += 1;
      const offset = document.body.indexOf(quote.text);
      if (offset >= 0) verbatim += 1;
      if (passages.some((passage) => passage.text.includes(quote.text))) inPassages += 1;
      if (quote.page !== undefined) {
        paged += 1;
        if (offset >= 0 && pageAt(document.pages ?? [], offset) === quote.page) pagesRight += 1;
      }
    }
    if (sample.absent && sample.absent.length > 0) {
      withBoilerplate += 1;
      if (sample.absent.some((text) => document.body.includes(text))) boilerplateLeft += 1;
    }
    for (const [field, expected] of Object.entries(sample.present)) {
      fields += 1;
      if (fieldValue(document, field as keyof ExtractedMetadata) === expected) found += 1;
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { format: label, files: samples.length, p50Ms: round(percentile(sorted, 50)), p95Ms: round(percentile(sorted, 95)), quotesVerbatim: quotes === 0 ? '—' : `${verbatim}/${quotes}`, inPassages: quotes === 0 ? '—' : `${inPassages}/${quotes}`, pagesRight: paged === 0 ? '—' : `${pagesRight}/${paged}`, metadataFound: fields === 0 ? '—' : `${found}/${fields}`, boilerplateLeft: withBoilerplate === 0 ? '—' : `${boilerplateLeft}/${withBoilerplate}` };
}

const round = (value: number) => Math.round(value * 100) / 100;

const fifty = await makeFiftyPagePdf();
const fiftyQuotes = Array.from({ length: 50 }, (_, page) => ({ text: `Paragraph 6 of page ${page + 1} describes the policy of Japan in Central Asia, its loans, grants and technical cooperation, and the dialogue that has continued since 2004 between the foreign ministers of the six countries involved.`, page: page + 1 }));
const fiftySamples: Sample[] = Array.from({ length: count }, () => ({ label: 'pdf-50-pages', fileName: 'fifty.pdf', bytes: fifty, quotes: fiftyQuotes, present: { title: 'Fifty pages' } }));

const rows: Row[] = [];
rows.push(await measure('pdf (3–7 pages)', await pdfSamples()));
rows.push(await measure('pdf (50 pages)', fiftySamples));
rows.push(await measure('html', htmlSamples()));
rows.push(await measure('docx', await docxSamples()));
rows.push(await measure('markdown', textSamples('markdown')));
rows.push(await measure('text', textSamples('text')));
for (const file of values.file) {
  const bytes = readFileSync(file);
  const { pages } = await extractDocument({ bytes, fileName: path.basename(file) });
  const label = `${path.basename(file).slice(0, 24)}${pages ? ` (${pages.length} p.)` : ''}`;
  rows.push(await measure(label, Array.from({ length: count }, () => ({ label, bytes, fileName: path.basename(file), quotes: [], present: {} }))));
}

console.log(
  table([
    ['format', 'files', 'p50 ms', 'p95 ms', 'quotes verbatim', 'in passages', 'pages right', 'metadata found', 'boilerplate left'],
    ...rows.map((row) => [row.format, String(row.files), row.p50Ms.toFixed(2), row.p95Ms.toFixed(2), row.quotesVerbatim, row.inPassages, row.pagesRight, row.metadataFound, row.boilerplateLeft]),
  ]),
);

const out = path.resolve(values.out);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ node: process.version, measuredAt: new Date().toISOString(), rows }, null, 2)}\n`);
console.log(`\nwritten to ${path.relative(process.cwd(), out)}`);
