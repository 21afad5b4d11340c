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
import { yearsAsked, yearsNoneSpeaksOf, type DatedPassage } from './asked-years.js';
import { answerFinder, answerTypeRule, expectedAnswerType, preferAnswers, type AnswerTypeRule } from './answer-type.js';
import { rankDocuments, type RankedDocument, type WeightedTerm } from './bm25-ranker.js';
import { citePassage } from './cited-passage.js';
import { capitalisedWords, confidenceRule, distinctiveIn, isConfident, isMostlyCyrillic, namesToCheck, questionNames, questionWeights, rivalPlace, subjectWords, unspokenName, type ConfidenceRule, type NamedPassage, type PlaceNames } from './confidence.js';
import { englishCountryTerms } from './cross-language/country-names.js';
import { openCrossLanguage } from './cross-language/open-cross-language.js';
import { markTerms } from './mark-terms.js';
import { synonymExpander, synonymLimits, type SynonymLimits } from './synonyms/synonym-expander.js';
import { cachedSenseCount, commonnessPrior, weighByCommonness, type CommonnessPrior } from './synonyms/commonness.js';
import { namesConcreteKind } from './synonyms/concrete-kinds.js';
import { placeNames } from './synonyms/place-names.js';
import { sharedWordNet } from './synonyms/wordnet.js';
import { mergeNeighbours } from './merge-neighbours.js';
import type { RankingParameters } from './index-options.js';
import { createPassageIndex, passageFields, passageKey, splitPassageKey, passageRanking, toIndexedPassages, type IndexedPassage } from './passage-index.js';
import { expandWords, partsOfNames, queryWords, type QueryExpander, type QueryWord } from './query-expansion.js';
import { queryTerms } from './query-terms.js';
import { normalizeTerm, wordSpans } from './tokenizer.js';
import { rankQuery } from './rank-query.js';
import { readInternals, type RankableIndex } from './index-internals.js';
import { readSegmentSnapshot } from './segment-index.js';
import { readSnapshot, storeDocument, storedPassages, type StoredDocument } from './snapshot.js';
import { createPassageTable, type PassageTable } from './passage-table.js';
import { compactionPolicy, createSnapshotSaver, noDeltaState, replaySnapshotDelta, type CompactionPolicy, type SnapshotSaver } from './snapshot-delta.js';
import { inverseDocumentFrequency, occursInIndex, termDocumentFrequency } from './term-statistics.js';
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

