import type { TimelineEntry } from '../dates/types.js';
import type { AppDatabase } from '../storage/database.js';
import { listDocumentsFirstSeen } from '../storage/documents-seen-store.js';
import { composeDigest } from './compose.js';
import type { ComposeForSlot } from './slot-runner.js';
import { digestDocuments, type DigestLibraryDocument } from './digest-documents.js';

export interface SlotComposerSources {
  db: AppDatabase;
  /** Read at each slot, so a reloaded corpus is picked up. */
  timeline: () => readonly TimelineEntry[];
  documents: () => readonly DigestLibraryDocument[];
}

/**
 * The `compose` the scheduler needs, from the timeline, the library and the first-seen times
 * kept in the database (see `recordDocumentsSeen`), for the server of the slot.
 */
export function createSlotComposer(sources: SlotComposerSources): ComposeForSlot {
  return async (settings, slot, { since }) => {
    const firstSeen = new Map((await listDocumentsFirstSeen(sources.db)).map((seen) => [seen.docId, seen.firstSeenAt]));
    const documents = digestDocuments(sources.documents(), firstSeen);
    return composeDigest({ timeline: sources.timeline(), today: slot, timeZone: settings.timeZone, windowDays: settings.windowDays, since, documents, guildId: settings.guildId });
  };
}
