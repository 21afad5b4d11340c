import path from 'node:path';
import type MiniSearch from 'minisearch';
import type { Passage } from '../corpus/passage-types.js';
import { splitPassages } from '../corpus/passages.js';
import type { LoadedCorpus, SourceDocument } from '../corpus/types.js';
import { UserError } from '../errors.js';
import type { Logger } from '../logger.js';
import { quoteMatcher, quoteReadings } from './answering-sentences.js';
import { abbreviationExpander, abbreviationWeights, type AbbreviationWeights } from './abbreviations/abbreviation-expander.js';
import { lazyAbbreviationTable } from './abbreviations/abbreviation-table.js';
import { answerFinder, answerTypeRule, expectedAnswerType, preferAnswers, quotesGiveAnswer, type AnswerType, type AnswerTypeRule } from './answer-type.js';
import { answerJudge, bestPassagesRead } from './answer-judgement.js';
import { rankDocuments, type WeightedTerm } from './bm25-ranker.js';
import { citePassage } from './cited-passage.js';
import { confidenceRule, type ConfidenceRule, type PlaceNames } from './confidence.js';
import { openCrossLanguage } from './cross-language/open-cross-language.js';
import { markTerms } from './mark-terms.js';
import { prepareIndex, type IndexChanges, type PreparedIndex } from './prepare-index.js';
import { synonymExpander, synonymLimits, type SynonymLimits } from './synonyms/synonym-expander.js';
import { cachedSenseCount, commonnessPrior, weighByCommonness, type CommonnessPrior } from './synonyms/commonness.js';
import { namesConcreteKind } from './synonyms/concrete-kinds.js';
import { placeNames } from './synonyms/place-names.js';
import { sharedWordNet } from './synonyms/wordnet.js';
import { mergeNeighbours } from './merge-neighbours.js';
import type { RankingParameters } from './index-options.js';
import { passageFields, passageKey, splitPassageKey, passageRanking, toIndexedPassages, type IndexedPassage } from './passage-index.js';
import { expandWords, queryWords, type QueryExpander } from './query-expansion.js';
import { queryTerms } from './query-terms.js';
import { rankQuery } from './rank-query.js';
import { readInternals, type RankableIndex } from './index-internals.js';
import { storeDocument, type StoredDocument } from './snapshot.js';
import { compactionPolicy, type CompactionPolicy, type SnapshotSaver } from './snapshot-delta.js';
import { inverseDocumentFrequency, termDocumentFrequency } from './term-statistics.js';
import type { Answer, CitedPassage, CrossLanguageStatus, SearchResults } from './types.js';
import { validateQuery } from './validate-query.js';
import { isVisibleTo } from '../corpus/visibility.js';

export interface QueryOptions {
  /** How many passages to return (1–100); 5 for `ask`, 10 for `search` when not given. */
  limit?: number;
  /** Only passages of this document (an id from `briefing sources`). */
  docId?: string;
  /**
   * The server asking: its own documents and the shared ones are searched. Null (a direct
   * message): the shared ones only. Omitted: every document (the command line).
   */
  guildId?: string | null;
}

/** Cited answers and quick lookups over the corpus. Discord-free: the CLI and the bot both use it. */
export interface SearchService {
  /** Ranked passages answering a question; `confident: false` when nothing matches well. Throws UserError for bad input. */
  ask(question: string, options?: QueryOptions): Answer;
  /** Passages holding the given words (or words starting with them), with the matches marked. Throws UserError for bad input. */
  search(terms: string, options?: QueryOptions): SearchResults;
  readonly documents: SourceDocument[];
  /** The passages of a document, in order; empty for an unknown id. */
  passagesOf(docId: string): Passage[];
  /** Indexes a new document, or a new version of one in place of its old passages. */
  upsertDocument(document: SourceDocument): void;
  /** Takes a document's passages out of the index; an unknown id is ignored. */
  removeDocument(docId: string): void;
  /** Saves the index snapshot as it is now; saves never overlap, and a failure is logged, never thrown (the snapshot is a cache). */
  saveSnapshot(): Promise<void>;
  /** Whether English questions also find Russian passages. */
  readonly crossLanguage: CrossLanguageStatus;
  /** How the snapshot on disk differed from the corpus when the service opened (ids). */
  readonly openedWith: IndexChanges;
}

