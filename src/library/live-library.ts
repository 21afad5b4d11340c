import type { AddingConfig, Config } from '../config.js';
import { reportCorpus } from '../corpus/report-corpus.js';
import type { TimelineEntry } from '../dates/types.js';
import type { Logger } from '../logger.js';
import { openSearchService, type SearchService } from '../search/search-service.js';
import type { AppDatabase } from '../storage/database.js';
import { syncAddedDocuments, type AddedDocumentsSync } from './added-sync.js';
import { watchFolder, type FolderWatcher, type FolderWatcherTiming } from './folder-watcher.js';
import { createLibrary, type ChangeReport, type Library, type LibraryChange } from './library.js';
import { createDocumentIntake } from './intake.js';
import type { DocumentIntake } from './intake-types.js';
import { readKeyEvents } from './key-event-store.js';
import { createTimelineCache, timelineSaver } from './timeline-cache.js';

/** The library with what follows it: the search index and the timeline, kept up to date as the folder changes. */
export interface LiveLibrary {
  library: Library;
  search: SearchService;
  timeline(): readonly TimelineEntry[];
  /** Adds and removes the documents kept in the database; absent without one. */
  intake?: DocumentIntake;
  /** The full check: every file read again, the changes applied and saved. */
  reindex(): Promise<ChangeReport>;
  /** Stops watching; an update being applied finishes first. */
  stop(): Promise<void>;
}

export interface OpenLiveLibraryOptions {
  config: Pick<Config, 'corpusDir' | 'corpusMaxFileBytes' | 'dataDir'> & Partial<Pick<Config, 'russianDictionary' | 'links'>> & { adding?: Partial<AddingConfig> };
  logger: Logger;
  /**
   * Where added documents live: they are served beside the folder's, and another host's
   * additions and removals are followed every `adding.syncIntervalMs`. Without it, the folder only.
   */
  db?: AppDatabase;
  /** Watch the folder for changes; true by default. */
  watch?: boolean;
  timing?: Partial<FolderWatcherTiming>;
}

/**
 * Loads the corpus folder, opens the search over it and builds the timeline, then follows the
 * folder. The watcher is live before the folder is read, so a file written meanwhile is not missed.
 */
export async function openLiveLibrary({ config, logger, watch = true, timing, db }: OpenLiveLibraryOptions): Promise<LiveLibrary> {
  const library = createLibrary({ directory: config.corpusDir, maxFileBytes: config.corpusMaxFileBytes, dataDir: config.dataDir, logger });
  const watcher: FolderWatcher | null = watch ? await watchFolder({ library, logger, ...(timing && { timing }) }).catch((error: unknown) => unwatched(error, logger)) : null;
  let sync: AddedDocumentsSync | null = null;
  try {
    // The added documents are in the library before search opens, so the snapshot covers them too.
    if (db) sync = await syncAddedDocuments({ db, library, intervalMs: config.adding?.syncIntervalMs ?? 3000, logger });
    await library.reload();
    const corpus = { documents: library.documents(), problems: library.problems() };
    reportCorpus(corpus, config.corpusDir, logger);
    const search = await openSearchService({ corpus, dataDir: config.dataDir, logger, russianDictionary: config.russianDictionary });
    const timeline = createTimelineCache(search.documents, (docId) => search.passagesOf(docId), await readKeyEvents(config.dataDir, logger));
    const saveTimeline = timelineSaver(config.dataDir, timeline, logger);
    let lastSave: Promise<void> = saveTimeline();
    library.subscribe((changes) => {
      applyToSearch(search, changes);
      timeline.apply(changes);
      lastSave = Promise.all([search.saveSnapshot(), saveTimeline()]).then(() => undefined);
    });
    watcher?.resume();
    sync?.start();
    const following = sync;
    return {
      library,
      search,
      timeline: () => {
        const entries = timeline.timeline();
        // A timeline merged just now is stored, so the next start need not merge it again.
        if (timeline.unsaved) lastSave = Promise.all([lastSave, saveTimeline()]).then(() => undefined);
        return entries;
      },
      ...(db &&
        following && {
          intake: createDocumentIntake({
            db,
            library: { documents: () => library.documents(), refresh: () => following.refresh() },
            ...intakeLimits(config),
            logger,
          }),
        }),
      async reindex() {
        const report = await library.reload();
        await lastSave;
        return report;
      },
      async stop() {
        following?.stop();
        await watcher?.close();
        // The last save, if one is on its way, finishes before the process may exit.
        await lastSave;
      },
    };
  } catch (error) {
    sync?.stop();
    await watcher?.close();
    throw error;
  }
}

/** The configured caps, where set; the extractor's and the link fetcher's defaults for the rest. */
function intakeLimits(config: OpenLiveLibraryOptions['config']) {
  const { maxBytes, maxPages, timeoutMs } = config.adding ?? {};
  const defined = <T extends object>(value: T) => Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
  return {
    limits: defined({ maxBytes, maxPages, timeoutMs }),
    links: defined({ allowPrivate: config.links?.allowPrivate, maxBytes }),
  };
}

/** Each change touches only its own document's passages. */
function applyToSearch(search: Pick<SearchService, 'upsertDocument' | 'removeDocument'>, changes: readonly LibraryChange[]): void {
  for (const change of changes) {
    if (change.kind === 'removed') search.removeDocument(change.docId);
    else search.upsertDocument(change.document);
  }
}

/** A folder that cannot be watched still serves; a missing one is reported by the load that follows, in its own words. */
function unwatched(error: unknown, logger: Logger): null {
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== 'ENOENT' && code !== 'ENOTDIR') logger.child({ module: 'watcher' }).warn({ err: error }, 'the corpus folder cannot be watched, so changes show only after /reindex or a restart');
  return null;
}
