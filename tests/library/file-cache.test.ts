import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { fromColumns, toColumns, type FileColumns, type StoredFile } from '../../src/library/file-cache-columns.js';
import { fileCacheFile, isRacy, isUnchanged, racyWindowMs, type RememberedFile } from '../../src/library/file-cache.js';
import { createLibrary, type Library } from '../../src/library/library.js';
import { snapshotFolder } from '../../src/search/snapshot.js';
import { logSink, type LogLine } from '../discord/fixtures/log-sink.js';

const folders: string[] = [];

afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function temporaryFolder(prefix: string): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

/** A folder with these files and an empty DATA_DIR beside it. */
async function folderWith(files: Record<string, string>): Promise<{ folder: string; dataDir: string }> {
  const folder = await temporaryFolder('file-cache-corpus-');
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(folder, name), text);
  return { folder, dataDir: await temporaryFolder('file-cache-data-') };
}

/**
 * A library as a new process opens it, and the lines it logs. `later` moves its clock forward, so that
 * files written by the test a moment ago are not racy any more, as they would not be a few seconds on.
 */
function openLibrary(folder: string, dataDir: string, { later = true, maxFileBytes }: { later?: boolean; maxFileBytes?: number } = {}): { library: Library; lines: LogLine[] } {
  const sink = logSink();
  const now = later ? () => Date.now() + 60_000 : Date.now;
  return { library: createLibrary({ directory: folder, dataDir, logger: sink.logger, now, ...(maxFileBytes !== undefined && { maxFileBytes }) }), lines: sink.lines };
}

const filesRead = (lines: LogLine[]) => lines.filter((line) => line.msg === 'folder checked').map((line) => line.read);