export interface OpenSearchServiceOptions {
  corpus: LoadedCorpus;
  dataDir: string;
  logger: Logger;
  /** Ranking parameters other than the measured defaults; for the parameter sweep. */
  ranking?: RankingParameters;
  /**
   * An English–Russian dictionary in dictd format (path without `.index`), for English
   * questions to find Russian passages; Debian's mueller7-dict by default, null for none.
   */
  russianDictionary?: string | null;
  /** How questions are widened with WordNet synonyms and related forms ("lend" → "loan"); false for not at all. For the sweep. */
  synonyms?: SynonymLimits | false;
  /** How much a question word of many WordNet senses counts less in the ranking (commonness.ts); for the sweep. */
  commonness?: CommonnessPrior;
  /** How much the other form of an abbreviation the library defines counts ("ODA" ↔ Official Development Assistance); false for not at all. For the sweep. */
  abbreviations?: AbbreviationWeights | false;
  /** Weight of a Russian translation against the English word; for the sweep. */
  translationWeight?: number;
  /** Thresholds of the confidence rule other than the measured ones; for the sweep. */
  confidence?: ConfidenceRule;
  /** How much a passage holding the kind of answer asked for is preferred (answer-type.ts); false for not at all. For the sweep. */
  answerTypes?: AnswerTypeRule | false;
  /** When the snapshot's delta is folded into a new base, other than the measured policy; for tests. */
  compaction?: CompactionPolicy;
  /**
   * For a process that answers one question (`briefing ask`): a term's postings are read from the
   * base's postings segment when the question needs them, instead of loading the whole index
   * (segment-index.ts). The answers are the same. The index is still loaded whole when the folder
   * changed since the last save (that save may need a new base) or the base has no segment.
   * Prefix lookups (`search`) then expand a prefix in another order, so keep it to `ask`.
   */
  readByTerm?: boolean;
}

const maximumLimit = 100;

/** An expansion term held by more than this share of the passages, and by more than this many, is left out. */
const commonExpansion = { share: 0.1, minimumPassages: 1000 } as const;

/** Opens the search over a loaded corpus, its index as `prepareIndex` prepares it from the snapshot. */
export async function openSearchService(options: OpenSearchServiceOptions): Promise<SearchService> {
  const { corpus, dataDir, logger, ranking = passageRanking, russianDictionary, synonyms = synonymLimits, commonness = commonnessPrior, translationWeight, confidence = confidenceRule, answerTypes = answerTypeRule, compaction = compactionPolicy, readByTerm = false, abbreviations = abbreviationWeights } = options;
  const log = logger.child({ module: 'search' });
  const [prepared, crossLanguage] = await Promise.all([prepareIndex(corpus.documents, dataDir, log, compaction, readByTerm), openCrossLanguage(russianDictionary, log, { weight: translationWeight, cacheDir: path.join(dataDir, 'dictionary') })]);
  const wordnet = sharedWordNet();
  const expanders = [...crossLanguage.expanders, ...(synonyms === false ? [] : [synonymExpander(wordnet, synonyms)])];
  const concreteKind = (word: string) => namesConcreteKind(wordnet, word);
  const senses = cachedSenseCount(wordnet);
  return createService({ initial: corpus.documents, prepared, ranking, expanders, abbreviations, commonness, senses, concreteKind, places: placeNames(wordnet), confidence, answerTypes, crossLanguage: crossLanguage.status, persistence: { dataDir, log } });
}

/** A passage of the index and the document version it was cut from. */
interface ResolvedPassage {
  document: SourceDocument;
  passage: Passage;
}

