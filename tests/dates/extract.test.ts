import { describe, expect, it } from 'vitest';
import { extractDateMentions } from '../../src/dates/extract.js';
import { mentionOf, published, shown } from './helpers.js';

describe('extractDateMentions: precision as written', () => {
  it('keeps "August 2004" a month, never the first of August', () => {
    const mention = mentionOf('In August 2004, Japan and the countries of Central Asia formed the Dialogue.', 'August 2004', '2025-05-05');
    expect(mention.date).toEqual({ start: { iso: '2004-08', precision: 'month' }, end: null });
    expect(mention.relative).toBe(false);
  });

  it('reads a bare year that chrono-node drops ("in 2004")', () => {
    expect(shown(mentionOf('The format was launched back in 2004, a platform.', '2004', '2025-08'))).toBe('2004');
  });

  it.each([
    ['In the period 2023 to 2024, Japan invested', '2023 to 2024', '2023..2024'],
    ['over the first 30 years of its activities (1993–2023) included', '1993–2023', '1993..2023'],
    ['in the period 2017-2022, 280 products', '2017-2022', '2017..2022'],
    ['a $42.5 million investment in Tajikistan in 2023-24 and', '2023-24', '2023..2024'],
    ['development of the 1950s–1970s implied', 'the 1950s–1970s', '1950..1979'],
  ])('reads the year range in "%s"', (text, written, expected) => {
    const mention = mentionOf(text, written, '2025');
    expect(shown(mention)).toBe(expected);
    expect(mention.kind).toBe('range');
  });

  it('reads a day range and a year given by "last year" as one date: "19–20 December last year" in a January 2026 text', () => {
    const mention = mentionOf('On 19–20 December last year, Tokyo hosted the first summit.', '19–20 December last year', '2026-01');
    expect(shown(mention)).toBe('2025-12-19..2025-12-20');
    expect(mention.date?.start.precision).toBe('day');
  });

  it.each([
    ['In early August 2024, then Prime Minister Kishida was scheduled to visit.', 'early August 2024', '2024-08', 'start'],
    ['Attacks on Chinese enterprises in late November highlighted it.', 'late November', '2025-11', 'end'],
    ['In the mid-2000s, Foreign Minister Aso Taro put forward the idea.', 'the mid-2000s', '2000..2009', 'mid'],
    ["Japan's entry into Central Asia in the early 1990s was its fear.", 'the early 1990s', '1990..1999', 'start'],
    ['At the end of October, Washington and Tokyo also signed an agreement.', 'the end of October', '2025-10', 'end'],
  ])('keeps the period of a vague part and notes the part: "%s"', (text, written, expected, modifier) => {
    const mention = mentionOf(text, written, '2026-01');
    expect(shown(mention)).toBe(expected);
    expect(mention.modifier).toBe(modifier);
  });

  it('narrows "the second half of the 1990s" to the years it names', () => {
    expect(shown(mentionOf('in the second half of the 1990s, Russia paid closer attention', 'the second half of the 1990s', '2025'))).toBe('1995..1999');
  });
});