describe('the cache of what each folder file became', () => {
  it('serves an unchanged folder in a new process without reading any file, with the same documents and problems', async () => {
    const { folder, dataDir } = await folderWith({ 'a.md': '---\ntitle: Memo A\npublished: 2024-03\n---\nText of A.\n', 'b.txt': 'Memo B\n\nText of B.\n', 'broken.md': '---\ntitle: [unclosed\n' });
    const first = openLibrary(folder, dataDir);
    const report = await first.library.reload();
    expect(filesRead(first.lines)).toEqual([3]);

    const second = openLibrary(folder, dataDir);
    const again = await second.library.reload();
    expect(filesRead(second.lines)).toEqual([0]);
    expect(second.library.documents()).toEqual(first.library.documents());
    expect(again.problems).toEqual(report.problems);
    expect(again.added).toEqual(['a', 'b']);
  });

  it('reads again only the file whose size changed, and serves its new text', async () => {
    const { folder, dataDir } = await folderWith({ 'a.md': 'Memo A\n\nText of A.\n', 'b.md': 'Memo B\n\nText of B.\n' });
    await openLibrary(folder, dataDir).library.reload();
    await writeFile(path.join(folder, 'a.md'), 'Memo A\n\nA longer new text of A.\n');
    const { library, lines } = openLibrary(folder, dataDir);
    await library.reload();
    expect(filesRead(lines)).toEqual([1]);
    expect(library.documents().map((document) => document.body)).toEqual(['Memo A\n\nA longer new text of A.\n', 'Memo B\n\nText of B.\n']);
  });

  it('reads again a file rewritten with the same size and its old modification time, since its change time moved', async () => {
    const { folder, dataDir } = await folderWith({ 'a.md': 'Memo A\n\nText of A.\n' });
    const file = path.join(folder, 'a.md');
    await openLibrary(folder, dataDir).library.reload();
    const before = await stat(file);
    await writeFile(file, 'Memo A\n\nText of Z.\n');
    await utimes(file, before.atime, before.mtime);
    const { library, lines } = openLibrary(folder, dataDir);
    await library.reload();
    expect(filesRead(lines)).toEqual([1]);
    expect(library.documents()[0]?.body).toBe('Memo A\n\nText of Z.\n');
  });

  it('reads a file again while its stamp is racy, that is taken within two seconds of its last change', async () => {
    const { folder, dataDir } = await folderWith({ 'a.md': 'Memo A\n\nText of A.\n' });
    // On the real clock the file was written just now, so the stamp remembered for it proves nothing yet.
    await openLibrary(folder, dataDir, { later: false }).library.reload();
    const { library, lines } = openLibrary(folder, dataDir);
    await library.reload();
    expect(filesRead(lines)).toEqual([1]);
    // Read again at a time well after its change, it is remembered for good.
    const third = openLibrary(folder, dataDir);
    await third.library.reload();
    expect(filesRead(third.lines)).toEqual([0]);
  });

  it('ignores a corrupt cache, reads every file, logs why and writes a good cache again', async () => {
    const { folder, dataDir } = await folderWith({ 'a.md': 'Memo A\n\nText of A.\n', 'b.md': 'Memo B\n\nText of B.\n' });
    await openLibrary(folder, dataDir).library.reload();
    await writeFile(path.join(snapshotFolder(dataDir), fileCacheFile), 'not a serialised cache at all');
    const { library, lines } = openLibrary(folder, dataDir);
    await library.reload();
    expect(filesRead(lines)).toEqual([2]);
    expect(lines.some((line) => line.level === 40 && String(line.msg).includes('cache of the folder files is corrupt'))).toBe(true);
    expect(library.documents().map((document) => document.id)).toEqual(['a', 'b']);
    const next = openLibrary(folder, dataDir);
    await next.library.reload();
    expect(filesRead(next.lines)).toEqual([0]);
  });

  it('reads again a file over a lower size limit than the cache was written for, and trusts a text file within it', async () => {
    const { folder, dataDir } = await folderWith({ 'a.md': 'Memo A\n\nText of A.\n' });
    await openLibrary(folder, dataDir).library.reload();
    const raised = openLibrary(folder, dataDir, { maxFileBytes: 1_000_000 });
    await raised.library.reload();
    expect(filesRead(raised.lines)).toEqual([0]);
    const limited = openLibrary(folder, dataDir, { maxFileBytes: 10 });
    const report = await limited.library.reload();
    expect(filesRead(limited.lines)).toEqual([1]);
    expect(report.problems).toEqual([expect.objectContaining({ file: 'a.md', reason: expect.stringMatching(/over the 10-byte limit/) })]);
  });

  it('keeps the problem of a text file within both limits under another limit, and reads again a file that was over the old one', async () => {
    const { folder, dataDir } = await folderWith({ 'a.md': 'Memo A\n\nText of A.\n', 'empty.md': '---\ntitle: Empty\n---\n', 'notes.xyz': 'x', 'big.md': `Big\n\n${'word '.repeat(40)}\n` });
    const first = await openLibrary(folder, dataDir, { maxFileBytes: 100 }).library.reload();
    expect(first.problems.map((problem) => problem.file).sort()).toEqual(['big.md', 'empty.md', 'notes.xyz']);
    const raised = openLibrary(folder, dataDir, { maxFileBytes: 1_000_000 });
    const report = await raised.library.reload();
    expect(filesRead(raised.lines)).toEqual([1]);
    expect(report.problems.map((problem) => problem.file).sort()).toEqual(['empty.md', 'notes.xyz']);
    expect(raised.library.documents().map((document) => document.file).sort()).toEqual(['a.md', 'big.md']);
  });

  it('refuses a cache whose files do not match their checksum, and still takes one written as an unsealed list', async () => {
    const { folder, dataDir } = await folderWith({ 'a.md': 'Memo A\n\nText of A.\n', 'b.md': 'Memo B\n\nText of B.\n' });
    await openLibrary(folder, dataDir).library.reload();
    const file = path.join(snapshotFolder(dataDir), fileCacheFile);
    const header = deserialize(await readFile(file)) as { checksum?: string; files: Uint8Array | unknown[] };
    if (Array.isArray(header.files)) throw new Error('the cache is expected to be sealed');
    const files = header.files;
    const { checksum: _checksum, ...unsealed } = header;
    await writeFile(file, serialize({ ...unsealed, files: fromColumns(deserialize(files) as FileColumns) }));
    const listed = openLibrary(folder, dataDir);
    await listed.library.reload();
    expect(filesRead(listed.lines)).toEqual([0]);

    // The same length and still a valid serialisation: only the checksum can tell.
    const spoiled = Buffer.from(files);
    const at = spoiled.indexOf('Text of A');
    expect(at).toBeGreaterThan(0);
    spoiled.write('Text of Z', at);
    await writeFile(file, serialize({ ...header, files: spoiled }));
    const altered = openLibrary(folder, dataDir);
    await altered.library.reload();
    expect(filesRead(altered.lines)).toEqual([2]);
    expect(altered.lines.some((line) => line.level === 40 && String(line.msg).includes('cache of the folder files is corrupt'))).toBe(true);
    expect(altered.library.documents().map((document) => document.body)).toEqual(['Text of A.', 'Text of B.'].map((text) => expect.stringContaining(text)));
  });

  it('does not trust a cache written for another folder', async () => {
    const { folder, dataDir } = await folderWith({ 'a.md': 'Memo A\n\nText of A.\n' });
    await openLibrary(folder, dataDir).library.reload();
    const other = await temporaryFolder('file-cache-other-');
    await writeFile(path.join(other, 'a.md'), 'Memo A\n\nText of A.\n');
    const moved = openLibrary(other, dataDir);
    await moved.library.reload();
    expect(filesRead(moved.lines)).toEqual([1]);
  });

  it('forgets a removed file, and remembers a file a watcher update read for the next full check', async () => {
    const { folder, dataDir } = await folderWith({ 'a.md': 'Memo A\n\nText of A.\n', 'b.md': 'Memo B\n\nText of B.\n' });
    const running = openLibrary(folder, dataDir);
    await running.library.reload();
    await rm(path.join(folder, 'b.md'));
    await writeFile(path.join(folder, 'c.md'), 'Memo C\n\nText of C.\n');
    await running.library.updateFiles(['b.md', 'c.md']);
    // The full check reads nothing the update already read, and saves what it knows.
    await running.library.reload();
    expect(filesRead(running.lines)).toEqual([2, 0]);
    const { library, lines } = openLibrary(folder, dataDir);
    const report = await library.reload();
    expect(filesRead(lines)).toEqual([0]);
    expect(report.added).toEqual(['a', 'c']);
  });
});

