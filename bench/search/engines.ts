import FlexSearch from 'flexsearch';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import { create, insertMultiple, load, save, search as oramaSearch, type AnyOrama } from '@orama/orama';
import { createIndexOptions, type RankingParameters } from '../../src/search/index-options.js';
import { passageRanking } from '../../src/search/passage-index.js';
import { rankQuery } from '../../src/search/rank-query.js';
import type { BenchDocument } from './datasets.js';

/** A search engine under test: build, search, and save/load a snapshot. */
export interface Engine {
  name: string;
  build(documents: BenchDocument[]): Promise<void>;
  search(query: string, limit: number): Promise<string[]>;
  serialize(): Promise<string>;
  load(serialized: string): Promise<void>;
}

/**
 * Ranking for title + text collections: the BM25 parameters and coordination of `ask`, with
 * the title weighted as the sweep found best on SciFact (a title is short, and per-field
 * length normalisation already lifts its matches).
 */
export const titleTextRanking: RankingParameters = { ...passageRanking, boost: { title: 0.4, text: 1 } };

/** Ours: the same index options and query path as `ask` (rankQuery over MiniSearch). */
export function briefingEngine(): Engine {
  const options = createIndexOptions<BenchDocument>(['title', 'text']);
  let index = new MiniSearch<BenchDocument>(options);
  return {
    name: 'briefing (minisearch)',
    async build(documents) {
      index = new MiniSearch<BenchDocument>(options);
      index.addAll(documents);
    },
    async search(query, limit) {
      return rankQuery(index, query, titleTextRanking, { limit }).map((hit) => hit.id);
    },
    async serialize() {
      return JSON.stringify(index);
    },
    async load(serialized) {
      index = MiniSearch.loadJSON<BenchDocument>(serialized, options);
    },
  };
}

export function lunrEngine(): Engine {
  let index: lunr.Index | null = null;
  return {
    name: 'lunr',
    async build(documents) {
      index = lunr(function () {
        this.ref('id');
        this.field('title');
        this.field('text');
        for (const document of documents) this.add(document);
      });
    },
    async search(query, limit) {
      if (!index) return [];
      // Terms are added one by one so that "-", ":" or "*" in a query are not lunr syntax.
      const tokens = lunr.tokenizer(query).map((token) => token.toString());
      return index
        .query((builder) => {
          for (const token of tokens) builder.term(token, { presence: lunr.Query.presence.OPTIONAL });
        })
        .slice(0, limit)
        .map((result) => result.ref);
    },
    async serialize() {
      return JSON.stringify(index);
    },
    async load(serialized) {
      index = lunr.Index.load(JSON.parse(serialized) as object);
    },
  };
}

export function flexsearchEngine(): Engine {
  const create = () => new FlexSearch.Index({ tokenize: 'strict' });
  let index = create();
  return {
    name: 'flexsearch',
    async build(documents) {
      index = create();
      for (const document of documents) index.add(document.id, `${document.title}\n${document.text}`);
    },
    async search(query, limit) {
      // suggest: without it FlexSearch returns only documents holding every query word.
      const results = await index.search(query, { limit, suggest: true });
      return (results as Array<string | number>).map(String);
    },
    async serialize() {
      const parts: Record<string, string> = {};
      await index.export((key: string, data: string) => {
        parts[key] = data;
      });
      return JSON.stringify(parts);
    },
    async load(serialized) {
      index = create();
      for (const [key, data] of Object.entries(JSON.parse(serialized) as Record<string, string>)) await index.import(key, data);
    },
  };
}

export function oramaEngine(): Engine {
  const schema = { id: 'string', title: 'string', text: 'string' } as const;
  let database: AnyOrama = create({ schema });
  return {
    name: 'orama',
    async build(documents) {
      database = create({ schema });
      await insertMultiple(database, documents, 1000);
    },
    async search(query, limit) {
      const results = await oramaSearch(database, { term: query, properties: ['title', 'text'], limit });
      return results.hits.map((hit) => String((hit.document as { id: string }).id));
    },
    async serialize() {
      return JSON.stringify(save(database));
    },
    async load(serialized) {
      database = create({ schema });
      load(database, JSON.parse(serialized) as ReturnType<typeof save>);
    },
  };
}

export const allEngines = (): Engine[] => [briefingEngine(), lunrEngine(), flexsearchEngine(), oramaEngine()];
