import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openDictdDictionary, DictionaryUnavailable } from '../../src/search/cross-language/dictd.js';
import { russianTranslations } from '../../src/search/cross-language/mueller-articles.js';
import { openRussianDictionary } from '../../src/search/cross-language/russian-dictionary.js';
import { englishExpander, englishExpansion } from '../../src/search/cross-language/english-expander.js';
import { differByOneVowel, englishSpellings, loadLatinSpelling } from '../../src/search/cross-language/loanwords.js';
import { countryNameWeight, russianExpander, translationWeight } from '../../src/search/cross-language/russian-expander.js';
import { englishCountryTerms, russianCountryTerms } from '../../src/search/cross-language/country-names.js';
import { russianAbbreviations } from '../../src/search/cross-language/russian-abbreviations.js';
import { dictionaryForms } from '../../src/search/word-forms.js';
import { openSearchService } from '../../src/search/search-service.js';
import { normalizeTerm } from '../../src/search/tokenizer.js';
import { captureLogger, makeDocument, temporaryFolder } from './helpers.js';

// Articles laid out as in Mueller's dictionary (Debian's mueller7-dict), written here by hand.
const articles: Array<[string, string]> = [
  ['uranium', 'uranium\n   [jʊ↗rɛɪnjɜm] _n. _хим.\n   1) уран\n   2) _attr. урановый; uranium reactor урановый реактор\n'],
  ['reserve', 'reserve\n   [rɪ↗zɜ:v]\n   1. _n.\n      1) запас, резерв; the gold reserve золотой запас; in reserve в запасе;\n      2) (тж. _pl.) _воен. резерв; запас\n      3) заповедник\n'],
  ['lend', 'lend\n   [lɛnd] _v. (lent)\n   1) давать взаймы; одалживать; ссужать, to lend long предоставлять ссуду\n'],
];

/** Writes a dictd dictionary (`.index` and `.dict`, or `.dict.dz`) and returns its base path. */
async function writeDictionary(compressed: boolean, entries = articles, base?: string): Promise<string> {
  base ??= path.join(await temporaryFolder(), 'test-en-ru');
  let dict = '';
  const lines: string[] = [];
  for (const [headword, article] of entries) {
    lines.push(`${headword}\t${dictdNumber(Buffer.byteLength(dict))}\t${dictdNumber(Buffer.byteLength(article))}`);
    dict += article;
  }
  await writeFile(`${base}.index`, `${lines.join('\n')}\n`);
  await writeFile(compressed ? `${base}.dict.dz` : `${base}.dict`, compressed ? gzipSync(dict) : dict);
  return base;
}

function dictdNumber(value: number): string {
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let text = '';
  let rest = value;
  do {
    text = (digits[rest % 64] ?? 'A') + text;
    rest = Math.floor(rest / 64);
  } while (rest > 0);
  return text;
}

const footnoteDocument = () =>
  makeDocument('footnotes.md', 'Footnotes\n\nJapan signed several agreements with the region in 2024, officials said.\n\n¹ В регионе сосредоточено порядка 20% мировых запасов урана, 17,2% – нефти.\n');

describe('reading Mueller articles', () => {
  it('keeps the single-word translations of the first senses and skips transcriptions, labels and examples', () => {
    expect(russianTranslations(articles[1]?.[1] ?? '', { senses: 3, words: 6 })).toEqual(['запас', 'резерв', 'заповедник']);
    expect(russianTranslations(articles[0]?.[1] ?? '', { senses: 3, words: 6 })).toEqual(['уран', 'урановый']);
    expect(russianTranslations(articles[2]?.[1] ?? '', { senses: 3, words: 6 })).toEqual(['одалживать', 'ссужать']);
  });

  it('reads past a label of words joined by hyphens, which is no English example', () => {
    const five = 'five\n   [faɪv]\n   1. _n-card. пять\n   2. _n.\n      1) пятёрка';
    const carriage = 'carriage\n   [↗kærɪdʒ]\n   _n.\n   1) экипаж, коляска\n   2) _ж-д. вагон';
    expect(russianTranslations(five, { senses: 3, words: 6 })).toEqual(['пять', 'пятёрка']);
    expect(russianTranslations(carriage, { senses: 3, words: 6 })).toEqual(['экипаж', 'коляска', 'вагон']);
  });

  it('looks an inflected English word up under its dictionary form', () => {
    expect(dictionaryForms('reserves')).toContain('reserve');
    expect(dictionaryForms('studies')).toContain('study');
    expect(dictionaryForms('visited')).toContain('visit');
  });

  it('undoes a consonant doubled before "-ed" or "-ing", after the plain forms', () => {
    expect(dictionaryForms('travelled')).toContain('travel');
    expect(dictionaryForms('stopping')).toContain('stop');
    expect(dictionaryForms('called').indexOf('call')).toBeLessThan(dictionaryForms('called').indexOf('cal'));
  });
});

