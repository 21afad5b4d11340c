import { describe, expect, it } from 'vitest';
import { namesConcreteKind } from '../../src/search/synonyms/concrete-kinds.js';
import { sharedWordNet } from '../../src/search/synonyms/wordnet.js';

describe('namesConcreteKind', () => {
  const wordnet = sharedWordNet();

  it('names a concrete kind for buildings, foods and people, in the plural too', () => {
    for (const word of ['hospitals', 'Museums', 'sushi', 'teachers', 'car']) expect(namesConcreteKind(wordnet, word)).toBe(true);
  });

  it('names no concrete kind for words a passage can answer without using them', () => {
    // A passage states a phrase, a share or a date without saying "phrase", "share" or "date".
    for (const word of ['phrase', 'share', 'date', 'projects', 'sectors']) expect(namesConcreteKind(wordnet, word)).toBe(false);
  });

  it('reads a verb form as no noun, even when its stem is one ("settled" is not a settle, a bench)', () => {
    expect(namesConcreteKind(wordnet, 'settled')).toBe(false);
    expect(namesConcreteKind(wordnet, 'xyzzy')).toBe(false);
  });

  it('reads a comparative as no kind, though WordNet has a noun of that spelling ("How much warmer …" is not about foot warmers)', () => {
    for (const word of ['warmer', 'larger', 'cooler']) expect(namesConcreteKind(wordnet, word)).toBe(false);
    // A noun that only looks like one stays a kind: there is no adjective "ric" or "wat".
    for (const word of ['rice', 'water', 'cotton']) expect(namesConcreteKind(wordnet, word)).toBe(true);
  });
});
