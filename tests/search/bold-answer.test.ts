import { describe, expect, it } from 'vitest';
import { boldHolds, boldOfAnswer } from '../../bench/search/ranking-evaluation.js';
import type { CitedPassage } from '../../src/search/types.js';
import { citedPassage } from '../discord/fixtures/passages.js';

const text = 'Japan opened its embassy in 1993. It sent a loan of 39 billion yen in 2024. Talks followed.';

function quote(highlights?: Array<{ start: number; end: number }>): CitedPassage {
  return citedPassage({ docId: 'doc', text, ...(highlights && { highlights }) });
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

  it('holds it in a one-sentence quote, which has nothing bold, being its answer whole', () => {
    const sentence = { ...quote(), text: 'It sent a loan of 39 billion yen in 2024.' };
    expect(boldHolds(sentence, expected)).toBe(true);
  });

  it('does not in a quote of several sentences with nothing bold', () => {
    expect(boldHolds(quote(), expected)).toBe(false);
  });

  it('holds an answer written twice when the second is the one in bold', () => {
    const twice = { ...quote(), text: `${text} Later 39 billion yen came again.` };
    const marks = [{ start: twice.text.lastIndexOf('Later'), end: twice.text.length }];
    expect(boldHolds({ ...twice, highlights: marks }, expected)).toBe(true);
  });

  it('does not when the quote lacks the answer', () => {
    expect(boldHolds(quote(), { docId: 'doc', contains: 'Mongolia' })).toBe(false);
  });
});

describe('the bold of an answer', () => {
  const bold = quote([sentence('It sent a loan of 39 billion yen in 2024.')]);
  const other = { ...quote([sentence('Talks followed.')]), docId: 'other' };

  it('is read in the first of the first three quotes that holds the answer', () => {
    expect(boldOfAnswer([other, bold], [expected])).toBe(true);
    expect(boldOfAnswer([other, quote([sentence('Talks followed.')]), bold], [expected])).toBe(false);
  });

  it('holds when any expected passage the quote holds is in bold', () => {
    expect(boldOfAnswer([bold], [{ docId: 'doc', contains: 'Japan opened' }, expected])).toBe(true);
  });

  it('is unknown when none of the first three quotes holds the answer', () => {
    expect(boldOfAnswer([other, other, other, bold], [expected])).toBeNull();
  });
});
