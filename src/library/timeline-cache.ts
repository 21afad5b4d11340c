import type { Passage } from '../corpus/passage-types.js';
import type { SourceDocument } from '../corpus/types.js';
import { extractKeyEvents } from '../dates/key-events.js';
import { mergeEvents } from '../dates/merge.js';
import { compareEntries } from '../dates/timeline.js';
import type { KeyEvent, TimelineEntry } from '../dates/types.js';
import type { LibraryChange } from './library.js';

/** The timeline of a changing library: each document's key events kept by version, the merge redone only when asked after a change. */
export interface TimelineCache {
  /** The merged timeline, in date order: the same as `buildTimeline` over the current documents. */
  timeline(): readonly TimelineEntry[];
  apply(changes: readonly LibraryChange[]): void;
  /** How many documents had their dates extracted, since the start: an unchanged document is never counted twice. */
  readonly extractions: number;
}

interface CachedEvents {
  version: string;
  events: KeyEvent[];
}

/** A document version: its bytes and its id (a rename without front matter gives the same bytes another id). */
function versionOf(document: SourceDocument): string {
  return `${document.contentHash}\u0000${document.id}`;
}

export function createTimelineCache(documents: readonly SourceDocument[], passagesOf: (docId: string) => Passage[]): TimelineCache {
  const eventsById = new Map<string, CachedEvents>();
  let merged: TimelineEntry[] | null = null;
  let extractions = 0;

  function extract(document: SourceDocument): void {
    const version = versionOf(document);
    if (eventsById.get(document.id)?.version === version) return;
    eventsById.set(document.id, { version, events: extractKeyEvents(document, passagesOf(document.id)) });
    extractions += 1;
  }
  for (const document of documents) extract(document);

  return {
    get extractions() {
      return extractions;
    },
    timeline() {
      // The same merge and order as buildTimeline, over the cached events.
      merged ??= mergeEvents([...eventsById.values()].flatMap((cached) => cached.events)).sort(compareEntries);
      return merged;
    },
    apply(changes) {
      for (const change of changes) {
        if (change.kind === 'removed') eventsById.delete(change.docId);
        else extract(change.document);
      }
      if (changes.length > 0) merged = null;
    },
  };
}
