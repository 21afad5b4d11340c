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

/**
 * Dates are extracted when the timeline is next asked for, not when a change arrives: a
 * change is searchable as soon as it is indexed, and key dates of a long document (about
 * 0.6 s for a 50-page PDF) do not stand between a new document and its first answer.
 */
export function createTimelineCache(documents: readonly SourceDocument[], passagesOf: (docId: string) => Passage[]): TimelineCache {
  const eventsById = new Map<string, CachedEvents>();
  /** Documents changed since the timeline was last read: the latest version of each, or null once removed. */
  const pending = new Map<string, SourceDocument | null>();
  let merged: TimelineEntry[] | null = null;
  let extractions = 0;

  function extract(document: SourceDocument): void {
    const version = versionOf(document);
    if (eventsById.get(document.id)?.version === version) return;
    eventsById.set(document.id, { version, events: extractKeyEvents(document, passagesOf(document.id)) });
    extractions += 1;
  }
  function catchUp(): void {
    for (const [docId, document] of pending) {
      if (document === null) eventsById.delete(docId);
      else extract(document);
    }
    pending.clear();
  }
  for (const document of documents) extract(document);

  return {
    get extractions() {
      catchUp();
      return extractions;
    },
    timeline() {
      catchUp();
      // The same merge and order as buildTimeline, over the cached events.
      merged ??= mergeEvents([...eventsById.values()].flatMap((cached) => cached.events)).sort(compareEntries);
      return merged;
    },
    apply(changes) {
      for (const change of changes) pending.set(change.docId, change.kind === 'removed' ? null : change.document);
      if (changes.length > 0) merged = null;
    },
  };
}
