import { boundedMemo } from '../bounded-memo.js';
import { normalizeTerm, russianSpelling } from '../tokenizer.js';
import { dictionaryForms } from '../word-forms.js';
import { openDictdDictionary, type DictdDictionary } from './dictd.js';
import { englishSpellings, loadLatinSpelling, type EnglishSpellings, type LatinSpelling } from './loanwords.js';
import { russianTranslations, type TranslationLimits } from './mueller-articles.js';

/** Where Debian's `mueller7-dict` puts Mueller's English–Russian dictionary. */
export const defaultRussianDictionary = '/usr/share/dictd/mueller7';

/** English words to the Russian index terms (stems) of their translations. */
export interface RussianDictionary {
  /** Russian index terms for an English word, most common meaning first; empty when unknown. */
  termsFor(englishWord: string): string[];
  /** Like termsFor, but only from articles whose headword has exactly this capitalisation ("March" → март, not марш). */
  termsForExactHeadword(englishWord: string): string[];
  /**
   * The other way: the English index terms of the headwords that a Russian index term translates,
   * most specific first (see `englishByRussian`); empty when none. The table behind it is made
   * from the whole dictionary the first time a Russian word is looked up.
   */
  englishTermsFor(russianTerm: string, typed?: string): readonly string[];
  /**
   * The English index terms of the headwords spelt like a Russian word written in Latin letters,
   * as typed or as its index term ("саммит" → summit, "инвесторы" → investor; see
   * `loanwordsIn`); empty when none.
   */
  englishLoanwordsFor(russianWord: string): readonly string[];
  readonly headwords: number;
  readonly source: string;
}

/** Chosen on the tuning half of the ranking set (`npm run bench:quality`). */
export const translationLimits: TranslationLimits = { senses: 3, words: 6 };
/**
 * How much of each article the Russian → English table reads. Chosen on the tuning half of the
 * Russian questions: 5 senses and 10 words found more than 3 and 6 (H@1 0.500 → 0.667), 8 and
 * 16 no more.
 */
export const reverseLimits: TranslationLimits = { senses: 5, words: 10 };
/** Bumped when what the Russian → English table holds changes, so an older cached one is made again. */
const reverseTableName = 'russian-english-4';

/**
 * Opens the dictionary at `base` (dictd files). Throws DictionaryUnavailable when it is not
 * installed or unreadable; the caller then searches without translations.
 */
export async function openRussianDictionary(base: string, { limits = translationLimits, cacheDir }: { limits?: TranslationLimits; cacheDir?: string } = {}): Promise<RussianDictionary> {
  const dictionary = await openDictdDictionary(base, { cacheDir });
  const latinSpelling = await loadLatinSpelling();
  // Both lookups are asked again for the same words question after question; one cache holds
  // them, the exact-capitals ones under their own spelling after a marker.
  const remembered = boundedMemo<string[]>();
  const rememberedLoanwords = boundedMemo<string[]>();
  let spellings: EnglishSpellings | undefined;
  return {
    headwords: dictionary.headwords,
    source: base,
    termsFor(englishWord) {
      const key = englishWord.toLowerCase();
      return remembered(key, () => translate(dictionary, key, limits));
    },
    englishTermsFor(russianTerm, typed = russianTerm) {
      return ofTheWordTyped((dictionary.derived(reverseTableName, () => englishByRussian(dictionary), isTermTable).get(russianTerm) ?? []).map(decodeEntry), typed);
    },
    englishLoanwordsFor(russianWord) {
      return rememberedLoanwords(russianWord.toLowerCase(), () => {
        spellings ??= englishSpellings(dictionary.everyHeadword());
        return loanwordsIn(spellings, latinSpelling, russianWord);
      });
    },
    termsForExactHeadword(englishWord) {
      return remembered(`=${englishWord}`, () => translateArticles(dictionary.articles(englishWord).filter((article) => headwordOf(article) === englishWord), limits));
    },
  };
}

function headwordOf(article: string): string {
  return (article.split('\n', 1)[0] ?? '').trim();
}

function translate(dictionary: DictdDictionary, word: string, limits: TranslationLimits): string[] {
  const headword = dictionaryForms(word).find((form) => dictionary.articles(form).length > 0);
  if (headword === undefined) return [];
  return translateArticles(dictionary.articles(headword), limits);
}

