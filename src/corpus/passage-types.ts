/** What a passage is, so search and dates can treat notes and references differently from article text. */
export type PassageKind = 'paragraph' | 'list-item' | 'table-row' | 'footnote' | 'reference';

/** A quotable, citable piece of one document. */
export interface Passage {
  docId: string;
  /** 1-based position among the document's passages, for citations ("passage 3 of 12"). */
  ordinal: number;
  /** Character offsets into the document body: `body.slice(start, end) === text`, always. */
  start: number;
  end: number;
  /** The quote, exactly as in the body. */
  text: string;
  kind: PassageKind;
  /** The nearest heading above the passage, kept as its context; null when there is none. */
  heading: string | null;
  /** Searchable text that belongs to the passage but is not part of the quote, e.g. a table row's column headers. */
  context: string | null;
}
