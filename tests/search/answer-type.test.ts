import { describe, expect, it } from 'vitest';
import { answerFinder, expectedAnswerType, preferAnswers } from '../../src/search/answer-type.js';

describe('expectedAnswerType', () => {
  it('reads a date from a question opening with when, on what date or in which year', () => {
    expect(expectedAnswerType('When did Tokyo hold the first summit?')).toBe('date');
    expect(expectedAnswerType('On what date was the settlement signed?')).toBe('date');
    expect(expectedAnswerType('In which year did Abe tour the region?')).toBe('date');
  });

  it('reads a quantity from a question opening with how much, how many or what share', () => {
    expect(expectedAnswerType('How much did Tokyo lend Tashkent?')).toBe('quantity');
    expect(expectedAnswerType('how many people live there?')).toBe('quantity');
    expect(expectedAnswerType('What share of the reserves is in the region?')).toBe('quantity');
  });

  it('reads no kind from a question that asks why, what or who', () => {
    expect(expectedAnswerType('Why did Moscow end the talks?')).toBeNull();
    expect(expectedAnswerType('What did the ambassador say?')).toBeNull();
    expect(expectedAnswerType('Who led the government?')).toBeNull();
    expect(expectedAnswerType('Whenever the summit meets, what is signed?')).toBeNull();
  });

  it('reads no kind that the rule leaves out', () => {
    expect(expectedAnswerType('When did Tokyo hold the first summit?', ['quantity'])).toBeNull();
  });
});

describe('answerFinder', () => {
  it('finds a date in a passage that dates the event', () => {
    const holds = answerFinder('date', 'On what date was the border settlement signed?');
    expect(holds('a comprehensive regional agreement on March 31, 2025, ended the disputes')).toBe(true);
    expect(holds('On 19–20 December last year, Tokyo hosted the summit.')).toBe(true);
    expect(holds('The dispute dates back to the end of World War II.')).toBe(false);
  });

  it('does not take the question\'s own year for its answer', () => {
    const holds = answerFinder('date', 'When in 2024 did the council meet?');
    expect(holds('The council met often in 2024.')).toBe(false);
    expect(holds('The council met in May 2024.')).toBe(true);
  });

  it('finds an amount but not a year or a day of a month when a quantity is asked for', () => {
    const holds = answerFinder('quantity', 'How much did Tokyo lend Tashkent in 2024?');
    expect(holds('Japan agreed to loan Uzbekistan 39 billion yen in 2024.')).toBe(true);
    expect(holds('In May 2024, the council was established in Tashkent.')).toBe(false);
    expect(holds('(see EDM, March 12, April 16)')).toBe(false);
    expect(holds('On 19–20 December last year, Tokyo hosted the summit.')).toBe(false);
  });

  it('does not take a number of the question for the amount asked for', () => {
    const holds = answerFinder('quantity', 'How many of the 5 republics joined?');
    expect(holds('All 5 republics were there.')).toBe(false);
    expect(holds('Of the 5 republics, 3 joined.')).toBe(true);
  });

  it('reads a numeric day as a date, not an amount', () => {
    expect(answerFinder('date', 'When was the page read?')('accessed 28.03.2025')).toBe(true);
    expect(answerFinder('quantity', 'How many pages were read?')('accessed 28.03.2025')).toBe(false);
  });
});

describe('preferAnswers', () => {
  const hits = [
    { id: 'lead', score: 10 },
    { id: 'answer', score: 8 },
    { id: 'far', score: 5 },
    { id: 'beyond', score: 4 },
  ];
  const holding = (ids: string[]) => (hit: { id: string }) => ids.includes(hit.id);

  it('lifts a passage holding the answer past a near tie', () => {
    expect(preferAnswers(hits, holding(['answer']), { bonus: 0.3, candidates: 3, types: ['date'] }).map((hit) => hit.id)).toEqual(['answer', 'lead', 'far', 'beyond']);
  });

  it('does not lift a passage past a lead larger than the bonus', () => {
    expect(preferAnswers(hits, holding(['far']), { bonus: 0.3, candidates: 3, types: ['date'] }).map((hit) => hit.id)).toEqual(['lead', 'answer', 'far', 'beyond']);
  });

  it('leaves the passages past the candidates where they were, with the ranker\'s scores', () => {
    const preferred = preferAnswers(hits, holding(['beyond']), { bonus: 1, candidates: 3, types: ['date'] });
    expect(preferred.map((hit) => hit.id)).toEqual(['lead', 'answer', 'far', 'beyond']);
    expect(preferred.map((hit) => hit.score)).toEqual([10, 8, 5, 4]);
  });
});
