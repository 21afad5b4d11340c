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
  const words = text.toLowerCase().match(/[\p{L}][\p{L}'’-]*|\d+(?:[.,]\d+)?/gu) ?? [];
  const terms: string[] = [];
  for (const word of words) {
    const bare = word.replace(/['’]s$/, '').replace(/['’]/g, '');
    if (bare.length < 2 || ignored.has(bare) || /^\d{4}$/.test(bare)) continue;
    terms.push(/^\p{Script=Latin}+$/u.test(bare) ? stemmer(bare) : bare);
  }
  return terms;
}