export interface IndexChanges {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: number;
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

/**
 * How many of the best passages the name and year checks read (`leftOutByTheBest`), chosen on the
 * tuning half: with the best one alone, 5 of its 40 answerable questions were flagged (0.125),
 * their answer second or third behind a passage of another name or year; with two, 2 (0.050);
 * with three, 1 (0.025, as without the checks). Three is also the Hit@3 window.
 */
const bestPassagesRead = 3;

/** An expansion term held by more than this share of the passages, and by more than this many, is left out. */
const commonExpansion = { share: 0.1, minimumPassages: 1000 } as const;

/**
 * Opens the search over a loaded corpus. The index snapshot under `dataDir/index` is reused
 * for documents whose file is unchanged and whose passages still sit at the same offsets;
 * changed, added and removed documents are re-split and re-indexed; a corrupt or stale
 * snapshot is logged and rebuilt. The snapshot is saved again whenever something changed.
 */
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

interface PreparedIndex {
  index: MiniSearch<IndexedPassage>;
  /** What questions are ranked over: `index` itself, or its postings segment with what `index` was given since. */
  ranked: RankableIndex;
  passages: PassageTable;
  stored: Map<string, StoredDocument>;
  changes: IndexChanges;
  saver: SnapshotSaver;
}

async function prepareIndex(documents: SourceDocument[], dataDir: string, log: Logger, compaction: CompactionPolicy, readByTerm: boolean): Promise<PreparedIndex> {
  const segmented = readByTerm ? await readSegmentSnapshot(dataDir) : null;
  const byTerm = segmented !== null && 'manifest' in segmented ? segmented : null;
  if (segmented && !byTerm) log.debug({ reason: 'reason' in segmented ? segmented.reason : undefined }, 'the postings segment cannot be used; loading the whole index');
  const snapshot = byTerm ?? (await readSnapshot(dataDir));
  if ('reason' in snapshot && snapshot.reason !== 'missing') log.warn({ reason: snapshot.reason, detail: snapshot.detail }, 'search index snapshot is unusable; rebuilding it');
  const replayed = 'manifest' in snapshot ? await replaySnapshotDelta(dataDir, snapshot, documents, log) : null;
  const usable = replayed?.snapshot ?? null;
  // A base without a segment (written before segments) is written again once, with one, so later asks read by term. Not one whose
  // segment is of another base: that is a bot's save under way (or a crash between its renames), which its next base mends.
  const withoutSegment = segmented !== null && 'reason' in segmented && segmented.reason === 'missing' && usable !== null;
  const state = replayed?.state ?? noDeltaState;
  const saver = createSnapshotSaver(dataDir, withoutSegment ? { ...state, compactNext: true } : state, compaction, log);
  if (withoutSegment) log.info('the search index snapshot has no postings segment for asking by term; writing it again with one');
  const index = usable?.index ?? createPassageIndex();
  const stored = new Map((usable?.manifest.documents ?? []).map((entry) => [entry.docId, entry]));
  const passageTable = createPassageTable();
  const manifestDocuments: StoredDocument[] = [];
  const counts = { reused: 0, indexed: 0, removed: 0 };
  const changes: IndexChanges = { added: [], changed: [], removed: [], unchanged: 0 };
  const current = new Set(documents.map((document) => document.id));

  for (const [docId, entry] of stored) {
    if (current.has(docId)) continue;
    index.discardAll(entry.passages.map((passage) => passageKey(docId, passage.ordinal)));
    counts.removed += 1;
    changes.removed.push(docId);
  }
  for (const document of documents) {
    const entry = stored.get(document.id);
    const reused = entry ? storedPassages(document, entry) : null;
    if (entry && !reused) {
      if (entry.contentHash === document.contentHash) log.warn({ docId: document.id }, 'stored passage offsets no longer match the document; re-indexing it');
      index.discardAll(entry.passages.map((passage) => passageKey(document.id, passage.ordinal)));
    }
    counts[reused ? 'reused' : 'indexed'] += 1;
    if (reused && entry) {
      changes.unchanged += 1;
      passageTable.set(document.id, reused);
      // A reused document's entry is the stored one: hashing its passages again would give the same hashes.
      manifestDocuments.push(entry);
      continue;
    }
    changes[entry ? 'changed' : 'added'].push(document.id);
    const passages = splitPassages(document);
    index.addAll(toIndexedPassages(document, passages));
    passageTable.set(document.id, passages);
    manifestDocuments.push(storeDocument(document, passages));
  }

  const storedById = new Map(manifestDocuments.map((entry) => [entry.docId, entry]));
  if (byTerm && (counts.indexed > 0 || counts.removed > 0)) {
    // The save may have to write a new base, which needs every term: the whole index is loaded instead.
    log.info({ ...counts }, 'the folder changed since the snapshot was saved; loading the whole index');
    return prepareIndex(documents, dataDir, log, compaction, false);
  }
  if (!usable || counts.indexed > 0 || counts.removed > 0 || withoutSegment) {
    const written = await saver.save(index, storedById, [...changes.added, ...changes.changed, ...changes.removed]);
    log.info({ ...counts, passages: index.documentCount, written }, usable ? 'search index updated and saved' : 'search index built and saved');
  } else {
    log.info({ documents: counts.reused, passages: index.documentCount }, 'search index loaded from snapshot');
  }
  if (byTerm) return { index, ranked: byTerm.ranked, passages: passageTable, stored: storedById, changes, saver: unsavedByTerm };
  return { index, ranked: index, passages: passageTable, stored: storedById, changes, saver };
}

/** The shell of an index read by term has no terms: saving it as a base would lose them all. */
const unsavedByTerm: SnapshotSaver = {
  save: () => Promise.reject(new Error('an index read by term from its postings segment is not saved; open the search without readByTerm to save')),
};

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

  /** Whether the best passage tells of another place than the one the question names ("Turkmenistan" for "Tajikistan"). */
  function speaksOfAnotherPlace(words: readonly QueryWord[], best: { id: string } | undefined): boolean {
    const names = questionNames(words);
    const passage = best && names.length > 0 ? passageTable.byKey(best.id) : undefined;
    return passage !== undefined && rivalPlace(names, capitalisedWords(passage.text), places) !== undefined;
  }

  /**
   * What the question names that the best passages do not speak of: a name the library holds
   * (`unspokenName`), or years (asked-years.ts), as typed. Only read for an answer that would
   * otherwise be confident; the best passages are only ranked again when the limit asked for fewer.
   */
  function leftOutByTheBest(text: string, words: readonly QueryWord[], missing: readonly QueryWord[], best: () => readonly RankedDocument[]): string[] {
    const names = namesToCheck(text, words, missing);
    const years = yearsAsked(words);
    if (names.length === 0 && years.length === 0) return [];
    const passages = best().slice(0, bestPassagesRead).flatMap((hit) => {
      const passage = passageTable.byKey(hit.id);
      return passage ? [{ hit, passage }] : [];
    });
    // The passages' names are only read for a question that gives some.
    const name = names.length === 0 ? undefined : unspokenName(names, passages.map(({ hit, passage }) => namedPassage(words, hit, passage)), places);
    if (name !== undefined) return [name.word];
    return yearsNoneSpeaksOf(years, passages.map(({ passage }) => datedPassage(passage))).map(String);
  }

  /** A passage as the year check reads it: with its document's publication date. */
  function datedPassage(passage: Passage): DatedPassage {
    return { text: passage.text, context: passage.context, published: documentsById.get(passage.docId)?.published ?? null };
  }

