import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { UserError } from '../../src/errors.js';

const seedFolder = path.resolve(import.meta.dirname, '../../corpus');
let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'corpus-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the seed corpus', () => {
  it('loads all five seed documents with their manifest metadata and no problems', async () => {
    const { documents, problems } = await loadCorpus(seedFolder);
    expect(problems).toEqual([]);
    expect(documents.map((document) => document.id).sort()).toEqual([
      'goble-2025-05-05-japan-economic-footprint',
      'mahmudov-2025-why-is-japan-interested-in-central-asia',
      'pnn-2025-05-japan-shifts-from-soft-power',
      'shamsuddinov-2026-01-central-asia-in-japans-focus',
      'tca-2025-08-bridges-not-blocs',
    ]);
    const goble = documents.find((document) => document.id.startsWith('goble'));
    expect(goble).toMatchObject({ author: 'Paul Goble', published: { iso: '2025-05-05', precision: 'day' } });
    expect(goble?.publishedBasis).toContain('dateline');
  });

  it('keeps publication dates at the precision the manifest gives', async () => {
    const { documents } = await loadCorpus(seedFolder);
    const precisions = Object.fromEntries(documents.map((document) => [document.id.split('-')[0], document.published?.precision]));
    expect(precisions).toEqual({ goble: 'day', mahmudov: 'year', pnn: 'month', shamsuddinov: 'month', tca: 'month' });
  });
});

describe('documents dropped into the folder', () => {
  it('takes the title from the first line and leaves the date unknown when there is no front matter', async () => {
    await writeFile(path.join(folder, 'field-notes.txt'), '# Notes from Almaty\n\nThe delegation met on Tuesday.\n');
    const { documents, problems } = await loadCorpus(folder);
    expect(problems).toEqual([]);
    expect(documents[0]).toMatchObject({ id: 'field-notes', title: 'Notes from Almaty', published: null, author: null });
  });

  it('reads metadata from front matter and offsets the body after it', async () => {
    await writeFile(path.join(folder, 'memo.md'), '---\ntitle: Memo\npublished: 2024-08\n---\nBody text.\n');
    const { documents } = await loadCorpus(folder);
    expect(documents[0]).toMatchObject({ title: 'Memo', published: { iso: '2024-08', precision: 'month' }, body: 'Body text.\n' });
  });
});

describe('bad files', () => {
  it('reports invalid YAML with its line and still loads the other files', async () => {
    await writeFile(path.join(folder, 'good.md'), 'Good document\n\nSome text.\n');
    await writeFile(path.join(folder, 'broken.md'), '---\ntitle: Fine\nauthor: [unclosed\n---\nText.\n');
    const { documents, problems } = await loadCorpus(folder);
    expect(documents.map((document) => document.id)).toEqual(['good']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'broken.md' });
    expect(problems[0]?.line).toBeGreaterThanOrEqual(3);
    expect(problems[0]?.reason).toMatch(/invalid front matter on line \d+: invalid YAML/);
  });

  it('names the line of a field whose value is wrong and shows a valid example', async () => {
    await writeFile(path.join(folder, 'bad-date.md'), '---\ntitle: Report\npublished: 2025-02-30\n---\nText.\n');
    const { problems } = await loadCorpus(folder);
    expect(problems).toEqual([{ file: 'bad-date.md', line: 3, reason: expect.stringContaining('published: must be a real date') }]);
    expect(problems[0]?.reason).toContain('"2025-05-05"');
  });

  it('reports front matter that is never closed', async () => {
    await writeFile(path.join(folder, 'open.md'), '---\ntitle: Report\n\nText with no closing line.\n');
    const { problems } = await loadCorpus(folder);
    expect(problems[0]).toMatchObject({ file: 'open.md', line: 1, reason: expect.stringContaining('never closed') });
  });

  it('skips a file that is not UTF-8, a binary file, an oversized file and an empty file, each with its reason', async () => {
    await writeFile(path.join(folder, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x74, 0x65]));
    await writeFile(path.join(folder, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
    await writeFile(path.join(folder, 'huge.txt'), 'x'.repeat(2048));
    await writeFile(path.join(folder, 'empty.md'), '  \n\n');
    const { documents, problems } = await loadCorpus(folder, { maxFileBytes: 1024 });
    expect(documents).toEqual([]);
    const reasons = Object.fromEntries(problems.map((problem) => [problem.file, problem.reason]));
    expect(reasons['latin1.txt']).toMatch(/not valid UTF-8/);
    expect(reasons['image.txt']).toMatch(/binary/);
    expect(reasons['huge.txt']).toMatch(/2048 bytes is over the 1024-byte limit/);
    expect(reasons['empty.md']).toMatch(/empty/);
  });

  it('names both files when two documents share an id', async () => {
    await writeFile(path.join(folder, 'brief.md'), 'Brief one\n\nText.\n');
    await writeFile(path.join(folder, 'brief.txt'), 'Brief two\n\nText.\n');
    const { documents, problems } = await loadCorpus(folder);
    expect(documents).toHaveLength(1);
    expect(problems[0]?.reason).toContain('brief.md and brief.txt both use it');
  });

  it('reports files of other types instead of ignoring them silently, naming the type and the supported ones', async () => {
    await writeFile(path.join(folder, 'deck.pptx'), 'PK');
    await writeFile(path.join(folder, 'README'), 'Notes without an extension.\n');
    const { problems } = await loadCorpus(folder);
    expect(problems).toEqual([
      { file: 'deck.pptx', reason: 'skipped: `.pptx` is not supported; supported are PDF, DOCX, HTML, Markdown and text.' },
      { file: 'README', reason: expect.stringMatching(/^skipped: a file without an extension is not read; supported are PDF, DOCX, HTML, Markdown and text/) },
    ]);
  });
});

describe('the corpus folder itself', () => {
  it('explains what to do when the folder does not exist', async () => {
    const missing = path.join(folder, 'nowhere');
    await expect(loadCorpus(missing)).rejects.toThrow(UserError);
    await expect(loadCorpus(missing)).rejects.toThrow(/does not exist.*CORPUS_DIR/);
  });

  it('loads an empty folder as a corpus with no documents', async () => {
    await expect(loadCorpus(folder)).resolves.toEqual({ documents: [], problems: [] });
  });
});
