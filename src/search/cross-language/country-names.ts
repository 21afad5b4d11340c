import { createRequire } from 'node:module';
import countries, { type LocaleData } from 'i18n-iso-countries';
import { normalizeTerm } from '../tokenizer.js';

const require = createRequire(import.meta.url);
let registered = false;
/** By English name: the same names come back question after question. */
const termsByName = new Map<string, string[]>();

/**
 * The Russian index terms of an English country name ("Japan" → япони…, "Russia" → росс…),
 * from the i18n-iso-countries package: the dictionary holds common words, and names are
 * not among them ("Japan" there is lacquer). Only one-word Russian names are kept, so
 * "КНР (Китайская Народная Республика)" adds nothing that matches by its ordinary words.
 */
export function russianCountryTerms(englishName: string): string[] {
  const cached = termsByName.get(englishName);
  if (cached) return cached;
  const terms = lookUp(englishName);
  if (termsByName.size > 50_000) termsByName.clear();
  termsByName.set(englishName, terms);
  return terms;
}

function lookUp(englishName: string): string[] {
  if (!registered) {
    countries.registerLocale(require('i18n-iso-countries/langs/en.json') as LocaleData);
    countries.registerLocale(require('i18n-iso-countries/langs/ru.json') as LocaleData);
    registered = true;
  }
  const code = countries.getAlpha2Code(englishName, 'en');
  if (code === undefined) return [];
  const names = countries.getName(code, 'ru', { select: 'all' }) ?? [];
  return names.filter((name) => !/\s/u.test(name)).map((name) => normalizeTerm(name.toLowerCase())).filter((term): term is string => term !== null);
}
