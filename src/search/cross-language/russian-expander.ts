import type { WeightedTerm } from '../bm25-ranker.js';
import { isCapitalisedName, type QueryExpander } from '../query-expansion.js';
import { russianCountryTerms } from './country-names.js';
import { russianAbbreviations } from './russian-abbreviations.js';
import type { RussianDictionary } from './russian-dictionary.js';

/** Weight of a Russian translation against the English word itself; chosen on the tuning half. */
export const translationWeight = 1.25;
/** Weight of a country's Russian name: 0.3 and 0.5 were best on the tuning half, 0.8 and 1.25 worse. */
export const countryNameWeight = 0.5;

const latinWord = /^\p{Script=Latin}+$/u;

/**
 * English query words → their Russian translations, so that an English question finds a
 * Russian passage ("uranium reserves" → "запасов урана"). Names go through the dictionary only
 * when it spells a headword with the same capitals ("Japan" there is lacquer, "March" the
 * month); a country's name gets its Russian name, weighted lower. A unit or a large number
 * also gets the abbreviation Russian writes it with ("kilometres" → км, "billion" → млрд).
 */
export function russianExpander(dictionary: RussianDictionary, weight = translationWeight): QueryExpander {
  const abbreviationsOf = russianAbbreviations();
  return {
    expand(words) {
      const added: WeightedTerm[] = [];
      for (const word of words) {
        if (!latinWord.test(word.word)) continue;
        if (!isCapitalisedName(word)) {
          for (const term of dictionary.termsFor(word.word)) added.push({ term, source: word.term, weight, via: 'russian' });
          for (const term of abbreviationsOf(word.word)) added.push({ term, source: word.term, weight, via: 'russian' });
          continue;
        }
        // A capitalised word is translated only through a headword spelt the same way: the
        // dictionary's own "March" is the month, while "Japan" has no capitalised article.
        for (const term of dictionary.termsForExactHeadword(word.word)) added.push({ term, source: word.term, weight, via: 'russian' });
        for (const term of russianCountryTerms(word.word)) added.push({ term, source: word.term, weight: countryNameWeight, via: 'russian' });
      }
      return added;
    },
  };
}