  /**
   * The hits of `rank`, the best of them reordered to prefer passages holding the kind of answer
   * the question asks for, when it asks for one; as many as `wanted`.
   */
  function preferAnswerType<T extends { id: string; score: number }>(question: string, wanted: number, rank: (limit: number) => T[]): T[] {
    const type = answerTypes === false ? null : expectedAnswerType(question, answerTypes.types);
    if (answerTypes === false || type === null) return rank(wanted);
    const holdsAnswer = answerFinder(type, question);
    const holds = (hit: T) => holdsAnswer(passageTable.byKey(hit.id)?.text ?? '');
    return preferAnswers(rank(Math.max(wanted, answerTypes.candidates)), holds, answerTypes).slice(0, wanted);
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
      // Twice the limit, so that neighbours merged into one quote still leave `limit` quotes.
      const hits = preferAnswerType(text, limit * 2, rank(weighted));
      // The confidence check judges the passage the IDF alone puts first (ranked again only when the prior changed a weight).
      // The prior lifts a passage holding a question's names over one holding its common words; for a question the library
      // cannot answer, that passage often holds its names and one more word, which the check's rules took for an answer.
      const judged = weighted === terms ? hits[0] : preferAnswerType(text, 1, rank(terms))[0];
      const specificity = new Map(words.map(({ term }) => [term, inverseDocumentFrequency(ranked, term, passageFields)]));
      const { missing, borrowed } = wordsNowhereIn(ranked, words, terms);
      const weights = questionWeights(words, (term) => specificity.get(term) ?? 0, borrowed);
      const distinctive = distinctiveIn(wordSpans(text)[0]?.word, words, missing, concreteKind);
      // The places are only looked up for an answer that would otherwise be confident.
      const matched = judged && matchedWithParts(words, judged);
      const plausible = isConfident(weights, matched, missing, confidence, distinctive) && !speaksOfAnotherPlace(words, judged);
      const notInClosest = plausible ? leftOutByTheBest(text, words, missing, () => (hits.length >= bestPassagesRead ? hits : preferAnswerType(text, bestPassagesRead, rank(weighted)))) : [];
      const confident = plausible && notInClosest.length === 0;
      const missingWords = confident ? [] : missing.map((word) => word.word);
      const found = hits.flatMap((hit) => {
        const resolved = resolve(hit.id);
        return resolved ? [{ passage: resolved.passage, score: hit.score }] : [];
      });
      const quotes = mergeNeighbours(found, (docId) => documentsById.get(docId)?.body ?? '').slice(0, limit);
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
      return { question: text, confident, missingWords, notInClosest, passages };
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

/**
 * The question's subject words that no passage holds, nor any translation or synonym of them
 * (`missing`). Such a word is a name, place, number or term the library never mentions. A related
 * form does not stand in for it: "tour" is in the library, "tourists" are not. `borrowed` are the
 * terms of the words that the library holds only through a translation or synonym. The parts of a
 * hyphenated name the library holds whole ("Bcl2" for "BCL-2") occur.
 */
function wordsNowhereIn(index: RankableIndex, words: readonly QueryWord[], terms: readonly WeightedTerm[]): { missing: QueryWord[]; borrowed: Set<string> } {
  const occurring = terms.filter((term) => term.via !== 'related' && occursInIndex(index, term.term));
  const withParts = (found: Set<string>) => new Set([...found, ...partsOfNames(words, found)]);
  const found = withParts(new Set(occurring.map((term) => term.source)));
  const own = withParts(new Set(occurring.filter((term) => term.via === undefined).map((term) => term.term)));
  const missing: QueryWord[] = [];
  const subject = subjectWords(words);
  for (const word of subject) if (!found.has(word.term) && !missing.some((known) => known.term === word.term)) missing.push(word);
  return { missing, borrowed: new Set(subject.filter((word) => found.has(word.term) && !own.has(word.term)).map((word) => word.term)) };
}

/** The question terms a hit matched, with the parts of the hyphenated names among them ("Bcl2" holds the "BCL" and "2" of "BCL-2"). */
function matchedWithParts(words: readonly QueryWord[], hit: RankedDocument): string[] {
  return [...hit.matchedTerms, ...partsOfNames(words, new Set(hit.matchedTerms))];
}

/** A passage as the name check reads it (`unspokenName`): what it matched, the names it gives, its alphabet. */
function namedPassage(words: readonly QueryWord[], hit: RankedDocument, passage: Passage): NamedPassage {
  return { matchedTerms: matchedWithParts(words, hit), names: withCountriesInEnglish(capitalisedWords(passage.text)), cyrillic: isMostlyCyrillic(passage.text) };
}

/** Names with, for each Russian name of a country, its English index terms ("России" → russia), so that an English name can be compared with them. */
function withCountriesInEnglish(names: readonly string[]): string[] {
  return names.flatMap((name) => {
    const term = isMostlyCyrillic(name) ? normalizeTerm(name.toLowerCase()) : null;
    return term === null ? [name] : [name, ...englishCountryTerms(term)];
  });
}

function checkLimit(limit: number | undefined, fallback: number): number {
  if (limit === undefined) return fallback;
  if (!Number.isInteger(limit) || limit < 1 || limit > maximumLimit) {
    throw new UserError(`The limit must be a whole number from 1 to ${maximumLimit}; got ${String(limit)}.`);
  }
  return limit;
}
