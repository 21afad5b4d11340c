import type { Passage } from '../corpus/passage-types.js';
import type { SourceDocument } from '../corpus/types.js';
import { extractKeyEvents } from '../dates/key-events.js';
import { mergeEvents } from '../dates/merge.js';
import { compareEntries } from '../dates/timeline.js';
import type { KeyEvent, TimelineEntry } from '../dates/types.js';
import type { Logger } from '../logger.js';
import { createKeyEventWriter, type KeyEventChanges, type KeyEventLogState, type StoredDocumentEvents } from './key-event-delta.js';
import { keyEventFile, keyEventHead, keyEventPath, noStoredKeyEvents, restoreEvents, storeEvents, versionsKey, writeStoredTimeline, type StoredKeyEvents } from './key-event-store.js';
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
  /** What changed since the last save, every document's events for a new base, and the timeline when merged since; clears `unsaved`. */
  takeChanges(): TakenChanges;
  /** The stored base and delta the cache was made from, for the saver to append to. */
  readonly storedLog: KeyEventLogState;
}

export interface TakenChanges {
  changes: KeyEventChanges;
  everything: () => Iterable<StoredDocumentEvents>;
  timeline: StoredKeyEvents['timeline'];
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
  /** Documents extracted or removed since the last save: what the next save appends. */
  const changedSince = new Set<string>();
  /** Whether the timeline was merged since the last save; one from a file of the old layout (no delta) is stored anew too. */
  let timelineChanged = false;
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
    changedSince.add(document.id);
  }
  for (const document of documents) extract(document);
  function catchUp(): void {
    for (const [docId, document] of pending) {
      if (document !== null) extract(document);
      else if (eventsById.delete(docId)) changedSince.add(docId);
    }
    pending.clear();
  }
  const currentVersions = () => versionsKey([...eventsById.values()].map((cached) => cached.version));
  if (stored.timeline && stored.timeline.versions === currentVersions()) merged = stored.timeline.entries;
  timelineChanged = merged !== null && stored.log.baseId === null;
  // One document at a time, as the base is written: a copy of every document's events at once would sit beside the cache's own.
  function* everything(): Iterable<StoredDocumentEvents> {
    for (const [docId, cached] of eventsById) yield { docId, contentHash: cached.contentHash, events: storeEvents(cached.events) };
  }

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
      timelineChanged = true;
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
      return { events, timeline: merged ? { versions: currentVersions(), entries: merged } : null, log: stored.log };
    },
    takeChanges() {
      unsaved = false;
      const extracted: StoredDocumentEvents[] = [];
      const removed: string[] = [];
      for (const docId of changedSince) {
        const cached = eventsById.get(docId);
        if (cached) extracted.push({ docId, contentHash: cached.contentHash, events: storeEvents(cached.events) });
        else removed.push(docId);
      }
      changedSince.clear();
      const timeline = timelineChanged && merged ? { versions: currentVersions(), entries: merged } : null;
      timelineChanged = false;
      return { changes: { extracted, removed }, everything, timeline };
    },
    storedLog: stored.log,
  };
}

/**
 * Saves what the cache extracted and merged when it holds something new; saves run one at a time
 * and a failure is logged, never thrown: the stored key events are a cache.
 */
export function timelineSaver(dataDir: string, cache: TimelineCache, logger: Logger): () => Promise<void> {
  const log = logger.child({ module: 'timeline' });
  const writer = createKeyEventWriter(dataDir, cache.storedLog, keyEventPath(dataDir, keyEventFile));
  const failed = (error: unknown) => log.warn({ err: error }, 'key events could not be saved; they are extracted again at the next start');
  let chain: Promise<void> = Promise.resolve();
  return () => {
    if (!cache.unsaved) return chain;
    let finish: () => Promise<'delta' | 'base'>;
    const taken = cache.takeChanges();
    try {
      // Both taken and written in this tick, so the events written are of the moment the changes were taken.
      if (taken.timeline) writeStoredTimeline(dataDir, taken.timeline);
      finish = writer.save(taken.changes, taken.everything, keyEventHead());
    } catch (error) {
      failed(error);
      return chain;
    }
    // Only the counts are kept for the log line: the events taken are not held until the write is done.
    const counts = { extracted: taken.changes.extracted.length, removed: taken.changes.removed.length, timeline: taken.timeline !== null };
    chain = chain.then(finish).then((written) => log.info({ ...counts, written }, 'key events saved'), failed);
    return chain;
  };
}
