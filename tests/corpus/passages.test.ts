import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocumentFile } from '../../src/corpus/load-corpus.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import type { Passage } from '../../src/corpus/passage-types.js';
import { splitPassages } from '../../src/corpus/passages.js';
import type { SourceDocument } from '../../src/corpus/types.js';

const seedFolder = path.resolve(import.meta.dirname, '../../corpus');
const originals = path.resolve(import.meta.dirname, '../../../shared/corpus');
let seeds: SourceDocument[];

beforeAll(async () => {
  seeds = (await loadCorpus(seedFolder)).documents;
});

function seed(prefix: string): SourceDocument {
  const document = seeds.find((candidate) => candidate.id.startsWith(prefix));
  if (!document) throw new Error(`no seed ${prefix}`);
  return document;
}

function passageContaining(passages: Passage[], text: string): Passage {
  const passage = passages.find((candidate) => candidate.text.includes(text));
  if (!passage) throw new Error(`no passage contains ${text}`);
  return passage;
}

function documentFrom(name: string, text: string): SourceDocument {
  const outcome = parseDocumentFile(name, text);
  if (!outcome || !('document' in outcome)) throw new Error('not a document');
  return outcome.document;
}

describe('passages of the seed documents', () => {
  it('quotes every passage exactly: text is the body from start to end', () => {
    for (const document of seeds) {
      const passages = splitPassages(document);
      expect(passages.length).toBeGreaterThan(3);
      for (const passage of passages) expect(document.body.slice(passage.start, passage.end)).toBe(passage.text);
    }
  });

  it('numbers passages in document order from 1', () => {
    const passages = splitPassages(seed('shamsuddinov'));
    expect(passages.map((passage) => passage.ordinal)).toEqual(passages.map((_, index) => index + 1));
    for (let index = 1; index < passages.length; index++) {
      expect(passages[index]?.start).toBeGreaterThanOrEqual(passages[index - 1]?.end ?? 0);
    }
  });

  it.runIf(existsSync(originals))('quotes text that stands word for word in the original source files', () => {
    const manifest = JSON.parse(readFileSync(path.join(originals, 'manifest.json'), 'utf8')) as { documents: Array<{ file: string; slug: string }> };
    for (const entry of manifest.documents) {
      const original = readFileSync(path.join(originals, entry.file), 'utf8');
      for (const passage of splitPassages(seed(entry.slug))) expect(original).toContain(passage.text);
    }
  });

  it('splits the single-line article of seed 001 at sentence boundaries into readable passages', () => {
    const passages = splitPassages(seed('tca'));
    expect(passages.length).toBeGreaterThanOrEqual(4);
    for (const passage of passages) {
      expect(passage.text.length).toBeLessThanOrEqual(910);
      expect(passage.text).toMatch(/[.”"]$|\.\.\.$/);
    }
  });

  it('keeps a table row with its column headers so the 2019 figure for Uzbekistan can be found', () => {
    const row = passageContaining(splitPassages(seed('mahmudov')), '412,69');
    expect(row.kind).toBe('table-row');
    expect(row.text).toBe('2019\t1,40\t27,91\t22,35\t1,52\t412,69');
    expect(row.context).toContain('Year: 2019');
    expect(row.context).toContain('Uzbekistan: 412,69');
    expect(row.heading).toContain('ODA Results in Central Asia');
  });

  it('marks footnotes and reference-list entries as passages of their own', () => {
    const passages = splitPassages(seed('mahmudov'));
    expect(passageContaining(passages, '¹¹ После того как Япония').kind).toBe('footnote');
    expect(passageContaining(passages, '2. Akiner, Shirin').kind).toBe('reference');
    expect(passages.filter((passage) => passage.kind === 'reference')).toHaveLength(13);
  });

  it('rejoins a sentence that a page break split across blank lines', () => {
    const passage = passageContaining(splitPassages(seed('mahmudov')), 'the renewal of local');
    expect(passage.text).toContain('local\n\nleadership in recent years');
  });

  it('does not join an English paragraph to the Russian footnote text that follows a page break', () => {
    const passages = splitPassages(seed('mahmudov'));
    const english = passageContaining(passages, 'water conservation will');
    expect(english.text).not.toContain('граждан');
    expect(passageContaining(passages, 'граждан Японии на южные').kind).toBe('footnote');
  });

  it('rejoins a footnote with its URL on the next block', () => {
    const footnote = passageContaining(splitPassages(seed('mahmudov')), '³ Diplomatic bluebook 1993');
    expect(footnote.text).toContain('(accessed 20.05.2025).');
  });

  it('keeps the heading above a passage as its context', () => {
    const passage = passageContaining(splitPassages(seed('shamsuddinov')), 'approximately $20 billion');
    expect(passage.heading).toBe('Summit outcomes: new Japanese approach?');
  });

  it('gives list items the line that introduces them as context', () => {
    const item = passageContaining(splitPassages(seed('mahmudov')), '- weak regional integration;');
    expect(item.kind).toBe('list-item');
    expect(item.context).toBe('These include:');
  });

  it('leaves the title, byline and dateline out of the passages', () => {
    const passages = splitPassages(seed('goble'));
    expect(passages[0]?.text.startsWith('The resolution of border disputes')).toBe(true);
  });
});

describe('documents users add', () => {
  it('keeps offsets exact in a file with Windows line endings', () => {
    const document = documentFrom('windows.txt', 'Report title\r\n\r\nFirst paragraph is here and long enough to matter.\r\nSecond paragraph follows it.\r\n');
    const passages = splitPassages(document);
    expect(passages.map((passage) => passage.text)).toEqual(['First paragraph is here and long enough to matter.', 'Second paragraph follows it.']);
    for (const passage of passages) expect(document.body.slice(passage.start, passage.end)).toBe(passage.text);
  });

  it('reads Markdown headings and tables', () => {
    const markdown = '# Brief\n\nIntro paragraph that opens the brief and says what it covers.\n\n## Loans\n\n| Country | Amount |\n|---|---|\n| Uzbekistan | 39 billion yen |\n';
    const passages = splitPassages(documentFrom('brief.md', markdown));
    const row = passages.find((passage) => passage.kind === 'table-row');
    expect(row).toMatchObject({ text: '| Uzbekistan | 39 billion yen |', heading: 'Loans', context: 'Country: Uzbekistan; Amount: 39 billion yen' });
  });

  it('keeps a short first paragraph that ends like a sentence', () => {
    const passages = splitPassages(documentFrom('short.txt', 'Weekly note\n\nJapan lent Uzbekistan money.\n\nThe loan supports reforms in the energy sector and beyond.\n'));
    expect(passages.map((passage) => passage.text)).toEqual(['Japan lent Uzbekistan money.', 'The loan supports reforms in the energy sector and beyond.']);
  });

  it('keeps short first paragraphs that end in a footnote mark, as a Word file\'s notes leave them, instead of taking them for a masthead', () => {
    const text = 'Notes on the Tokyo Summit\n\nThe summit produced a joint declaration on critical minerals.[1]\n\nKazakhstan and Japan signed a memorandum.²\n\nFollow-up meetings are planned for the autumn.\n\n[1] Joint Declaration, December 2025.\n';
    const passages = splitPassages(documentFrom('notes.txt', text));
    expect(passages.map((passage) => `${passage.kind}: ${passage.text}`)).toEqual([
      'paragraph: The summit produced a joint declaration on critical minerals.[1]',
      'paragraph: Kazakhstan and Japan signed a memorandum.²',
      'paragraph: Follow-up meetings are planned for the autumn.',
      'footnote: [1] Joint Declaration, December 2025.',
    ]);
  });

  it('never breaks a sentence when splitting a long paragraph', () => {
    const sentence = 'Japan and Kazakhstan discussed rare earth supply chains and transport corridors at length. ';
    const document = documentFrom('long.txt', `Title\n\n${sentence.repeat(40).trim()}\n`);
    const passages = splitPassages(document);
    expect(passages.length).toBeGreaterThan(3);
    for (const passage of passages) expect(passage.text).toMatch(/^Japan and Kazakhstan.*at length\.$/s);
  });
});