interface ServiceParts {
  initial: SourceDocument[];
  prepared: PreparedIndex;
  ranking: RankingParameters;
  expanders: readonly QueryExpander[];
  /** How much the other form of an abbreviation the library defines counts; false for not at all. The service keeps the table of them. */
  abbreviations: AbbreviationWeights | false;
  /** How much a question word of many senses counts less in the ranking, and how many senses a word has (WordNet's answer). */
  commonness: CommonnessPrior;
  senses: (word: string) => number;
  /** Whether a word names a concrete kind of thing ("hospitals"), for the confidence check; WordNet's answer. */
  concreteKind: (word: string) => boolean;
  /** What places are part of, for the confidence check: the best passage may speak of another place than the question's. */
  places: PlaceNames;
  confidence: ConfidenceRule;
  answerTypes: AnswerTypeRule | false;
  crossLanguage: CrossLanguageStatus;
  persistence: { dataDir: string; log: Logger };
}

function createService({ initial, prepared, ranking, expanders: otherExpanders, abbreviations, commonness, senses, concreteKind, places, confidence, answerTypes, crossLanguage, persistence }: ServiceParts): SearchService {
  const { index, ranked, passages: passageTable, stored } = prepared;
  /** Documents upserted or removed since the last save: what the next save writes. */
  const touched = new Set<string>();
  const documentsById = new Map(initial.map((document) => [document.id, document]));
  // The abbreviations the documents define, read from their bodies when a question first needs them, then kept up to date.
  const defined = lazyAbbreviationTable(() => documentsById.values());
  const expanders = abbreviations === false ? otherExpanders : [...otherExpanders, abbreviationExpander(defined, abbreviations, (word) => senses(word) > 0)];
  let documents: SourceDocument[] | null = initial;
  /** Whether any document belongs to one server only; worked out again after a change. */
  let anyScoped: boolean | null = null;
  const readingOf = quoteReadings();
  const judge = answerJudge({ ranked, passages: passageTable, publishedOf: (docId) => documentsById.get(docId)?.published ?? null, places, concreteKind, confidence });
  const saveSnapshot = serialisedSaves({ index, stored, touched, saver: prepared.saver }, persistence);

  function dropPassages(docId: string): void {
    index.discardAll((passageTable.of(docId) ?? []).map((passage) => passageKey(docId, passage.ordinal)));
    passageTable.delete(docId);
  }

  function removeDocument(docId: string): void {
    dropPassages(docId);
    documentsById.delete(docId);
    defined.removeDocument(docId);
    stored.delete(docId);
    touched.add(docId);
    documents = null;
    anyScoped = null;
  }

  function acceptFor({ docId, guildId }: QueryOptions): ((key: string) => boolean) | undefined {
    if (docId === undefined) return guildId === undefined ? undefined : acceptVisible(guildId);
    const document = documentsById.get(docId);
    // Another server's document is as unknown here as one that does not exist.
    if (document === undefined || !isVisibleTo(document, guildId)) {
      throw new UserError(`There is no source with the id "${docId}". Run \`briefing sources\` to list the ids, then pass one of them.`);
    }
    return (key) => splitPassageKey(key)?.docId === docId;
  }

  function acceptVisible(guildId: string | null): ((key: string) => boolean) | undefined {
    // With every document shared, as in a library without additions, nothing needs filtering.
    anyScoped ??= [...documentsById.values()].some((document) => document.scope !== null);
    if (!anyScoped) return undefined;
    return (key) => {
      const parts = splitPassageKey(key);
      const document = parts ? documentsById.get(parts.docId) : undefined;
      return document !== undefined && isVisibleTo(document, guildId);
    };
  }

  /**
   * The hits of `rank`, the best of them reordered to prefer passages holding the kind of answer
   * the question asks for (`type`, from `expectedAnswerType`), when it asks for one; as many as `wanted`.
   */
  function preferAnswerType<T extends { id: string; score: number }>(question: string, type: AnswerType | null, wanted: number, rank: (limit: number) => T[]): T[] {
    if (answerTypes === false || type === null) return rank(wanted);
    const holdsAnswer = answerFinder(type, question);
    const holds = (hit: T) => holdsAnswer(passageTable.byKey(hit.id)?.text ?? '');
    return preferAnswers(rank(Math.max(wanted, answerTypes.candidates)), holds, answerTypes).slice(0, wanted);
  }

  /** The kind of answer the question asks for when none of the quotes gives one in its answering sentences (`quotesGiveAnswer`), else null. */
  function kindNotGiven(question: string, type: AnswerType | null, quotes: readonly CitedPassage[]): AnswerType | null {
    return type !== null && quotes.length > 0 && !quotesGiveAnswer(type, question, quotes) ? type : null;
  }

  function resolve(key: string): ResolvedPassage | null {
    const passage = passageTable.byKey(key);
    const document = passage && documentsById.get(passage.docId);
    return passage && document ? { document, passage } : null;
  }

  return {
    get documents() {
      documents ??= [...documentsById.values()];
      return documents;
    },
    crossLanguage,
    passagesOf: (docId) => passageTable.of(docId) ?? [],
    openedWith: prepared.changes,
    removeDocument,
    saveSnapshot,

    upsertDocument(document) {
      // A new version keeps its document's place in the list.
      dropPassages(document.id);
      const passages = splitPassages(document);
      index.addAll(toIndexedPassages(document, passages));
      passageTable.set(document.id, passages);
      documentsById.set(document.id, document);
      defined.setDocument(document.id, document.body);
      stored.set(document.id, storeDocument(document, passages));
      touched.add(document.id);
      documents = null;
      anyScoped = null;
    },

    ask(question, options = {}) {
      const text = validateQuery(question, 'question');
      const accept = acceptFor(options);
      const limit = checkLimit(options.limit, 5);
      // The question is read once: its words serve the expansion, the confidence check and the missing words.
      const words = queryWords(text);
      // The expanded terms are kept: they also pick the answering sentences and the Russian words to show.
      const terms = withoutCommonExpansions(ranked, expandWords(words, expanders));
      const rank = (scoredTerms: WeightedTerm[]) => (wanted: number) => rankDocuments(ranked, scoredTerms, ranking, { limit: wanted, ...(accept && { accept }) });
      // Only the ranking weighs words by their commonness; the answering sentences weigh them by their IDF alone.
      const weighted = weighByCommonness(terms, words, senses, commonness);
      // The answer check reads the first quotes whatever the limit, so that the limit never changes the confidence.
      const checked = answerTypes === false ? 0 : answerTypes.quotesChecked;
      const quotesWanted = Math.max(limit, checked);
      // Twice as many hits as quotes, so that neighbours merged into one quote still leave enough quotes.
      const hitsWanted = quotesWanted * 2;
      // The kind of answer the question asks for, read once for the ranking's preference and the answer check.
      const type = answerTypes === false ? null : expectedAnswerType(text, answerTypes.types);
      const hits = preferAnswerType(text, type, hitsWanted, rank(weighted));
      // The confidence check judges the passage the IDF alone puts first (ranked again only when the prior changed a weight).
      // The prior lifts a passage holding a question's names over one holding its common words; for a question the library
      // cannot answer, that passage often holds its names and one more word, which the check's rules took for an answer.
      const judged = weighted === terms ? hits[0] : preferAnswerType(text, type, 1, rank(terms))[0];
      const specificity = new Map(words.map(({ term }) => [term, inverseDocumentFrequency(ranked, term, passageFields)]));
      // The best passages the name and year checks read: ranked again only when the limit asked for fewer.
      const best = () => (hitsWanted >= bestPassagesRead ? hits : preferAnswerType(text, type, bestPassagesRead, rank(weighted)));
      const judgement = judge({ text, words, terms, specificity }, judged, best);
      const found = hits.flatMap((hit) => {
        const resolved = resolve(hit.id);
        return resolved ? [{ passage: resolved.passage, score: hit.score }] : [];
      });
      const quotes = mergeNeighbours(found, (docId) => documentsById.get(docId)?.body ?? '').slice(0, quotesWanted);
      // The terms are read once for all the quotes.
      const match = quoteMatcher(terms, (source) => specificity.get(source) ?? 0);
      const passages = quotes.flatMap((quote): CitedPassage[] => {
        const document = documentsById.get(quote.docId);
        if (!document) return [];
        const cited = citePassage(document, quote.first, quote.score, quote);
        const { highlights, matchedInRussian } = match(readingOf(document, quote, cited.text));
        cited.highlights = highlights;
        if (matchedInRussian.length > 0) cited.matchedInRussian = matchedInRussian;
        return [cited];
      });
      const noAnswerOfKind = judgement.confident ? kindNotGiven(text, type, passages.slice(0, checked)) : null;
      return { question: text, ...judgement, confident: judgement.confident && noAnswerOfKind === null, noAnswerOfKind, passages: passages.slice(0, limit) };
    },

    search(terms, options = {}) {
      const text = validateQuery(terms, 'search terms');
      const accept = acceptFor(options);
      const limit = checkLimit(options.limit, 10);
      const hits = rankQuery(ranked, text, ranking, { limit: maximumLimit * 2, prefix: true, ...(accept && { accept }) });
      // A lookup wants the passages with all its words when there are some.
      const wanted = new Set(queryTerms(text).map(({ term }) => term)).size;
      const complete = hits.filter((hit) => hit.matchedTerms.length === wanted);
      const matches = (complete.length > 0 ? complete : hits).slice(0, limit).flatMap((hit) => {
        const resolved = resolve(hit.id);
        if (!resolved) return [];
        const passage = citePassage(resolved.document, resolved.passage, hit.score);
        return [{ passage, terms: hit.matchedTerms, marks: markTerms(passage.text, hit.matchedTerms, true) }];
      });
      return { terms: text, matches };
    },
  };
}

