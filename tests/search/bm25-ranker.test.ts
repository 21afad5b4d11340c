import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { createIndexOptions } from '../../src/search/index-options.js';
import { rankDocuments } from '../../src/search/bm25-ranker.js';
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

  it('counts the words each document holds afresh in every query, with and without coordination in turn, on one index', () => {
    const index = buildIndex();
    const bm25 = { k: 1.2, b: 0.7, d: 0.5 };
    const rank = (query: string, coordination: number) => rankQuery(index, query, { bm25, boost: { title: 1, text: 1 }, coordination }, { limit: 10 }).map((hit) => [hit.id, hit.score.toFixed(6)]);
    const alone = ['Japan loan Uzbekistan', 'Central Asia Japan'].map((query) => rank(query, 1));
    for (let round = 0; round < 3; round += 1) {
      rank('Japan loan Uzbekistan earthquake', 0);
      expect(['Japan loan Uzbekistan', 'Central Asia Japan'].map((query) => rank(query, 1))).toEqual(alone);
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

  it('credits a match through an expansion term to the query word it stands for, and a match in an unranked field to none', () => {
    const terms = [
      { term: 'lend', source: 'lend', weight: 1 },
      { term: 'loan', source: 'lend', weight: 0.2, via: 'synonym' as const },
      { term: 'grant', source: 'grant', weight: 1 },
      { term: 'tajikistan', source: 'tajikistan', weight: 1 },
    ];
    const hits = rankDocuments(buildIndex(), terms, { bm25: { k: 1.2, b: 0.75, d: 0.5 }, boost: { title: 0, text: 1 }, coordination: 0 }, { limit: 5 });
    const matched = new Map(hits.map((hit) => [hit.id, hit.matchedTerms]));
    // "loan" is in the text, "lends" only in the title; "Grants" only in the title, "Tajikistan" in both.
    expect(matched.get('loan')).toEqual(['lend']);
    expect(matched.get('grants')).toEqual(['tajikistan']);
  });

  it('skips documents discarded from the index', () => {
    const index = buildIndex();
    index.discard('summit');
    const hits = rankQuery(index, 'earthquake summit', { bm25: { k: 1.2, b: 0.75, d: 0.5 }, boost: { title: 1, text: 1 }, coordination: 0 }, { limit: 5 });
    expect(hits).toEqual([]);
  });

  it('weighs the words of an index with discarded documents as those of one that never held them', () => {
    const discarded = buildIndex();
    discarded.discard('summit');
    const fresh = new MiniSearch<(typeof documents)[number]>(createIndexOptions(['title', 'text']));
    fresh.addAll(documents.filter((document) => document.id !== 'summit'));
    const parameters = { bm25: { k: 1.2, b: 0.75, d: 0.5 }, boost: { title: 1, text: 1 }, coordination: 0 };
    for (const query of ['Japan', 'Japan earthquake loan', 'Central Asia Japan']) {
      const scores = (index: MiniSearch) => rankQuery(index, query, parameters, { limit: 5 }).map((hit) => [hit.id, hit.score.toFixed(9)]);
      expect(scores(discarded), query).toEqual(scores(fresh));
    }
  });

  it('matches the start of a word when asked to, as quick lookups do', () => {
    const hits = rankQuery(buildIndex(), 'uzbek', { bm25: { k: 1.2, b: 0.75, d: 0.5 }, boost: { title: 1, text: 1 }, coordination: 0 }, { limit: 5, prefix: true });
    expect(hits.map((hit) => hit.id)).toEqual(['loan']);
  });

  it('finds the same best documents when it skips the common words\' long postings, as an exhaustive BM25 does', () => {
    // A seeded Zipf-like collection: a few words in most documents, many in a handful.
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const vocabulary = Array.from({ length: 60 }, (_, rank) => `w${rank}x`);
    const pick = () => vocabulary[Math.floor(vocabulary.length * random() ** 3)] ?? 'w0x';
    const collection = Array.from({ length: 500 }, (_, position) => ({
      id: `d${position}`,
      title: Array.from({ length: 1 + Math.floor(random() * 3) }, pick).join(' '),
      text: Array.from({ length: 3 + Math.floor(random() * 30) }, pick).join(' '),
    }));
    const index = new MiniSearch<(typeof collection)[number]>(createIndexOptions(['title', 'text']));
    index.addAll(collection);
    const bm25 = { k: 1.5, b: 0.75, d: 0.5 };
    for (let query = 0; query < 200; query += 1) {
      const text = Array.from({ length: 2 + (query % 4) }, pick).join(' ');
      // MiniSearch multiplies by the number of query terms matched; dividing it out gives plain BM25+.
      const exhaustive = index
        .search(text, { bm25 })
        .map((result) => result.score / result.queryTerms.length)
        .sort((a, b) => b - a)
        .slice(0, 3);
      const ranked = rankQuery(index, text, { bm25, boost: { title: 1, text: 1 }, coordination: 0 }, { limit: 3 });
      expect(ranked.map((hit) => hit.score.toFixed(9)), text).toEqual(exhaustive.map((score) => score.toFixed(9)));
    }
  });
});
