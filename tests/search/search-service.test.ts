import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceDocument } from '../../src/corpus/types.js';
import { UserError } from '../../src/errors.js';
import { answerTypeRule } from '../../src/search/answer-type.js';
import { openSearchService } from '../../src/search/search-service.js';
import { snapshotFiles, snapshotFolder, snapshotFormatVersion } from '../../src/search/snapshot.js';
import { captureLogger, makeDocument, temporaryFolder } from './helpers.js';

// Each body opens with a title line, as the seed documents do: the splitter takes a short
// first line for the masthead, not a passage.
const loanDocument = () =>
  makeDocument('loans.md', '---\ntitle: Loans\nauthor: A. Writer\noutlet: Daily\npublished: 2025-05-05\n---\nLoans to Uzbekistan\n\nJapan agreed to loan Uzbekistan 39 billion yen in 2024, according to the agency, to advance the country\'s reforms.\n\nThe loan supports the transition to a market economy and enhances social inclusiveness, the agency said.\n');
const summitDocument = () => makeDocument('summit.md', 'Summit news\n\nThe summit planned for August was cancelled because of the threat of an earthquake, officials said.\n');
const russianDocument = () => makeDocument('notes.md', 'Notes\n\n¹ Общая территория государств региона составляет 3 882 000 кв. км.\n');

async function open(documents: SourceDocument[], dataDir: string) {
  const { logger, lines } = captureLogger();
  const service = await openSearchService({ corpus: { documents, problems: [] }, dataDir, logger });
  const messages = lines.map((line) => String(line.msg));
  return { service, lines, messages };
}

function expectVerbatim(documents: SourceDocument[], passages: Array<{ docId: string; start: number; end: number; text: string }>) {
  for (const passage of passages) {
    const body = documents.find((document) => document.id === passage.docId)?.body ?? '';
    expect(passage.text).toBe(body.slice(passage.start, passage.end));
  }
}

