import FlexSearch from 'flexsearch';
import englishEncoderPreset from 'flexsearch/lang/en';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import { create, insertMultiple, load, save, search as oramaSearch, type AnyOrama } from '@orama/orama';
import { stopwords as englishStopWords } from '@orama/stopwords/english';
import { createIndexOptions, type RankingParameters } from '../../src/search/index-options.js';
import { passageRanking } from '../../src/search/passage-index.js';
import { rankQuery } from '../../src/search/rank-query.js';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SourceDocument } from '../../src/corpus/types.js';
import { createLogger } from '../../src/logger.js';
import { openSearchService, type OpenSearchServiceOptions, type SearchService } from '../../src/search/search-service.js';
import { snapshotFolder } from '../../src/search/snapshot.js';
import type { BenchDocument } from './datasets.js';

/** A search engine under test: build, search, and save/load a snapshot. */
export interface Engine {
  name: string;
  build(documents: BenchDocument[]): Promise<void>;
  search(query: string, limit: number): Promise<string[]>;
  serialize(): Promise<string>;
  load(serialized: string): Promise<void>;
  /** Size of the saved snapshot when it is not the serialized string itself (ours saves a folder). */
  snapshotBytes?(): number;
}

// The documents behind a saved ask() snapshot: the bot reloads its corpus at start too, so a
// fresh engine reading a snapshot gets the same documents, by the folder it was saved to.
const documentsBySnapshot = new Map<string, SourceDocument[]>();

/**
 * Ranking for title + text collections: the BM25 parameters and coordination of `ask`, with
 * the title weighted as the sweep found best on SciFact (a title is short, and per-field
 * length normalisation already lifts its matches).
 */
export const titleTextRanking: RankingParameters = { ...passageRanking, boost: { title: 0.4, text: 1 } };

/** A benchmark document as the corpus loader would give it: the title as metadata, the text as the body. */
function asSourceDocument(document: BenchDocument): SourceDocument {
  return {
    id: document.id,
    file: `${document.id}.md`,
    title: document.title,
    author: null,
    outlet: null,
    published: null,
    publishedBasis: null,
    body: document.text.trim() === '' ? document.title : document.text,
    contentHash: createHash('sha256').update(document.title).update('\n').update(document.text).digest('hex'),
    format: 'text',
    pages: null,
    scope: null,
    addition: null,
  };
}

/**
 * Ours, through the real `ask()`: documents split into passages with all their fields, the
 * snapshot written and read back, confidence, merging of neighbours and citation, with the
 * parameters `ask` runs with. A document ranks where its best passage does. Its snapshot is the
 * data folder the service saved; loading it opens the service again from that folder.
 */
/** `ask()` as a benchmark engine; `extra` holds options of the search other than the defaults (for a sweep). */
export function briefingAskEngine(ranking?: RankingParameters, extra: Pick<OpenSearchServiceOptions, 'commonness' | 'abbreviations'> = {}): Engine {
  const logger = createLogger({ level: 'silent' });
  let documents: SourceDocument[] = [];
  let dataDir = '';
  let service: SearchService | null = null;
  return {
    name: 'briefing ask()',
    async build(collection) {
      documents = collection.map(asSourceDocument);
      dataDir = mkdtempSync(path.join(os.tmpdir(), 'briefing-bench-ask-'));
      documentsBySnapshot.set(dataDir, documents);
      service = await openSearchService({ corpus: { documents, problems: [] }, dataDir, logger, ...extra, ...(ranking && { ranking }) });
    },
    async search(query, limit) {
      if (!service) return [];
      const ranked: string[] = [];
      for (const passage of service.ask(query.slice(0, 300), { limit: Math.min(100, limit) }).passages) {
        if (!ranked.includes(passage.docId)) ranked.push(passage.docId);
      }
      return ranked;
    },
    async serialize() {
      return dataDir;
    },
    async load(folder) {
      dataDir = folder;
      documents = documentsBySnapshot.get(folder) ?? [];
      service = await openSearchService({ corpus: { documents, problems: [] }, dataDir, logger, ...extra, ...(ranking && { ranking }) });
    },
    snapshotBytes() {
      const folder = snapshotFolder(dataDir);
      return readdirSync(folder).reduce((total, file) => total + statSync(path.join(folder, file)).size, 0);
    },
  };
}

