import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { briefing, corpusWith } from './helpers.js';

const memo = '---\ntitle: Memo on the Zarafshan corridor\nauthor: Analyst Desk\n---\nThe Zarafshan corridor agreement was signed in Samarkand on 14 May 2025 by both ministers.\n\nA second paragraph on the freight schedules of the corridor.\n';
const folderNote = '---\nid: folder-note\ntitle: Folder note\n---\nA note kept in the corpus folder about the Aral Sea.\n';

async function setUp() {
  const env = await corpusWith({ 'folder-note.md': folderNote });
  const file = path.join(path.dirname(env.CORPUS_DIR), 'memo.md');
  await writeFile(file, memo);
  return { env, file, root: path.dirname(env.CORPUS_DIR) };
}

describe('briefing add, remove and export', () => {
  it('adds a file for every server, answers from it, lists it, and removes it', async () => {
    const { env, file } = await setUp();
    const added = await briefing(['add', file, '--published', '2025-03', '--outlet', 'Desk', '--json'], env);
    expect(added.stderr).toBe('');
    const result = JSON.parse(added.stdout) as Record<string, unknown>;
    expect(result).toEqual({ id: expect.stringMatching(/^memo-on-the-zarafshan-corridor-[0-9a-f]{6}$/), title: 'Memo on the Zarafshan corridor', author: 'Analyst Desk', outlet: 'Desk', published: '2025-03', format: 'markdown', passages: 2 });
    const id = String(result.id);

    const asked = JSON.parse((await briefing(['ask', 'When was the Zarafshan corridor agreement signed?', '--json'], env)).stdout) as { passages: { docId: string }[] };
    expect(asked.passages[0]?.docId).toBe(id);
    const sources = JSON.parse((await briefing(['sources', '--json'], env)).stdout) as { documents: { id: string }[] };
    expect(sources.documents.map((document) => document.id)).toEqual(['folder-note', id]);

    const again = await briefing(['add', file], env);
    expect(again).toMatchObject({ code: 1, stderr: `The same document is already in the library: “Memo on the Zarafshan corridor” (id ${id}). Nothing was added.\n` });

    const removed = await briefing(['remove', id], env);
    expect(removed).toMatchObject({ code: 0, stdout: `Removed “Memo on the Zarafshan corridor” (id ${id}). A running bot stops quoting it within LIBRARY_SYNC_SECONDS.\n` });
    const after = JSON.parse((await briefing(['search', 'Zarafshan', '--json'], env)).stdout) as { matches: unknown[] };
    expect(after.matches).toEqual([]);
  });

  it('refuses to remove a folder document, and names a missing file and one over the cap', async () => {
    const { env, root } = await setUp();
    expect(await briefing(['remove', 'folder-note'], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('delete the file from the corpus folder') });
    expect(await briefing(['add', path.join(root, 'nowhere.pdf')], env)).toMatchObject({ code: 1, stderr: expect.stringMatching(/^There is no file at .+nowhere\.pdf\./) });
    const big = path.join(root, 'big.txt');
    await writeFile(big, 'word '.repeat(1000));
    expect(await briefing(['add', big], { ...env, ADD_MAX_BYTES: '2048' })).toMatchObject({ code: 1, stderr: '"big.txt" is 5 KB, over the 2 KB limit (ADD_MAX_BYTES); add a smaller file or split it.\n' });
  });

  it('exports each added document with front matter the folder reads back as the same text, and its original file', async () => {
    const { env, file, root } = await setUp();
    const id = String((JSON.parse((await briefing(['add', file, '--json'], env)).stdout) as { id: string }).id);
    const out = path.join(root, 'export');
    const exported = await briefing(['export', out, '--json'], env);
    expect(JSON.parse(exported.stdout)).toEqual({ directory: out, documents: [{ id, file: `${id}.md`, original: path.join('originals', `${id}.md`) }] });
    expect(await readFile(path.join(out, 'originals', `${id}.md`), 'utf8')).toBe(memo);
    const reread = await loadCorpus(out);
    expect(reread.documents).toHaveLength(1);
    expect(reread.documents[0]).toMatchObject({ id, title: 'Memo on the Zarafshan corridor', author: 'Analyst Desk', body: 'The Zarafshan corridor agreement was signed in Samarkand on 14 May 2025 by both ministers.\n\nA second paragraph on the freight schedules of the corridor.\n' });
  });
});
