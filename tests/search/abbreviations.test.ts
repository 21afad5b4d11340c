import { describe, expect, it } from 'vitest';
import { abbreviationExpander } from '../../src/search/abbreviations/abbreviation-expander.js';
import { abbreviationDefinitions, longFormFor, mostDefinitionsPerText, shortFormIn } from '../../src/search/abbreviations/abbreviation-definitions.js';
import { createAbbreviationTable, definedAbbreviations } from '../../src/search/abbreviations/abbreviation-table.js';
import { queryWords } from '../../src/search/query-expansion.js';
import { openSearchService } from '../../src/search/search-service.js';
import { captureLogger, makeDocument, temporaryFolder } from './helpers.js';

const weights = { longForm: 0.5, shortForm: 0.5, longForms: 1 };

describe('finding the abbreviations a text defines', () => {
  it('pairs a parenthesised short form with the words before it whose initials it is made of', () => {
    expect(abbreviationDefinitions('Japan has provided Official Development Assistance (ODA) since 1993, and the Japan International Cooperation Agency (JICA) runs it.')).toEqual([
      { short: 'ODA', long: 'Official Development Assistance' },
      { short: 'JICA', long: 'Japan International Cooperation Agency' },
    ]);
  });

  it('reads the whole long form when a shorter run of words also holds the letters', () => {
    expect(longFormFor('ITIM', 'which bears an immunoreceptor tyrosine-based inhibition motif')).toBe('immunoreceptor tyrosine-based inhibition motif');
  });

  it('falls back to letters inside the words, as Schwartz and Hearst match them, with a word for every two letters', () => {
    expect(longFormFor('hESCs', 'derived from human embryonic stem cells')).toBe('human embryonic stem cells');
    expect(longFormFor('IL-6', 'raised levels of interleukin-6')).toBe('interleukin-6');
    expect(longFormFor('CRC', 'patients with carcinoma')).toBeNull();
  });

  it('takes no long form that holds the short form itself, hyphenated or not', () => {
    expect(abbreviationDefinitions('We measured the IL-6 receptor levels (IL-6) in mice.')).toEqual([]);
    expect(abbreviationDefinitions('Mice given G-CSF treated mice (G-CSF) were compared.')).toEqual([]);
    expect(abbreviationDefinitions('the MI group (MI) was larger')).toEqual([]);
  });

  it('never starts a long form with a stop word', () => {
    expect(longFormFor('OAU', 'a meeting of the Organization of African Unity')).toBe('Organization of African Unity');
  });

  it('takes no long form from an earlier sentence or from before another parenthesis', () => {
    expect(abbreviationDefinitions('Talks opened in Osaka. Delegates came (OD).')).toEqual([]);
    expect(abbreviationDefinitions('the Motor Manufacturing (USA) Corp (MMUC)')).toEqual([]);
  });

  it('leaves out parentheses that are remarks, names or lower-case words rather than short forms', () => {
    expect(shortFormIn('see the table on page 4')).toBeNull();
    expect(shortFormIn('World')).toBeNull();
    expect(shortFormIn('in vitro')).toBeNull();
    expect(shortFormIn('MI; n = 40')).toBe('MI');
  });

  it('stays linear on hostile text: a huge parenthesis, and no more than its limit of thousands of definitions', () => {
    const huge = `Alpha Beta (${'A'.repeat(1_000_000)})`;
    const many = 'Alpha Beta (AB) '.repeat(50_000);
    const started = performance.now();
    expect(abbreviationDefinitions(huge)).toEqual([]);
    expect(abbreviationDefinitions(many)).toHaveLength(mostDefinitionsPerText);
    expect(abbreviationDefinitions('('.repeat(200_000) + ')'.repeat(200_000))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('the table of abbreviations a library defines', () => {
  it('keeps the short form as written and both forms as index terms, once per document', () => {
    expect(definedAbbreviations('Myocardial infarction (MI) recurs. After a myocardial infarction (MI) …')).toEqual([{ shortWords: ['MI'], shortTerms: ['mi'], longTerms: ['myocardi', 'infarct'] }]);
  });

  it('leaves out a definition with a stop word for a letter, which a question could only match in part', () => {
    expect(definedAbbreviations('levels of vitamin D (VD) and of three-dimensional (3-D) images')).toEqual([]);
  });

  it('counts the documents that define a form and forgets a document\'s definitions when it changes or goes', () => {
    const table = createAbbreviationTable();
    table.setDocument('a', 'Official Development Assistance (ODA).');
    table.setDocument('b', 'Official Development Assistance (ODA).');
    expect([...table.withShortStart('ODA')].map((entry) => entry.documents)).toEqual([2]);
    table.setDocument('a', 'Nothing defined here.');
    expect([...table.withShortStart('ODA')].map((entry) => entry.documents)).toEqual([1]);
    table.removeDocument('b');
    expect([...table.withShortStart('ODA')]).toEqual([]);
    expect(table.size).toBe(0);
  });
});

describe('widening a question with the other form of an abbreviation', () => {
  const table = createAbbreviationTable();
  table.setDocument('aid', 'Japan gives Official Development Assistance (ODA). Levels of interleukin-6 (IL-6) rose.');
  table.setDocument('sugar', 'Advanced glycation end products (AGE) build up.');
  const expand = (question: string) => abbreviationExpander(table, weights).expand(queryWords(question));

  it('adds a short form\'s long form, its terms sharing the weight of one word', () => {
    expect(expand('How much ODA went to Uzbekistan?')).toEqual(['offici', 'develop', 'assist'].map((term) => ({ term, source: 'oda', weight: 0.5 / 3, via: 'abbreviation' })));
  });

  it('adds the short form for a run of question words that is its long form', () => {
    expect(expand('Where did official development assistance go?')).toEqual([{ term: 'oda', source: 'offici', weight: 0.5, via: 'abbreviation' }]);
  });

  it('reads a short form typed in lower case when it is no English word, and never widens an English word', () => {
    const english = new Set(['age']);
    const lowerCase = (question: string) => abbreviationExpander(table, weights, (word) => english.has(word)).expand(queryWords(question)).map((term) => term.term);
    expect(lowerCase('how much oda went to uzbekistan?')).toEqual(['offici', 'develop', 'assist']);
    expect(lowerCase('does age matter?')).toEqual([]);
    expect(expand('how much oda went to uzbekistan?')).toEqual([]);
  });

  it('matches a short form of two words only side by side, as written', () => {
    expect(expand('Is IL-6 raised?').map((term) => term.term)).toEqual(['interleukin', '6']);
    expect(expand('Is IL raised after 6 weeks?')).toEqual([]);
  });

  it('reads a short form of two words whole, not the short form its second word is alone', () => {
    const hormones = createAbbreviationTable();
    hormones.setDocument('g', 'granulocyte colony-stimulating factor (G-CSF) and cerebrospinal fluid (CSF) were sampled');
    const terms = abbreviationExpander(hormones, weights).expand(queryWords('Deleting Raptor reduces G-CSF levels.')).map((term) => term.term);
    expect(terms).toContain('granulocyt');
    expect(terms).not.toContain('cerebrospin');
  });

  it('leaves a common word alone that is spelt like a short form in other capitals', () => {
    expect(expand('At what age do people retire?')).toEqual([]);
  });
});

describe('asking with abbreviations the library defines', () => {
  const glossary = () => makeDocument('glossary.md', 'Glossary\n\nJapan has provided Official Development Assistance (ODA) since 1993.\n');
  const aid = () => makeDocument('aid.md', 'Aid\n\nIn 2019 Tokyo gave Tashkent 40 million dollars of official development assistance for roads.\n');
  const trade = () => makeDocument('trade.md', 'Trade\n\nIn 2019 Tashkent signed a trade deal on cotton, and Tashkent also bought trucks.\n');

  it('finds the passage that spells out a short form the question uses, and forgets the form with the document that defined it', async () => {
    const { logger } = captureLogger();
    const service = await openSearchService({ corpus: { documents: [glossary(), aid(), trade()], problems: [] }, dataDir: await temporaryFolder(), logger, russianDictionary: null, synonyms: false });
    const scoreOfAid = () => service.ask('How much ODA did Tashkent get in 2019?').passages.find((passage) => passage.docId === 'aid')?.score ?? 0;
    const defined = scoreOfAid();
    expect(service.ask('How much ODA did Tashkent get in 2019?').passages[0]?.docId).toBe('aid');
    service.removeDocument('glossary');
    expect(scoreOfAid()).toBeLessThan(defined);
    service.upsertDocument(glossary());
    expect(scoreOfAid()).toBeCloseTo(defined);
  });

  it('reads the documents as they are when the first question comes, after changes made before it', async () => {
    const { logger } = captureLogger();
    const open = async () => openSearchService({ corpus: { documents: [glossary(), aid(), trade()], problems: [] }, dataDir: await temporaryFolder(), logger, russianDictionary: null, synonyms: false });
    const scoreOfAid = (service: Awaited<ReturnType<typeof open>>) => service.ask('How much ODA did Tashkent get in 2019?').passages.find((passage) => passage.docId === 'aid')?.score ?? 0;
    const unchanged = await open();
    const changed = await open();
    changed.removeDocument('glossary');
    expect(scoreOfAid(changed)).toBeLessThan(scoreOfAid(unchanged));
  });
});
