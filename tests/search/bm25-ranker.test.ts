import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { createIndexOptions } from '../../src/search/index-options.js';
import { rankQuery } from '../../src/search/rank-query.js';

const documents = [
  { id: 'loan', title: 'Japan lends to Uzbekistan', text: 'Japan agreed to loan Uzbekistan 39 billion yen for reforms. The loan supports markets.' },
  { id: 'grants', title: 'Grants to Tajikistan', text: 'Japan invested $42.5 million in Tajikistan and funded roads and solar energy.' },
  { id: 'summit', title: 'Summit cancelled', text: 'The summit was cancelled because of the threat of an earthquake in Japan.' },
  { id: 'minerals', title: 'Critical minerals', text: 'Central Asia holds manganese, chromium and rare earth reserves that Japan needs.' },
  { id: 'dialogue', title: 'The dialogue', text: 'The Central Asia plus Japan dialogue was formed in 2004 with Tokayev.' },
];

function buildIndex() {
  const index = new MiniSearch<(typeof documents)[number]>(createIndexOptions(['title', 'text']));
  index.addAll(documents);
  return index;
}

describe('rankQuery', () => {
  it('ranks exactly as MiniSearch\'s own search when coordination is 1', () => {
    const index = buildIndex();
    const bm25 = { k: 1.2, b: 0.7, d: 0.5 };
    for (const query of ['Japan loan Uzbekistan', 'earthquake summit Japan', 'rare earth minerals', 'Japan']) {
      const expected = index.search(query, { bm25 }).map((result) => [result.id, result.score.toFixed(6)]);
      const actual = rankQuery(index, query, { bm25, boost: { title: 1, text: 1 }, coordination: 1 }, { limit: 10 }).map((hit) => [hit.id, hit.score.toFixed(6)]);
      expect(actual).toEqual(expected);
    }
  });

  it('returns only accepted documents, at most `limit`, best first', () => {
    const index = buildIndex();
    const hits = rankQuery(index, 'Japan', { bm25: { k: 1.2, b: 0.75, d: 0.5 }, boost: { text: 1 }, coordination: 0 }, { limit: 2, accept: (id) => id !== 'loan' });
    expect(hits).toHaveLength(2);
    expect(hits.map((hit) => hit.id)).not.toContain('loan');
    expect(hits[0]?.score).toBeGreaterThanOrEqual(hits[1]?.score ?? Infinity);
  });

  it('reports which query terms each document matched', () => {
    const [top] = rankQuery(buildIndex(), 'loan to Uzbekistan and sourdough', { bm25: { k: 1.2, b: 0.75, d: 0.5 }, boost: { title: 1, text: 1 }, coordination: 0 }, { limit: 1 });
    expect(top?.id).toBe('loan');
    expect(top?.matchedTerms.sort()).toEqual(['loan', 'uzbekistan']);
  });

  it('skips documents discarded from the index', () => {
    const index = buildIndex();
    index.discard('summit');
    const hits = rankQuery(index, 'earthquake summit', { bm25: { k: 1.2, b: 0.75, d: 0.5 }, boost: { title: 1, text: 1 }, coordination: 0 }, { limit: 5 });
    expect(hits).toEqual([]);
  });

  it('matches the start of a word when asked to, as quick lookups do', () => {
    const hits = rankQuery(buildIndex(), 'uzbek', { bm25: { k: 1.2, b: 0.75, d: 0.5 }, boost: { title: 1, text: 1 }, coordination: 0 }, { limit: 5, prefix: true });
    expect(hits.map((hit) => hit.id)).toEqual(['loan']);
  });
});