describe('extractDateMentions: dates relative to the publication date', () => {
  it('resolves "In July last year" and "At the end of October" in a January 2026 text to 2025', () => {
    const text = 'In July last year, within the QUAD framework, they announced an initiative. At the end of October, Washington and Tokyo signed an agreement.';
    expect(shown(mentionOf(text, 'July last year', '2026-01'))).toBe('2025-07');
    expect(shown(mentionOf(text, 'the end of October', '2026-01'))).toBe('2025-10');
  });

  it('resolves a month with no year to its latest occurrence before publication, not the next one', () => {
    // chrono-node alone would read "late November" in January 2026 as November 2026.
    expect(shown(mentionOf('Attacks in late November highlighted the risk.', 'late November', '2026-01'))).toBe('2025-11');
  });

  it('resolves "August 24" forward when the sentence speaks of an upcoming visit (a text from August 2025)', () => {
    const text = 'Foreign Minister Takeshi Iwaya is visiting the region over the coming days, landing in Kazakhstan on August 24, before moving on to Uzbekistan until August 28.';
    expect(shown(mentionOf(text, 'August 24', '2025-08'))).toBe('2025-08-24');
    expect(shown(mentionOf(text, 'August 28', '2025-08'))).toBe('2025-08-28');
  });

  it('resolves a year-less date in a past-tense sentence to the year before when it falls after publication', () => {
    expect(shown(mentionOf('The ministry signed the deal on September 3.', 'September 3', '2025-05-05'))).toBe('2024-09-03');
  });

  it('reads "last May" as the May before the publication month', () => {
    expect(shown(mentionOf('The council met last May to review it.', 'last May', '2025-08-10'))).toBe('2025-05');
    expect(shown(mentionOf('The council met last May to review it.', 'last May', '2025-03-10'))).toBe('2024-05');
  });

  it('gives "two weeks ago" only the months it can fall in when the publication date is known to the month', () => {
    const mention = mentionOf('the official visit of Turkmen President to Japan two weeks ago.', 'two weeks ago', '2025-05');
    expect(shown(mention)).toBe('2025-04..2025-05');
    expect(mention.date?.start.precision).toBe('month');
    expect(mention.note).toContain('known only to the month');
  });

  it('gives "two weeks ago" its ISO week when the publication day is known', () => {
    const mention = mentionOf('He visited Japan two weeks ago.', 'two weeks ago', '2025-05-15');
    expect(shown(mention)).toBe('2025-04-28..2025-05-04');
    expect(mention.timexes[0]?.value).toBe('2025-W18');
  });

  it('resolves "last year" against a year-precision date, but gives no day to "two weeks ago"', () => {
    const text = 'Prices rose last year and fell two weeks ago.';
    expect(shown(mentionOf(text, 'last year', '2025'))).toBe('2024');
    const weeks = mentionOf(text, 'two weeks ago', '2025');
    expect(weeks.date?.start.precision).toBe('year');
    expect(shown(weeks)).toBe('2024..2025');
  });

  it('anchors "the past two months" at publication as a month range', () => {
    const mention = mentionOf('The resolution of border disputes over the past two months has led to a change.', 'the past two months', '2025-05-05');
    expect(mention.kind).toBe('duration');
    expect(shown(mention)).toBe('2025-03..2025-05');
    expect(mention.timexes[0]).toMatchObject({ value: 'P2M', type: 'DURATION' });
  });

  it('takes "in the same year" from the date just said', () => {
    const text = 'At the 2023 Victory Day parade, five leaders attended. In the same year, Dushanbe held the summits.';
    expect(shown(mentionOf(text, 'the same year', '2026-01'))).toBe('2023');
  });
});

describe('extractDateMentions: Russian', () => {
  it('reads "21 марта 2022 года" as a day', () => {
    expect(shown(mentionOf('МИД России 21 марта 2022 года заявил, что Москва отказывается', '21 марта 2022 года', '2025'))).toBe('2022-03-21');
  });

  it('reads a Russian month after its preposition, without the preposition', () => {
    expect(shown(mentionOf('Соглашение подписано в мае 2024 года в Ташкенте.', 'мае 2024 года', '2025'))).toBe('2024-05');
  });

  it('reads "01.02.2025" day first, as Russian and European dates are written', () => {
    expect(shown(mentionOf('(дата обращения: 01.02.2025).', '01.02.2025', '2025'))).toBe('2025-02-01');
  });
});

describe('extractDateMentions: offsets', () => {
  it('gives offsets that slice the text back to each mention', () => {
    const text = '“Japan” — in 2004, on 19–20 December last year and two weeks ago.';
    const mentions = extractDateMentions(text, { referenceDate: published('2026-01') });
    expect(mentions.length).toBeGreaterThanOrEqual(3);
    for (const mention of mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
  });
});
