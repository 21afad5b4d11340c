import type { SourceDocument } from './types.js';

/**
 * Who is asking, for what they may see: a server (its guild id) sees its own documents and the
 * shared ones; `null` (a direct message) sees the shared ones only; `undefined` (the command
 * line, an operator) sees every document.
 */
export type Viewer = string | null | undefined;

/** Whether `viewer` may see a document: shared ones (scope null) everyone, a server's own only that server. */
export function isVisibleTo(document: Pick<SourceDocument, 'scope'>, viewer: Viewer): boolean {
  if (viewer === undefined || document.scope === null) return true;
  return document.scope === viewer;
}

/** The two scopes have a reader in common: a document in one is a duplicate of the same document in the other. */
export function scopesOverlap(left: string | null, right: string | null): boolean {
  return left === null || right === null || left === right;
}
