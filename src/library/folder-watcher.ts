import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { isHiddenName } from '../corpus/load-corpus.js';
import type { Logger } from '../logger.js';
import type { ChangeReport, Library } from './library.js';

export interface FolderWatcherTiming {
  /** Quiet time after the last event before the touched files are read, so a burst is one update. */
  debounceMs: number;
  /** How long a file's size must stay the same before chokidar reports it (awaitWriteFinish). */
  stableMs: number;
  /** Wait before reading again a file that was still changing or read as broken. */
  retryMs: number;
  /** How many times a file that reads as broken is read again before its problem is reported. */
  problemRetries: number;
}

export const defaultWatcherTiming: FolderWatcherTiming = { debounceMs: 200, stableMs: 300, retryMs: 500, problemRetries: 3 };

export interface FolderWatcher {
  /** Starts passing changes to the library; events seen before are kept and applied now. */
  resume(): void;
  /** Resolves once nothing is waiting to be read or being read: for tests and a clean stop. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface WatchFolderOptions {
  library: Library;
  logger: Logger;
  timing?: Partial<FolderWatcherTiming>;
  /** Called after each applied batch, e.g. to save the index snapshot. */
  onUpdate?(report: ChangeReport): void;
}

/**
 * Watches the library's folder (its own entries, not subfolders) and hands each burst of
 * changes to `library.updateFiles`. Starts paused, so that no change is lost between
 * watching and the subscribers being ready; resolves once the watcher is live.
 */
export async function watchFolder({ library, logger, timing: overrides, onUpdate }: WatchFolderOptions): Promise<FolderWatcher> {
  const timing = { ...defaultWatcherTiming, ...overrides };
  const log = logger.child({ module: 'watcher' });
  const pending = new Set<string>();
  const attempts = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  let paused = true;
  let closed = false;
  let running: Promise<void> | null = null;
  let debounce: NodeJS.Timeout | null = null;
  let idleWaiters: (() => void)[] = [];

  const watcher: FSWatcher = watch(library.directory, {
    ignoreInitial: true,
    depth: 0,
    // An editor's save through a temporary file and a rename arrives as one change of the file.
    atomic: true,
    awaitWriteFinish: { stabilityThreshold: timing.stableMs, pollInterval: Math.min(100, timing.stableMs) },
    ignored: (file) => file !== library.directory && isHiddenName(path.basename(file)),
  });

  function touched(file: string): void {
    const name = path.relative(library.directory, file);
    if (name === '' || name.includes(path.sep)) return;
    pending.add(name);
    schedule();
  }

  function schedule(): void {
    if (paused || closed) return;
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = null;
      void flush();
    }, timing.debounceMs);
  }

  function settleIdle(): void {
    if (running || debounce || pending.size > 0 || timers.size > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  async function flush(): Promise<void> {
    if (running) return;
    const names = [...pending];
    pending.clear();
    running = apply(names);
    await running;
    running = null;
    if (pending.size > 0) schedule();
    settleIdle();
  }

  async function apply(names: string[]): Promise<void> {
    // Files still on their retries hold their last good version; the last retry reports the problem.
    const holdable = names.filter((name) => (attempts.get(name) ?? 0) < timing.problemRetries);
    const held = new Set(holdable);
    try {
      const first = await library.updateFiles(holdable, { holdProblems: true });
      const rest = names.filter((name) => !held.has(name));
      const last = rest.length > 0 ? await library.updateFiles(rest) : null;
      const retry = new Set([...first.retry, ...(last?.retry ?? [])]);
      for (const name of names) if (!retry.has(name)) attempts.delete(name);
      for (const name of retry) retryLater(name);
      const report = last?.report ?? first.report;
      const changed = report.added.length + report.changed.length + report.removed.length;
      if (changed > 0) log.info({ added: report.added, changed: report.changed, removed: report.removed, retrying: [...retry] }, 'corpus folder changed');
      onUpdate?.(report);
    } catch (error) {
      log.error({ err: error, files: names }, 'corpus folder change could not be applied; run /reindex once the folder is readable');
    }
  }

  function retryLater(name: string): void {
    attempts.set(name, (attempts.get(name) ?? 0) + 1);
    const timer = setTimeout(() => {
      timers.delete(timer);
      touched(path.join(library.directory, name));
    }, timing.retryMs);
    timers.add(timer);
  }

  watcher.on('add', touched).on('change', touched).on('unlink', touched).on('addDir', touched).on('unlinkDir', touched);
  watcher.on('error', (error) => log.error({ err: error }, 'corpus folder watcher error'));
  await new Promise<void>((resolve) => watcher.once('ready', resolve));
  log.info({ directory: library.directory }, 'watching the corpus folder');

  return {
    resume() {
      paused = false;
      if (pending.size > 0) schedule();
    },
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      });
    },
    async close() {
      closed = true;
      if (debounce) clearTimeout(debounce);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      pending.clear();
      debounce = null;
      await watcher.close();
      await running;
      settleIdle();
    },
  };
}
