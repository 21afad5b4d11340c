import { stemmer } from '@orama/stemmers/english';
import { stopwords } from '@orama/stopwords/english';

const ignored = new Set([
  ...stopwords,
  ...['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  ...['year', 'years', 'month', 'months', 'day', 'days', 'week', 'weeks', 'early', 'late', 'mid', 'end', 'last', 'next', 'also', 'then', 'since', 'back'],
]);

/**
 * The content words of a text as stems, for telling whether two sentences speak of the same thing:
 * stop words, month names and date words are dropped, so the date itself never makes two labels alike.
 */
export function contentTerms(text: string): string[] {
  return termsOfWords(text, termOfWord);
}

/**
 * `contentTerms` for many texts at once: each distinct word is turned into its term once. The labels
 * of a large library say the same few thousand words again and again, and stemming was most of their cost.
 */
export function contentTermReader(): (text: string) => string[] {
  const known = new Map<string, string | null>();
  const remembered = (word: string): string | null => {
    let term = known.get(word);
    if (term === undefined) {
      term = termOfWord(word);
      known.set(word, term);
    }
    return term;
  };
  return (text) => termsOfWords(text, remembered);
}

function termsOfWords(text: string, termOf: (word: string) => string | null): string[] {
  const words = text.toLowerCase().match(/[\p{L}][\p{L}'’-]*|\d+(?:[.,]\d+)?/gu) ?? [];
  const terms: string[] = [];
  for (const word of words) {
    const term = termOf(word);
    if (term !== null) terms.push(term);
  }
  return terms;
}

/** A word's term, or null when it says nothing of what happened. */
function termOfWord(word: string): string | null {
  const bare = word.replace(/['’]s$/, '').replace(/['’]/g, '');
  if (bare.length < 2 || ignored.has(bare) || /^\d{4}$/.test(bare)) return null;
  return /^\p{Script=Latin}+$/u.test(bare) ? stemmer(bare) : bare;
}
