import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/passage-types.js';
import { askedKind, coverage, distinctiveIn, isConfident, isDistinctive, isQuestionWord, questionWeights, subjectWords } from '../../src/search/confidence.js';
import { markTerms } from '../../src/search/mark-terms.js';
import { queryWords } from '../../src/search/query-expansion.js';
import { mergeNeighbours } from '../../src/search/merge-neighbours.js';
import { validateQuery } from '../../src/search/validate-query.js';
import { UserError } from '../../src/errors.js';

const body = 'First paragraph about loans.\n\nSecond paragraph about yen.\n\n¹ A footnote.\n\nThird paragraph about yen.';

function passageAt(ordinal: number, text: string, kind: Passage['kind'] = 'paragraph'): Passage {
  const start = body.indexOf(text);
  return { docId: 'doc', ordinal, start, end: start + text.length, text, kind, heading: null, context: null };
}

const first = passageAt(1, 'First paragraph about loans.');
const second = passageAt(2, 'Second paragraph about yen.');
const footnote = passageAt(3, '¹ A footnote.', 'footnote');
const third = passageAt(4, 'Third paragraph about yen.');

describe('confidence', () => {
  const query = [
    { term: 'loan', inverseFrequency: 3 },
    { term: 'uzbekistan', inverseFrequency: 2 },
    { term: 'japan', inverseFrequency: 0.1 },
  ];

  it('measures the share of the question\'s specificity that the best passage matches', () => {
    expect(coverage(query, ['loan', 'uzbekistan'])).toBeCloseTo(5 / 5.1);
    expect(coverage(query, ['japan'])).toBeCloseTo(0.1 / 5.1);
  });

  it('is not confident when only generic words match or nothing matches', () => {
    expect(isConfident(query, ['japan'])).toBe(false);
    expect(isConfident(query, undefined)).toBe(false);
    expect(isConfident(query, ['loan', 'japan'])).toBe(true);
  });

  it('is not confident on one matched word of a question of several, however specific', () => {
    // "capital of Australia": a passage naming Australia alone covers most of the IDF mass.
    const offTopic = [
      { term: 'capital', inverseFrequency: 1 },
      { term: 'australia', inverseFrequency: 3 },
    ];
    expect(coverage(offTopic, ['australia'])).toBeGreaterThan(0.5);
    expect(isConfident(offTopic, ['australia'])).toBe(false);
    expect(isConfident([{ term: 'tokayev', inverseFrequency: 3 }], ['tokayev'])).toBe(true);
  });
});

describe('mergeNeighbours', () => {
  const bodyOf = () => body;

  it('joins consecutive passages of one document into one verbatim quote', () => {
    const [quote] = mergeNeighbours([{ passage: second, score: 5 }, { passage: first, score: 4 }], bodyOf);
    expect(quote?.first.ordinal).toBe(1);
    expect(body.slice(quote?.start, quote?.end)).toBe('First paragraph about loans.\n\nSecond paragraph about yen.');
    expect(quote?.score).toBe(5);
  });

  it('keeps passages apart when a footnote or other text sits between them', () => {
    const quotes = mergeNeighbours([{ passage: second, score: 5 }, { passage: third, score: 5 }, { passage: footnote, score: 1 }], bodyOf);
    expect(quotes).toHaveLength(3);
  });

  it('does not pull in a neighbour that scores far below the quote', () => {
    expect(mergeNeighbours([{ passage: first, score: 10 }, { passage: second, score: 1 }], bodyOf)).toHaveLength(2);
  });
});

describe('markTerms', () => {
  it('marks every word whose stem was matched, at its offsets in the text', () => {
    const text = 'Japan agreed to loan Uzbekistan; loans grew.';
    const marks = markTerms(text, ['loan']);
    expect(marks.map(({ start, end }) => text.slice(start, end))).toEqual(['loan', 'loans']);
  });

  it('marks words that start with a looked-up prefix only when asked to', () => {
    const text = 'Uzbekistan and Uzbek officials';
    expect(markTerms(text, ['uzbek'], true).map(({ start, end }) => text.slice(start, end))).toEqual(['Uzbekistan', 'Uzbek']);
    expect(markTerms(text, ['uzbek']).map(({ start, end }) => text.slice(start, end))).toEqual(['Uzbek']);
  });

  it('marks a hyphenated name matched as one word once, hyphen and all, and never its parts again inside it', () => {
    const text = 'IL-6 and IL-10 rose';
    const marked = (terms: string[]) => markTerms(text, terms).map(({ start, end }) => text.slice(start, end));
    expect(marked(['il6'])).toEqual(['IL-6']);
    expect(marked(['il6', 'il', '6'])).toEqual(['IL-6', 'IL']);
    expect(marked(['10'])).toEqual(['10']);
  });
});

