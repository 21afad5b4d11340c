import { describe, expect, it } from 'vitest';
import { boldHolds } from '../../bench/search/ranking-evaluation.js';
import type { CitedPassage } from '../../src/search/types.js';

const text = 'Japan opened its embassy in 1993. It sent a loan of 39 billion yen in 2024. Talks followed.';

function quote(highlights?: Array<{ start: number; end: number }>): CitedPassage {
  return { docId: 'doc', ordinal: 1, start: 0, end: text.length, text, kind: 'paragraph', heading: null, title: 'T', author: null, outlet: null, published: null, publishedPrecision: null, score: 1, ...(highlights && { highlights }) };
}

const sentence = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
const expected = { docId: 'doc', contains: '39 billion yen' };

describe('whether the bold answering sentences hold the answer', () => {
  it('holds it when the answer lies inside a bold sentence', () => {
    expect(boldHolds(quote([sentence('It sent a loan of 39 billion yen in 2024.')]), expected)).toBe(true);
  });

  it('does not when only another sentence is bold', () => {
    expect(boldHolds(quote([sentence('Japan opened its embassy in 1993.')]), expected)).toBe(false);
  });

  it('does not when the bold sentence holds only part of the answer', () => {
    expect(boldHolds(quote([sentence('Japan opened its embassy in 1993.')]), { docId: 'doc', contains: '1993. It sent' })).toBe(false);
  });

  it('holds an answer across two bold sentences, the space between them unmarked', () => {
    const marks = [sentence('Japan opened its embassy in 1993.'), sentence('It sent a loan of 39 billion yen in 2024.')];
    expect(boldHolds(quote(marks), { docId: 'doc', contains: '1993. It sent' })).toBe(true);
  });

  it('holds it in a quote with nothing bold, which is its answer whole', () => {
    expect(boldHolds(quote(), expected)).toBe(true);
  });

  it('does not when the quote lacks the answer', () => {
    expect(boldHolds(quote(), { docId: 'doc', contains: 'Mongolia' })).toBe(false);
  });
});
