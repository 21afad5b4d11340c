import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { splitPassages } from '../../src/corpus/passages.js';
import type { LoadedCorpus, SourceDocument } from '../../src/corpus/types.js';
import { extractKeyEvents } from '../../src/dates/key-events.js';
import { buildTimeline } from '../../src/dates/timeline.js';
import { renderEntry } from '../../src/discord/render/timeline.js';
import { openSearchService, type SearchService } from '../../src/search/search-service.js';
import { articleParagraphs, makeDocx, makeHtml, makePdf, notesDocxSpec, reportPdfSpec, type HtmlSpec } from '../extract/fixtures/make.js';
import { captureLogger } from '../search/helpers.js';

/*
 * The corpus folder reads every supported format through the extractors: a multi-page PDF
 * with hyphenated line ends, a web page wrapped in navigation, ads and a footer, and a Word
 * file with footnotes, beside a Markdown file whose front matter is read as it always was.
 */

const article: HtmlSpec = { title: 'Japan and Central Asia agree on minerals', author: 'Jane Doe', site: 'Asia Times', published: '2025-12-09T10:00:00+09:00', lang: 'en', paragraphs: articleParagraphs, metadata: 'json-ld' };
const memo = '---\ntitle: Field memo\nauthor: Team Almaty\npublished: 2025-10\n---\nField memo\n\nThe delegation met the governor of Samarkand on Tuesday.\n';

/** The metadata each file carries, as its writer put it there: what "found out of present" is counted against. */
const present: Record<string, Partial<Record<'title' | 'author' | 'outlet' | 'published', string>>> = {
  report: { title: 'Japan and Central Asia: A Decade of Dialogue', author: 'Keiko Tanaka', published: '2025-05-05' },
  article: { title: article.title, author: article.author, outlet: article.site, published: '2025-12-09' },
  notes: { title: 'Notes on the Tokyo Summit', author: 'Aiko Sato' },
  memo: { title: 'Field memo', author: 'Team Almaty', published: '2025-10' },
};

let folder: string;
let corpus: LoadedCorpus;
let search: SearchService;

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'corpus-formats-'));
  await writeFile(path.join(folder, 'report.pdf'), await makePdf(reportPdfSpec));
  await writeFile(path.join(folder, 'article.html'), makeHtml(article));
  await writeFile(path.join(folder, 'notes.docx'), await makeDocx(notesDocxSpec));
  await writeFile(path.join(folder, 'memo.md'), memo);
  corpus = await loadCorpus(folder);
  search = await openSearchService({ corpus, dataDir: path.join(folder, '.data'), logger: captureLogger().logger, synonyms: false });
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const byId = (id: string): SourceDocument => {
  const document = corpus.documents.find((candidate) => candidate.id === id);
  if (!document) throw new Error(`no document ${id}`);
  return document;
};

describe('a folder of mixed formats', () => {
  it('serves each file as a document of its format, with pages only for the PDF', () => {
    expect(corpus.problems).toEqual([]);
    expect(corpus.documents.map(({ id, file, format }) => ({ id, file, format }))).toEqual([
      { id: 'article', file: 'article.html', format: 'html' },
      { id: 'memo', file: 'memo.md', format: 'markdown' },
      { id: 'notes', file: 'notes.docx', format: 'docx' },
      { id: 'report', file: 'report.pdf', format: 'pdf' },
    ]);
    expect(byId('report').pages?.map((page) => page.page)).toEqual([1, 2, 3]);
    for (const id of ['article', 'memo', 'notes']) expect(byId(id).pages).toBeNull();
  });

  it('reads a Markdown file exactly as before: front matter metadata, the body after it', () => {
    expect(byId('memo')).toMatchObject({ title: 'Field memo', author: 'Team Almaty', published: { iso: '2025-10', precision: 'month' }, body: 'Field memo\n\nThe delegation met the governor of Samarkand on Tuesday.\n', pages: null, scope: null, addition: null });
  });

  it('finds every metadata field the files carry (PDF info, JSON-LD, core.xml, front matter)', () => {
    const fields = Object.entries(present).flatMap(([id, expected]) => Object.entries(expected).map(([field, value]) => ({ id, field, value })));
    const found = fields.filter(({ id, field, value }) => {
      const actual = byId(id)[field as keyof SourceDocument];
      return (typeof actual === 'object' && actual !== null && 'iso' in actual ? actual.iso : actual) === value;
    });
    expect(`${found.length}/${fields.length}`).toBe(`${fields.length}/${fields.length}`);
  });

  it('cuts passages that each quote the body word for word, in every format', () => {
    for (const document of corpus.documents) {
      const passages = splitPassages(document);
      expect(passages.length, document.id).toBeGreaterThan(0);
      for (const passage of passages) expect(document.body.slice(passage.start, passage.end)).toBe(passage.text);
    }
  });

  it('leaves the web page\'s navigation, cookie banner, ads, related links and footer out of the body', () => {
    for (const boilerplate of ['Subscribe now', 'Accept all cookies', 'ADVERTISEMENT', 'Related stories', 'All rights reserved']) expect(byId('article').body).not.toContain(boilerplate);
  });

  it('keeps the Word file\'s footnotes as passages of their own', () => {
    const notes = splitPassages(byId('notes')).filter((passage) => passage.kind === 'footnote').map((passage) => passage.text);
    expect(notes).toEqual(['[1] Joint Declaration of the Central Asia plus Japan Summit, December 2025.', '[2] Ministry of Economy, Trade and Industry press release.']);
  });
});