describe('validateQuery', () => {
  it.each([
    ['an empty question', ''],
    ['a whitespace-only question', '   \n\t '],
    ['a punctuation-only question', '?!...—'],
    ['a question over 300 characters', 'why '.repeat(80)],
  ])('rejects %s with a message saying what to do', (_name, text) => {
    expect(() => validateQuery(text, 'question')).toThrow(UserError);
  });

  it('accepts a question of exactly 300 characters and trims it', () => {
    const text = `  ${'a'.repeat(300)}  `;
    expect(validateQuery(text, 'question')).toBe('a'.repeat(300));
  });

  it('is not confident when a name or number of the question occurs nowhere, however well the rest matches', () => {
    const summit = [
      { term: 'presid', inverseFrequency: 1 },
      { term: 'mongolia', inverseFrequency: 5 },
      { term: 'summit', inverseFrequency: 2 },
    ];
    const mongolia = { word: 'Mongolia', term: 'mongolia', position: 3 };
    expect(isConfident(summit, ['presid', 'summit'])).toBe(true);
    expect(isConfident(summit, ['presid', 'summit'], [mongolia])).toBe(false);
    expect(isDistinctive(mongolia)).toBe(true);
    expect(isDistinctive({ word: '1887', term: '1887', position: 4 })).toBe(true);
    // A capital at the start of the question says nothing: every question has one.
    expect(isDistinctive({ word: 'Tourists', term: 'tourist', position: 0 })).toBe(false);
  });

  it('is not confident when words found nowhere carry half the question\'s specificity', () => {
    const bread = [
      { term: 'recip', inverseFrequency: 5 },
      { term: 'japan', inverseFrequency: 0.5 },
      { term: 'bread', inverseFrequency: 5 },
    ];
    const missing = [{ word: 'recipe', term: 'recip', position: 3 }, { word: 'bread', term: 'bread', position: 6 }];
    expect(isConfident(bread, ['japan', 'recip'], missing.slice(1))).toBe(true);
    expect(isConfident(bread, ['japan', 'recip'], missing)).toBe(false);
  });

  it('is not confident when the best passage shares only the question\'s names and numbers and one of its words occurs nowhere', () => {
    const tourists = [
      { term: 'mani', inverseFrequency: 3.6 },
      { term: 'japanes', inverseFrequency: 1.2, setting: true },
      { term: 'tourist', inverseFrequency: 5.8 },
      { term: 'visit', inverseFrequency: 3.3 },
      { term: 'kazakhstan', inverseFrequency: 2.7, setting: true },
      { term: '2019', inverseFrequency: 4.2, setting: true },
    ];
    const missing = [{ word: 'tourists', term: 'tourist', position: 3 }];
    // The ODA table's row for 2019 holds Kazakhstan and the year: the setting, not the tourists.
    expect(isConfident(tourists, ['kazakhstan', '2019'])).toBe(true);
    expect(isConfident(tourists, ['kazakhstan', '2019'], missing)).toBe(false);
    // A passage holding one of the question's other words is judged on its coverage as before.
    expect(isConfident(tourists, ['kazakhstan', '2019', 'visit'], missing)).toBe(true);
    // Names that carry most of the question are what it asks about ("What stopped Fumio Kishida …").
    const kishida = [
      { term: 'stop', inverseFrequency: 3 },
      { term: 'fumio', inverseFrequency: 4.7, setting: true },
      { term: 'kishida', inverseFrequency: 4, setting: true },
      { term: 'travel', inverseFrequency: 5.8 },
    ];
    expect(isConfident(kishida, ['fumio', 'kishida'], [{ word: 'travelling', term: 'travel', position: 5 }])).toBe(true);
  });

  it('counts a word the library holds only through a synonym or translation as no evidence that the best passage is about the question', () => {
    // "What was the score of the Japan versus Uzbekistan football match?": "versus" only as "против", football nowhere.
    const football = [
      { term: 'score', inverseFrequency: 5.8, borrowed: true },
      { term: 'japan', inverseFrequency: 0.1, setting: true },
      { term: 'versu', inverseFrequency: 5.8, borrowed: true },
      { term: 'uzbekistan', inverseFrequency: 2.7, setting: true },
      { term: 'footbal', inverseFrequency: 5.8 },
      { term: 'match', inverseFrequency: 5.8, borrowed: true },
    ];
    const missing = [{ word: 'football', term: 'footbal', position: 8 }];
    expect(isConfident(football, ['japan', 'versu'], missing)).toBe(false);
    const owned = football.map((term) => ({ ...term, borrowed: false }));
    expect(isConfident(owned, ['japan', 'versu'], missing)).toBe(true);
    // With nothing missing, a synonym match is judged on its coverage as before ("lend" found as "loan").
    expect(isConfident(football, ['japan', 'versu', 'score'])).toBe(true);
    expect(questionWeights(queryWords('Did Tokyo lend money?'), () => 1, new Set(['lend'])).find((weight) => weight.term === 'lend')?.borrowed).toBe(true);
  });

  it('finds the kind of thing an opening Which or What, or How much or How many, asks for, past the names before it, and none when another word comes first', () => {
    const kind = (question: string) => askedKind(question.split(' ')[0], queryWords(question))?.word;
    expect(kind('Which hospitals in Tajikistan were built with Japanese grants?')).toBe('hospitals');
    expect(kind('Which Japanese museums hold art from Turkmenistan?')).toBe('museums');
    expect(kind('What phrase did Abe use?')).toBe('phrase');
    expect(kind('What did the Uzbek leader put forward?')).toBeUndefined();
    expect(kind('What is the capital of Australia?')).toBeUndefined();
    expect(kind('How many hospitals are there?')).toBe('hospitals');
    expect(kind('How much rice does Japan import from Kazakhstan?')).toBe('rice');
    expect(kind('How many Japanese students study in Uzbekistan?')).toBe('students');
    expect(kind('How did Japan respond?')).toBeUndefined();
    expect(kind('How large was the loan?')).toBeUndefined();
  });

  it('counts the kind a question asks for as distinctive only when no source mentions it and it is a concrete kind', () => {
    const question = 'Which hospitals in Tajikistan were built with Japanese grants?';
    const words = queryWords(question);
    const hospitals = words.find((word) => word.word === 'hospitals');
    if (!hospitals) throw new Error('no hospitals');
    const concrete = (word: string) => word === 'hospitals';
    expect(distinctiveIn('Which', words, [hospitals], concrete)(hospitals)).toBe(true);
    expect(distinctiveIn('Which', words, [], concrete)(hospitals)).toBe(false);
    expect(distinctiveIn('Which', words, [hospitals], () => false)(hospitals)).toBe(false);
    // Names and numbers stay distinctive as before.
    expect(distinctiveIn('Which', words, [], () => false)({ word: 'Mongolia', term: 'mongolia', position: 3 })).toBe(true);
    const weights = [
      { term: 'hospit', inverseFrequency: 5.8 },
      { term: 'tajikistan', inverseFrequency: 2.3, setting: true },
      { term: 'grant', inverseFrequency: 3.6 },
    ];
    expect(isConfident(weights, ['tajikistan', 'grant'], [hospitals])).toBe(true);
    expect(isConfident(weights, ['tajikistan', 'grant'], [hospitals], undefined, distinctiveIn('Which', words, [hospitals], concrete))).toBe(false);
  });

  it('leaves out of the check the words that only make the sentence a question: an opening request verb, please, a Russian interrogative', () => {
    const subject = (question: string) => subjectWords(queryWords(question)).map((word) => word.term);
    expect(subject('Explain the rules of cricket')).toEqual(['rule', 'cricket']);
    expect(subject('Please describe Japan\'s aid')).toEqual(['describ', 'japan', 'aid']);
    expect(subject('Какова общая площадь стран Центральной Азии?')).not.toContain('каков');
    expect(subject('Почему Москва прекратила переговоры?')).toEqual(subject('Москва прекратила переговоры?'));
    // Inside a question the same verbs are words of its subject: "the list of countries".
    expect(subject('When were the republics put on the list of countries?')).toContain('list');
    expect(isQuestionWord({ word: 'Name', term: 'name', position: 0 })).toBe(true);
    expect(isQuestionWord({ word: 'name', term: 'name', position: 4 })).toBe(false);
    expect(questionWeights(queryWords('Explain the rules of cricket'), () => 1).map((weight) => weight.term)).toEqual(['rule', 'cricket']);
  });

  it('leaves a hyphenated name read as one word out of the check, since its parts stand for it', () => {
    const words = queryWords('Does IL-6 rise?');
    expect(words.map((word) => [word.word, word.term, word.position, word.joined === true])).toEqual([
      ['IL', 'il', 1, false],
      ['6', '6', 2, false],
      ['rise', 'rise', 3, false],
      ['IL-6', 'il6', 1, true],
    ]);
    expect(subjectWords(words).map((word) => word.term)).toEqual(['il', '6', 'rise']);
  });

  it('marks the names, numbers and the "much" of "how much" as the question\'s setting, weighted by their specificity', () => {
    const weights = questionWeights(queryWords('How much rice does Japan import from Kazakhstan each year in 2024?'), (term) => term.length);
    expect(weights.filter((weight) => weight.setting).map((weight) => weight.term)).toEqual(['much', 'japan', 'kazakhstan', '2024']);
    expect(weights.find((weight) => weight.term === 'rice')).toEqual({ term: 'rice', inverseFrequency: 4, setting: false });
    // Elsewhere "much" is a word like any other.
    expect(questionWeights(queryWords('Why did it cost so much?'), () => 1).find((weight) => weight.term === 'much')?.setting).toBe(false);
  });
});

