import { describe, expect, it } from 'vitest';
import { normalizeTerm, splitWords, termReader, termSpans, termsOf, wordSpans } from '../../src/search/tokenizer.js';

describe('tokenizer', () => {
  it('removes zero-width characters and soft hyphens hidden inside a word before matching', () => {
    expect(termsOf('Uzbe\u200Bkistan lo\u00ADan')).toEqual(termsOf('Uzbekistan loan'));
    expect(termsOf('\uFEFFJapan\u200D')).toEqual(['japan']);
    expect(splitWords('\u200B\u2060')).toEqual([]);
    const [, span] = wordSpans('a Ja\u200Bpan');
    expect(span).toEqual({ word: 'Japan', start: 2, end: 8 });
  });

  it('stems English words with Porter so that inflections meet', () => {
    expect(normalizeTerm('investments')).toBe(normalizeTerm('invested'));
    expect(normalizeTerm('induction')).toBe('induct');
  });

  it('stems Cyrillic words with the Russian stemmer', () => {
    expect(normalizeTerm('России')).toBe(normalizeTerm('Россия'));
    expect(normalizeTerm('санкций')).toBe(normalizeTerm('санкции'));
  });

  it('drops English and Russian stop words and the "s" of a possessive', () => {
    expect(termsOf("What is Japan's role in the region?")).toEqual(['japan', 'role', 'region']);
    expect(termsOf('и в Японии')).toEqual([normalizeTerm('Японии')]);
  });

  it('keeps an acronym whose lower case is a stop word, in capitals so that "US" never meets "use" or "us"', () => {
    expect(normalizeTerm('US')).toBe('US');
    expect(normalizeTerm('WHO')).toBe('WHO');
    expect(normalizeTerm('us')).toBeNull();
    expect(normalizeTerm('Us')).toBeNull();
    expect(normalizeTerm('use')).not.toBe(normalizeTerm('US'));
    expect(termsOf('Tokyo backed the US campaign')).toContain('US');
  });

  it('reads a word in capitals beside only words in capitals on its line in lower case, so a headline\'s stop words are no acronyms', () => {
    expect(termsOf('THE US AND JAPAN')).toEqual(['japan']);
    expect(termsOf('Talks went on.\nTHE US AND JAPAN\nThe US agreed.')).toEqual(['talk', 'went', 'japan', 'US', 'agre']);
    expect(termsOf('Japan and the US, UK and EU')).toContain('US');
    expect(termsOf('US')).toEqual(['US']);
    expect(termsOf('MAGMA LOWERS COPPER TO 66 CTS\nMagma Copper said')).not.toContain('TO');
  });

  it('reads each word of a text the same way whether the text is read for the index, a question or a quote', () => {
    for (const text of ['What did the US say?', 'WHAT DID THE US SAY?', 'THE IL-6 AND US data on IL-6 in the US']) {
      const spans = termSpans(text);
      const termOf = termReader(text, spans);
      const read = spans.filter((span) => span.joined !== true).map(termOf).filter((term) => term !== null);
      const joined = spans.filter((span) => span.joined === true).map(termOf).filter((term) => term !== null);
      expect([...read, ...joined]).toEqual(termsOf(text));
    }
  });

  it('folds accents of Latin words so "Ryutaro" finds "Ryūtarō"', () => {
    expect(normalizeTerm('Ryūtarō')).toBe(normalizeTerm('Ryutaro'));
  });

  it('treats emoji, mentions and regex characters as separators, never as syntax', () => {
    expect(splitWords('🙂 @everyone .*+?[](){}|\\^$ loan')).toEqual(['everyone', 'loan']);
  });

  it('keeps a 290-letter word whole without stemming it', () => {
    const word = 'a'.repeat(290);
    expect(normalizeTerm(word)).toBe(word);
  });

  it('gives word offsets that slice back to the word', () => {
    const text = 'Japan’s ODA, 412,69';
    for (const span of wordSpans(text)) expect(text.slice(span.start, span.end)).toBe(span.word);
  });

  it('reads a hyphenated name also as one word, so that "IL6" meets "IL-6" and "Bcl2" meets "BCL-2"', () => {
    expect(termsOf('IL-6 levels')).toEqual(['il', '6', 'level', 'il6']);
    expect(termsOf('IL6')).toEqual(['il6']);
    expect(termsOf('BCL-2')).toContain(normalizeTerm('Bcl2'));
    expect(termsOf('T-cells')).toContain(normalizeTerm('Tcells'));
    expect(termsOf('TDP-43-induced')).toEqual(['tdp', '43', 'induc', 'tdp43', normalizeTerm('43induced')]);
  });

  it('joins a one-letter part however the letter is encoded, composed, decomposed or beyond 16 bits', () => {
    expect(termsOf('\u00E9-cell')).toContain(normalizeTerm('\u00E9cell'));
    expect(termsOf('e\u0301-cell')).toContain(normalizeTerm('e\u0301cell'));
    expect(termsOf('\u{1D400}-cell')).toContain(normalizeTerm('\u{1D400}cell'));
  });

  it('gives a Russian word typed with a decomposed letter the term of its composed spelling', () => {
    expect(normalizeTerm('\u0438\u0306\u043E\u0433\u0443\u0440\u0442')).toBe(normalizeTerm('\u0439\u043E\u0433\u0443\u0440\u0442'));
  });

  it('leaves a hyphenated pair of common words apart, and words parted by a space or a slash', () => {
    expect(termsOf('long-term cross-react')).toEqual(['long', 'term', 'cross', 'react']);
    expect(termsOf('IL 6 and Arp2/3')).toEqual(['il', '6', 'arp2', '3']);
  });

  it('gives a name read as one word the offsets of the whole name, before the offsets of its parts', () => {
    const text = 'the IL-6 gene';
    expect(termSpans(text).map(({ start, end, joined }) => [text.slice(start, end), joined === true])).toEqual([
      ['the', false],
      ['IL-6', true],
      ['IL', false],
      ['6', false],
      ['gene', false],
    ]);
  });
});