describe('a dictd dictionary', () => {
  it.each([['plain', false], ['dictzip', true]])('reads a %s dictionary made in the dictd format', async (_kind, compressed) => {
    const dictionary = await openDictdDictionary(await writeDictionary(compressed));
    expect(dictionary.headwords).toBe(3);
    expect(dictionary.articles('Uranium')[0]).toContain('1) уран');
    expect(dictionary.articles('sourdough')).toEqual([]);
  });

  it('answers from the cache it keeps as from its own files, until those files change', async () => {
    const base = await writeDictionary(true);
    const compressed = `${base}.dict.dz`;
    // A whole second, which the file system keeps exactly, to set again below.
    const installed = new Date('2024-05-01T10:00:00Z');
    await utimes(compressed, installed, installed);
    const cacheDir = path.join(await temporaryFolder(), 'dictionary');
    const fresh = await openDictdDictionary(base, { cacheDir });
    expect((await readdir(cacheDir)).some((file) => file.endsWith('.v8'))).toBe(true);
    // Bytes that are no dictzip file, with the size and time of the real one: only the cache can still answer.
    await writeFile(compressed, Buffer.alloc((await stat(compressed)).size));
    await utimes(compressed, installed, installed);
    const cached = await openDictdDictionary(base, { cacheDir });
    expect(cached.headwords).toBe(fresh.headwords);
    for (const [headword] of articles) expect(cached.articles(headword)).toEqual(fresh.articles(headword));
    await writeDictionary(true, [...articles, ['sourdough', 'sourdough\n   _n. закваска\n']], base);
    const updated = await openDictdDictionary(base, { cacheDir });
    expect(updated.headwords).toBe(4);
    expect(updated.articles('Sourdough')[0]).toContain('закваска');
  });

  it('reads its own files again when its cache is torn', async () => {
    const base = await writeDictionary(true);
    const cacheDir = path.join(await temporaryFolder(), 'dictionary');
    await openDictdDictionary(base, { cacheDir });
    for (const file of await readdir(cacheDir)) if (file.endsWith('.v8')) await writeFile(path.join(cacheDir, file), (await readFile(path.join(cacheDir, file))).subarray(0, 100));
    const dictionary = await openDictdDictionary(base, { cacheDir });
    expect(dictionary.headwords).toBe(3);
    expect(dictionary.articles('lend')[0]).toContain('давать взаймы');
  });

  it('says where it looked when there is no dictionary', async () => {
    const missing = path.join(await temporaryFolder(), 'none');
    await expect(openDictdDictionary(missing)).rejects.toThrow(DictionaryUnavailable);
    await expect(openDictdDictionary(missing)).rejects.toThrow(`no dictd dictionary at ${missing}`);
  });

  it('gives the Russian index terms of an English word', async () => {
    const dictionary = await openRussianDictionary(await writeDictionary(false));
    expect(dictionary.termsFor('reserves')).toContain(normalizeTerm('запасов'));
    expect(dictionary.termsFor('uranium')).toContain(normalizeTerm('урана'));
  });

  it('translates a capitalised question word only through a headword spelt with the same capitals', async () => {
    const entries: Array<[string, string]> = [
      ['japan', 'japan\n   [dʒɜ↗pæn]\n   1. _n. лак\n'],
      ['March', 'March\n   [mɑ:tʃ] _n. март\n'],
      ['march', 'march\n   [mɑ:tʃ] _n. марш\n'],
    ];
    const dictionary = await openRussianDictionary(await writeDictionary(false, entries));
    const expander = russianExpander(dictionary);
    const terms = (word: string) => expander.expand([{ word, term: word.toLowerCase(), position: 3 }]).map((added) => added.term);
    expect(terms('March')).toEqual([normalizeTerm('март')]);
    expect(terms('Japan')).not.toContain(normalizeTerm('лак'));
    expect(terms('march')).toContain(normalizeTerm('марш'));
  });

  it('gives a capitalised country name its one-word Russian names, below the weight of a translation', async () => {
    const expander = russianExpander(await openRussianDictionary(await writeDictionary(false)));
    const added = expander.expand([{ word: 'Russia', term: 'russia', position: 2 }]);
    expect(added.map((term) => term.term)).toEqual([normalizeTerm('россия')]);
    expect(added[0]?.weight).toBe(countryNameWeight);
    expect(countryNameWeight).toBeLessThan(translationWeight);
    expect(russianCountryTerms('Lacquerland')).toEqual([]);
  });
});

