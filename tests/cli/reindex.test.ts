import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefing, corpusWith } from './helpers.js';

describe('briefing reindex', () => {
  it('says what changed in the folder since the index was last saved, with each skipped file', async () => {
    const env = await corpusWith({ 'a.md': 'Memo A\n\nText of A.\n', 'b.md': 'Memo B\n\nText of B.\n' });
    const first = await briefing(['reindex', '--json'], env);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ added: ['a', 'b'], changed: [], removed: [], unchanged: 0, problems: [] });

    await writeFile(path.join(env.CORPUS_DIR, 'a.md'), 'Memo A\n\nA second version.\n');
    await rm(path.join(env.CORPUS_DIR, 'b.md'));
    await writeFile(path.join(env.CORPUS_DIR, 'c.md'), 'Memo C\n\nText of C.\n');
    await writeFile(path.join(env.CORPUS_DIR, 'deck.pptx'), 'slides');
    const second = await briefing(['reindex'], env);
    expect(second.code).toBe(0);
    expect(second.stdout.split('\n')).toEqual([
      '1 added, 1 changed, 1 removed, 0 unchanged; 1 skipped.',
      'Added: c',
      'Changed: a',
      'Removed: b',
      'Skipped deck.pptx: skipped: `.pptx` is not supported; supported are PDF, DOCX, HTML, Markdown and text.',
      '',
    ]);
    const third = await briefing(['reindex', '--json'], env);
    expect(JSON.parse(third.stdout)).toMatchObject({ added: [], changed: [], removed: [], unchanged: 2 });
  });

  it('checks an empty folder without refusing, and refuses a stray word with the usage', async () => {
    const env = await corpusWith({});
    expect(await briefing(['reindex', '--json'], env)).toMatchObject({ code: 0, stdout: '{"added":[],"changed":[],"removed":[],"unchanged":0,"problems":[]}\n' });
    const stray = await briefing(['reindex', 'now'], env);
    expect(stray.code).toBe(1);
    expect(stray.stderr).toMatch(/briefing reindex takes only options; "now" is not one\.\nUsage: briefing reindex \[--json\]/);
  });
});