describe('ask', () => {
  it('answers with the passage that holds the facts, cited with its document', async () => {
    const documents = [loanDocument(), summitDocument()];
    const { service } = await open(documents, await temporaryFolder());
    const answer = service.ask('How much did Japan loan Uzbekistan?');
    expect(answer.confident).toBe(true);
    const [top] = answer.passages;
    expect(top).toMatchObject({ docId: 'loans', title: 'Loans', author: 'A. Writer', outlet: 'Daily', published: '2025-05-05', publishedPrecision: 'day' });
    expect(top?.text).toContain('39 billion yen');
    expectVerbatim(documents, answer.passages);
  });

  it('says it is not confident, without a guess, when the question is off-topic', async () => {
    const { service } = await open([loanDocument(), summitDocument()], await temporaryFolder());
    expect(service.ask('What is the recipe for sourdough bread?').confident).toBe(false);
  });

  it('finds Russian words with the Russian stemmer', async () => {
    const { service } = await open([russianDocument()], await temporaryFolder());
    expect(service.ask('общей территории').passages[0]?.text).toContain('Общая территория');
  });

  it('prefers, among near ties, the passage that dates the event when the question asks when', async () => {
    // Both hold every word of the question once; the shorter one wins on length alone.
    const documents = [
      makeDocument('talks.md', 'News\n\nThe border agreement was signed after the talks.\n'),
      makeDocument('treaty.md', 'News\n\nThe border agreement was signed on March 31, 2025, in the capital.\n'),
    ];
    const question = 'When was the border agreement signed?';
    const plain = await openSearchService({ corpus: { documents, problems: [] }, dataDir: await temporaryFolder(), logger: captureLogger().logger, answerTypes: false });
    expect(plain.ask(question).passages[0]?.text).not.toContain('March 31');
    const { service } = await open(documents, await temporaryFolder());
    expect(service.ask(question).passages[0]?.text).toContain('March 31, 2025');
  });

  it('is not confident when the question asks when and the answering sentences of its first quotes give no date, whatever the limit', async () => {
    const visit = makeDocument('visit.md', 'News\n\nDuring the visit, Japan opened a trade fair and spoke of an embassy in Turkmenistan.\n');
    const others = [summitDocument(), makeDocument('fair.md', 'News\n\nThe trade fair in Ashgabat drew many visitors from Japan.\n')];
    const question = 'When did Japan open an embassy in Turkmenistan?';
    const unchecked = await openSearchService({ corpus: { documents: [visit, ...others], problems: [] }, dataDir: await temporaryFolder(), logger: captureLogger().logger, answerTypes: { ...answerTypeRule, quotesChecked: 0 } });
    expect(unchecked.ask(question)).toMatchObject({ confident: true, noAnswerOfKind: null });
    const { service } = await open([visit, ...others], await temporaryFolder());
    for (const limit of [1, 5]) expect(service.ask(question, { limit })).toMatchObject({ confident: false, noAnswerOfKind: 'date', missingWords: [], notInClosest: [] });
    expect(service.ask(question, { limit: 1 }).passages).toHaveLength(1);
    const dated = makeDocument('visit.md', 'News\n\nDuring the visit in 1997, Japan opened a trade fair and spoke of an embassy in Turkmenistan.\n');
    const { service: datedService } = await open([dated, ...others], await temporaryFolder());
    expect(datedService.ask(question)).toMatchObject({ confident: true, noAnswerOfKind: null });
  });

  it('judges its confidence on the passage the IDF alone ranks first, however the commonness prior reorders the passages', async () => {
    // "say" has many WordNet senses: the prior puts the passage naming Quilnor first, yet the IDF
    // alone ranks first the one repeating "say", which matches one word of two.
    const documents = [
      makeDocument('repeats.md', 'News\n\nThey say it, say it again and say it once more.\n'),
      makeDocument('names.md', 'News\n\nIn Quilnor, they say, the winter is long.\n'),
      ...[1, 2, 3, 4, 5].map((count) => makeDocument(`rivers-${count}.md`, `News\n\nQuilnor has ${count} rivers and lakes.\n`)),
      makeDocument('book.md', 'News\n\nZorvan wrote a book.\n'),
      makeDocument('harvest.md', 'News\n\nThe harvest was good this year.\n'),
    ];
    const question = 'What did they say about Quilnor?';
    const ask = async (strength: number) => (await openSearchService({ corpus: { documents, problems: [] }, dataDir: await temporaryFolder(), logger: captureLogger().logger, commonness: { strength } })).ask(question);
    const [plain, weighted] = [await ask(0), await ask(0.5)];
    expect([plain.passages[0]?.docId, weighted.passages[0]?.docId]).toEqual(['repeats', 'names']);
    expect(weighted.confident).toBe(plain.confident);
  });

  it('restricts the answer to one document when asked', async () => {
    const { service } = await open([loanDocument(), summitDocument()], await temporaryFolder());
    const answer = service.ask('Japan summit loan', { docId: 'summit' });
    expect(answer.passages.every((passage) => passage.docId === 'summit')).toBe(true);
  });
});

describe('bad input', () => {
  it.each([
    ['an empty question', ''],
    ['a whitespace-only question', '   '],
    ['a punctuation-only question', '??? !!!'],
    ['a question over 300 characters', 'loan '.repeat(61)],
  ])('rejects %s with a UserError', async (_name, question) => {
    const { service } = await open([loanDocument()], await temporaryFolder());
    expect(() => service.ask(question)).toThrow(UserError);
    expect(() => service.search(question)).toThrow(UserError);
  });

  it('rejects an unknown document id and says how to list the ids', async () => {
    const { service } = await open([loanDocument()], await temporaryFolder());
    expect(() => service.ask('loan', { docId: 'nope' })).toThrow(/briefing sources/);
  });

  it.each([
    ['emoji', '🙂🚀 loan 🇯🇵'],
    ['Cyrillic', 'Япония кредит'],
    ['regular-expression characters', '.*+?[](){}|\\^$ loan'],
    ['a mention', '@everyone loan'],
  ])('searches %s as plain text', async (_name, question) => {
    const { service } = await open([loanDocument()], await temporaryFolder());
    expect(() => service.ask(question)).not.toThrow();
    expect(() => service.search(question)).not.toThrow();
  });

  it('answers a single 290-letter word with nothing confident', async () => {
    const { service } = await open([loanDocument()], await temporaryFolder());
    const answer = service.ask('x'.repeat(290));
    expect(answer).toEqual({ question: 'x'.repeat(290), confident: false, noAnswerOfKind: null, missingWords: ['x'.repeat(290)], untranslatedWords: [], notInClosest: [], passages: [] });
  });
});