describe('answers from the new formats', () => {
  const cases = [
    { question: 'Which forum became the main one for regional cooperation?', docId: 'report', quote: 'the main forum for regional cooperation between Tokyo and the five republics', page: 1 },
    { question: 'How large was the yen loan for the power grid of Uzbekistan?', docId: 'report', quote: 'a yen loan of 39 billion yen for the modernisation of its power grid', page: 2 },
    { question: 'Will supply chains diversify away from a dominant supplier?', docId: 'report', quote: 'diversify away from a single dominant supplier', page: 3 },
    { question: 'Which corridor avoids Russian territory?', docId: 'article', quote: 'Trans-Caspian corridor, which avoids Russian territory' },
    { question: 'Who signed a memorandum on rare earth processing?', docId: 'notes', quote: 'signed a memorandum on rare earth processing' },
  ];

  it.each(cases)('quotes "$quote" word for word, with its page when the document has pages', ({ question, docId, quote, page }) => {
    const best = search.ask(question).passages[0];
    expect(best).toMatchObject({ docId });
    expect(best?.text).toContain(quote);
    expect(byId(docId).body.slice(best?.start, best?.end)).toBe(best?.text);
    expect(best?.page).toBe(page);
    expect(best?.pageEnd).toBeUndefined();
  });

  it('gives the page in quick lookups too', () => {
    const match = search.search('yen loan power grid').matches[0];
    expect(match?.passage).toMatchObject({ docId: 'report', page: 2 });
  });
});

describe('key dates from the new formats', () => {
  it('cite the page of a PDF\'s dated sentence, in the events and in the rendered timeline', () => {
    const report = byId('report');
    const summit = extractKeyEvents(report, splitPassages(report)).find((event) => event.source.quote.startsWith('In 2024 the leaders agreed'));
    expect(summit?.source).toMatchObject({ docId: 'report', page: 2 });
    const entry = buildTimeline([report], (docId) => splitPassages(byId(docId))).find((candidate) => candidate.sources.some((source) => source.quote.startsWith('In 2024 the leaders agreed')));
    if (!entry) throw new Error('no timeline entry for the 2024 summit');
    expect(renderEntry(entry, () => report.title, 900)).toContain('— *Japan and Central Asia: A Decade of Dialogue*, p. 2');
  });

  it('carry no page for documents without pages', () => {
    const memo = byId('memo');
    for (const event of extractKeyEvents(memo, splitPassages(memo))) expect(event.source).not.toHaveProperty('page');
  });
});

describe('files the folder cannot serve', () => {
  it('reports a scanned PDF, an encrypted one and a cut-short one with what to do, and serves the rest', async () => {
    const bad = await mkdtemp(path.join(os.tmpdir(), 'corpus-formats-bad-'));
    try {
      const pdf = await makePdf(reportPdfSpec);
      await writeFile(path.join(bad, 'good.md'), 'Good\n\nJapan lent Uzbekistan money.\n');
      await writeFile(path.join(bad, 'scan.pdf'), await makePdf({ ...reportPdfSpec, scanned: true }));
      await writeFile(path.join(bad, 'locked.pdf'), await makePdf({ ...reportPdfSpec, userPassword: 'secret' }));
      await writeFile(path.join(bad, 'cut.pdf'), pdf.subarray(0, Math.floor(pdf.length / 2)));
      const { documents, problems } = await loadCorpus(bad);
      expect(documents.map((document) => document.id)).toEqual(['good']);
      const reasons = Object.fromEntries(problems.map((problem) => [problem.file, problem.reason]));
      expect(reasons['scan.pdf']).toBe('skipped: this PDF has no text to quote: it looks scanned. Run it through OCR (text recognition) and add the result.');
      expect(reasons['locked.pdf']).toMatch(/^skipped: this PDF is encrypted with a password, so its text cannot be read\. Save a copy without the password/);
      expect(reasons['cut.pdf']).toMatch(/^skipped: the file could not be read as a PDF: it looks damaged or incomplete/);
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });

  it('refuses a PDF over the folder\'s size limit before reading it', async () => {
    const big = await mkdtemp(path.join(os.tmpdir(), 'corpus-formats-big-'));
    try {
      const pdf = await makePdf(reportPdfSpec);
      await writeFile(path.join(big, 'report.pdf'), pdf);
      const { problems } = await loadCorpus(big, { maxFileBytes: pdf.length - 1 });
      expect(problems).toEqual([{ file: 'report.pdf', reason: `skipped: ${pdf.length} bytes is over the ${pdf.length - 1}-byte limit; split the document or raise CORPUS_MAX_FILE_BYTES` }]);
    } finally {
      await rm(big, { recursive: true, force: true });
    }
  });

  it('never takes a Word lock file ("~$notes.docx") for a document', async () => {
    const locked = await mkdtemp(path.join(os.tmpdir(), 'corpus-formats-lock-'));
    try {
      await writeFile(path.join(locked, 'notes.docx'), await makeDocx(notesDocxSpec));
      await writeFile(path.join(locked, '~$notes.docx'), Buffer.from([0x05, 0x41, 0x69, 0x6b, 0x6f, 0, 0, 0]));
      const { documents, problems } = await loadCorpus(locked);
      expect(documents.map((document) => document.file)).toEqual(['notes.docx']);
      expect(problems).toEqual([]);
    } finally {
      await rm(locked, { recursive: true, force: true });
    }
  });
});
