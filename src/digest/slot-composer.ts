import type { SourceDocument } from '../corpus/types.js';
import type { TimelineEntry } from '../dates/types.js';
import { visibleDocuments, visibleTimeline } from '../library/visibility.js';
import type { AppDatabase } from '../storage/database.js';
import { listDocumentsFirstSeen } from '../storage/documents-seen-store.js';
import { composeDigest } from './compose.js';
import type { ComposeForSlot } from './slot-runner.js';

export interface SlotComposerSources {
  db: AppDatabase;
  /** Read at each slot, so a reloaded corpus is picked up. */
  timeline: () => readonly TimelineEntry[];
  /** Read at each slot too; each server's digest has its own and the shared documents only. */
  documents: () => ReadonlyArray<Pick<SourceDocument, 'id' | 'title' | 'scope'>>;
}

/**
 * The `compose` the scheduler needs, from the timeline, the corpus and the first-seen times
 * kept in the database (see `recordDocumentsSeen`). A document never recorded as seen is
 * treated as old rather than announced as new.
 */
export function createSlotComposer(sources: SlotComposerSources): ComposeForSlot {
  return async (settings, slot, { since }) => {
    const firstSeen = new Map((await listDocumentsFirstSeen(sources.db)).map((seen) => [seen.docId, seen.firstSeenAt]));
    const library = sources.documents();
    const visible = visibleDocuments(library, settings.guildId);
    const documents = visible.map((document) => ({ docId: document.id, title: document.title, addedAt: firstSeen.get(document.id) ?? new Date(0) }));
    const timeline = visibleTimeline(sources.timeline(), library, settings.guildId);
    return composeDigest({ timeline, today: slot, timeZone: settings.timeZone, windowDays: settings.windowDays, since, documents });
  };
}
