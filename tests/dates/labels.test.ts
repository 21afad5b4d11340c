import { describe, expect, it } from 'vitest';
import { labelFor } from '../../src/dates/labels.js';

/** The label of the date written `date` in `sentence`. */
function labelOf(sentence: string, date: string): string {
  const start = sentence.indexOf(date);
  if (start < 0) throw new Error(`"${date}" is not in ${JSON.stringify(sentence)}`);
  return labelFor(sentence, start, start + date.length);
}

describe('labelFor: cutting the date phrase out cleanly', () => {
  it('cuts coordinated dates out with their preposition and conjunction, leaving no "and" behind', () => {
    const sentence = 'Attacks on Chinese enterprises in late November and early December last year highlighted the risks.';
    expect(labelOf(sentence, 'late November and early December last year')).toBe('Attacks on Chinese enterprises highlighted the risks');
  });

  it('keeps "the" before a date used as an adjective ("At the 2023 Victory Day parade")', () => {
    expect(labelOf('At the 2023 Victory Day parade in Moscow, five leaders were from Central Asia.', '2023')).toBe('At the Victory Day parade in Moscow, five leaders were from Central Asia');
    expect(labelOf('The 1993 Blue Book on Diplomacy emphasized assistance.', '1993')).toBe('The Blue Book on Diplomacy emphasized assistance');
  });

  it('still drops the preposition and "the" of a date that is not an adjective ("in the early 1990s was")', () => {
    expect(labelOf("The reason for Japan's entry in the early 1990s was its fear of isolation.", 'the early 1990s')).toBe("The reason for Japan's entry was its fear of isolation");
  });

  it('drops an aside that only said when (", adopted in 2006,") together with its commas', () => {
    expect(labelOf('The Action Plan for the Dialogue, adopted in 2006, states that the countries hope for more.', '2006')).toBe('The Action Plan for the Dialogue states that the countries hope for more');
  });

  it('keeps the clause as written when cutting the date would leave a participle hanging ("the summit held, President Xi")', () => {
    const sentence = 'At the China–Central Asia summit held in June last year, President Xi Jinping spoke.';
    expect(labelOf(sentence, 'June last year')).toBe('At the China–Central Asia summit held in June last year, President Xi Jinping spoke');
  });

  it('cuts a date out after "was" with the participle kept ("was launched back in 2004")', () => {
    expect(labelOf('The Dialogue format was launched back in 2004.', '2004')).toBe('The Dialogue format was launched');
  });

  it('takes "alone" with the date it narrows, so the comma before it stays ("in 2022 alone")', () => {
    expect(labelOf('According to open sources, in 2022 alone, Japan imported rare earth metals.', '2022')).toBe('According to open sources, Japan imported rare earth metals');
  });

  it('ends a cut-off label where a phrase ends, never on "and in 1998 it"', () => {
    const sentence = 'If in 1993, ODA to Central Asia was $2.57 million, then in 1997 it increased to $145.38, and in 1998 it increased to $228.15 million.';
    const label = labelOf(sentence, '1993');
    expect(label).toBe('ODA to Central Asia was $2.57 million, then in 1997 it increased to $145.38…');
  });

  it('starts a cut-off label at a whole phrase, never on "…of" or "…and"', () => {
    const sentence = 'The most prominent manifestation of this change of approach was the official visit of Turkmen President Berdi muhamedow to Japan two weeks ago.';
    expect(labelOf(sentence, 'two weeks ago')).toBe('…this change of approach was the official visit of Turkmen President Berdi muhamedow to Japan');
  });
});
