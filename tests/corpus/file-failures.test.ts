import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listCorpusFolder, loadCorpus, loadCorpusEntries } from '../../src/corpus/load-corpus.js';
import type { CorpusProblem } from '../../src/corpus/types.js';
import { withoutPermissionOverride } from '../support/unprivileged.js';

const run = promisify(execFile);
const childScript = path.resolve(import.meta.dirname, 'fixtures/load-corpus-child.ts');
let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'corpus-failures-'));
  await writeFile(path.join(folder, 'good.md'), 'Good document\n\nJapan lent Uzbekistan money in 2024.\n');
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

interface ChildResult {
  ids: string[];
  problems: CorpusProblem[];
}

/** Loads the folder in a child process: meeting permissions as an ordinary user does, or with a shell command run first (e.g. `ulimit -n 128`). */
async function loadInChild(options: { unprivileged?: boolean; before?: string }): Promise<ChildResult> {
  const node = `${JSON.stringify(process.execPath)} --import tsx ${JSON.stringify(childScript)} ${JSON.stringify(folder)}`;
  const shell: [string, string[]] = ['/bin/sh', ['-c', options.before === undefined ? node : `${options.before} && exec ${node}`]];
  const [command, args] = options.unprivileged === true ? withoutPermissionOverride(...shell) : shell;
  const { stdout } = await run(command, args, { cwd: path.resolve(import.meta.dirname, '../..'), timeout: 60_000 });
  return JSON.parse(stdout) as ChildResult;
}

function reasonsByFile(problems: readonly CorpusProblem[]): Map<string, string> {
  return new Map(problems.map((problem) => [problem.file, problem.reason]));
}

describe('a file that cannot be read', () => {
  it('is reported as permission denied while the readable files load', async () => {
    await writeFile(path.join(folder, 'secret.md'), 'Secret\n\nText.\n');
    await chmod(path.join(folder, 'secret.md'), 0o000);
    // Root reads any file, so the folder is read without root's override when the tests run as root.
    const asRoot = process.getuid?.() === 0;
    const { ids, problems } = asRoot ? await loadInChild({ unprivileged: true }) : await loadCorpus(folder).then((corpus) => ({ ids: corpus.documents.map((document) => document.id), problems: corpus.problems }));
    expect(ids).toEqual(['good']);
    expect(reasonsByFile(problems).get('secret.md')).toMatch(/permission denied.*chmod a\+r/);
  });
});

describe('a folder that changes while it is read', () => {
  it('reports a file removed after the listing and loads the others', async () => {
    await writeFile(path.join(folder, 'gone.md'), 'Gone\n\nText.\n');
    const entries = await listCorpusFolder(folder);
    await unlink(path.join(folder, 'gone.md'));
    const { documents, problems } = await loadCorpusEntries(folder, entries);
    expect(documents.map((document) => document.id)).toEqual(['good']);
    expect(reasonsByFile(problems).get('gone.md')).toMatch(/removed or renamed while the folder was being read/);
  });

  it('reports a file turned into a link after the listing instead of following it', async () => {
    await writeFile(path.join(folder, 'swapped.md'), 'Swapped\n\nText.\n');
    const entries = await listCorpusFolder(folder);
    await unlink(path.join(folder, 'swapped.md'));
    await symlink('/etc/passwd', path.join(folder, 'swapped.md'));
    const { documents, problems } = await loadCorpusEntries(folder, entries);
    expect(documents.map((document) => document.id)).toEqual(['good']);
    expect(reasonsByFile(problems).get('swapped.md')).toMatch(/symbolic link/);
  });

  it('leaves a file added after the listing for the next load', async () => {
    const entries = await listCorpusFolder(folder);
    await writeFile(path.join(folder, 'late.md'), 'Late\n\nText.\n');
    const { documents, problems } = await loadCorpusEntries(folder, entries);
    expect(documents.map((document) => document.id)).toEqual(['good']);
    expect(problems).toEqual([]);
  });
});

describe('entries that are not documents', () => {
  it('reports a symbolic link and a folder named like a document as skipped, with the reason', async () => {
    await writeFile(path.join(folder, 'target.txt'), 'Target\n\nText.\n');
    await symlink(path.join(folder, 'target.txt'), path.join(folder, 'link.md'));
    await mkdir(path.join(folder, 'chapter.md'));
    await mkdir(path.join(folder, 'archive'));
    const { documents, problems } = await loadCorpus(folder);
    expect(documents.map((document) => document.id)).toEqual(['good', 'target']);
    const reasons = reasonsByFile(problems);
    expect(reasons.get('link.md')).toMatch(/skipped: a symbolic link; links are not followed/);
    expect(reasons.get('chapter.md')).toMatch(/skipped: a folder/);
    expect(reasons.get('archive')).toMatch(/skipped: a folder/);
  });

  it('reports a named pipe without waiting on it', async () => {
    await run('mkfifo', [path.join(folder, 'pipe.md')]);
    const { documents, problems } = await loadCorpus(folder);
    expect(documents.map((document) => document.id)).toEqual(['good']);
    expect(reasonsByFile(problems).get('pipe.md')).toMatch(/not a regular file/);
  });
});

describe('front matter with YAML aliases', () => {
  it('refuses an alias with its line, and the rest of the corpus loads', async () => {
    await writeFile(path.join(folder, 'alias.md'), '---\nbase: &who Someone\nauthor: *who\n---\nBody.\n');
    const { documents, problems } = await loadCorpus(folder);
    expect(documents.map((document) => document.id)).toEqual(['good']);
    expect(problems).toEqual([{ file: 'alias.md', line: 3, reason: expect.stringContaining('YAML aliases (*name) are not allowed') }]);
  });

  it('refuses an exponential alias bomb quickly instead of throwing out of the load', async () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 9; level += 1) {
      const name = String.fromCharCode(97 + level);
      const previous = String.fromCharCode(96 + level);
      levels.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(', ')}]`);
    }
    await writeFile(path.join(folder, 'bomb.md'), `---\n${levels.join('\n')}\ntitle: Bomb\n---\nBody.\n`);
    const { documents, problems } = await loadCorpus(folder);
    expect(documents.map((document) => document.id)).toEqual(['good']);
    expect(reasonsByFile(problems).get('bomb.md')).toMatch(/YAML aliases/);
  });
});

describe('a large folder', () => {
  async function writeSmallFiles(count: number): Promise<void> {
    const names = Array.from({ length: count }, (_, index) => `note-${String(index).padStart(4, '0')}.md`);
    for (let start = 0; start < names.length; start += 200) {
      await Promise.all(names.slice(start, start + 200).map((name) => writeFile(path.join(folder, name), `Note ${name}\n\nJapan and Uzbekistan.\n`)));
    }
  }

  it('loads 3,000 small files with no problem', async () => {
    await writeSmallFiles(3000);
    const { documents, problems } = await loadCorpus(folder);
    expect(problems).toEqual([]);
    expect(documents).toHaveLength(3001);
  });

  it('loads 3,000 small files under an open-file limit of 128, because only a few are open at once (the limit leaves room for the modules Node opens while it loads)', async () => {
    await writeSmallFiles(3000);
    const { ids, problems } = await loadInChild({ before: 'ulimit -n 128' });
    expect(problems).toEqual([]);
    expect(ids).toHaveLength(3001);
  });
});
