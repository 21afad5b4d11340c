import { split } from 'sentence-splitter';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/corpus/sentences.js';

/** The sentences of a text as the text says them. */
function sentencesOf(text: string): string[] {
  return splitSentences(text).map(({ start, end }) => text.slice(start, end));
}

/**
 * sentence-splitter looks abbreviations up in sets of its lower-cased lists (patches/sentence-splitter+5.0.1.patch)
 * instead of lower-casing every entry at each word: these are the readings that lookup must keep.
 */
describe('abbreviations in sentence splitting', () => {
  it('ends no sentence at a title before a name, whatever its letter case', () => {
    expect(sentencesOf('He met MR. Fuji. Then he left.')).toEqual(['He met MR. Fuji.', 'Then he left.']);
    expect(sentencesOf('He met mr. Fuji. Then he left.')).toEqual(['He met mr. Fuji.', 'Then he left.']);
  });

  it('ends no sentence at a name written with an exclamation mark', () => {
    expect(sentencesOf('She works at YAHOO! and likes it. Next one.')).toEqual(['She works at YAHOO! and likes it.', 'Next one.']);
  });

  it('ends no sentence at an abbreviation followed by a lower-case word', () => {
    expect(sentencesOf('Profits at Acme INC. rose sharply. Then they fell.')).toEqual(['Profits at Acme INC. rose sharply.', 'Then they fell.']);
  });

  it('still ends a sentence after a word the lists do not hold ("Sr.")', () => {
    expect(sentencesOf('He met Sr. Fuji. Then he left.')).toEqual(['He met Sr.', 'Fuji.', 'Then he left.']);
  });
});

/** sentence-splitter's own sentences of a short text (no sentence is cut or joined back in these). */
function splitterSentencesOf(text: string): string[] {
  return split(text)
    .filter((node) => node.type === 'Sentence')
    .map((node) => text.slice(node.range[0], node.range[1]));
}

/** A text whose only sentence mark is its last character is not handed to sentence-splitter: it is one sentence all the same. */
describe('a paragraph of one sentence', () => {
  const texts = ['The company said profits rose.', '  It rose in the U.S.', 'Would it rise?', 'He said "yes."', 'A line\nand another.', 'Shares (of the bank) fell.', '.', '?', ' .', 'It rose.  ', 'It rose. It fell.'];
  for (const text of texts) {
    it(`reads ${JSON.stringify(text)} as sentence-splitter does`, () => {
      expect(sentencesOf(text)).toEqual(splitterSentencesOf(text));
    });
  }
});