describe('zero-width characters in a question', () => {
  it('are removed inside its words before matching, for ask and search alike', async () => {
    const { service } = await open([loanDocument(), summitDocument()], await temporaryFolder());
    const hidden = 'How much did Japan lo\u200Ban Uzbe\u200Dkis\u2060tan?';
    expect(service.ask(hidden).passages[0]?.text).toBe(service.ask('How much did Japan loan Uzbekistan?').passages[0]?.text);
    expect(service.ask(hidden).confident).toBe(true);
    expect(service.search('Uzbe\uFEFFkistan').matches.length).toBeGreaterThan(0);
  });
});

describe('search', () => {
  it('marks the matched words, including words that start with a typed prefix', async () => {
    const { service } = await open([loanDocument(), summitDocument()], await temporaryFolder());
    const { matches } = service.search('uzbek loan');
    const [first] = matches;
    expect(first?.passage.docId).toBe('loans');
    const marked = first?.marks.map(({ start, end }) => first.passage.text.slice(start, end));
    expect(marked).toEqual(['loan', 'Uzbekistan']);
  });

  it('finds a hyphenated name typed without its hyphen, and the other way round, and marks the whole name', async () => {
    const cytokines = makeDocument('cytokines.md', 'Cytokines\n\nSerum IL-6 rose after surgery in most patients.\n\nThe p53 protein was silenced in liver cells.\n\nThe Bcl2 protein was silenced in the tumour cells of most of the patients.\n');
    const { service } = await open([cytokines, loanDocument()], await temporaryFolder());
    const [first] = service.search('IL6').matches;
    expect(first?.marks.map(({ start, end }) => first.passage.text.slice(start, end))).toEqual(['IL-6']);
    expect(service.ask('Does serum IL6 rise after surgery?').passages[0]?.text).toContain('IL-6 rose');
    expect(service.ask('Was the BCL-2 protein silenced?').passages[0]?.text).toContain('Bcl2 protein');
    expect(service.ask('Does IL-6 rise after surgery?').missingWords).toEqual([]);
  });

  it('is not confident when none of the best passages speaks of a name the question gives, though the library holds it', async () => {
    const trade = makeDocument('trade.md', 'Trade\n\nMost of world trade passes through the sea routes of the region.\n\nWorld trade grew again after the organization of new routes.\n\nNew members join world trade talks each year.\n\nWhen ports join the world trade organization of the region, trade grows.\n\nA trade organization of the world sets the rules members join.\n');
    const elections = makeDocument('elections.md', 'Elections\n\nKazakhstan held elections in spring.\n\nVoters in Kazakhstan chose a new parliament.\n\nKazakhstan counted the votes within a day.\n');
    const { service } = await open([trade, elections], await temporaryFolder());
    const unrelated = service.ask('When did Kazakhstan join the World Trade Organization?');
    expect(unrelated.missingWords).toEqual([]);
    expect(unrelated.notInClosest).toEqual(['Kazakhstan']);
    expect(unrelated.confident).toBe(false);
    expect(service.ask('When were elections held in Kazakhstan?').confident).toBe(true);
  });

  it('counts a hyphenated name the library writes whole as found, parts and all, so the answer stays confident', async () => {
    const cytokines = makeDocument('cytokines.md', 'Cytokines\n\nThe Bcl2 protein was silenced in the tumour cells of most of the patients.\n\nSerum IL6 rose after surgery in most patients.\n');
    const { service } = await open([cytokines, loanDocument()], await temporaryFolder());
    for (const question of ['Was the BCL-2 protein silenced?', 'Does serum IL-6 rise after surgery?']) {
      const answer = service.ask(question);
      expect(answer.missingWords).toEqual([]);
      expect(answer.confident).toBe(true);
    }
  });
});

