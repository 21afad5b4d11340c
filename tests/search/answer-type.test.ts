import { describe, expect, it } from 'vitest';
import { answerFinder, expectedAnswerType, preferAnswers, quotesGiveAnswer } from '../../src/search/answer-type.js';

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

  it('reads an amount in words only when asked to, and never the question\'s own', () => {
    const question = 'How much will freight demand rise by mid-century?';
    expect(answerFinder('quantity', question)('Demand will increase threefold.')).toBe(false);
    const holds = answerFinder('quantity', question, { inWords: true });
    expect(holds('Demand will increase threefold.')).toBe(true);
    expect(holds('Each year, fifteen officials are chosen.')).toBe(true);
    expect(holds('One of the main reasons was the distance.')).toBe(false);
    expect(answerFinder('quantity', 'How many of the five republics joined?', { inWords: true })('All five republics were there.')).toBe(false);
    expect(answerFinder('date', 'When did demand double?', { inWords: true })('Demand will triple.')).toBe(false);
  });

  it('reads a month or a season in words as a date only when asked to, and never the question\'s own', () => {
    const holds = answerFinder('date', 'When did Kazakhstan hold its elections?', { inWords: true });
    expect(answerFinder('date', 'When did Kazakhstan hold its elections?')('Kazakhstan held elections in spring.')).toBe(false);
    expect(holds('Kazakhstan held elections in spring.')).toBe(true);
    expect(holds('The vote came in December.')).toBe(true);
    expect(holds('Voters may choose a new parliament.')).toBe(false);
    expect(answerFinder('date', 'When in spring did Kazakhstan vote?', { inWords: true })('Kazakhstan voted in spring.')).toBe(false);
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
    expect(preferAnswers(hits, holding(['answer']), { bonus: 0.3, candidates: 3 }).map((hit) => hit.id)).toEqual(['answer', 'lead', 'far', 'beyond']);
  });

  it('does not lift a passage past a lead larger than the bonus', () => {
    expect(preferAnswers(hits, holding(['far']), { bonus: 0.3, candidates: 3 }).map((hit) => hit.id)).toEqual(['lead', 'answer', 'far', 'beyond']);
  });

  it('leaves the passages past the candidates where they were, with the ranker\'s scores', () => {
    const preferred = preferAnswers(hits, holding(['beyond']), { bonus: 1, candidates: 3 });
    expect(preferred.map((hit) => hit.id)).toEqual(['lead', 'answer', 'far', 'beyond']);
    expect(preferred.map((hit) => hit.score)).toEqual([10, 8, 5, 4]);
  });
});

describe('quotesGiveAnswer', () => {
  const question = 'When did Japan open an embassy in Turkmenistan?';
  const visit = 'In 2015, Abe toured the region. During the visit, the opening of a trade fair and an embassy office was discussed.';
  const answering = { start: visit.indexOf('During'), end: visit.length };

  it('reads the answering sentences, not a date elsewhere in the quote', () => {
    expect(quotesGiveAnswer('date', question, [{ text: visit, highlights: [answering] }])).toBe(false);
    expect(quotesGiveAnswer('date', question, [{ text: visit, highlights: [{ start: 0, end: answering.start }] }])).toBe(true);
  });

  it('reads a quote without answering sentences whole', () => {
    expect(quotesGiveAnswer('date', question, [{ text: visit }])).toBe(true);
    expect(quotesGiveAnswer('date', question, [{ text: visit, highlights: [] }])).toBe(true);
  });

  it('is satisfied by any of the quotes', () => {
    const quotes = [{ text: visit, highlights: [answering] }, { text: 'The embassy opened on 12 May 1997.' }];
    expect(quotesGiveAnswer('date', question, quotes)).toBe(true);
    expect(quotesGiveAnswer('date', question, [])).toBe(false);
  });

  it('takes an amount in words for the number asked for', () => {
    expect(quotesGiveAnswer('quantity', 'How much will freight demand rise?', [{ text: 'By 2050, demand will increase threefold.' }])).toBe(true);
    expect(quotesGiveAnswer('quantity', 'How many plants does Kazakhstan have?', [{ text: 'Kazakhstan plans nuclear power.' }])).toBe(false);
  });
});