describe('a remembered stamp', () => {
  const remembered: RememberedFile = { stamp: { size: 10, mtimeMs: 1_000_000, ctimeMs: 1_000_000, ino: 7 }, checkedAt: 1_000_000 + 10_000, outcome: null };

  it('holds while size, times and inode are all as remembered', () => {
    expect(isUnchanged(remembered, { size: 10, mtimeMs: 1_000_000, ctimeMs: 1_000_000, ino: 7 })).toBe(true);
    expect(isUnchanged(remembered, { size: 11, mtimeMs: 1_000_000, ctimeMs: 1_000_000, ino: 7 })).toBe(false);
    expect(isUnchanged(remembered, { size: 10, mtimeMs: 1_000_001, ctimeMs: 1_000_000, ino: 7 })).toBe(false);
    expect(isUnchanged(remembered, { size: 10, mtimeMs: 1_000_000, ctimeMs: 1_000_001, ino: 7 })).toBe(false);
    expect(isUnchanged(remembered, { size: 10, mtimeMs: 1_000_000, ctimeMs: 1_000_000, ino: 8 })).toBe(false);
  });

  it('is racy when it was taken less than the racy window after the file changed', () => {
    expect(isRacy(remembered)).toBe(false);
    expect(isRacy({ ...remembered, checkedAt: remembered.stamp.mtimeMs + racyWindowMs - 1 })).toBe(true);
    expect(isRacy({ ...remembered, stamp: { ...remembered.stamp, ctimeMs: remembered.checkedAt } })).toBe(true);
  });
});

describe('the columns the remembered files are stored in', () => {
  const stamp = { size: 10, mtimeMs: 1_000_000.5, ctimeMs: 1_000_001.25, ino: 7, checkedAt: 1_010_000 };
  const document = { id: 'report', file: 'report.pdf', title: 'Report', author: 'A. Writer', outlet: null, published: { iso: '2024-03', precision: 'month' as const }, publishedBasis: 'front matter', body: 'Page one.\fPage two.', contentHash: 'c0ffee', format: 'pdf' as const, pages: [{ page: 1, start: 0, end: 9 }, { page: 2, start: 10, end: 19 }], scope: null, addition: null };
  const files: StoredFile[] = [
    { name: 'report.pdf', ...stamp, outcome: { document } },
    { name: 'empty.md', ...stamp, ino: 8, outcome: { problem: { file: 'empty.md', reason: 'skipped: no text' } } },
    { name: 'notes.md', ...stamp, ino: 9, outcome: { document: { ...document, id: 'notes', file: 'notes.md', published: null, author: null, format: 'markdown' as const, pages: null } } },
    { name: '.ignored', ...stamp, ino: 10, outcome: null },
  ];

  it('give back the same files, in order, with their stamps, documents, problems and empty outcomes', () => {
    expect(fromColumns(toColumns(files))).toEqual(files);
  });

  it('give back no files from none', () => {
    expect(fromColumns(toColumns([]))).toEqual([]);
  });
});