describe('index snapshot', () => {
  it('loads the saved snapshot when the corpus is unchanged', async () => {
    const dataDir = await temporaryFolder();
    const documents = [loanDocument(), summitDocument()];
    const first = await open(documents, dataDir);
    expect(first.messages).toContain('search index built and saved');
    const second = await open(documents, dataDir);
    expect(second.messages).toContain('search index loaded from snapshot');
    expect(second.service.ask('earthquake').passages[0]?.docId).toBe('summit');
  });

  it('quotes the new version of a document updated in place, and nothing of one removed', async () => {
    const { service } = await open([loanDocument(), summitDocument()], await temporaryFolder());
    const changed = makeDocument('summit.md', 'Summit news\n\nThe summit took place in Tokyo in December and ended with a declaration, officials said.\n');
    service.upsertDocument(changed);
    const [quote] = service.ask('summit declaration in Tokyo').passages;
    expect(quote?.text).toContain('declaration');
    expectVerbatim([loanDocument(), changed], service.ask('summit declaration in Tokyo loan').passages);
    service.removeDocument('summit');
    expect(service.ask('summit declaration in Tokyo').passages.map((passage) => passage.docId)).not.toContain('summit');
  });

  it('re-indexes only the changed document and forgets a removed one', async () => {
    const dataDir = await temporaryFolder();
    await open([loanDocument(), summitDocument(), russianDocument()], dataDir);
    const changed = makeDocument('summit.md', 'Summit news\n\nThe summit took place in Tokyo in December and ended with a declaration, officials said.\n');
    const documents = [loanDocument(), changed];
    const { service, lines } = await open(documents, dataDir);
    expect(lines.find((line) => line.msg === 'search index updated and saved')).toMatchObject({ reused: 1, indexed: 1, removed: 1 });
    expect(service.ask('earthquake').passages).toEqual([]);
    expect(service.ask('Tokyo declaration').passages[0]?.docId).toBe('summit');
    expect(service.ask('территория').passages).toEqual([]);
    expectVerbatim(documents, service.ask('Tokyo declaration loan').passages);
  });

  it.each([
    ['bad JSON in the manifest', snapshotFiles.manifest, () => '{"formatVersion": 1, "docu'],
    ['a truncated index', snapshotFiles.index, (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['an older format version', snapshotFiles.manifest, (text: string) => text.replace(`"formatVersion":${snapshotFormatVersion}`, `"formatVersion":${snapshotFormatVersion - 1}`)],
  ])('detects %s, logs it and rebuilds', async (_name, file, corrupt) => {
    const dataDir = await temporaryFolder();
    const documents = [loanDocument(), summitDocument()];
    await open(documents, dataDir);
    const target = path.join(snapshotFolder(dataDir), file);
    await writeFile(target, corrupt(await readFile(target, 'utf8')));
    const { service, lines } = await open(documents, dataDir);
    expect(lines.some((line) => line.msg === 'search index snapshot is unusable; rebuilding it' && line.level === 40)).toBe(true);
    expect(service.ask('earthquake').passages[0]?.docId).toBe('summit');
    expect((await open(documents, dataDir)).messages).toContain('search index loaded from snapshot');
  });

  it('refuses an index and a manifest from different saves, each intact and sealed, and rebuilds', async () => {
    const documents = [loanDocument(), summitDocument()];
    const [dataDir, otherDir] = [await temporaryFolder(), await temporaryFolder()];
    await open(documents, dataDir);
    await open([loanDocument()], otherDir);
    const indexFile = (folder: string) => path.join(snapshotFolder(folder), snapshotFiles.index);
    await writeFile(indexFile(dataDir), await readFile(indexFile(otherDir), 'utf8'));
    const { service, lines } = await open(documents, dataDir);
    expect(lines).toContainEqual(expect.objectContaining({ level: 40, msg: 'search index snapshot is unusable; rebuilding it', detail: expect.stringMatching(/does not match the manifest/) }));
    expect(service.ask('earthquake').passages[0]?.docId).toBe('summit');
  });

  it('checks a manifest without a seal field by field, and refuses one of the wrong shape', async () => {
    const documents = [loanDocument(), summitDocument()];
    const dataDir = await temporaryFolder();
    await open(documents, dataDir);
    const manifestFile = path.join(snapshotFolder(dataDir), snapshotFiles.manifest);
    const sealed = await readFile(manifestFile, 'utf8');
    const json = sealed.slice(0, sealed.lastIndexOf('\n'));
    await writeFile(manifestFile, json);
    expect((await open(documents, dataDir)).messages).toContain('search index loaded from snapshot');
    await writeFile(manifestFile, json.replace('"ordinal":1', '"ordinal":"one"'));
    const { lines } = await open(documents, dataDir);
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'search index snapshot is unusable; rebuilding it', detail: expect.stringMatching(/expected shape/) }));
  });

  it('never serves stored offsets that no longer point at the same text', async () => {
    const dataDir = await temporaryFolder();
    const original = loanDocument();
    await open([original], dataDir);
    // Same file hash but a different body: only the offset check can notice.
    const edited: SourceDocument = { ...original, body: `Preface.\n\n${original.body}` };
    const { service, messages } = await open([edited], dataDir);
    expect(messages).toContain('stored passage offsets no longer match the document; re-indexing it');
    expectVerbatim([edited], service.ask('loan Uzbekistan').passages);
  });
});
