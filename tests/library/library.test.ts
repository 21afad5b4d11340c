import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library, type LibraryChange } from '../../src/library/library.js';
import { logSink } from '../discord/fixtures/log-sink.js';

const folders: string[] = [];

afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function libraryWith(files: Record<string, string>): Promise<{ library: Library; folder: string; batches: LibraryChange[][] }> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'library-'));
  folders.push(folder);
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(folder, name), text);
  const library = createLibrary({ directory: folder, logger: logSink().logger });
  const batches: LibraryChange[][] = [];
  library.subscribe((changes) => batches.push(changes));
  return { library, folder, batches };
}

const summary = (changes: LibraryChange[] | undefined) => (changes ?? []).map((change) => `${change.kind} ${change.docId}`).sort();

describe('the library of a folder', () => {
  it('announces every document of the first load as added, and a second load with nothing changed announces nothing', async () => {
    const { library, batches } = await libraryWith({ 'a.md': 'Memo A\n\nText of A.\n', 'b.txt': 'Memo B\n\nText of B.\n' });
    const first = await library.reload();
    expect(first).toMatchObject({ added: ['a', 'b'], changed: [], removed: [], unchanged: 0, problems: [] });
    expect(summary(batches[0])).toEqual(['added a', 'added b']);
    const second = await library.reload();
    expect(second).toMatchObject({ added: [], changed: [], removed: [], unchanged: 2 });
    expect(batches).toHaveLength(1);
  });

  it('reports a changed, an added and a removed file from reading only those files', async () => {
    const { library, folder, batches } = await libraryWith({ 'a.md': 'Memo A\n\nText of A.\n', 'b.md': 'Memo B\n\nText of B.\n' });
    await library.reload();
    await writeFile(path.join(folder, 'a.md'), 'Memo A\n\nNew text of A.\n');
    await writeFile(path.join(folder, 'c.md'), 'Memo C\n\nText of C.\n');
    await rm(path.join(folder, 'b.md'));
    const { report, retry } = await library.updateFiles(['a.md', 'b.md', 'c.md']);
    expect(retry).toEqual([]);
    expect(report).toMatchObject({ added: ['c'], changed: ['a'], removed: ['b'], unchanged: 0 });
    expect(summary(batches[1])).toEqual(['added c', 'changed a', 'removed b']);
    expect(library.documents().map((document) => document.id)).toEqual(['a', 'c']);
  });

  it('treats a rename as the old id removed and the new one added, and a rename that keeps the front-matter id as a change', async () => {
    const { library, folder } = await libraryWith({ 'old.md': 'Memo\n\nText.\n', 'kept.md': '---\nid: memo-kept\n---\nText that stays.\n' });
    await library.reload();
    await rename(path.join(folder, 'old.md'), path.join(folder, 'new.md'));
    await rename(path.join(folder, 'kept.md'), path.join(folder, 'moved.md'));
    const { report } = await library.updateFiles(['old.md', 'new.md', 'kept.md', 'moved.md']);
    expect(report).toMatchObject({ added: ['new'], changed: ['memo-kept'], removed: ['old'] });
    expect(library.documents().find((document) => document.id === 'memo-kept')?.file).toBe('moved.md');
  });

  it('serves the second file with an id once the first file that held it is removed', async () => {
    const { library, folder } = await libraryWith({ 'a.md': '---\nid: same\n---\nFirst.\n', 'b.md': '---\nid: same\n---\nSecond.\n' });
    const first = await library.reload();
    expect(first.problems).toEqual([expect.objectContaining({ file: 'b.md', reason: expect.stringMatching(/duplicate id "same"/) })]);
    await rm(path.join(folder, 'a.md'));
    const { report } = await library.updateFiles(['a.md']);
    expect(report).toMatchObject({ changed: ['same'], problems: [] });
    expect(library.documents()[0]?.body).toBe('Second.\n');
  });

  it('keeps the last good version of a file that reads as broken while problems are held, and reports it when they are not', async () => {
    const { library, folder } = await libraryWith({ 'a.md': 'Memo A\n\nText of A.\n' });
    await library.reload();
    await writeFile(path.join(folder, 'a.md'), '---\ntitle: [unclosed\n');
    const held = await library.updateFiles(['a.md'], { holdProblems: true });
    expect(held.retry).toEqual(['a.md']);
    expect(library.documents().map((document) => document.body)).toEqual(['Memo A\n\nText of A.\n']);
    const reported = await library.updateFiles(['a.md']);
    expect(reported.report).toMatchObject({ removed: ['a'], problems: [expect.objectContaining({ file: 'a.md' })] });
  });

  it('ignores hidden names and names outside the folder, and reports a file of another type with the reason', async () => {
    const { library, folder } = await libraryWith({ 'a.md': 'Memo A\n\nText.\n' });
    await library.reload();
    await writeFile(path.join(folder, '.a.md.swp'), 'editor state');
    await writeFile(path.join(folder, 'slides.pptx'), 'binary');
    const { report } = await library.updateFiles(['.a.md.swp', '../a.md', 'slides.pptx']);
    expect(report).toMatchObject({ added: [], removed: [], unchanged: 1, problems: [{ file: 'slides.pptx', reason: expect.stringContaining('is not supported; supported are PDF, DOCX, HTML, Markdown and text') }] });
  });

  it('keeps applying changes after a subscriber throws, and logs the failure', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'library-'));
    folders.push(folder);
    await writeFile(path.join(folder, 'a.md'), 'Memo A\n\nText.\n');
    const sink = logSink();
    const library = createLibrary({ directory: folder, logger: sink.logger });
    const seen: string[] = [];
    library.subscribe(() => {
      throw new Error('subscriber bug');
    });
    library.subscribe((changes) => seen.push(...changes.map((change) => change.docId)));
    await library.reload();
    expect(seen).toEqual(['a']);
    expect(sink.lines).toContainEqual(expect.objectContaining({ level: 50, module: 'library', err: expect.objectContaining({ message: 'subscriber bug' }) }));
  });

  it('fails a full check of a folder that is gone with the message that says what to do, and keeps what it served', async () => {
    const { library, folder } = await libraryWith({ 'a.md': 'Memo A\n\nText.\n' });
    await library.reload();
    await rm(folder, { recursive: true });
    await expect(library.reload()).rejects.toThrow(/does not exist/);
    expect(library.documents().map((document) => document.id)).toEqual(['a']);
  });
});
