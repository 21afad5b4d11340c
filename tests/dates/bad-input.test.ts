import { describe, expect, it } from 'vitest';
import { extractDateMentions } from '../../src/dates/extract.js';
import { extractKeyEvents } from '../../src/dates/key-events.js';
import { makeDocument, mentionOf, published } from './helpers.js';

const atPublication = { referenceDate: published('2025-05-05') };

describe('numbers that look like dates but are not', () => {
  it.each([
    ['a fraction', 'Shares rose 1/2 point and then 7/8 more.'],
    ['an amount in millions', 'Japan invested $42.5 million in the economy of Tajikistan.'],
    ['decimal-comma figures', 'Disbursements were 1,40; 27,91 and 412,69.'],
    ['a percentage', 'Central Asia accounts for around 38.6% of global manganese ore reserves.'],
    ['a count of people', 'More than 2,500 specialists have already completed training in Japan.'],
    ['an amount in billions', 'More than 60 documents worth over $3.7 billion were signed.'],
    ['a four-digit amount', 'The army sent 1500 troops and 2000 tons of grain, 1999 km away.'],
    ['a price in dollars', 'It sold for $2004 at auction.'],
  ])('finds no date in %s', (_kind, text) => {
    expect(extractDateMentions(text, atPublication).map((mention) => mention.text)).toEqual([]);
  });

  it('reads only the year of a table row, never its decimal-comma figures', () => {
    const mentions = extractDateMentions('2019\t1,40\t27,91\t22,35\t1,52\t412,69', atPublication);
    expect(mentions.map((mention) => mention.text)).toEqual(['2019']);
  });

  it('ignores dates inside URLs', () => {
    const text = 'See https://www.mofa.go.jp/policy/oda/white/2003/image/chart.gif and <https://ria.ru/20240322/yaponiya-1934830173.html>.';
    expect(extractDateMentions(text, atPublication)).toEqual([]);
  });
});

describe('impossible dates', () => {
  it.each([
    ['February 30, 2024', 'February 2024 has 29 days'],
    ['31.02.2025', 'February 2025 has 28 days'],
    ['31 April 2023', 'April 2023 has 30 days'],
  ])('rejects "%s" with a note instead of rolling it over', (written, reason) => {
    const mention = mentionOf(`The agreement was signed on ${written} in Tashkent.`, written, '2025-05-05');
    expect(mention.kind).toBe('invalid');
    expect(mention.date).toBeNull();
    expect(mention.note).toContain(reason);
    expect(mention.timexes).toEqual([]);
  });

  it('accepts 29 February in a leap year and a year-less 29 February', () => {
    expect(mentionOf('It happened on February 29, 2024.', 'February 29, 2024', '2025').date?.start.iso).toBe('2024-02-29');
    expect(mentionOf('It happened on February 29, 2023.', 'February 29, 2023', '2025').kind).toBe('invalid');
  });

  it('keeps an impossible date out of the key events', () => {
    const document = makeDocument('bad-day', 'The treaty was signed on February 30, 2024 in Astana.', '2025-05');
    const passages = [{ docId: 'bad-day', ordinal: 1, start: 0, end: document.body.length, text: document.body, kind: 'paragraph' as const, heading: null, context: null }];
    expect(extractKeyEvents(document, passages)).toEqual([]);
  });
});

describe('a document with no publication date', () => {
  const text = 'Last year the ministry met on August 24 and again two weeks ago; the Dialogue began in August 2004.';

  it('leaves relative dates unresolved and says why', () => {
    const mentions = extractDateMentions(text, { referenceDate: null });
    for (const written of ['Last year', 'August 24', 'two weeks ago']) {
      const mention = mentions.find((candidate) => candidate.text === written);
      expect(mention?.date).toBeNull();
      expect(mention?.relative).toBe(true);
      expect(mention?.note).toContain('publication date is unknown');
    }
  });

  it('still resolves dates written in full', () => {
    const mention = extractDateMentions(text, { referenceDate: null }).find((candidate) => candidate.text === 'August 2004');
    expect(mention?.date?.start).toEqual({ iso: '2004-08', precision: 'month' });
  });

  it('gives TimeML an unknown year rather than a guessed one', () => {
    const mention = extractDateMentions(text, { referenceDate: null }).find((candidate) => candidate.text === 'August 24');
    expect(mention?.timexes[0]?.value).toBe('XXXX-08-24');
  });

  it('puts only its fully written dates in the key events', () => {
    const document = makeDocument('undated', text, null);
    const passages = [{ docId: 'undated', ordinal: 1, start: 0, end: text.length, text, kind: 'paragraph' as const, heading: null, context: null }];
    expect(extractKeyEvents(document, passages).map((event) => event.date.start.iso)).toEqual(['2004-08']);
  });
});
