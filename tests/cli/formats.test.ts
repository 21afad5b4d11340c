import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx, makePdf, notesDocxSpec, reportPdfSpec } from '../extract/fixtures/make.js';
import { briefing, corpusWith } from './helpers.js';

/** The names other tools read from `--json`: fixed by the issue, so asserted by name here. */
interface JsonPassage {
  docId: string;
  start: number;
  end: number;
  text: string;
  page?: number;
  pageEnd?: number;
}

let env: { CORPUS_DIR: string; DATA_DIR: string };

beforeAll(async () => {
  env = await corpusWith({ 'memo.md': '---\ntitle: Field memo\n---\nField memo\n\nThe delegation met the governor of Samarkand on Tuesday.\n' });
  await writeFile(path.join(env.CORPUS_DIR, 'report.pdf'), await makePdf(reportPdfSpec));
  await writeFile(path.join(env.CORPUS_DIR, 'notes.docx'), await makeDocx(notesDocxSpec));
});
afterAll(async () => {
  await rm(path.dirname(env.CORPUS_DIR), { recursive: true, force: true });
});

describe('the command line on a folder of PDF, Word and Markdown files', () => {
  it('gives each passage of a PDF its "page" in ask --json, and none to other formats', async () => {
    const { code, stdout } = await briefing(['ask', 'How large was the yen loan for the power grid?', '--json', '--limit', '3'], env);
    expect(code).toBe(0);
    const passages = (JSON.parse(stdout) as { passages: JsonPassage[] }).passages;
    expect(passages[0]).toMatchObject({ docId: 'report', page: 2 });
    expect(passages[0]?.text).toContain('39 billion yen');
    expect(passages[0]).not.toHaveProperty('pageEnd');
    for (const passage of passages.filter((candidate) => candidate.docId !== 'report')) expect(passage).not.toHaveProperty('page');
  });

  it('gives "page" in search --json too', async () => {
    const { stdout } = await briefing(['search', 'dominant supplier', '--json'], env);
    const matches = (JSON.parse(stdout) as { matches: { passage: JsonPassage }[] }).matches;
    expect(matches[0]?.passage).toMatchObject({ docId: 'report', page: 3 });
  });

  it('cites "p. N" in the text answer', async () => {
    const { stdout } = await briefing(['ask', 'How large was the yen loan for the power grid?', '--limit', '1'], env);
    expect(stdout).toMatch(/\(report, p\. 2, passage \d+, characters \d+–\d+\)/);
  });

  it('cites the page of a PDF\'s key date in timeline, as text and as JSON', async () => {
    const text = await briefing(['timeline', '--doc', 'report'], env);
    expect(text.stdout).toMatch(/\[report, p\. 2, characters \d+-\d+\]/);
    const json = await briefing(['timeline', '--doc', 'report', '--json'], env);
    const entries = JSON.parse(json.stdout) as { sources: { docId: string; quote: string; page?: number }[] }[];
    const summit = entries.flatMap((entry) => entry.sources).find((source) => source.quote.startsWith('In 2024 the leaders agreed'));
    expect(summit).toMatchObject({ docId: 'report', page: 2 });
  });

  it('gives each document\'s "format" in sources --json', async () => {
    const { stdout } = await briefing(['sources', '--json'], env);
    const documents = (JSON.parse(stdout) as { documents: { id: string; format: string; title: string }[] }).documents;
    expect(documents.map(({ id, format, title }) => ({ id, format, title }))).toEqual([
      { id: 'memo', format: 'markdown', title: 'Field memo' },
      { id: 'notes', format: 'docx', title: 'Notes on the Tokyo Summit' },
      { id: 'report', format: 'pdf', title: 'Japan and Central Asia: A Decade of Dialogue' },
    ]);
  });
});
