import { describe, expect, it } from 'vitest';
import { capitalisedWords, isMostlyCyrillic, namesOfTwoWords, namesToCheck, rivalPlace, unspokenName, type PlaceNames } from '../../src/search/confidence.js';
import { queryWords } from '../../src/search/query-expansion.js';
import { placeNames } from '../../src/search/synonyms/place-names.js';
import { sharedWordNet } from '../../src/search/synonyms/wordnet.js';

/** A few places as WordNet files them. */
const places: PlaceNames = (() => {
  const wholes: Record<string, string[]> = { tajikistan: ['asia'], turkmenistan: ['asia'], kazakhstan: ['asia'], uzbekistan: ['asia'], tashkent: ['uzbekistan'], tokyo: ['honshu', 'japan'], moscow: ['russia'], russia: ['eurasia'] };
  const peoples: Record<string, string[]> = { chinese: ['taiwan', 'china', 'republic_of_china'], turkmen: ['turkmenistan'] };
  return { wholesOf: (name) => wholes[name.toLowerCase()] ?? [], namesOf: (name) => (name.toLowerCase() === 'us' ? ['united_states', 'us', 'usa'] : []), isCapital: (name) => ['tashkent', 'tokyo', 'moscow'].includes(name.toLowerCase()), placesNamedBy: (name) => peoples[name.toLowerCase()] ?? [] };
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

describe('unspokenName', () => {
  const namesOf = (question: string) => queryWords(question).filter((word) => word.position > 0 && /^\p{Lu}/u.test(word.word));
  const english = (text: string, matchedTerms: string[] = []) => ({ matchedTerms, names: capitalisedWords(text), cyrillic: isMostlyCyrillic(text) });

  it('finds a name of the question that none of the best passages speaks of', () => {
    const passages = [english('Most of world trade passes through the region.', ['world', 'trade']), english('Japan and Uzbekistan agreed on a loan.')];
    expect(unspokenName(namesOf('When did Kazakhstan join the World Trade Organization?'), passages, places)?.word).toBe('Kazakhstan');
  });

  it('takes a matched term, the name, a form of it, a people, a part or a capital\'s state as speaking of it', () => {
    expect(unspokenName(namesOf('When did Kazakhstan sign?'), [english('It was signed.', ['kazakhstan'])], places)).toBeUndefined();
    expect(unspokenName(namesOf('What did Uzbekistan say?'), [english('The Uzbek side said so.')], places)).toBeUndefined();
    expect(unspokenName(namesOf('How dependent is Japan on China?'), [english('Chinese supplies meet most of Japan’s needs.')], places)).toBeUndefined();
    expect(unspokenName(namesOf('What did the Turkmen side ask?'), [english('Turkmenistan asked for more.')], places)).toBeUndefined();
    expect(unspokenName(namesOf('What did Russia say?'), [english('Moscow said no.')], places)).toBeUndefined();
    expect(unspokenName(namesOf('What did Tokyo lend?'), [english('Japan agreed to lend.')], places)).toBeUndefined();
  });

  it('takes another name of the place as speaking of it, a name of two words too ("United States" for "US")', () => {
    const named = (text: string) => ({ matchedTerms: [], names: [...capitalisedWords(text), ...namesOfTwoWords(text)], cyrillic: false });
    expect(unspokenName(namesOf('What did the US pledge?'), [named('The United States pledged support.')], places)).toBeUndefined();
    expect(unspokenName(namesOf('What did the US pledge?'), [named('The United Nations pledged support.')], places)?.word).toBe('US');
  });

  it('takes the people by its plural ("Uzbeks") and a place of several words only whole, never as the start of "Republic"', () => {
    expect(unspokenName(namesOf('What did the Uzbeks receive?'), [english('Uzbekistan received a loan.')], places)).toBeUndefined();
    expect(unspokenName(namesOf('What did the Chinese envoy say?'), [english('The Kyrgyz Republic said so.')], places)?.word).toBe('Chinese');
  });

  it('reads a Russian passage\'s countries in English, and never compares a Russian question\'s names with an English passage', () => {
    const footnote = { matchedTerms: [], names: ['МИД', 'России', 'russia'], cyrillic: true };
    expect(unspokenName(namesOf('What did Moscow announce?'), [footnote], places)).toBeUndefined();
    expect(unspokenName(namesOf('What did Astana announce?'), [footnote], places)?.word).toBe('Astana');
    expect(unspokenName(namesOf('Что заявил Токио?'), [english('Japan said so.')], places)).toBeUndefined();
  });

  it('checks the names written with a capital inside the question that the library holds, and none of a question typed in capitals', () => {
    const question = 'How large was the yen loan Tokyo gave Uzbekistan and Mongolia?';
    const words = queryWords(question);
    const mongolia = words.filter((word) => word.word === 'Mongolia');
    expect(namesToCheck(question, words, mongolia).map((word) => word.word)).toEqual(['Tokyo', 'Uzbekistan']);
    const shouted = question.toUpperCase();
    expect(namesToCheck(shouted, queryWords(shouted), [])).toEqual([]);
  });

  it('joins two capitalised words with one space between them as WordNet writes a name', () => {
    expect(namesOfTwoWords('Talks with the United States and Central Asia, Japan.')).toEqual(['United_States', 'Central_Asia']);
    expect(namesOfTwoWords('Asia. Japan  Tokyo')).toEqual([]);
  });

  it('tells a Russian text from an English one citing it by its letters', () => {
    expect(isMostlyCyrillic('¹ МИД России заявил 21 марта 2022 года')).toBe(true);
    expect(isMostlyCyrillic('Diplomatic bluebook 1993 [Электронный ресурс] URL: https://www.mofa.go.jp/policy/other/bluebook/1993/')).toBe(false);
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

  it('reads the place a people or a language stands for from WordNet\'s pertainym', () => {
    expect(wordnet.placesNamedBy('Chinese')).toContain('china');
    expect(wordnet.placesNamedBy('Turkmen')).toContain('turkmenistan');
    expect(wordnet.placesNamedBy('Japanese')).toContain('japan');
    expect(wordnet.placesNamedBy('President')).toEqual([]);
  });

  it('reads the other names of a place from its WordNet synset ("US" → united_states)', () => {
    expect(wordnet.namesOf('US')).toContain('united_states');
    expect(wordnet.namesOf('Xyzzy')).toEqual([]);
  });

  it('holds no place for a word whose first sense is not one', () => {
    expect(wordnet.wholesOf('May')).toEqual([]);
    expect(wordnet.wholesOf('President')).toEqual([]);
    expect(wordnet.wholesOf('Xyzzy')).toEqual([]);
  });
});
