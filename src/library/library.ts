import { lstatSync, type Stats } from 'node:fs';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import pMap from 'p-map';
import { assembleCorpus, classifyEntry, compareFileNames, defaultCorpusOptions, isHiddenName, listCorpusFolder, loadCorpusEntry, type CorpusEntry, type FileOutcome } from '../corpus/load-corpus.js';
import type { CorpusProblem, LoadedCorpus, SourceDocument } from '../corpus/types.js';
import type { Logger } from '../logger.js';
import { isLasting, isUnchanged, readFileCache, stampOf, writeFileCache, type FileCacheKey, type FileStamp, type RememberedFile } from './file-cache.js';

/** One document's change, as the library's subscribers see it. */
export type LibraryChange =
  | { kind: 'added'; docId: string; document: SourceDocument }
  | { kind: 'changed'; docId: string; document: SourceDocument; previous: SourceDocument }
  | { kind: 'removed'; docId: string; previous: SourceDocument };

/** What a check of the folder changed, for `/reindex` and `briefing reindex`. */
export interface ChangeReport {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: number;
  /** Every file of the folder that is not served, with the reason. */
  problems: CorpusProblem[];
}

export interface FileUpdate {
  report: ChangeReport;
  /** Files left as they were, to be read again: still being written, or (when asked) unreadable for now. */
  retry: string[];
}

export interface UpdateFilesOptions {
  /** A file that reads as broken keeps its last good version and is listed in `retry`, instead of being reported now. */
  holdProblems?: boolean;
}

/**
 * The one owner of the served documents: the corpus folder's, and those added through `/add` or
 * `briefing add` (kept in the database, handed in with `setAdded`). Discord-free; search and the
 * timeline follow its change events.
 */
export interface Library {
  readonly directory: string;
  /** The served documents: the folder's in folder order, then the added ones, oldest first. */
  documents(): SourceDocument[];
  problems(): CorpusProblem[];
  /** Reads the whole folder again: the full check. */
  reload(): Promise<ChangeReport>;
  /** Reads only these files (names inside the folder) again; a name that is gone is removed. */
  updateFiles(names: Iterable<string>, options?: UpdateFilesOptions): Promise<FileUpdate>;
  /** Serves these added documents beside the folder's, in place of the ones handed in before. */
  setAdded(documents: readonly SourceDocument[]): Promise<ChangeReport>;
  /** Called with each batch of changes, after the library holds them; returns the unsubscribe. */
  subscribe(listener: (changes: LibraryChange[]) => void): () => void;
}

export interface LibraryOptions {
  directory: string;
  maxFileBytes?: number;
  concurrency?: number;
  /**
   * DATA_DIR: where what each file became is remembered (src/library/file-cache.ts), so that a full
   * check reads only the files whose lstat changed. None: every full check reads every file.
   */
  dataDir?: string;
  /** The clock that dates each file's check, for telling a racy stamp; the real one unless a test moves it. */
  now?: () => number;
  logger: Logger;
}

type ReadResult = { name: string; outcome: FileOutcome | 'gone' | 'unsettled'; stamp?: FileStamp; checkedAt: number };

/**
 * Creates the library of a folder; nothing is read until `reload`. Operations run one at a
 * time, in order, so a full check and a watcher's update never interleave.
 */
