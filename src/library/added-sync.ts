import type { SourceDocument } from '../corpus/types.js';
import type { Logger } from '../logger.js';
import { listAddedDocumentKeys, loadAddedDocuments, readLibraryRevision } from '../storage/added-documents-store.js';
import type { AppDatabase } from '../storage/database.js';
import type { Library } from './library.js';

/** Keeps the library's added documents equal to the database's, on this host and every other sharing it. */
export interface AddedDocumentsSync {
  /** Reads the database now and serves what changed; resolves once the library holds it. */
  refresh(): Promise<void>;
  /** The revision last applied. */
  readonly revision: number;
  /** Starts polling: once whoever follows the library has subscribed, so no change falls between. */
  start(): void;
  stop(): void;
}

export interface AddedDocumentsSyncOptions {
  db: AppDatabase;
  library: Pick<Library, 'setAdded'>;
  /** How often to look for another host's additions and removals; 0 for never (a single host, a test). */
  intervalMs: number;
  logger: Logger;
}

/**
 * Loads the added documents; once started, polls the library revision: one single-row read per interval.
 * Only when it moved are the ids and revisions listed, and only the documents not held yet are
 * read in full, so a poll costs one round trip and a change costs what changed.
 */
export async function syncAddedDocuments({ db, library, intervalMs, logger }: AddedDocumentsSyncOptions): Promise<AddedDocumentsSync> {
  const log = logger.child({ module: 'library-sync' });
  let held = new Map<string, { revision: number; document: SourceDocument }>();
  let revision = -1;
  let running: Promise<void> | null = null;
  let again = false;

  async function pull(): Promise<void> {
    const current = await readLibraryRevision(db);
    if (current === revision) return;
    const keys = await listAddedDocumentKeys(db);
    const missing = keys.filter((key) => held.get(key.id)?.revision !== key.revision).map((key) => key.id);
    const loaded = new Map((await loadAddedDocuments(db, missing)).map((document) => [document.id, document]));
    const next = new Map<string, { revision: number; document: SourceDocument }>();
    for (const key of keys) {
      const document = loaded.get(key.id) ?? held.get(key.id)?.document;
      // A row removed between the list and the load is gone: the next revision says so.
      if (document !== undefined) next.set(key.id, { revision: key.revision, document });
    }
    held = next;
    await library.setAdded([...next.values()].map((entry) => entry.document));
    if (revision !== -1) log.info({ revision: current, documents: next.size, loaded: loaded.size }, 'added documents changed in the database; the library follows');
    revision = current;
  }

  /** One pull at a time; a refresh asked for during one runs once more after it, so it sees its own write. */
  function refresh(): Promise<void> {
    if (running !== null) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await pull();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  await refresh();
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  return {
    refresh,
    get revision() {
      return revision;
    },
    start() {
      if (timer !== null || stopped || intervalMs <= 0) return;
      timer = setInterval(() => {
        refresh().catch((error: unknown) => log.warn({ err: error }, 'could not read the added documents from the database; trying again at the next interval'));
      }, intervalMs);
      timer.unref();
    },
    stop() {
      stopped = true;
      if (timer !== null) clearInterval(timer);
    },
  };
}
