import { describe, expect, it } from 'vitest';
import type { WeightedTerm } from '../../src/search/bm25-ranker.js';
import { queryWords } from '../../src/search/query-expansion.js';
import { commonnessFactor, commonnessPrior, senseCount, weighByCommonness } from '../../src/search/synonyms/commonness.js';
import { sharedWordNet } from '../../src/search/synonyms/wordnet.js';

describe('commonness prior', () => {
  const wordnet = sharedWordNet();

  it('counts the senses of a word under its dictionary form, and none for a word WordNet lacks', () => {
    expect(senseCount(wordnet, 'gives')).toBe(senseCount(wordnet, 'give'));
    expect(senseCount(wordnet, 'give')).toBeGreaterThan(senseCount(wordnet, 'uranium'));
    expect(senseCount(wordnet, 'xyzzy')).toBe(0);
  });

  it('leaves a word of one sense or none at full weight and lowers a word of many senses', () => {
    const prior = { strength: 0.1 };
    expect(commonnessFactor(0, prior)).toBe(1);
    expect(commonnessFactor(1, prior)).toBe(1);
    expect(commonnessFactor(44, prior)).toBeCloseTo(1 / (1 + 0.1 * Math.log(44)), 10);
    expect(commonnessFactor(44, { strength: 0 })).toBe(1);
  });

  it('scales a word and its synonyms by the same factor and leaves the other words alone', () => {
    const words = queryWords('give uranium');
    const terms: WeightedTerm[] = [
      { term: 'give', source: 'give', weight: 1 },
      { term: 'uranium', source: 'uranium', weight: 1 },
      { term: 'provid', source: 'give', weight: 0.2, via: 'synonym' },
    ];
    const senses = (word: string) => (word === 'give' ? 44 : 1);
    const [give, uranium, provide] = weighByCommonness(terms, words, senses, { strength: 0.1 });
    const factor = commonnessFactor(44, { strength: 0.1 });
    expect(give?.weight).toBeCloseTo(factor, 10);
    expect(uranium?.weight).toBe(1);
    expect(provide?.weight).toBeCloseTo(0.2 * factor, 10);
    expect(weighByCommonness(terms, words, senses, { strength: 0 })).toEqual(terms);
  });

  it('keeps the weight of a name inside the question, whatever the senses of the common word spelt like it', () => {
    const words = queryWords('Exports to Turkey');
    const terms: WeightedTerm[] = words.map((word) => ({ term: word.term, source: word.term, weight: 1 }));
    const [exports, turkey] = weighByCommonness(terms, words, () => 10, { strength: 0.1 });
    expect(exports?.weight).toBeLessThan(1);
    expect(turkey?.weight).toBe(1);
  });

  it('weighs a question word of many senses less than one of a single sense by default', () => {
    const words = queryWords('give uranium');
    const terms: WeightedTerm[] = words.map((word) => ({ term: word.term, source: word.term, weight: 1 }));
    const [give, uranium] = weighByCommonness(terms, words, (word) => senseCount(wordnet, word), commonnessPrior);
    expect(give?.weight).toBeLessThan(uranium?.weight ?? 0);
  });

  it('hands back the very same terms when no word has more than one sense, so nothing need be ranked twice', () => {
    const words = queryWords('uranium Turkey');
    const terms: WeightedTerm[] = words.map((word) => ({ term: word.term, source: word.term, weight: 1 }));
    expect(weighByCommonness(terms, words, () => 1, { strength: 0.1 })).toBe(terms);
  });
});
