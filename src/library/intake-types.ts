import type { SourceDocument } from '../corpus/types.js';

/*
 * The contract between the library and whoever adds documents to it: `/add` and `/remove`
 * in Discord, `briefing add` and `briefing remove` on the command line. Discord-free.
 * Every refusal (unsupported type, too large, scanned PDF, private address, duplicate,
 * expired preview, not allowed) is a UserError whose message tells the person what to do.
 */

/** Metadata the person adding a document sets over what the document itself says. */
export interface MetadataOverrides {
  title?: string;
  author?: string;
  outlet?: string;
  /** A date as written by the person: `2025`, `2025-05` or `2025-05-05`. */
  published?: string;
}

/** Where the document's bytes come from. An uploaded file's bytes are fetched by the edge at once, since attachment URLs expire. */
export type AddSource =
  | { kind: 'file'; bytes: Uint8Array; fileName: string | null; contentType: string | null }
  | { kind: 'link'; url: string };

export interface AddRequest {
  source: AddSource;
  overrides: MetadataOverrides;
  /** The server that will see the document (guild id); null for every server (the command line). */
  scope: string | null;
  /** Who adds it; null from the command line. */
  addedBy: { id: string; name: string } | null;
}

/** A document read and checked but not yet added: what the person confirms with Add or Cancel. */
export interface AddPreview {
  /** Names the pending addition in button and modal custom ids: at most 32 characters. */
  token: string;
  /** The document as it would be served, with its id assigned. */
  document: SourceDocument;
  passageCount: number;
  /** The first passage's text, exactly as it will be quoted. */
  firstPassage: string | null;
  /** What the person should check, e.g. "no publication date found: set one with Edit". */
  warnings: string[];
  /** After this (epoch ms) the preview is gone and `/add` must be run again. */
  expiresAt: number;
}

/** Adds and removes the documents that live in the database. */
export interface DocumentIntake {
  /**
   * The largest document accepted, in bytes (ADD_MAX_BYTES): whoever fetches a file for the
   * intake, as `/add` downloads an attachment, stops there too, so one setting governs both.
   */
  readonly maxBytes: number;
  /** Fetches (links), extracts and checks for duplicates; adds nothing. */
  prepare(request: AddRequest): Promise<AddPreview>;
  /** The same pending document with corrected metadata (the Edit modal). */
  revise(token: string, overrides: MetadataOverrides): Promise<AddPreview>;
  /** Stores the pending document; when this resolves it is searchable and in the timeline. */
  commit(token: string): Promise<SourceDocument>;
  cancel(token: string): Promise<void>;
  /** `prepare` and `commit` in one step, for the command line. */
  add(request: AddRequest): Promise<SourceDocument>;
  /** Removes an added document visible to `scope`; a folder document is refused with how to remove it (delete the file). */
  remove(docId: string, scope: string | null): Promise<SourceDocument>;
}