describe('the dictionary read from Russian to English', () => {
  it('gives a Russian word the English headwords that translate to it, the one with fewest translations first', async () => {
    const stock: [string, string] = ['stock', 'stock\n   [stɔk]\n   1) запас\n'];
    const dictionary = await openRussianDictionary(await writeDictionary(false, [...articles, stock]));
    expect(dictionary.englishTermsFor(normalizeTerm('запасы') ?? '')).toEqual([normalizeTerm('stock'), normalizeTerm('reserve')]);
    expect(dictionary.englishTermsFor(normalizeTerm('урана') ?? '')).toEqual([normalizeTerm('uranium')]);
    expect(dictionary.englishTermsFor(normalizeTerm('закваска') ?? '')).toEqual([]);
  });

  it('keeps, of Russian words sharing a stem, the translations of the one nearest the word typed', async () => {
    const country: [string, string] = ['country', 'country\n   [ˈkʌntrɪ]\n   1) страна\n'];
    const strange: [string, string] = ['strange', 'strange\n   [streɪndʒ]\n   1) странный\n'];
    const dictionary = await openRussianDictionary(await writeDictionary(false, [...articles, country, strange]));
    const stem = normalizeTerm('странами') ?? '';
    expect(stem).toBe(normalizeTerm('странный'));
    expect(dictionary.englishTermsFor(stem, 'странами')).toEqual([normalizeTerm('country')]);
    expect(dictionary.englishTermsFor(stem, 'странные')).toEqual([normalizeTerm('strange')]);
    expect(dictionary.englishTermsFor(stem)).toEqual([normalizeTerm('country'), normalizeTerm('strange')]);
  });

  it('keeps its table beside the dictionary\'s cache and answers from it in the next process', async () => {
    const base = await writeDictionary(false);
    const cacheDir = path.join(await temporaryFolder(), 'dictionary');
    const fresh = await openRussianDictionary(base, { cacheDir });
    expect(fresh.englishTermsFor(normalizeTerm('урана') ?? '')).toEqual([normalizeTerm('uranium')]);
    const kept = (await readdir(cacheDir)).filter((file) => file.includes('russian-english'));
    expect(kept).toHaveLength(1);
    await writeFile(path.join(cacheDir, kept[0] ?? ''), (await readFile(path.join(cacheDir, kept[0] ?? ''))).subarray(0, 20));
    const afterTear = await openRussianDictionary(base, { cacheDir });
    expect(afterTear.englishTermsFor(normalizeTerm('урана') ?? '')).toEqual([normalizeTerm('uranium')]);
  });

  it('gives a Russian country name, in whatever case, its English name', async () => {
    for (const name of ['Узбекистан', 'Узбекистану', 'Узбекистане']) expect(englishCountryTerms(normalizeTerm(name) ?? '')).toEqual([normalizeTerm('uzbekistan')]);
    expect(englishCountryTerms(normalizeTerm('Японии') ?? '')).toContain(normalizeTerm('japan'));
    const expander = englishExpander(await openRussianDictionary(await writeDictionary(false)));
    const added = expander.expand([{ word: 'Японии', term: normalizeTerm('Японии') ?? '', position: 2 }, { word: 'uranium', term: 'uranium', position: 3 }]);
    expect(added.map((term) => term.term)).toEqual([normalizeTerm('japan')]);
    expect(added[0]?.via).toBe('english');
  });

  it('lets a Russian question find an English passage, without labelling it as matched in Russian', async () => {
    const documents = [makeDocument('uranium.md', 'Uranium\n\nThe region holds a fifth of the world\'s uranium, officials said.\n\nJapan signed several agreements with the region in 2024.\n')];
    const service = await openSearchService({ corpus: { documents, problems: [] }, dataDir: await temporaryFolder(), logger: captureLogger().logger, russianDictionary: await writeDictionary(false) });
    const answer = service.ask('Сколько урана в мире?');
    expect(answer.passages[0]?.text).toContain('uranium');
    expect(answer.passages[0]?.matchedInRussian).toBeUndefined();
    expect(answer.missingWords).not.toContain('урана');
  });

  it('tells a Russian word no translation is known for from one no source mentions, and trusts neither answer', async () => {
    const documents = [makeDocument('uranium.md', 'Uranium\n\nThe region holds a fifth of the world\'s uranium, officials said.\n')];
    const service = await openSearchService({ corpus: { documents, problems: [] }, dataDir: await temporaryFolder(), logger: captureLogger().logger, russianDictionary: await writeDictionary(false) });
    // "добыли" is in no article; "резерв" is (reserve), but no source says "reserve".
    const answer = service.ask('Сколько урана добыли в резерв?');
    expect(answer.confident).toBe(false);
    expect(answer.untranslatedWords).toEqual(['добыли']);
    expect(answer.missingWords).toEqual(['резерв']);
  });
});

