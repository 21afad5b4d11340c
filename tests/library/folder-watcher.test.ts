import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchFolder, type FolderWatcher } from '../../src/library/folder-watcher.js';
import { createLibrary, type Library, type LibraryChange } from '../../src/library/library.js';
import { logSink } from '../discord/fixtures/log-sink.js';
import { makeDocx, makePdf, notesDocxSpec, reportPdfSpec } from '../extract/fixtures/make.js';

const timing = { debounceMs: 50, stableMs: 100, retryMs: 250, problemRetries: 3 };
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Watched {
  folder: string;
  library: Library;
  watcher: FolderWatcher;
  changes: LibraryChange[];
  /** Each call the watcher made to the library: the names it read. */
  reads: string[][];
}

async function watched(files: Record<string, string>): Promise<Watched> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'watched-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(folder, name), text);
  const real = createLibrary({ directory: folder, logger: logSink().logger });
  const reads: string[][] = [];
  const library: Library = { ...real, updateFiles: (names, options) => (reads.push([...names]), real.updateFiles(names, options)) };
  const watcher = await watchFolder({ library, logger: logSink().logger, timing });
  await library.reload();
  const changes: LibraryChange[] = [];
  library.subscribe((batch) => changes.push(...batch));
  watcher.resume();
  cleanups.push(async () => {
    await watcher.close();
    await rm(folder, { recursive: true, force: true });
  });
  return { folder, library, watcher, changes, reads };
}

/** Polls until the check holds, for at most `timeoutMs`. */
async function eventually(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const ids = (library: Library) => library.documents().map((document) => document.id);
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watching the corpus folder', () => {
  it('picks up an added file, a changed file and a deleted file without a reload', async () => {
    const { folder, library, changes } = await watched({ 'a.md': 'Memo A\n\nText of A.\n' });
    await writeFile(path.join(folder, 'b.md'), 'Memo B\n\nText of B.\n');
    await eventually(() => ids(library).includes('b'));
    await writeFile(path.join(folder, 'a.md'), 'Memo A\n\nA second version.\n');
    await eventually(() => library.documents().some((document) => document.body.includes('second version')));
    await rm(path.join(folder, 'b.md'));
    await eventually(() => !ids(library).includes('b'));
    expect(changes.map((change) => `${change.kind} ${change.docId}`)).toEqual(['added b', 'changed a', 'removed b']);
  });

  it('counts an atomic save (a temporary file renamed over the document) as one change', async () => {
    const { folder, library, watcher, changes } = await watched({ 'a.md': 'Memo A\n\nText of A.\n' });
    await writeFile(path.join(folder, 'a.md.tmp'), 'Memo A\n\nSaved through a temporary file.\n');
    await rename(path.join(folder, 'a.md.tmp'), path.join(folder, 'a.md'));
    await eventually(() => changes.length > 0);
    await delay(timing.stableMs + timing.debounceMs * 4);
    await watcher.idle();
    expect(changes.map((change) => `${change.kind} ${change.docId}`)).toEqual(['changed a']);
    expect(library.problems()).toEqual([]);
  });

  it('follows a renamed file to its new id', async () => {
    const { folder, library, changes } = await watched({ 'draft.md': 'Memo\n\nThe text.\n' });
    await rename(path.join(folder, 'draft.md'), path.join(folder, 'final.md'));
    await eventually(() => ids(library).join() === 'final');
    expect(changes.map((change) => `${change.kind} ${change.docId}`).sort()).toEqual(['added final', 'removed draft']);
  });

  it('reads a half-written file again instead of reporting it broken, and serves it once it is whole', async () => {
    const { folder, library, changes, reads } = await watched({});
    await writeFile(path.join(folder, 'slow.md'), '---\ntitle: "A slow');
    // Longer than the size must stay the same, so the watcher reads the half file once.
    await eventually(() => reads.some((names) => names.includes('slow.md')));
    await writeFile(path.join(folder, 'slow.md'), '---\ntitle: "A slow write"\n---\nIt arrived in two parts.\n');
    await eventually(() => ids(library).includes('slow'));
    expect(changes.map((change) => `${change.kind} ${change.docId}`)).toEqual(['added slow']);
    expect(library.documents()[0]?.title).toBe('A slow write');
    expect(library.problems()).toEqual([]);
  });

  it('reads a half-written PDF and Word file again instead of reporting them broken, and serves them once whole', async () => {
    const { folder, library, changes, reads } = await watched({});
    const pdf = await makePdf(reportPdfSpec);
    const docx = await makeDocx(notesDocxSpec);
    await writeFile(path.join(folder, 'report.pdf'), pdf.subarray(0, Math.floor(pdf.length / 2)));
    await writeFile(path.join(folder, 'notes.docx'), docx.subarray(0, Math.floor(docx.length / 2)));
    // Each half is read at least once, and reads as broken: a cut-short PDF and a zip without its directory.
    await eventually(() => ['report.pdf', 'notes.docx'].every((name) => reads.some((names) => names.includes(name))), 8000);
    expect(library.problems()).toEqual([]);
    await writeFile(path.join(folder, 'report.pdf'), pdf);
    await writeFile(path.join(folder, 'notes.docx'), docx);
    await eventually(() => ids(library).length === 2, 8000);
    expect(changes.map((change) => `${change.kind} ${change.docId}`).sort()).toEqual(['added notes', 'added report']);
    expect(library.documents().map((document) => [document.id, document.format, document.pages?.length ?? null])).toEqual([['notes', 'docx', null], ['report', 'pdf', 3]]);
    expect(library.problems()).toEqual([]);
  });

  it('reports a file that stays broken after its retries, with the reason', async () => {
    const { folder, library, reads } = await watched({});
    await writeFile(path.join(folder, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
    await eventually(() => library.problems().length > 0, 8000);
    expect(library.problems()).toEqual([{ file: 'latin1.txt', reason: expect.stringMatching(/not valid UTF-8/) }]);
    expect(reads.filter((names) => names.includes('latin1.txt')).length).toBe(timing.problemRetries + 1);
  });

  it('stops following the folder once closed', async () => {
    const { folder, library, watcher } = await watched({ 'a.md': 'Memo A\n\nText.\n' });
    await watcher.close();
    await writeFile(path.join(folder, 'b.md'), 'Memo B\n\nText.\n');
    await delay(timing.stableMs + timing.debounceMs * 6);
    expect(ids(library)).toEqual(['a']);
  });
});
