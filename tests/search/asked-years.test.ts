import { describe, expect, it } from 'vitest';
import { yearsAsked, yearsNoneSpeaksOf, yearsSpokenOf, type DatedPassage } from '../../src/search/asked-years.js';
import { queryWords } from '../../src/search/query-expansion.js';
import { openSearchService } from '../../src/search/search-service.js';
import { captureLogger, makeDocument, temporaryFolder } from './helpers.js';

const published2026 = { iso: '2026-01', precision: 'month' as const };
const speaksOfYear = (passage: DatedPassage, year: number) => yearsSpokenOf(passage)(year);

describe('years a question names', () => {
  it('reads the years written in the question, once each, and no other number', () => {
    expect(yearsAsked(queryWords('How much did Tokyo lend in 2024, and again in 2024 and 1998?'))).toEqual([2024, 1998]);
    expect(yearsAsked(queryWords('Did the 150 documents cost 3,700 million?'))).toEqual([]);
  });

  it('takes a year as spoken of when the passage, its lead-in or its publication date holds it', () => {
    expect(speaksOfYear({ text: 'Japan agreed to loan Uzbekistan 39 billion yen in 2024.', context: null, published: null }, 2024)).toBe(true);
    expect(speaksOfYear({ text: '2019\t1,40\t27,91', context: 'Year: 2019; Kyrgyzstan: 27,91', published: null }, 2019)).toBe(true);
    expect(speaksOfYear({ text: 'Tokyo now seeks a larger economic role.', context: null, published: { iso: '2025-05-05', precision: 'day' } }, 2025)).toBe(true);
    expect(speaksOfYear({ text: 'The loan of 20245 yen.', context: null, published: null }, 2024)).toBe(false);
  });

  it('resolves a relative date against the publication date: "last year" in a text of 2026 is 2025', () => {
    const summit = { text: 'On 19–20 December last year, Tokyo hosted the first summit.', context: null, published: published2026 };
    expect(speaksOfYear(summit, 2025)).toBe(true);
    expect(speaksOfYear(summit, 2024)).toBe(false);
    expect(speaksOfYear({ ...summit, published: null }, 2025)).toBe(false);
  });

  it('reads a passage\'s relative dates once however many years are asked about', () => {
    const summit = { text: 'On 19–20 December last year, Tokyo hosted the first summit; next year it meets again.', context: null, published: published2026 };
    expect(yearsNoneSpeaksOf([2024, 2025, 2026, 2027, 2028], [summit])).toEqual([2024, 2028]);
  });

  it('gives the years named that none of the passages speaks of', () => {
    const passages = [
      { text: 'In 2004 the dialogue began.', context: null, published: null },
      { text: 'In 2024 the loan was agreed.', context: null, published: null },
    ];
    expect(yearsNoneSpeaksOf([2004, 2024], passages)).toEqual([]);
    expect(yearsNoneSpeaksOf([2004, 2019], passages)).toEqual([2019]);
    expect(yearsNoneSpeaksOf([], [])).toEqual([]);
  });
});

describe('a question tied to a year', () => {
  const loans = makeDocument('loans.md', '---\ntitle: Loans\npublished: 2025-05-05\n---\nLoans\n\nJapan agreed to loan Uzbekistan 39 billion yen in 2024 for its reforms.\n\nThe Japanese loan to Uzbekistan, much of it for roads, supports its market reforms.\n\nUzbekistan will repay Japan the loan over forty years, officials said.\n\nHow much Japan will loan Uzbekistan next is not yet known.\n');
  const fair = makeDocument('fair.md', '---\ntitle: Fair\npublished: 2020-01-10\n---\nFair\n\nA trade fair opened in Tashkent in 2019.\n\nIts pavilions, built in 2019, stood by the river.\n\nThe fair of 2019 drew a large crowd.\n\nIn 2019 the organisers also held a film week.\n');

  it('is not confident when none of the best passages speaks of the year, though the library names it elsewhere', async () => {
    const service = await openSearchService({ corpus: { documents: [loans, fair], problems: [] }, dataDir: await temporaryFolder(), logger: captureLogger().logger });
    expect(service.ask('How much did Japan loan Uzbekistan in 2024?').confident).toBe(true);
    const otherYear = service.ask('How much did Japan loan Uzbekistan in 2019?');
    expect(otherYear.passages[0]?.text).toContain('loan');
    expect(otherYear.missingWords).toEqual([]);
    expect(otherYear.notInClosest).toEqual(['2019']);
    expect(otherYear.confident).toBe(false);
  });
});
