/** How precisely a date is known. A date is never stated more precisely than its source allows. */
export type DatePrecision = 'year' | 'month' | 'day';

/** A calendar date at a stated precision: `iso` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD` to match. */
export interface PartialDate {
  iso: string;
  precision: DatePrecision;
}

/** One document of the corpus, as loaded from a `.md` or `.txt` file. */
export interface SourceDocument {
  /** Stable id: the front matter's `id`, else the file name without its extension. */
  id: string;
  /** File name relative to the corpus folder. */
  file: string;
  title: string;
  author: string | null;
  outlet: string | null;
  /** Publication date, or null when unknown (shown as unknown, never guessed). */
  published: PartialDate | null;
  /** How the publication date is known, e.g. "dateline on the first line of the text". */
  publishedBasis: string | null;
  /** The document text after any front matter. Every offset in the project points into this string. */
  body: string;
  /** SHA-256 of the file's bytes: what the index snapshot uses to notice a change. */
  contentHash: string;
}

/** Why a file of the corpus was not loaded, for the person who maintains the folder. */
export interface CorpusProblem {
  file: string;
  /** 1-based line in the file, when the problem has one (front matter errors). */
  line?: number;
  reason: string;
}

export interface LoadedCorpus {
  documents: SourceDocument[];
  problems: CorpusProblem[];
}
