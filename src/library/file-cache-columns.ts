import type { DatePrecision, DocumentFormat, FileOutcome, PageSpan, SourceDocument } from '../corpus/types.js';
import type { FileStamp } from './file-cache.js';

/** One remembered file as the cache holds it: its name, stamp, when it was checked and what it became. */
export type StoredFile = FileStamp & { name: string; checkedAt: number; outcome: FileOutcome };

/**
 * The remembered files laid out by field rather than by file: a list of strings per field and the
 * numbers in one Float64Array. v8's deserializer builds plain objects property by property, which
 * for 21,578 files of two nested objects each took about 0.4 s; the same fields as columns
 * deserialize in about a quarter of that, and the objects are then built in JavaScript, where
 * they share one shape.
 */
export interface FileColumns {
  names: string[];
  /** size, mtimeMs, ctimeMs, ino and checkedAt of each file, in that order. */
  numbers: Float64Array;
  /** The outcome of each file that is not a document (a problem, or nothing), by file position. */
  others: Array<[position: number, outcome: Exclude<FileOutcome, { document: SourceDocument }>]>;
  documents: DocumentColumns;
}

/** The documents' fields, one list per field, in the order of `at`. */
interface DocumentColumns {
  /** Each document's file position. */
  at: number[];
  id: string[];
  file: string[];
  title: string[];
  author: Array<string | null>;
  outlet: Array<string | null>;
  /** The publication date as two strings, not an object per document: objects are what deserialize slowly. */
  publishedIso: Array<string | null>;
  publishedPrecision: Array<DatePrecision | null>;
  publishedBasis: Array<string | null>;
  body: string[];
  contentHash: string[];
  format: DocumentFormat[];
  pages: Array<PageSpan[] | null>;
}

const numbersPerFile = 5;

export function toColumns(files: readonly StoredFile[]): FileColumns {
  const numbers = new Float64Array(files.length * numbersPerFile);
  const others: FileColumns['others'] = [];
  const documents: DocumentColumns = { at: [], id: [], file: [], title: [], author: [], outlet: [], publishedIso: [], publishedPrecision: [], publishedBasis: [], body: [], contentHash: [], format: [], pages: [] };
  files.forEach(({ size, mtimeMs, ctimeMs, ino, checkedAt, outcome }, position) => {
    numbers.set([size, mtimeMs, ctimeMs, ino, checkedAt], position * numbersPerFile);
    if (outcome === null || !('document' in outcome)) {
      others.push([position, outcome]);
      return;
    }
    const document = outcome.document;
    documents.at.push(position);
    documents.id.push(document.id);
    documents.file.push(document.file);
    documents.title.push(document.title);
    documents.author.push(document.author);
    documents.outlet.push(document.outlet);
    documents.publishedIso.push(document.published?.iso ?? null);
    documents.publishedPrecision.push(document.published?.precision ?? null);
    documents.publishedBasis.push(document.publishedBasis);
    documents.body.push(document.body);
    documents.contentHash.push(document.contentHash);
    documents.format.push(document.format);
    documents.pages.push(document.pages);
  });
  return { names: files.map((file) => file.name), numbers, others, documents };
}

/** The files back from their columns, in the order they were stored. */
export function fromColumns({ names, numbers, others, documents }: FileColumns): StoredFile[] {
  const outcomes: FileOutcome[] = new Array<FileOutcome>(names.length).fill(null);
  for (const [position, outcome] of others) outcomes[position] = outcome;
  documents.at.forEach((position, row) => {
    outcomes[position] = { document: documentAt(documents, row) };
  });
  return names.map((name, position) => {
    const offset = position * numbersPerFile;
    const number = (field: number) => numbers[offset + field] ?? Number.NaN;
    return { name, size: number(0), mtimeMs: number(1), ctimeMs: number(2), ino: number(3), checkedAt: number(4), outcome: outcomes[position] ?? null };
  });
}

/** A folder document: everyone's, and added by no one. */
function documentAt(columns: DocumentColumns, row: number): SourceDocument {
  const field = <T>(values: readonly T[]): T => values[row] as T;
  const [iso, precision] = [field(columns.publishedIso), field(columns.publishedPrecision)];
  return {
    id: field(columns.id),
    file: field(columns.file),
    title: field(columns.title),
    author: field(columns.author),
    outlet: field(columns.outlet),
    published: iso === null || precision === null ? null : { iso, precision },
    publishedBasis: field(columns.publishedBasis),
    body: field(columns.body),
    contentHash: field(columns.contentHash),
    format: field(columns.format),
    pages: field(columns.pages),
    scope: null,
    addition: null,
  };
}