describe('loanwords', () => {
  // Mueller's articles for these give no Russian loanword: "summit" is вершина, "investor" вкладчик.
  const loanwordArticles: Array<[string, string]> = [
    ...articles,
    ['summit', 'summit\n   [↗sʌmɪt] _n.\n   1) вершина, верх\n   2) встреча глав правительств\n'],
    ['samite', 'samite\n   [↗sæmaɪt] _n. тяжёлая шёлковая ткань\n'],
    ['investor', 'investor\n   [ɪn↗vɛstɜ] _n. вкладчик\n'],
    ['grant', 'grant\n   [grɑ:nt] _n. дотация, субсидия\n'],
    ['strand', 'strand\n   [strænd] _n. берег\n'],
    ['zapas', 'zapas\n   _n. нечто\n'],
  ];

  it('writes a Russian word in Latin letters with the transliteration package', async () => {
    const latin = await loadLatinSpelling();
    expect(['Саммит', 'инвесторы', 'гранты'].map(latin)).toEqual(['sammit', 'investory', 'granty']);
  });

  it('finds the English headword spelt the same once doubled letters are written once, or one vowel off', () => {
    const spellings = englishSpellings(['summit', 'investor', 'grant', 'credit', 'strand', 'pooch']);
    expect(spellings.spelledLike('sammit', { nearToo: true })).toEqual(['summit']);
    expect(spellings.spelledLike('investor', { nearToo: false })).toEqual(['investor']);
    expect(spellings.spelledLike('granty', { nearToo: true })).toEqual(['grant']);
    expect(spellings.spelledLike('sammit', { nearToo: false })).toEqual([]);
  });

  it('takes no consonant off, no other first letter and no word under five letters for the same spelling', () => {
    const spellings = englishSpellings(['credit', 'strand', 'pooch']);
    expect(spellings.spelledLike('stran', { nearToo: true })).toEqual([]);
    expect(spellings.spelledLike('kredit', { nearToo: true })).toEqual([]);
    expect(spellings.spelledLike('poch', { nearToo: true })).toEqual([]);
    expect(differByOneVowel('pretor', 'praetor')).toBe(true);
    expect(differByOneVowel('strand', 'stran')).toBe(false);
    expect(differByOneVowel('grant', 'grant')).toBe(false);
  });

  it('gives a Russian loanword, inflected or not, the English word it comes from', async () => {
    const dictionary = await openRussianDictionary(await writeDictionary(false, loanwordArticles));
    expect(dictionary.englishLoanwordsFor('инвесторы')).toEqual([normalizeTerm('investor')]);
    expect(dictionary.englishLoanwordsFor('Инвесторам')).toEqual([normalizeTerm('investor')]);
    expect(dictionary.englishLoanwordsFor('гранты')).toEqual([normalizeTerm('grant')]);
    // The stemmer cuts саммит to самм; the word as typed is one vowel off summit, and off samite too.
    expect(dictionary.englishLoanwordsFor('саммит')).toEqual([normalizeTerm('summit'), normalizeTerm('samite')]);
    expect(dictionary.englishLoanwordsFor('странами')).toEqual([]);
  });

  it('adds English words spelt like a Russian word only when the dictionary does not translate it', async () => {
    const expander = englishExpander(await openRussianDictionary(await writeDictionary(false, loanwordArticles)));
    const words = ['саммит', 'запас'].map((word, position) => ({ word, term: normalizeTerm(word) ?? '', position }));
    const added = expander.expand(words);
    expect(added.filter((term) => term.source === normalizeTerm('саммит'))).toContainEqual({ term: normalizeTerm('summit'), source: normalizeTerm('саммит'), weight: englishExpansion.loanwordWeight, via: 'english' });
    // запас is translated (reserve), so zapas, spelt like it, is not added.
    expect(added.filter((term) => term.source === normalizeTerm('запас')).map((term) => term.term)).toEqual([normalizeTerm('reserve')]);
  });

  it('lets a Russian question with a loanword find the English passage that has the word', async () => {
    const documents = [
      makeDocument('summit.md', 'Summit\n\nTokyo hosted the first summit with the five states in December.\n'),
      makeDocument('visit.md', 'Visit\n\nThe minister visited Tokyo in the spring and spoke about trade.\n'),
    ];
    const service = await openSearchService({ corpus: { documents, problems: [] }, dataDir: await temporaryFolder(), logger: captureLogger().logger, russianDictionary: await writeDictionary(false, loanwordArticles) });
    expect(service.ask('Когда прошёл первый саммит?').passages[0]?.text).toContain('summit');
  });
});

