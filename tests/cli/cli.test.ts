import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import type { SourceDocument } from '../../src/corpus/types.js';

const seedFolder = path.resolve(import.meta.dirname, '../../corpus');
let dataDir: string;
let bodies: Map<string, string>;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'cli-data-'));
  bodies = new Map((await loadCorpus(seedFolder)).documents.map((document: SourceDocument) => [document.id, document.body]));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function briefing(args: string[], env: Record<string, string> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: '', err: '' };
  stdout.on('data', (chunk: Buffer) => (chunks.out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (chunks.err += chunk.toString()));
  const code = await runCli(args, { env: { CORPUS_DIR: seedFolder, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env }, cwd: process.cwd(), stdout, stderr });
  return { code, stdout: chunks.out, stderr: chunks.err };
}

interface AskJson {
  question: string;
  confident: boolean;
  missingWords: string[];
  notInClosest: string[];
  noAnswerOfKind: 'date' | 'quantity' | null;
  passages: Array<Record<string, unknown> & { docId: string; start: number; end: number; text: string }>;
}

describe('briefing ask', () => {
  it('prints the JSON answer with exactly the documented fields and verbatim quotes', async () => {
    const { code, stdout } = await briefing(['ask', 'How much did Japan lend Uzbekistan in 2024?', '--json', '--limit', '3']);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout) as AskJson;
    expect(answer.confident).toBe(true);
    expect(answer.passages.length).toBeGreaterThan(0);
    for (const passage of answer.passages) {
      expect(Object.keys(passage).sort()).toEqual(['author', 'docId', 'end', 'highlights', 'ordinal', 'outlet', 'published', 'score', 'start', 'text', 'title']);
      expect(bodies.get(passage.docId)?.slice(passage.start, passage.end)).toBe(passage.text);
    }
    expect(answer.passages[0]?.text).toContain('39 billion');
    expect(answer.missingWords).toEqual([]);
    expect(answer.notInClosest).toEqual([]);
    expect(answer.noAnswerOfKind).toBeNull();
  });

  it('says when the closest passages give no date for a question that asks when', async () => {
    const question = 'When did Japan open an embassy in Turkmenistan?';
    const json = JSON.parse((await briefing(['ask', question, '--json'])).stdout) as AskJson;
    expect(json).toMatchObject({ confident: false, noAnswerOfKind: 'date', missingWords: [], notInClosest: [] });
    const { stdout } = await briefing(['ask', question]);
    expect(stdout.split('\n')[0]).toBe('The closest passages give no date where they match the question, so they may not answer it:');
  });

  it('prints the quote and then a citation line for a person at a terminal', async () => {
    const { code, stdout } = await briefing(['ask', 'Who hosted the first Central Asia + Japan summit?', '--limit', '1']);
    expect(code).toBe(0);
    const [quote, citation] = stdout.split('\n').filter((line) => line !== '');
    expect(quote?.startsWith('> ')).toBe(true);
    expect(citation).toMatch(/^— .+ · .+ \(.+, passage \d+/);
  });

  it('restricts the answer to one document with --doc', async () => {
    const { stdout } = await briefing(['ask', 'soft power', '--json', '--doc', 'pnn-2025-05-japan-shifts-from-soft-power']);
    const answer = JSON.parse(stdout) as AskJson;
    expect(new Set(answer.passages.map((passage) => passage.docId))).toEqual(new Set(['pnn-2025-05-japan-shifts-from-soft-power']));
  });

  it.each([
    ['an empty question', ''],
    ['a question of whitespace', '   \t '],
    ['a question of punctuation', '?!...'],
    ['a question over 300 characters', `Why ${'really '.repeat(60)}?`],
  ])('refuses %s with a message that says what to ask instead', async (_, question) => {
    const { code, stderr } = await briefing(['ask', question]);
    expect(code).toBe(1);
    expect(stderr.length).toBeGreaterThan(20);
    expect(stderr).not.toMatch(/at .+\.ts:\d+/);
  });

  it.each([
    ['emoji', 'Japan 🇯🇵 loans 💴 to Uzbekistan?'],
    ['Cyrillic', 'Что заявил МИД России 21 марта 2022 года?'],
    ['regular-expression characters', 'loan.*(Uzbekistan|[Tajik]+)?\\$^'],
    ['a single very long word', 'x'.repeat(290)],
    ['a mention', '@everyone what did Japan invest in Tajikistan?'],
  ])('answers a question with %s without crashing', async (_, question) => {
    const { code, stdout } = await briefing(['ask', question, '--json']);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout) as AskJson;
    expect(answer.question).toBe(question);
    expect(typeof answer.confident).toBe('boolean');
  });

  it('finds the Russian footnote from a question in Russian', async () => {
    const { stdout } = await briefing(['ask', 'Что заявил МИД России 21 марта 2022 года?', '--json', '--limit', '3']);
    const answer = JSON.parse(stdout) as AskJson;
    expect(answer.passages.some((passage) => passage.text.includes('21 марта 2022 года'))).toBe(true);
  });

  it('says plainly that nothing matches well for an off-topic question', async () => {
    const { code, stdout } = await briefing(['ask', 'What is the best recipe for sourdough bread?']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^No passage (answers this well|of the sources matches)/);
  });

  it('names the words of the question that no source mentions before the closest passages', async () => {
    const { code, stdout } = await briefing(['ask', 'How many Japanese tourists visited Kazakhstan in 2019?', '--limit', '1']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('No source mentions "tourists". These are the closest passages, which may not answer it:');
    expect(stdout).toContain('\n> ');
  });

  it('says which Russian words no translation is known for, rather than that no source mentions them', async () => {
    const { code, stdout } = await briefing(['ask', 'Когда Токио провёл первый саммит с пятью странами Центральной Азии?', '--limit', '1']);
    expect(code).toBe(0);
    const [notice] = stdout.split('\n');
    expect(notice).toMatch(/^No translation is known for .*"провёл".*, so the English sources were not searched for (it|them)\. These are the closest passages, which may not answer it:$/u);
  });

  it('names the way to find ids when --doc is unknown', async () => {
    const { code, stderr } = await briefing(['ask', 'loans', '--doc', 'no-such-document']);
    expect(code).toBe(1);
    expect(stderr).toContain('no-such-document');
    expect(stderr).toContain('briefing sources');
  });

  it('refuses a --limit that is not a whole number in range, with an example', async () => {
    const { code, stderr } = await briefing(['ask', 'loans', '--limit', 'many']);
    expect(code).toBe(1);
    expect(stderr).toContain('--limit 5');
  });
});