export function createLibrary({ directory, maxFileBytes = defaultCorpusOptions.maxFileBytes, concurrency = defaultCorpusOptions.concurrency, dataDir, now = Date.now, logger }: LibraryOptions): Library {
  const log = logger.child({ module: 'library' });
  /** Each file's last outcome, by name: what the served documents are assembled from. */
  let outcomes = new Map<string, FileOutcome>();
  /** The same outcomes with the stamp they were read at, for the files whose outcome may be trusted while the stamp holds; read from DATA_DIR at the first full check. */
  let remembered: Map<string, RememberedFile> | null = null;
  /** Whether `remembered` holds what the cache on disk does not. */
  let unsaved = false;
  const cacheKey: FileCacheKey = { directory: path.resolve(directory), maxFileBytes };
  let added: readonly SourceDocument[] = [];
  let byId = new Map<string, SourceDocument>();
  let problems: CorpusProblem[] = [];
  const listeners = new Set<(changes: LibraryChange[]) => void>();
  let queue: Promise<unknown> = Promise.resolve();

  function serialised<T>(operation: () => Promise<T>): Promise<T> {
    const result = queue.then(operation);
    queue = result.catch(() => undefined);
    return result;
  }

  function publish(): ChangeReport {
    const names = [...outcomes.keys()].sort(compareFileNames);
    const corpus = withAddedDocuments(assembleCorpus(names.map((name) => outcomes.get(name) ?? null)), added);
    const next = new Map(corpus.documents.map((document) => [document.id, document]));
    const changes = diff(byId, next);
    byId = next;
    problems = corpus.problems;
    for (const listener of listeners) {
      try {
        if (changes.length > 0) listener(changes);
      } catch (error) {
        log.error({ err: error }, 'a library subscriber failed to apply a change');
      }
    }
    return reportOf(changes, next.size, problems);
  }

  async function readFile(name: string): Promise<ReadResult> {
    const file = path.join(directory, name);
    const checkedAt = now();
    const before = await statOrNull(file);
    if (before === 'gone') return { name, outcome: 'gone', checkedAt };
    // An entry that cannot even be looked at is read anyway, so the reader reports why in its own words.
    const entry = before === null ? { name } : classifyEntry(Object.assign(before, { name }));
    const outcome = await loadCorpusEntry(directory, entry, maxFileBytes);
    const after = await statOrNull(file);
    if (before === null || after === null) return { name, outcome, checkedAt };
    // A size or time that moved while reading means a writer is still at it: what was read may be half a file.
    const settled = after !== 'gone' && after.size === before.size && after.mtimeMs === before.mtimeMs;
    return settled ? { name, outcome, checkedAt, ...('name' in entry && { stamp: stampOf(before) }) } : { name, outcome: 'unsettled', checkedAt };
  }

  /**
   * One listed entry's outcome for a full check when it needs no reading: a problem of the listing
   * or of its lstat, or the remembered outcome while the file's stamp is as it was (kept in `next`).
   * Undefined for a file to read. Synchronous: at 21,578 files, a promise each cost more than the check.
   */
  function outcomeUnread(entry: CorpusEntry, { stats }: CheckedStat, known: ReadonlyMap<string, RememberedFile>, next: Map<string, RememberedFile>): FileOutcome | undefined {
    if ('problem' in entry) return entry;
    // Gone or unreadable since the listing: the reader says so in its own words.
    if (stats === 'gone' || stats === null) return undefined;
    const current = classifyEntry(Object.assign(stats, { name: entry.name }));
    if ('problem' in current) return current;
    const cached = known.get(entry.name);
    if (cached === undefined || !isUnchanged(cached, stampOf(stats))) return undefined;
    next.set(entry.name, cached);
    return cached.outcome;
  }

  /** Reads a listed file that `outcomeUnread` left, and remembers it in `next` when its outcome says what the bytes are. */
  async function readEntry(entry: Extract<CorpusEntry, { name: string }>, { stats, checkedAt }: CheckedStat, next: Map<string, RememberedFile>): Promise<FileOutcome> {
    if (stats === 'gone' || stats === null) return loadCorpusEntry(directory, entry, maxFileBytes);
    const current = classifyEntry(Object.assign(stats, { name: entry.name }));
    const outcome = await loadCorpusEntry(directory, current, maxFileBytes);
    if (isLasting(outcome)) next.set(entry.name, { stamp: stampOf(stats), checkedAt, outcome });
    return outcome;
  }

  /** Writes the remembered outcomes under DATA_DIR; a failure only means reading the files again next time. */
  async function saveRemembered(): Promise<void> {
    if (dataDir === undefined || remembered === null || !unsaved) return;
    try {
      await writeFileCache(dataDir, cacheKey, remembered);
      unsaved = false;
    } catch (error) {
      log.warn({ err: error }, 'the cache of the folder files could not be saved; unchanged files are read again at the next start');
    }
  }

  return {
    directory,
    documents: () => [...byId.values()],
    problems: () => problems,

    reload: () =>
      serialised(async () => {
        const entries = await listCorpusFolder(directory);
        remembered ??= dataDir === undefined ? new Map() : await readFileCache(dataDir, cacheKey, log);
        const known = remembered;
        const next = new Map<string, RememberedFile>();
        const checked = await statInBatches(directory, entries, now);
        const checkOf = (index: number) => checked[index] ?? { stats: null, checkedAt: now() };
        const found = entries.map((entry, index) => outcomeUnread(entry, checkOf(index), known, next));
        const toRead = entries.flatMap((entry, index) => (found[index] === undefined && 'name' in entry ? [{ entry, index }] : []));
        const read = await pMap(toRead, ({ entry, index }) => readEntry(entry, checkOf(index), next), { concurrency });
        toRead.forEach(({ index }, position) => (found[index] = read[position]));
        outcomes = new Map(entries.map((entry, index) => [('name' in entry ? entry.name : entry.problem.file), found[index] ?? null]));
        // Forgotten files (gone, or no longer lasting) change the cache as much as read ones.
        unsaved ||= toRead.length > 0 || next.size !== known.size;
        remembered = next;
        log.debug({ files: entries.length, read: toRead.length, remembered: next.size }, 'folder checked');
        const report = publish();
        await saveRemembered();
        return report;
      }),

    updateFiles: (names, options = {}) =>
      serialised(async () => {
        const wanted = [...new Set(names)].filter((name) => name !== '' && !isHiddenName(name) && path.basename(name) === name);
        const reads = await pMap(wanted, readFile, { concurrency });
        const retry: string[] = [];
        for (const { name, outcome, stamp, checkedAt } of reads) {
          // Saved at the next full check: a watcher's update of one file does not rewrite the whole cache.
          remembered?.delete(name);
          unsaved = true;
          if (outcome === 'gone') outcomes.delete(name);
          else if (outcome === 'unsettled' || (options.holdProblems === true && outcome !== null && 'problem' in outcome)) retry.push(name);
          else {
            outcomes.set(name, outcome);
            if (stamp !== undefined && isLasting(outcome)) remembered?.set(name, { stamp, checkedAt, outcome });
          }
        }
        return { report: publish(), retry };
      }),

    setAdded: (documents) =>
      serialised(() => {
        added = [...documents];
        return Promise.resolve(publish());
      }),

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The folder's corpus with the added documents after it. An added document keeps its id: answers,
 * buttons and digests already point at it. A folder file that declares the same id is not
 * served, and is reported with what to do, as two files with one id are.
 */
export function withAddedDocuments(folder: LoadedCorpus, added: readonly SourceDocument[]): LoadedCorpus {
  if (added.length === 0) return folder;
  const addedIds = new Map(added.map((document) => [document.id, document]));
  const problems = [...folder.problems];
  const documents: SourceDocument[] = [];
  for (const document of folder.documents) {
    const taken = addedIds.get(document.id);
    if (taken === undefined) documents.push(document);
    else problems.push({ file: document.file, reason: `duplicate id "${document.id}": a document added from Discord or the command line ("${taken.title}") has it, so ${document.file} was skipped. Set a different "id" in its front matter, or rename the file.` });
  }
  return { documents: [...documents, ...added], problems };
}

/** The changes from one set of served documents to the next; a moved file with the same id is a change. */
function diff(previous: ReadonlyMap<string, SourceDocument>, next: ReadonlyMap<string, SourceDocument>): LibraryChange[] {
  const changes: LibraryChange[] = [];
  for (const [docId, before] of previous) if (!next.has(docId)) changes.push({ kind: 'removed', docId, previous: before });
  for (const [docId, document] of next) {
    const before = previous.get(docId);
    if (before === undefined) changes.push({ kind: 'added', docId, document });
    else if (before.contentHash !== document.contentHash || before.file !== document.file) changes.push({ kind: 'changed', docId, document, previous: before });
  }
  return changes;
}

function reportOf(changes: LibraryChange[], served: number, problems: CorpusProblem[]): ChangeReport {
  const ids = (kind: LibraryChange['kind']) => changes.filter((change) => change.kind === kind).map((change) => change.docId);
  const added = ids('added');
  const changed = ids('changed');
  return { added, changed, removed: ids('removed'), unchanged: served - added.length - changed.length, problems };
}

interface CheckedStat {
  stats: Stats | 'gone' | null;
  /** When the lstat was taken: see isRacy. */
  checkedAt: number;
}

/** How many entries are looked at between two turns of the event loop. */
const statBatch = 512;

/**
 * Every entry's lstat, taken synchronously a batch at a time with a turn of the event loop between
 * batches: on a folder of 20,000 files that is about a fifth of the CPU of as many promised lstat
 * calls, and a batch holds the loop for a few milliseconds only.
 */
async function statInBatches(directory: string, entries: readonly CorpusEntry[], now: () => number): Promise<CheckedStat[]> {
  const checked: CheckedStat[] = [];
  for (let start = 0; start < entries.length; start += statBatch) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const entry of entries.slice(start, start + statBatch)) {
      const checkedAt = now();
      checked.push({ stats: 'name' in entry ? statOrNullNow(path.join(directory, entry.name)) : null, checkedAt });
    }
  }
  return checked;
}

/** statOrNull, synchronously: for the batches of a full check. */
function statOrNullNow(file: string): Stats | 'gone' | null {
  try {
    return lstatSync(file);
  } catch (error) {
    return statFailure(error);
  }
}

/** The entry's lstat; 'gone' when there is none, null when it cannot be looked at (the reader then says why). */
async function statOrNull(file: string): Promise<Stats | 'gone' | null> {
  try {
    return await lstat(file);
  } catch (error) {
    return statFailure(error);
  }
}

function statFailure(error: unknown): 'gone' | null {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' ? 'gone' : null;
}
