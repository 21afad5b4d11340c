import { normalizeTerm } from '../tokenizer.js';
import { dictionaryForms } from '../word-forms.js';
import { openDictdDictionary, type DictdDictionary } from './dictd.js';
import { russianTranslations, type TranslationLimits } from './mueller-articles.js';

/** Where Debian's `mueller7-dict` puts Mueller's English–Russian dictionary. */
export const defaultRussianDictionary = '/usr/share/dictd/mueller7';

/** English words to the Russian index terms (stems) of their translations. */
export interface RussianDictionary {
  /** Russian index terms for an English word, most common meaning first; empty when unknown. */
  termsFor(englishWord: string): string[];
  /** Like termsFor, but only from articles whose headword has exactly this capitalisation ("March" → март, not марш). */
  termsForExactHeadword(englishWord: string): string[];
  readonly headwords: number;
  readonly source: string;
}

/** Chosen on the tuning half of the ranking set (`npm run bench:quality`). */
export const translationLimits: TranslationLimits = { senses: 3, words: 6 };

/**
 * Opens the dictionary at `base` (dictd files). Throws DictionaryUnavailable when it is not
 * installed or unreadable; the caller then searches without translations.
 */
export async function openRussianDictionary(base: string, { limits = translationLimits, cacheDir }: { limits?: TranslationLimits; cacheDir?: string } = {}): Promise<RussianDictionary> {
  const dictionary = await openDictdDictionary(base, { cacheDir });
  // Both lookups are asked again for the same words question after question; one cache holds
  // them, the exact-capitals ones under their own spelling after a marker.
  const cache = new Map<string, string[]>();
  const remembered = (key: string, look: () => string[]): string[] => {
    const cached = cache.get(key);
    if (cached) return cached;
    const terms = look();
    if (cache.size > 50_000) cache.clear();
    cache.set(key, terms);
    return terms;
  };
  return {
    headwords: dictionary.headwords,
    source: base,
    termsFor(englishWord) {
      const key = englishWord.toLowerCase();
      return remembered(key, () => translate(dictionary, key, limits));
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
