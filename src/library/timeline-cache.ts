import type { Passage } from '../corpus/passage-types.js';
import type { SourceDocument } from '../corpus/types.js';
import { extractKeyEvents } from '../dates/key-events.js';
import { mergeEvents } from '../dates/merge.js';
import { compareEntries } from '../dates/timeline.js';
import type { KeyEvent, TimelineEntry } from '../dates/types.js';
import type { Logger } from '../logger.js';
import { noStoredKeyEvents, restoreEvents, storeEvents, versionsKey, writeKeyEvents, type StoredKeyEvents } from './key-event-store.js';
import type { LibraryChange } from './library.js';

/** The timeline of a changing library: each document's key events kept by version, the merge redone only when asked after a change. */
export interface TimelineCache {
  /** The merged timeline, in date order: the same as `buildTimeline` over the current documents. */
  timeline(): readonly TimelineEntry[];
  apply(changes: readonly LibraryChange[]): void;
  /** How many documents had their dates extracted, since the start: an unchanged document is never counted twice. */
  readonly extractions: number;
  /** Whether something was extracted or merged that the stored key events do not hold yet. */
  readonly unsaved: boolean;
  /** What to store (see key-event-store.ts); clears `unsaved`. */
  toStore(): StoredKeyEvents;
}

interface CachedEvents {
  version: string;
  contentHash: string;
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
 *
 * The cache over some documents. Events stored for a document's version are taken as they are, and so
 * is a stored timeline when it was merged from exactly the current versions in the same order.
 */
export function createTimelineCache(documents: readonly SourceDocument[], passagesOf: (docId: string) => Passage[], stored: StoredKeyEvents = noStoredKeyEvents): TimelineCache {
  const eventsById = new Map<string, CachedEvents>();
  let merged: TimelineEntry[] | null = null;
  let extractions = 0;
  let unsaved = false;
  /** Documents changed since the timeline was last read: the latest version of each, or null once removed. */
  const pending = new Map<string, SourceDocument | null>();

  function extract(document: SourceDocument): void {
    const version = versionOf(document);
    if (eventsById.get(document.id)?.version === version) return;
    const kept = stored.events.get(document.id);
    const restored = kept?.contentHash === document.contentHash ? restoreEvents(document, kept.events) : null;
    eventsById.set(document.id, { version, contentHash: document.contentHash, events: restored ?? extractKeyEvents(document, passagesOf(document.id)) });
    if (restored) return;
    extractions += 1;
    unsaved = true;
  }
  for (const document of documents) extract(document);
  function catchUp(): void {
    for (const [docId, document] of pending) {
      if (document === null) eventsById.delete(docId);
      else extract(document);
    }
    pending.clear();
  }
  const currentVersions = () => versionsKey([...eventsById.values()].map((cached) => cached.version));
  if (stored.timeline && stored.timeline.versions === currentVersions()) merged = stored.timeline.entries;

  return {
    get extractions() {
      catchUp();
      return extractions;
    },
    get unsaved() {
      return unsaved;
    },
    timeline() {
      catchUp();
      if (merged) return merged;
      // The same merge and order as buildTimeline, over the cached events.
      merged = mergeEvents([...eventsById.values()].flatMap((cached) => cached.events)).sort(compareEntries);
      unsaved = true;
      return merged;
    },
    apply(changes) {
      for (const change of changes) pending.set(change.docId, change.kind === 'removed' ? null : change.document);
      // Nothing new to store until the timeline is read: a save now would write the old events and drop the stored timeline.
      if (changes.length > 0) merged = null;
    },
    toStore() {
      // Taken in one tick, so the events and the timeline stored are of the same versions.
      unsaved = false;
      const events = new Map([...eventsById].map(([docId, cached]) => [docId, { contentHash: cached.contentHash, events: storeEvents(cached.events) }]));
      return { events, timeline: merged ? { versions: currentVersions(), entries: merged } : null };
    },
  };
}

/**
 * Saves what the cache extracted and merged when it holds something new; saves run one at a time
 * and a failure is logged, never thrown: the stored key events are a cache.
 */
export function timelineSaver(dataDir: string, cache: TimelineCache, logger: Logger): () => Promise<void> {
  const log = logger.child({ module: 'timeline' });
  let chain: Promise<void> = Promise.resolve();
  return () => {
    if (!cache.unsaved) return chain;
    const stored = cache.toStore();
    chain = chain.then(() =>
      writeKeyEvents(dataDir, stored).then(
        () => log.info({ documents: stored.events.size, timeline: stored.timeline !== null }, 'key events saved'),
        (error: unknown) => log.warn({ err: error }, 'key events could not be saved; they are extracted again at the next start'),
      ),
    );
    return chain;
  };
}
