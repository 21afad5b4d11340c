import type { DocumentFormat, PageSpan, PartialDate } from '../corpus/types.js';

export type { DocumentFormat, PageSpan };

/** What arrives: the bytes, and what the sender says they are (both optional, never trusted over the bytes). */
export interface ExtractInput {
  bytes: Uint8Array;
  /** The file name as given (an attachment's name, the last segment of a link), used for messages and as a hint. */
  fileName?: string | null;
  /** The declared media type, e.g. a link's `Content-Type` header, with any `charset` parameter. */
  contentType?: string | null;
}

/** The metadata an extractor could read from the document itself. Null means the document does not say. */
export interface ExtractedMetadata {
  /** An id the document declares for itself (Markdown front matter), else null. */
  id: string | null;
  title: string | null;
  author: string | null;
  /** Where it was published: a web page's site name, a report's publisher. */
  outlet: string | null;
  published: PartialDate | null;
  /** How the date is known, e.g. "article:published_time meta tag". */
  publishedBasis: string | null;
  /** A BCP 47 tag such as "en" or "ja-JP", as the document declares it. */
  language: string | null;
}

/**
 * An extracted document. `body` is the text every offset points into: a passage quotes
 * `body.slice(start, end)` exactly. For PDFs the body is already the rejoined text
 * (hyphenated line ends and wrapped lines joined), so search and quotes share one string
 * and no offset map is needed.
 */
export interface ExtractedDocument {
  format: DocumentFormat;
  body: string;
  metadata: ExtractedMetadata;
  /** Page offsets in order, covering the body, for paged formats (PDF); null otherwise. */
  pages: PageSpan[] | null;
  /** Things the person adding the document should know, e.g. a date that could not be pinned down. */
  warnings: string[];
}

/** Bounds on one extraction, so a hostile or huge file costs a known amount. */
export interface ExtractLimits {
  /** Largest input accepted, in bytes. */
  maxBytes: number;
  /** PDFs with more pages are refused. */
  maxPages: number;
  /** Extraction stops with a message after this long. */
  timeoutMs: number;
  /** A DOCX (a zip) may unpack to at most this many bytes in all. */
  maxUnpackedBytes: number;
}

export const defaultExtractLimits: ExtractLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxPages: 500,
  timeoutMs: 30_000,
  maxUnpackedBytes: 200 * 1024 * 1024,
};

/** What an extractor is given besides the bytes. */
export interface ExtractContext {
  limits: ExtractLimits;
  /** When the extraction must be finished (a `performance.now()` time); long loops check it. */
  deadline: number;
  /** How to name the input in a message: its file name, or "this file". */
  label: string;
}

/** One format's reader. Pure apart from time: the same bytes give the same document. */
export interface Extractor {
  format: DocumentFormat;
  extract(input: ExtractInput, context: ExtractContext): Promise<ExtractedDocument>;
}
