/** How precisely a date is known. A date is never stated more precisely than its source allows. */
export type DatePrecision = 'year' | 'month' | 'day';

/** A calendar date at a stated precision: `iso` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD` to match. */
export interface PartialDate {
  iso: string;
  precision: DatePrecision;
}

/** The formats the library reads. Each has one extractor module behind the extractor interface (src/extract/). */
export type DocumentFormat = 'pdf' | 'html' | 'docx' | 'markdown' | 'text';

/** One page of a paged format: the body's characters `[start, end)` are on page `page` (1-based). */
export interface PageSpan {
  page: number;
  start: number;
  end: number;
}

/** How a document came in through `/add` or `briefing add`; folder documents have none. */
export interface DocumentAddition {
  /** The Discord member who added it; null when it was added from the command line. */
  addedBy: { id: string; name: string } | null;
  /** When it was added, in epoch milliseconds. */
  addedAt: number;
  /** The link it was fetched from; null for an uploaded file. */
  link: string | null;
}

/** One document of the library: a file of the corpus folder, or one added from Discord or the command line. */
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
  format: DocumentFormat;
  /** Where each page starts and ends in the body, for paged formats (PDF); null otherwise. */
  pages: PageSpan[] | null;
  /** The one server (guild id) that may see it; null means every server, as for the folder and the command line. */
  scope: string | null;
  addition: DocumentAddition | null;
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

/**
 * What one file turned into: a document, the reason it is not one, or nothing worth reporting.
 * A `transient` problem came from the reading, not from the bytes (the file vanished, too many
 * open files): reading it again may succeed, so it is never remembered as the file's outcome.
 */
export type FileOutcome = { document: SourceDocument } | { problem: CorpusProblem; transient?: true } | null;
