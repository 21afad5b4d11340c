import { describe, expect, it } from 'vitest';
import { quoteWithCitation, renderAnswerPage, unsureNotice } from '../../../src/discord/render/answer.js';
import { highlightedQuote } from '../../../src/discord/render/highlighted-quote.js';
import { answerOf, citedPassage, unquote } from '../fixtures/passages.js';

/** The quote's own words: our bold markers and "…" taken out, the escaping undone. */
const wordsOf = (rendered: string) => unquote(rendered.replace(/(?<!\\)\*\*/g, ''));

const sentences = [
  'Japan has long supported the region through grants.',
  'In 2024, Japan agreed to loan Uzbekistan 39 billion yen for reforms.',
  'The loan follows earlier credits for railways.',
];
const text = sentences.join(' ');
const answering = { start: text.indexOf('In 2024'), end: text.indexOf('reforms.') + 'reforms.'.length };

describe('the answering sentence in a quote', () => {
  it('is bold, and the quote is still the document\'s text word for word', () => {
    const quote = highlightedQuote(text, [answering], 2000);
    expect(quote.cut).toBe(false);
    expect(quote.text).toContain('**In 2024, Japan agreed to loan Uzbekistan 39 billion yen for reforms.**');
    expect(wordsOf(quote.text)).toBe(text);
  });

  it('bolds each line of a sentence that spans lines, since Discord bold does not cross a line break', () => {
    const twoLines = 'First line of it\nand its second line. Then another sentence.';
    const quote = highlightedQuote(twoLines, [{ start: 0, end: twoLines.indexOf('. ') + 1 }], 2000);
    expect(quote.text).toBe('> **First line of it**\n> **and its second line.** Then another sentence.');
  });

  it('cuts a long passage around the answering sentence at sentence ends, with "…" on each cut side', () => {
    const filler = Array.from({ length: 40 }, (_, position) => `Filler sentence number ${position} says little.`);
    const long = [...filler.slice(0, 20), sentences[1], ...filler.slice(20)].join(' ');
    const start = long.indexOf('In 2024');
    const quote = highlightedQuote(long, [{ start, end: start + (sentences[1] ?? '').length }], 400);
    expect(quote.cut).toBe(true);
    expect(quote.text.length).toBeLessThanOrEqual(400);
    expect(quote.text).toContain(`**${sentences[1] ?? ''}**`);
    expect(quote.text.startsWith('> … Filler sentence')).toBe(true);
    expect(quote.text.endsWith('says little. …')).toBe(true);
    // Every piece between the "…" is whole sentences of the text, in order.
    const kept = wordsOf(quote.text).replace(/^… /u, '').replace(/ …$/u, '');
    expect(long).toContain(kept);
    expect(kept).toMatch(/^Filler sentence number \d+ says little\./u);
    expect(kept).toMatch(/says little\.$/u);
  });

  it('shows the quote as before when nothing is highlighted', () => {
    expect(highlightedQuote(text, [], 2000).text).toBe(`> ${text}`);
  });
});

describe('an answer that is not confident', () => {
  const why = (missingWords: string[], notInClosest: string[] = [], untranslatedWords: string[] = [], noAnswerOfKind: 'date' | 'quantity' | null = null) => ({ missingWords, notInClosest, untranslatedWords, noAnswerOfKind });

  it('names the words no source mentions', () => {
    expect(unsureNotice(why(['Mongolia']))).toBe('No source mentions **Mongolia**. The closest passages:');
    expect(unsureNotice(why(['Mongolia', 'tourists']))).toBe('No source mentions **Mongolia** or **tourists**. The closest passages:');
    expect(unsureNotice(why(['a', 'b', 'c']))).toBe('No source mentions **a**, **b** or **c**. The closest passages:');
    const answer = { ...answerOf([citedPassage()], false, 'What did the president of Mongolia say?'), missingWords: ['Mongolia'] };
    const payload = renderAnswerPage({ answer, page: 0, sessionId: 'AbCdEfGh', ephemeral: true, passageTotal: () => 12 });
    expect(payload.content).toContain('No source mentions **Mongolia**. The closest passages:');
  });

  it('names what the closest passages leave out when every word occurs somewhere', () => {
    expect(unsureNotice(why([], ['Kazakhstan']))).toBe('The closest passages do not mention **Kazakhstan**: read them as leads, not as an answer.');
    expect(unsureNotice(why([], ['2019', '2020']))).toBe('The closest passages do not mention **2019** or **2020**: read them as leads, not as an answer.');
    expect(unsureNotice(why(['Mongolia'], ['2019']))).toBe('No source mentions **Mongolia**. The closest passages:');
    expect(unsureNotice(why([], []))).toContain('Nothing in the sources answers this well.');
    const answer = { ...answerOf([citedPassage()], false, 'When did Kazakhstan join the World Trade Organization?'), notInClosest: ['Kazakhstan'] };
    const payload = renderAnswerPage({ answer, page: 0, sessionId: 'AbCdEfGh', ephemeral: true, passageTotal: () => 12 });
    expect(payload.content).toContain('The closest passages do not mention **Kazakhstan**');
  });

  it('says which Russian words no translation is known for, without calling them missing', () => {
    expect(unsureNotice(why([], [], ['провёл']))).toBe('No translation is known for **провёл**, so the English sources were not searched for it. The closest passages:');
    expect(unsureNotice(why(['ресторанов'], [], ['Ташкенте', 'провёл']))).toBe('No source mentions **ресторанов**. No translation is known for **Ташкенте** or **провёл**, so the English sources were not searched for them. The closest passages:');
  });

  it('says the closest passages give no date or number when that is what the question asks for', () => {
    expect(unsureNotice(why([], [], [], 'date'))).toBe('The closest passages give no **date** where they match the question: read them as leads, not as an answer.');
    expect(unsureNotice(why([], [], [], 'quantity'))).toBe('The closest passages give no **number** where they match the question: read them as leads, not as an answer.');
    expect(unsureNotice(why(['Mongolia'], [], [], 'date'))).toBe('No source mentions **Mongolia**. The closest passages:');
    const answer = { ...answerOf([citedPassage()], false, 'When did Japan open an embassy in Turkmenistan?'), noAnswerOfKind: 'date' as const };
    const payload = renderAnswerPage({ answer, page: 0, sessionId: 'AbCdEfGh', ephemeral: true, passageTotal: () => 12 });
    expect(payload.content).toContain('The closest passages give no **date** where they match the question');
  });

  it('escapes a missing word so it cannot format the message', () => {
    expect(unsureNotice(why(['*x*']))).toBe('No source mentions **\\*x\\***. The closest passages:');
  });
});

describe('a passage found through a Russian translation', () => {
  it('says which Russian words matched, under the quote', () => {
    const passage = citedPassage({ text: '20% мировых запасов урана, 17,2% – нефти.', matchedInRussian: ['запасов', 'урана'] });
    const rendered = quoteWithCitation(passage, 12, 4000);
    expect(rendered).toContain('\n*matched in Russian: запасов урана*\n');
    expect(wordsOf(rendered.split('\n')[0] ?? '')).toBe(passage.text);
  });
});