/** The ranker alone over whole documents with two fields (title, text): what `npm run bench` measured as "ours" before the real `ask()` path. */
export function briefingEngine(): Engine {
  const options = createIndexOptions<BenchDocument>(['title', 'text']);
  let index = new MiniSearch<BenchDocument>(options);
  return {
    name: 'briefing ranker only',
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

/*
 * Peer configurations. Each peer gets what a careful benchmark author would give it and no more:
 * its documented English analysis (stemming, stop words), the same two fields (title + text,
 * unweighted), its own documented ranking defaults, and at least 100 results per query so that
 * Recall@100 means something. Nothing here was chosen by scoring on the SciFact judgements.
 */

/**
 * lunr 2.3: the builder's default pipeline already trims punctuation, drops English stop words
 * and applies the Porter stemmer; ranking is BM25 with its defaults (k1 1.2, b 0.75).
 */
export function lunrEngine(): Engine {
  let index: lunr.Index | null = null;
  return {
    name: 'lunr',
    async build(documents) {
      index = lunr(function () {
        this.ref('id');
        this.field('title');
        this.field('text');
        // The default search pipeline holds only the stemmer, so a query word keeps the punctuation
        // the index pipeline trimmed ("divide." never meets the indexed "divid"; SciFact claims end
        // with a full stop). Trimming before stemming gives queries the same analysis as documents.
        // The search pipeline is saved with the index, so a loaded snapshot behaves the same.
        this.searchPipeline.before(lunr.stemmer, lunr.trimmer);
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

/**
 * FlexSearch 0.8: its English language pack (flexsearch/lang/en: a stop-word filter, a suffix
 * stemmer and contraction handling) on top of the default encoder, as its encoder guide shows.
 * FlexSearch has no per-field weighting in a plain Index, so title and text are indexed as one text.
 * Its ranking is its own (term position based, default resolution), not BM25.
 */
export function flexsearchEngine(): Engine {
  const encoder = new FlexSearch.Encoder(englishEncoderPreset);
  // 'strict' (whole words) is the default tokenizer, named here so the choice is visible.
  const create = () => new FlexSearch.Index({ tokenize: 'strict', encoder });
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

/**
 * Orama 3.1: stemming and stop words are both off by default and are turned on as its text
 * analysis docs describe (docs.orama.com/open-source/text-analysis/stemming and /stopwords): the
 * built-in English stemmer and the @orama/stopwords English list. Ranking is its BM25 with the
 * documented defaults. Orama matches each query word as a prefix of indexed words; that cannot be
 * switched off on its own (`exact: true` also keeps only documents holding every query word,
 * case-sensitively), so it stays, as it does for every Orama user.
 */
export function oramaEngine(): Engine {
  const schema = { id: 'string', title: 'string', text: 'string' } as const;
  const createDatabase = (): AnyOrama =>
    create({ schema, components: { tokenizer: { language: 'english', stemming: true, stopWords: englishStopWords } } });
  let database = createDatabase();
  return {
    name: 'orama',
    async build(documents) {
      database = createDatabase();
      await insertMultiple(database, documents, 1000);
    },
    async search(query, limit) {
      const results = await oramaSearch(database, {
        term: query,
        // The same two fields as the other engines; `id` is a string too and would otherwise be searched.
        properties: ['title', 'text'],
        limit,
        // 1 is the documented default: every document matching any query word is ranked (an OR
        // query, as BM25 expects); 0 would keep only documents holding all the words. Named here
        // so a change of default cannot silently turn the benchmark into an AND query.
        threshold: 1,
        // Orama's documented BM25 defaults (docs.orama.com/open-source/usage/search/bm25-algorithm),
        // named for the record; no boost, as for the other peers.
        relevance: { k: 1.2, b: 0.75, d: 0.5 },
      });
      return results.hits.map((hit) => String((hit.document as { id: string }).id));
    },
    async serialize() {
      return JSON.stringify(save(database));
    },
    async load(serialized) {
      // The tokenizer is configuration, not data: a snapshot loads into a database built the same way.
      database = createDatabase();
      load(database, JSON.parse(serialized) as ReturnType<typeof save>);
    },
  };
}

export const allEngines = (): Engine[] => [briefingAskEngine(), briefingEngine(), lunrEngine(), flexsearchEngine(), oramaEngine()];
