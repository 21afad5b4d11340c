import type { WeightedTerm } from '../bm25-ranker.js';
import { isCapitalisedName, type QueryExpander } from '../query-expansion.js';
import type { RussianDictionary } from './russian-dictionary.js';

/** Weight of a Russian translation against the English word itself; chosen on the tuning half. */
export const translationWeight = 1.25;

const latinWord = /^\p{Script=Latin}+$/u;

/**
 * English query words → their Russian translations, so that an English question finds a
 * Russian passage ("uranium reserves" → "запасов урана"). Names are left alone: the dictionary
 * holds common words, and "Japan" there is lacquer.
 */
export function russianExpander(dictionary: RussianDictionary, weight = translationWeight): QueryExpander {
  return {
    expand(words) {
      const added: WeightedTerm[] = [];
      for (const word of words) {
        if (!latinWord.test(word.word)) continue;
        // A capitalised word is translated only through a headword spelt the same way: the
        // dictionary's own "March" is the month, while "Japan" has no capitalised article.
        const terms = isCapitalisedName(word) ? dictionary.termsForExactHeadword(word.word) : dictionary.termsFor(word.word);
        for (const term of terms) added.push({ term, source: word.term, weight, via: 'russian' });
      }
      return added;
    },
  };
}
