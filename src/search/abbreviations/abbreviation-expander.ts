import type { WeightedTerm } from '../bm25-ranker.js';
import type { QueryExpander, QueryWord } from '../query-expansion.js';
import type { AbbreviationEntry, AbbreviationTable } from './abbreviation-table.js';

/** How much the other form of an abbreviation counts; chosen on the tuning half. */
export interface AbbreviationWeights {
  /** Weight of a long form added for a short form in the question ("ODA" → official, development, assistance), shared by its terms. */
  longForm: number;
  /** Weight of the short form added for a long form in the question ("myocardial infarction" → MI). */
  shortForm: number;
  /** Most long forms read for one short form, those the most documents define first ("MI": myocardial infarction, mitral insufficiency). */
  longForms: number;
}

/**
 * The ranking set does not move at any of these (its five documents define eight abbreviations),
 * so they were chosen on the tuning half of SciFact through `ask()` (nDCG@10 tuning / held-out,
 * 0.7081 / 0.6935 without, hyphenated names read as one word). Short form 0.75: long form 0.1 /
 * 0.25 / 0.35 / 0.4 / 0.45 / 0.5 / 0.75 gave tuning 0.7131 / 0.7131 / 0.7155 / 0.7155 / 0.7131 /
 * 0.7131 / 0.7129; at long form 0.4, short form 0.7 / 0.75 / 0.8 gave 0.7148 / 0.7155 / 0.7155;
 * short form 0.5 at long form 0.5 gave 0.7094, 1 at 1 0.7086. At the choice the held-out half is
 * 0.6955. Few queries move (the gain rests on a dozen of 300), so neighbouring settings jump.
 * 1, 2 or 3 long forms (measured before a two-word short form was read whole): 0.6996 / 0.7021 /
 * 0.7021 on the earlier base. A long form's terms each at the whole weight rather than sharing
 * it cost both halves (0.6931 and 0.6720 at 0.5, measured before the detector's stop-word rules),
 * and weighing a long form by its share of the short form's definitions cost the tuning half (0.6996).
 */
export const abbreviationWeights: AbbreviationWeights = { longForm: 0.4, shortForm: 0.75, longForms: 2 };

/**
 * A question's abbreviations and long forms → the other form, as the library defines them
 * (abbreviation-table.ts): "JICA" also finds "Japan International Cooperation Agency", and
 * "myocardial infarction" also finds "MI". A short form is matched as written, capitals and all,
 * so "AGE" (advanced glycation end products) never widens the word "age", or typed in lower case
 * when that is no English word ("jica", `isEnglishWord`: WordNet's); a long form is matched
 * by its terms, over the question's consecutive content words.
 */
export function abbreviationExpander(table: AbbreviationTable, weights: AbbreviationWeights = abbreviationWeights, isEnglishWord: (word: string) => boolean = () => true): QueryExpander {
  const spelling = shortFormSpelling(isEnglishWord);
  return {
    expand: (words) => [...longFormsOfShortForms(table, words, weights, spelling), ...shortFormsOfLongForms(table, words, weights)],
  };
}

/** For each short form among the question's words (`at` indexes `words`), its long forms' terms, sharing the weight of one word. */
function longFormsOfShortForms(table: AbbreviationTable, words: readonly QueryWord[], weights: AbbreviationWeights, spelling: (word: string) => string): WeightedTerm[] {
  const added: WeightedTerm[] = [];
  // The words of a short form read already: "CSF" inside "G-CSF" is not cerebrospinal fluid.
  let readUntil = 0;
  words.forEach((word, at) => {
    if (at < readUntil) return;
    for (const entry of longFormsAt(table, words, at, weights.longForms, spelling)) {
      readUntil = Math.max(readUntil, at + entry.definition.shortWords.length);
      const weight = weights.longForm / entry.definition.longTerms.length;
      for (const term of entry.definition.longTerms) added.push({ term, source: word.term, weight, via: 'abbreviation' });
    }
  });
  return added;
}

/** For each run of the question's words that is a long form, its short form's terms. */
function shortFormsOfLongForms(table: AbbreviationTable, words: readonly QueryWord[], weights: AbbreviationWeights): WeightedTerm[] {
  const added: WeightedTerm[] = [];
  words.forEach((word, at) => {
    for (const entry of table.withLongStart(word.term)) {
      if (!startsLongForm(words, at, entry.definition.longTerms)) continue;
      // A short form that other documents make stand for something else ("MS": multiple sclerosis, mass
      // spectrometry) is as likely to bring those: it counts for the share of the definitions that are this one.
      const share = entry.documents / documentsDefining(table, entry.definition.shortWords);
      for (const term of entry.definition.shortTerms) added.push({ term, source: word.term, weight: weights.shortForm * share, via: 'abbreviation' });
    }
  });
  return added;
}

/** The definitions of the short form written at `words[at]`, the most often defined first; at most `most`. */
function longFormsAt(table: AbbreviationTable, words: readonly QueryWord[], at: number, most: number, spelling: (word: string) => string): AbbreviationEntry[] {
  const entries: AbbreviationEntry[] = [];
  for (const entry of table.withShortStart(spelling(words[at]?.word ?? ''))) if (startsShortForm(words, at, entry.definition.shortWords, spelling)) entries.push(entry);
  return entries.sort((first, second) => second.documents - first.documents).slice(0, most);
}

/** How many documents define this short form, whatever they make it stand for. */
function documentsDefining(table: AbbreviationTable, shortWords: readonly string[]): number {
  let documents = 0;
  for (const entry of table.withShortStart(shortWords[0] ?? '')) if (entry.definition.shortWords.join(' ') === shortWords.join(' ')) documents += entry.documents;
  return Math.max(1, documents);
}

/** Whether the question's words from `position` on are the short form's, as written and side by side ("IL-6": IL then 6). */
function startsShortForm(words: readonly QueryWord[], position: number, shortWords: readonly string[], spelling: (word: string) => string): boolean {
  const first = words[position];
  return first !== undefined && shortWords.every((shortWord, offset) => {
    const word = words[position + offset];
    return word !== undefined && spelling(word.word) === shortWord && word.position === first.position + offset;
  });
}

const lowerCaseWord = /^[\p{Ll}\p{N}]+$/u;

/**
 * How a question word is looked up among the short forms: as written, capitals and all, so the
 * word "age" never widens to AGE (advanced glycation end products); but a word typed all in
 * lower case that is no English word ("jica", "oda", "il6") is read in capitals, as such short
 * forms are written: chat is typed in lower case.
 */
function shortFormSpelling(isEnglishWord: (word: string) => boolean): (word: string) => string {
  return (word) => (lowerCaseWord.test(word) && !isEnglishWord(word) ? word.toUpperCase() : word);
}

/** Whether the question's content words from `position` on have the long form's terms, in order, none of them a hyphenated name read whole. */
function startsLongForm(words: readonly QueryWord[], position: number, longTerms: readonly string[]): boolean {
  return longTerms.every((term, offset) => {
    const word = words[position + offset];
    return word !== undefined && word.joined !== true && word.term === term;
  });
}