function translateArticles(articles: string[], limits: TranslationLimits): string[] {
  const terms = new Set<string>();
  for (const article of articles) {
    for (const translation of russianTranslations(article, limits)) {
      const term = normalizeTerm(translation);
      if (term !== null) terms.add(term);
    }
  }
  return [...terms];
}

const englishHeadword = /^\p{Script=Latin}+$/u;

/**
 * Russian index term → the English index terms of the headwords whose first senses translate to
 * it, read from every article once. A headword with few translations names that meaning most
 * nearly ("аэропорт" → airport), so it comes first, and among those one that gives the Russian
 * word earlier; one with many (get: получать among sixteen) comes last. Sense order first tied
 * on the tuning half. Only one-word headwords: a phrase's English words would each stand for
 * the Russian word alone.
 */
export function englishByRussian(dictionary: DictdDictionary, limits = reverseLimits): Map<string, string[]> {
  const candidates = new Map<string, Array<ReverseEntry & { position: number; translations: number }>>();
  for (const article of dictionary.everyArticle()) {
    const headword = headwordOf(article);
    if (!englishHeadword.test(headword)) continue;
    const english = normalizeTerm(headword.toLowerCase());
    if (english === null) continue;
    const translations = russianTranslations(article, limits);
    translations.forEach((translation, position) => {
      const russian = normalizeTerm(translation);
      if (russian === null) return;
      const found = candidates.get(russian) ?? [];
      found.push({ english, lemma: russianSpelling(translation), position, translations: translations.length });
      candidates.set(russian, found);
    });
  }
  const table = new Map<string, string[]>();
  for (const [russian, found] of candidates) {
    found.sort((a, b) => a.translations - b.translations || a.position - b.position);
    table.set(russian, found.map(encodeEntry));
  }
  return table;
}

/** An English index term and the Russian word its article translates to it, in `russianSpelling` ("countri": страна). */
export interface ReverseEntry {
  english: string;
  lemma: string;
}

// The table keeps an entry as one string, "countri страна": neither part holds a space, and the
// cache is 3.6 MB so, against 5.2 MB as objects (1.8 MB before the Russian words were kept).
function encodeEntry({ english, lemma }: ReverseEntry): string {
  return `${english} ${lemma}`;
}

function decodeEntry(entry: string): ReverseEntry {
  const space = entry.indexOf(' ');
  return { english: entry.slice(0, space), lemma: entry.slice(space + 1) };
}

/**
 * The English terms of the Russian words nearest the word typed. The stemmer gives words of
 * other meanings one stem ("странами" and "странный" are both стран, "пятью" and "пятка" пят), and
 * the table is read by stem; the typed word keeps more of its own word ("странами" shares
 * "страна" and only "стран" of "странный"), so the entries whose Russian word shares the longest
 * beginning with it are kept, in the table's order.
 */
export function ofTheWordTyped(entries: readonly ReverseEntry[], typed: string): string[] {
  const word = russianSpelling(typed);
  const shared = entries.map(({ lemma }) => commonPrefixLength(word, lemma));
  const longest = Math.max(0, ...shared);
  return [...new Set(entries.filter((_, at) => shared[at] === longest).map(({ english }) => english))];
}

function commonPrefixLength(first: string, second: string): number {
  let length = 0;
  while (length < first.length && first[length] === second[length]) length++;
  return length;
}

/**
 * The English index terms of the headwords spelt like `russianWord` in Latin letters. Its index
 * term is looked up spelt the same only ("инвесторы" → инвестор → investor), the word as typed
 * also one vowel off ("саммит" → sammit → summit; the stemmer cuts it to самм): a stem one
 * letter off was mostly chance (стран → strand, провел → propel).
 */
export function loanwordsIn(spellings: EnglishSpellings, latinSpelling: LatinSpelling, russianWord: string): string[] {
  const stem = normalizeTerm(russianWord);
  const fromStem = stem === null ? [] : spellings.spelledLike(latinSpelling(stem), { nearToo: false });
  const headwords = fromStem.length > 0 ? fromStem : spellings.spelledLike(latinSpelling(russianWord), { nearToo: true });
  const terms = new Set<string>();
  for (const headword of headwords) {
    const term = normalizeTerm(headword);
    if (term !== null) terms.add(term);
  }
  return [...terms];
}

function isTermTable(data: unknown): data is Map<string, string[]> {
  if (!(data instanceof Map)) return false;
  for (const [key, entries] of data) if (typeof key !== 'string' || !Array.isArray(entries) || !entries.every((entry) => typeof entry === 'string' && entry.includes(' '))) return false;
  return true;
}

