import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { createIndexOptions } from '../../src/search/index-options.js';
import { rankQuery } from '../../src/search/rank-query.js';
import { scorePostings } from '../../src/search/scored-postings.js';
import { readInternals } from '../../src/search/index-internals.js';
import { inverseDocumentFrequency, occursInIndex, termDocumentFrequency, termPostings } from '../../src/search/term-statistics.js';

interface Row {
  id: string;
  title: string;
  text: string;
}

const rows: Row[] = [
  { id: 'loan', title: 'Japan lends to Uzbekistan', text: 'Japan agreed to loan Uzbekistan 39 billion yen. The loan supports markets in Uzbekistan.' },
  { id: 'grants', title: 'Grants to Tajikistan', text: 'Japan funded roads and solar energy in Tajikistan.' },
  { id: 'summit', title: 'Summit cancelled', text: 'The summit was cancelled because of the threat of an earthquake in Japan.' },
  { id: 'minerals', title: 'Critical minerals', text: 'Central Asia holds rare earth reserves that Japan needs for its loan guarantees.' },
];
const ranking = { bm25: { k: 1.2, b: 0.75, d: 0.5 }, boost: { title: 1, text: 1 }, coordination: 0 };
const fields = ['title', 'text'];

function indexOf(documents: Row[]): MiniSearch<Row> {
  const index = new MiniSearch<Row>(createIndexOptions(fields));
  index.addAll(documents);
  return index;
}

const ranked = (index: MiniSearch<Row>, query: string) => rankQuery(index, query, ranking, { limit: 10 }).map((hit) => [hit.id, hit.score, hit.matchedTerms]);

describe('statistics cached between queries', () => {
  it('ranks a changed index as a fresh index of the same documents does, after the old one was ranked', () => {
    const index = indexOf(rows);
    expect(ranked(index, 'Japan loan Uzbekistan')).toEqual(ranked(indexOf(rows), 'Japan loan Uzbekistan'));
    const added = { id: 'credit', title: 'A second loan', text: 'Another loan to Uzbekistan, and a loan to Kyrgyzstan.' };
    index.add(added);
    expect(ranked(index, 'Japan loan Uzbekistan')).toEqual(ranked(indexOf([...rows, added]), 'Japan loan Uzbekistan'));
    index.discard('loan');
    const remaining = [...rows.filter((row) => row.id !== 'loan'), added];
    expect(ranked(index, 'Japan loan Uzbekistan').map(([id]) => id)).toEqual(ranked(indexOf(remaining), 'Japan loan Uzbekistan').map(([id]) => id));
    index.vacuum();
  });

  it('ranks the same after a vacuum as a fresh index of the documents left', async () => {
    const index = indexOf(rows);
    ranked(index, 'loan earthquake');
    index.discard('summit');
    ranked(index, 'loan earthquake');
    await index.vacuum();
    expect(ranked(index, 'loan earthquake').map(([id]) => id)).toEqual(ranked(indexOf(rows.filter((row) => row.id !== 'summit')), 'loan earthquake').map(([id]) => id));
  });

  it('counts a term\'s documents again once a document holding it is added or discarded', () => {
    const index = indexOf(rows);
    expect(termDocumentFrequency(index, 'loan', fields)).toBe(2);
    const before = inverseDocumentFrequency(index, 'loan', fields);
    index.add({ id: 'credit', title: 'Credit', text: 'A loan.' });
    expect(termDocumentFrequency(index, 'loan', fields)).toBe(3);
    expect(inverseDocumentFrequency(index, 'loan', fields)).toBeLessThan(before);
    index.discard('loan');
    index.discard('credit');
    expect(termDocumentFrequency(index, 'loan', fields)).toBe(1);
  });

  it('finds a term in the index until the last document holding it, in any field, is discarded', () => {
    const index = indexOf(rows);
    expect(occursInIndex(index, 'earthquak')).toBe(true);
    expect(occursInIndex(index, 'summit')).toBe(true);
    expect(occursInIndex(index, 'sourdough')).toBe(false);
    index.discard('summit');
    expect(occursInIndex(index, 'earthquak')).toBe(false);
    expect(occursInIndex(index, 'summit')).toBe(false);
    index.add({ id: 'summit-2', title: 'Summit held', text: 'The leaders met.' });
    expect(occursInIndex(index, 'summit')).toBe(true);
  });

  it('finds a term\'s postings again once a document holding it for the first time is added, and none once it is discarded', () => {
    const index = indexOf(rows);
    const postingsOf = () => termPostings(index, readInternals(index), 'kyrgyzstan');
    expect(postingsOf()).toBeUndefined();
    index.add({ id: 'credit', title: 'Credit', text: 'A loan to Kyrgyzstan.' });
    expect(ranked(index, 'Kyrgyzstan').map(([id]) => id)).toEqual(['credit']);
    expect(postingsOf()?.size).toBe(1);
    index.discard('credit');
    expect(ranked(index, 'Kyrgyzstan')).toEqual([]);
    expect(occursInIndex(index, 'kyrgyzstan')).toBe(false);
  });

  it('keeps the postings\' order and leaves out documents that were discarded but not vacuumed', () => {
    const postings = new Map([[4, 2], [1, 1], [3, 5]]);
    const norms = new Float64Array([1, 1, 1, Number.NaN, 2]);
    const scored = scorePostings(postings, norms, 1.2, 0.5);
    expect([...scored.ids]).toEqual([4, 1]);
    expect([...scored.saturations]).toEqual([0.5 + (2 * 2.2) / (2 + 2), 0.5 + 2.2 / 2]);
    expect(scored.most).toBe(0.5 + 2.2 / 2);
  });
});