interface SavedState {
  index: MiniSearch<IndexedPassage>;
  stored: Map<string, StoredDocument>;
  touched: Set<string>;
  saver: SnapshotSaver;
}

/**
 * Saves one at a time, and a save asked for while one is running is done once after it: both
 * write the same files. The touched documents are taken in the same tick as their entries, so they match.
 */
function serialisedSaves({ index, stored, touched, saver }: SavedState, { log }: { dataDir: string; log: Logger }): () => Promise<void> {
  let chain: Promise<void> = Promise.resolve();
  let waiting: Promise<void> | null = null;
  return () => {
    waiting ??= chain.then(async () => {
      waiting = null;
      const documents = [...touched];
      touched.clear();
      try {
        const written = await saver.save(index, stored, documents);
        log.info({ documents: stored.size, touched: documents.length, passages: index.documentCount, written }, 'search index snapshot saved');
      } catch (error) {
        log.warn({ err: error }, 'search index snapshot could not be saved; it is rebuilt from the corpus at the next start');
      }
    });
    chain = waiting;
    return waiting;
  };
}

/**
 * Drops the synonyms and translations that a tenth of the passages hold, in a library large
 * enough for them to cost anything (a thousand passages or more): at a fifth of a word's weight
 * (a whole word's for the verb of a phrase) and a low IDF they hardly move a score, yet scanning
 * their postings is most of a question's cost on 20,000 documents. It changes no figure of either
 * half of the ranking set.
 */
function withoutCommonExpansions(index: RankableIndex, terms: WeightedTerm[]): WeightedTerm[] {
  const limit = Math.max(commonExpansion.minimumPassages, commonExpansion.share * readInternals(index).documentCount);
  return terms.filter((term) => term.via === undefined || termDocumentFrequency(index, term.term, passageFields) <= limit);
}

function checkLimit(limit: number | undefined, fallback: number): number {
  if (limit === undefined) return fallback;
  if (!Number.isInteger(limit) || limit < 1 || limit > maximumLimit) {
    throw new UserError(`The limit must be a whole number from 1 to ${maximumLimit}; got ${String(limit)}.`);
  }
  return limit;
}
