import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileCacheFile } from '../../src/library/file-cache.js';
import { snapshotFolder } from '../../src/search/snapshot.js';
import { briefing } from './helpers.js';

const seedCorpus = path.resolve(import.meta.dirname, '../../corpus');
let root: string;
let env: { CORPUS_DIR: string; DATA_DIR: string };

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'warm-library-'));
  env = { CORPUS_DIR: path.join(root, 'corpus'), DATA_DIR: path.join(root, 'data') };
  await cp(seedCorpus, env.CORPUS_DIR, { recursive: true });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const commands = [
  ['ask', 'loan agreement signed', '--json'],
  ['search', 'loan', '--json'],
  ['sources', '--json'],
  ['timeline', '--json'],
  ['digest', '--json', '--date', '2024-03-15', '--tz', 'UTC'],
];

describe('the command line on a warm library', () => {
  it('remembers what each folder file became, and answers every command from it exactly as from the files', async () => {
    const cold = [];
    for (const args of commands) cold.push(await briefing(args, env));
    expect(existsSync(path.join(snapshotFolder(env.DATA_DIR), fileCacheFile))).toBe(true);
    const warm = [];
    for (const args of commands) warm.push(await briefing(args, env));
    expect(cold.map((run) => run.code)).toEqual(commands.map(() => 0));
    expect(warm).toEqual(cold);
  });

  it('answers from a file changed since the last command, and the same once its cache is gone', async () => {
    await briefing(['sources', '--json'], env);
    await writeFile(path.join(env.CORPUS_DIR, 'zz-new-memo.md'), '---\ntitle: Zarqunite memo\npublished: 2024-05-02\n---\nThe Zarqunite accord was signed in Bukhara on 2 May 2024.\n');
    const changed = await briefing(['ask', 'Zarqunite accord', '--json'], env);
    expect(changed.code).toBe(0);
    expect((JSON.parse(changed.stdout) as { passages: { docId: string }[] }).passages[0]?.docId).toBe('zz-new-memo');
    await rm(path.join(snapshotFolder(env.DATA_DIR), fileCacheFile));
    expect(await briefing(['ask', 'Zarqunite accord', '--json'], env)).toEqual(changed);
  });
});
