import { isStopWord, normalizeTerm, wordSpans } from '../tokenizer.js';
import { abbreviationDefinitions } from './abbreviation-definitions.js';

/** A definition as the index reads it: the short form's words (as written, for matching a question's words) and terms, and the long form's terms. */
export interface DefinedAbbreviation {
  /** The short form's words that have a term, as the text writes them: "IL-6" → IL, 6. */
  shortWords: string[];
  shortTerms: string[];
  longTerms: string[];
}

/** A definition with how many documents of the library make it. */
export interface AbbreviationEntry {
  definition: DefinedAbbreviation;
  documents: number;
}

/**
 * The abbreviations the library defines, short form ↔ long form, kept as derived data of the
 * index: each document's definitions are read from its text when it is indexed, and forgotten
 * with it, so the table is the same after any run of updates as after reading the library anew.
 * It is not stored in the snapshot: the bodies are in memory anyway, and reading them again is
 * cheap (`lazyAbbreviationTable`), so no snapshot version changes. Its size is at most
 * `mostDefinitionsPerText` definitions per document, each of bounded length.
 */
export interface AbbreviationTable {
  setDocument(docId: string, text: string): void;
  removeDocument(docId: string): void;
  /** The definitions whose short form starts with this word, as written. */
  withShortStart(word: string): Iterable<AbbreviationEntry>;
  /** The definitions whose long form starts with this term. */
  withLongStart(term: string): Iterable<AbbreviationEntry>;
  /** How many distinct definitions the library makes. */
  readonly size: number;
}

/** The definitions one text makes, read into terms, each once; those without a term on either side are left out. */
export function definedAbbreviations(text: string): DefinedAbbreviation[] {
  const byKey = new Map<string, DefinedAbbreviation>();
  for (const { short, long } of abbreviationDefinitions(text)) {
    const shortWords = wordSpans(short).map(({ word }) => word);
    const longWords = wordSpans(long).map(({ word }) => word);
    // A question's words leave stop words out, so a short form with one ("3-D", "2-ME") could only be matched
    // in part ("3"); and a letter of a long form that is a stop word ("vitamin D", "protein kinase A") would
    // leave it as common words ("vitamin") that a question holds whatever it asks.
    if (shortWords.some(isStopWord) || longWords.some((word) => word.length === 1 && isStopWord(word))) continue;
    const shortTerms = shortWords.map((word) => normalizeTerm(word) ?? '');
    const longTerms = longWords.flatMap((word) => normalizeTerm(word) ?? []);
    // A long form whose terms are all the short form's adds nothing either way.
    if (shortWords.length === 0 || longTerms.every((term) => shortTerms.includes(term))) continue;
    const definition = { shortWords, shortTerms, longTerms };
    byKey.set(keyOf(definition), definition);
  }
  return [...byKey.values()];
}

/** One key per definition: short form as written, long form as terms; NUL parts them, as no word holds it. */
function keyOf({ shortWords, longTerms }: DefinedAbbreviation): string {
  return `${shortWords.join(' ')}\u0000${longTerms.join(' ')}`;
}

export function createAbbreviationTable(): AbbreviationTable {
  const keysByDocument = new Map<string, string[]>();
  const entries = new Map<string, AbbreviationEntry>();
  // Sets, so that forgetting a definition costs the same however many share its first word.
  const byShortStart = new Map<string, Set<AbbreviationEntry>>();
  const byLongStart = new Map<string, Set<AbbreviationEntry>>();

  function add(definition: DefinedAbbreviation, key: string): void {
    const known = entries.get(key);
    if (known) {
      known.documents += 1;
      return;
    }
    const entry = { definition, documents: 1 };
    entries.set(key, entry);
    setIn(byShortStart, definition.shortWords[0] ?? '').add(entry);
    setIn(byLongStart, definition.longTerms[0] ?? '').add(entry);
  }

  function drop(key: string): void {
    const entry = entries.get(key);
    if (!entry) return;
    entry.documents -= 1;
    if (entry.documents > 0) return;
    entries.delete(key);
    removeFrom(byShortStart, entry.definition.shortWords[0] ?? '', entry);
    removeFrom(byLongStart, entry.definition.longTerms[0] ?? '', entry);
  }

  function removeDocument(docId: string): void {
    for (const key of keysByDocument.get(docId) ?? []) drop(key);
    keysByDocument.delete(docId);
  }

  return {
    setDocument(docId, text) {
      removeDocument(docId);
      const definitions = definedAbbreviations(text);
      if (definitions.length === 0) return;
      const keys = definitions.map(keyOf);
      definitions.forEach((definition, position) => add(definition, keys[position] ?? ''));
      keysByDocument.set(docId, keys);
    },
    removeDocument,
    withShortStart: (word) => byShortStart.get(word) ?? [],
    withLongStart: (term) => byLongStart.get(term) ?? [],
    get size() {
      return entries.size;
    },
  };
}

/**
 * A table read from the documents when a question first needs it, not when the search opens: a
 * bot then starts as fast as before, and `briefing search` never reads it. Reading SciFact's 5,183
 * abstracts (7.8 M characters, 3,420 definitions) takes about 0.1 s, Reuters' 21,578 articles 0.04 s.
 * Until then a change to a document is left to that reading, which takes the documents as they are.
 */
export function lazyAbbreviationTable(documents: () => Iterable<{ id: string; body: string }>): AbbreviationTable {
  let table: AbbreviationTable | null = null;
  const read = (): AbbreviationTable => {
    if (table) return table;
    const fresh = createAbbreviationTable();
    for (const document of documents()) fresh.setDocument(document.id, document.body);
    table = fresh;
    return fresh;
  };
  return {
    setDocument: (docId, text) => table?.setDocument(docId, text),
    removeDocument: (docId) => table?.removeDocument(docId),
    withShortStart: (word) => read().withShortStart(word),
    withLongStart: (term) => read().withLongStart(term),
    get size() {
      return read().size;
    },
  };
}

function setIn(sets: Map<string, Set<AbbreviationEntry>>, key: string): Set<AbbreviationEntry> {
  let set = sets.get(key);
  if (!set) {
    set = new Set();
    sets.set(key, set);
  }
  return set;
}

function removeFrom(sets: Map<string, Set<AbbreviationEntry>>, key: string, entry: AbbreviationEntry): void {
  const set = sets.get(key);
  set?.delete(entry);
  if (set?.size === 0) sets.delete(key);
}