describe('Russian abbreviations', () => {
  it('gives a unit or a large number the abbreviation Russian writes it with, in either spelling and number', () => {
    const abbreviationsOf = russianAbbreviations();
    for (const word of ['kilometres', 'Kilometers', 'kilometre']) expect(abbreviationsOf(word)).toEqual([normalizeTerm('км')]);
    expect(abbreviationsOf('billions')).toEqual([normalizeTerm('млрд')]);
    expect(abbreviationsOf('million')).toEqual([normalizeTerm('млн')]);
    // One letter ("м" for metres) stands for too many other Russian words; a common word has no abbreviation.
    expect(abbreviationsOf('metres')).toEqual([]);
    expect(abbreviationsOf('policy')).toEqual([]);
  });

  it('lets an English question on square kilometres find the Russian "кв. км" and label it', async () => {
    const documents = [makeDocument('area.md', 'Area\n\nJapan signed several agreements with the region in 2024.\n\n¹ Общая территория государств региона составляет 3 882 000 кв. км.\n')];
    const service = await openSearchService({ corpus: { documents, problems: [] }, dataDir: await temporaryFolder(), logger: captureLogger().logger, russianDictionary: await writeDictionary(false) });
    const [top] = service.ask('How many kilometres does the region cover?').passages;
    expect(top?.text).toContain('кв. км');
    expect(top?.matchedInRussian).toEqual(['км']);
  });
});

describe('cross-language search', () => {
  it('finds a Russian passage for an English question and labels the Russian words that matched', async () => {
    const documents = [footnoteDocument()];
    const { logger, lines } = captureLogger();
    const service = await openSearchService({ corpus: { documents, problems: [] }, dataDir: await temporaryFolder(), logger, russianDictionary: await writeDictionary(true) });
    expect(service.crossLanguage.enabled).toBe(true);
    expect(service.crossLanguage.status).toMatch(/^on \(/);
    expect(lines.some((line) => line.msg === 'cross-language search on: English questions also find Russian passages, and Russian questions English ones')).toBe(true);
    const answer = service.ask('How large are the uranium reserves of the region?');
    const [top] = answer.passages;
    expect(top?.text).toContain('запасов урана');
    expect(top?.matchedInRussian).toEqual(['запасов', 'урана']);
    expect(top?.text).toBe(documents[0]?.body.slice(top?.start, top?.end));
  });

  it('without a dictionary answers exactly as before, and says how to turn it on', async () => {
    const documents = [footnoteDocument()];
    const { logger, lines } = captureLogger();
    const service = await openSearchService({ corpus: { documents, problems: [] }, dataDir: await temporaryFolder(), logger, russianDictionary: path.join(await temporaryFolder(), 'absent') });
    expect(service.crossLanguage).toEqual({ enabled: false, status: expect.stringContaining('apt-get install mueller7-dict') });
    expect(lines.some((line) => line.msg === 'cross-language search off' && line.level === 40)).toBe(true);
    const answer = service.ask('How large are the uranium reserves of the region?');
    expect(answer.passages.every((passage) => !passage.text.includes('урана'))).toBe(true);
    expect(answer.missingWords).toContain('uranium');
    expect(answer.confident).toBe(false);
  });

  it('is off when asked to be', async () => {
    const service = await openSearchService({ corpus: { documents: [footnoteDocument()], problems: [] }, dataDir: await temporaryFolder(), logger: captureLogger().logger, russianDictionary: null });
    expect(service.crossLanguage.enabled).toBe(false);
  });
});
