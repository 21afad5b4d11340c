import { createRequire } from 'node:module';
import countries, { type LocaleData } from 'i18n-iso-countries';
import { boundedMemo } from '../bounded-memo.js';
import { normalizeTerm } from '../tokenizer.js';

const require = createRequire(import.meta.url);
let registered = false;
/** By English name: the same names come back question after question. */
const rememberedByName = boundedMemo<string[]>();

/**
 * The Russian index terms of an English country name ("Japan" → япони…, "Russia" → росс…),
 * from the i18n-iso-countries package: the dictionary holds common words, and names are
 * not among them ("Japan" there is lacquer). Only one-word Russian names are kept, so
 * "КНР (Китайская Народная Республика)" adds nothing that matches by its ordinary words.
 */
export function russianCountryTerms(englishName: string): string[] {
  return rememberedByName(englishName, () => lookUp(englishName));
}

function registerLocales(): void {
  if (registered) return;
  countries.registerLocale(require('i18n-iso-countries/langs/en.json') as LocaleData);
  countries.registerLocale(require('i18n-iso-countries/langs/ru.json') as LocaleData);
  registered = true;
}

function lookUp(englishName: string): string[] {
  registerLocales();
  const code = countries.getAlpha2Code(englishName, 'en');
  if (code === undefined) return [];
  return oneWordTerms(countries.getName(code, 'ru', { select: 'all' }) ?? []);
}

/** The index terms of the one-word names among `names`: "КНР (Китайская Народная Республика)" gives none. */
function oneWordTerms(names: readonly string[]): string[] {
  return names.filter((name) => !/\s/u.test(name)).map((name) => normalizeTerm(name.toLowerCase())).filter((term): term is string => term !== null);
}

let englishByRussianTerm: Map<string, string[]> | undefined;

/**
 * The other way: the English index terms of a country whose one-word Russian name, in any of
 * its cases, has this index term ("Узбекистану", "Узбекистан" → uzbekistan). Every case is
 * kept because the stemmer does not give them all one stem (узбекистан, узбекиста).
 */
export function englishCountryTerms(russianTerm: string): readonly string[] {
  englishByRussianTerm ??= englishCountryTable();
  return englishByRussianTerm.get(russianTerm) ?? [];
}

function englishCountryTable(): Map<string, string[]> {
  registerLocales();
  const table = new Map<string, string[]>();
  for (const code of Object.keys(countries.getAlpha2Codes())) {
    const english = oneWordTerms(countries.getName(code, 'en', { select: 'all' }) ?? []);
    if (english.length === 0) continue;
    const russianNames = (countries.getName(code, 'ru', { select: 'all' }) ?? []).filter((name) => !/\s/u.test(name));
    for (const russian of oneWordTerms(russianNames.flatMap(declined))) table.set(russian, [...new Set([...(table.get(russian) ?? []), ...english])]);
  }
  return table;
}

/** A one-word name in the singular cases of its declension: -ия (Япония), -а (Куба), or a consonant (Узбекистан). */
export function declined(name: string): string[] {
  const lower = name.toLowerCase();
  if (lower.endsWith('ия')) return ['ия', 'ии', 'ию', 'ией'].map((ending) => lower.slice(0, -2) + ending);
  if (lower.endsWith('а')) return ['а', 'ы', 'е', 'у', 'ой'].map((ending) => lower.slice(0, -1) + ending);
  if (/[бвгджзклмнпрстфхцчшщ]$/u.test(lower)) return ['', 'а', 'у', 'ом', 'е'].map((ending) => lower + ending);
  return [lower];
}
