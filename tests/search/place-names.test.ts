import { describe, expect, it } from 'vitest';
import { capitalisedWords, rivalPlace, type PlaceNames } from '../../src/search/confidence.js';
import { placeNames } from '../../src/search/synonyms/place-names.js';
import { sharedWordNet } from '../../src/search/synonyms/wordnet.js';

/** A few places as WordNet files them. */
const places: PlaceNames = (() => {
  const wholes: Record<string, string[]> = { tajikistan: ['asia'], turkmenistan: ['asia'], kazakhstan: ['asia'], uzbekistan: ['asia'], tashkent: ['uzbekistan'], tokyo: ['honshu', 'japan'], moscow: ['russia'], russia: ['eurasia'] };
  return { wholesOf: (name) => wholes[name.toLowerCase()] ?? [], isCapital: (name) => ['tashkent', 'tokyo', 'moscow'].includes(name.toLowerCase()) };
})();

describe('rivalPlace', () => {
  it('finds a best passage that tells of another part of the same whole than the place the question names', () => {
    const passage = capitalisedWords('During the visit of Turkmen President Berdimuhamedow to Japan, talks covered Turkmenistan’s energy sector.');
    expect(rivalPlace(['Japanese', 'Tajikistan'], passage, places)).toEqual({ asked: 'Tajikistan', found: 'Turkmenistan' });
    // A city of another country is a part of that country, not of the question's.
    expect(rivalPlace(['Kazakhstan'], ['In', 'Tashkent', 'Uzbekistan'], places)).toEqual({ asked: 'Kazakhstan', found: 'Uzbekistan' });
  });

  it('takes the name itself, a prefix of it, a part of the place and a capital\'s state as speaking of the place', () => {
    expect(rivalPlace(['Tajikistan'], ['Tajikistan', 'Turkmenistan'], places)).toBeUndefined();
    expect(rivalPlace(['Uzbekistan'], ['Uzbek', 'Kazakhstan'], places)).toBeUndefined();
    expect(rivalPlace(['Uzbekistan'], ['Tashkent', 'Kazakhstan'], places)).toBeUndefined();
    expect(rivalPlace(['Tokyo', 'Kazakhstan'], ['Japan', 'Kazakhstan'], places)).toBeUndefined();
  });

  it('is not misled by a continent, a place of another whole or a passage naming no other place', () => {
    // A passage on Asia does not speak of Kazakhstan, but Asia is no rival part of Asia either.
    expect(rivalPlace(['Kazakhstan'], ['Central', 'Asia'], places)).toBeUndefined();
    expect(rivalPlace(['Russia'], ['Ukraine'], places)).toBeUndefined();
    expect(rivalPlace(['Tajikistan'], [], places)).toBeUndefined();
    // Places the question names itself are never rivals.
    expect(rivalPlace(['Tajikistan', 'Turkmenistan'], ['Turkmenistan'], places)).toBeUndefined();
  });
});

describe('placeNames', () => {
  const wordnet = placeNames(sharedWordNet());

  it('reads from WordNet what a place is part of and whether it is a national capital', () => {
    expect(wordnet.wholesOf('Tajikistan')).toContain('asia');
    expect(wordnet.wholesOf('Tashkent')).toContain('uzbekistan');
    expect(wordnet.isCapital('Tokyo')).toBe(true);
    expect(wordnet.isCapital('Uzbekistan')).toBe(false);
  });

  it('holds no place for a word whose first sense is not one', () => {
    expect(wordnet.wholesOf('May')).toEqual([]);
    expect(wordnet.wholesOf('President')).toEqual([]);
    expect(wordnet.wholesOf('Xyzzy')).toEqual([]);
  });
});