describe('briefing search and sources', () => {
  it('marks the matched terms in quick lookups', async () => {
    const { code, stdout } = await briefing(['search', 'Dushanbe airport']);
    expect(code).toBe(0);
    expect(stdout).toContain('**Dushanbe**');
  });

  it('lists every source with its metadata and the date at its precision', async () => {
    const { stdout } = await briefing(['sources']);
    expect(stdout).toContain('goble-2025-05-05-japan-economic-footprint');
    expect(stdout).toContain('5 May 2025');
    expect(stdout).toContain('January 2026');
    const { stdout: json } = await briefing(['sources', '--json']);
    expect((JSON.parse(json) as { documents: unknown[] }).documents).toHaveLength(5);
  });
});

describe('the corpus folder', () => {
  it('explains a missing corpus folder', async () => {
    const { code, stderr } = await briefing(['ask', 'loans'], { CORPUS_DIR: path.join(dataDir, 'missing') });
    expect(code).toBe(1);
    expect(stderr).toMatch(/does not exist.*CORPUS_DIR/s);
  });

  it('explains an empty corpus folder', async () => {
    const empty = path.join(dataDir, 'empty-corpus');
    await mkdir(empty, { recursive: true });
    const { code, stderr } = await briefing(['ask', 'loans'], { CORPUS_DIR: empty });
    expect(code).toBe(1);
    expect(stderr).toMatch(/has no documents.*Add documents \(PDF, DOCX, HTML, Markdown or text\)/s);
  });

  it('lists every configuration problem at once', async () => {
    const { code, stderr } = await briefing(['sources'], { LOG_LEVEL: 'loud', CORPUS_MAX_FILE_BYTES: '-3' });
    expect(code).toBe(1);
    expect(stderr).toContain('LOG_LEVEL');
    expect(stderr).toContain('CORPUS_MAX_FILE_BYTES');
  });

  it('names an unknown command and shows the usage', async () => {
    const { code, stderr } = await briefing(['summarise']);
    expect(code).toBe(1);
    expect(stderr).toContain('Unknown command "summarise"');
    expect(stderr).toContain('briefing ask');
  });
});
