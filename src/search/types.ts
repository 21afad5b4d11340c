import type { AnswerType } from './answer-type.js';
import type { Passage } from '../corpus/passage-types.js';
import type { DatePrecision } from '../corpus/types.js';

/**
 * A passage quoted word for word, with everything needed to cite it: the passage's place
 * (`text === body.slice(start, end)`; `ordinal` is the first passage's when neighbours were merged)
 * and its document's citation.
 */
export interface CitedPassage extends Pick<Passage, 'docId' | 'ordinal' | 'start' | 'end' | 'text' | 'kind' | 'heading'> {
  title: string;
  author: string | null;
  outlet: string | null;
  /** Publication date in ISO form at its precision (`2025`, `2025-05`, `2025-05-05`), or null when unknown. */
  published: string | null;
  publishedPrecision: DatePrecision | null;
  score: number;
  /** For a paged document (PDF): the page the quote's first character is on. Absent for formats without pages. */
  page?: number;
  /** Set only when the quote runs onto a later page: the page its last character is on. */
  pageEnd?: number;
  /** The sentences that best answer the question, as offsets into `text`, for the renderer to mark; absent for lookups. */
  highlights?: Array<{ start: number; end: number }>;
  /** Words of `text` that matched the question only through a Russian translation, as written there. */
  matchedInRussian?: string[];
}

/** The answer to a question: ranked passages, and whether they answer it well. */
export interface Answer {
  question: string;
  /** False when nothing matches well: the passages are then only the closest ones, not an answer. */
  confident: boolean;
  /**
   * Words of the question, as typed, that occur nowhere in the library (nor do their
   * translations or synonyms): "Mongolia", "tourists". Non-empty ones make the answer not confident.
   */
  missingWords: string[];
  /**
   * Russian words of the question that no source holds as written and that no translation is
   * known for ("провёл", "Ташкенте"): the English sources could not be searched for them, so
   * they are not missing words, though they too make the answer not confident.
   */
  untranslatedWords: string[];
  /**
   * Names and years of the question, as typed, that the library holds but none of the closest
   * passages speaks of ("Kazakhstan", "2019"): why an answer with no missing word is not confident.
   */
  notInClosest: string[];
  /**
   * The kind of answer the question asks for ("When …" a date, "How many …" a number) when none
   * of the closest quotes gives one in its answering sentences: why an answer whose every word
   * the library holds is not confident. Null otherwise.
   */
  noAnswerOfKind: AnswerType | null;
  passages: CitedPassage[];
}

/** Whether English questions also search Russian text, and why not when they don't. */
export interface CrossLanguageStatus {
  enabled: boolean;
  /** One line for people: "on (Mueller's English–Russian dictionary, 46,121 words)" or how to turn it on. */
  status: string;
}

/** A passage found by a quick lookup, with where the searched words are in its text. */
export interface SearchMatch {
  passage: CitedPassage;
  /** The index terms (stems) that matched. */
  terms: string[];
  /** Offsets into `passage.text` of the matched words, in order, for the renderer to bold. */
  marks: Array<{ start: number; end: number }>;
}

export interface SearchResults {
  terms: string;
  matches: SearchMatch[];
}
