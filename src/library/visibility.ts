import type { SourceDocument } from '../corpus/types.js';
import { isVisibleTo, type Viewer } from '../corpus/visibility.js';
import type { TimelineEntry } from '../dates/types.js';

// The rule itself sits with the documents, so that search (below the library) can use it too.
export { isVisibleTo, scopesOverlap, type Viewer } from '../corpus/visibility.js';

type Scoped = Pick<SourceDocument, 'scope'>;

const visibleLists = new WeakMap<readonly Scoped[], Map<string | null, readonly Scoped[]>>();

/**
 * The documents `viewer` may see, in the same order. Remembered per list and viewer, so each
 * keystroke of an autocomplete filters once per change of the library, not once per call.
 */
export function visibleDocuments<T extends Scoped>(documents: readonly T[], viewer: Viewer): readonly T[] {
  if (viewer === undefined) return documents;
  let byViewer = visibleLists.get(documents);
  if (byViewer === undefined) {
    byViewer = new Map();
    visibleLists.set(documents, byViewer);
  }
  let visible = byViewer.get(viewer);
  if (visible === undefined) {
    // Every document shared: the same list, and so the same autocomplete index.
    visible = documents.every((document) => isVisibleTo(document, viewer)) ? documents : documents.filter((document) => isVisibleTo(document, viewer));
    byViewer.set(viewer, visible);
  }
  // Only ever filled from `documents` itself, so its elements are T.
  return visible as readonly T[];
}

/**
 * The timeline as `viewer` may see it: sources inside an entry (and inside its conflicts) that
 * come from invisible documents are left out, and an entry left with no source is dropped.
 * `documents` are the library's: what says which document belongs to which server.
 */
export function visibleTimeline(entries: readonly TimelineEntry[], documents: readonly Pick<SourceDocument, 'id' | 'scope'>[], viewer: Viewer): readonly TimelineEntry[] {
  if (viewer === undefined) return entries;
  const hidden = new Set(documents.filter((document) => !isVisibleTo(document, viewer)).map((document) => document.id));
  if (hidden.size === 0) return entries;
  const seen = (source: { docId: string }) => !hidden.has(source.docId);
  const visible: TimelineEntry[] = [];
  for (const entry of entries) {
    const sources = entry.sources.filter(seen);
    if (sources.length === 0) continue;
    if (sources.length === entry.sources.length && entry.conflicts.every((conflict) => conflict.sources.every(seen))) {
      visible.push(entry);
      continue;
    }
    const conflicts = entry.conflicts.map((conflict) => ({ ...conflict, sources: conflict.sources.filter(seen) })).filter((conflict) => conflict.sources.length > 0);
    visible.push({ ...entry, sources, conflicts });
  }
  return visible;
}
