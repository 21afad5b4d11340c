import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, open, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { withoutPermissionOverride } from '../support/unprivileged.js';
import { briefing } from './helpers.js';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const seedCorpus = path.join(projectRoot, 'corpus');
// By path, so that a child process started in a temporary folder finds it.
const tsxLoader = path.join(projectRoot, 'node_modules/tsx/dist/loader.mjs');
let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'runtime-folders-'));
  await chmod(root, 0o755);
});

interface ProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs an entry point of the project as its own process, in `cwd`; `unprivileged`, it meets file permissions as an ordinary user does. */
async function runEntry(entry: 'src/cli/main.ts' | 'src/main.ts', args: string[], options: { cwd: string; env?: Record<string, string>; unprivileged?: boolean }): Promise<ProcessRun> {
  const env = { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), LOG_LEVEL: 'silent', ...options.env };
  const node: [string, string[]] = [process.execPath, ['--import', pathToFileURL(tsxLoader).href, path.join(projectRoot, entry), ...args]];
  const [command, commandArgs] = options.unprivileged === true ? withoutPermissionOverride(...node) : node;
  try {
    const { stdout, stderr } = await promisify(execFile)(command, commandArgs, { cwd: options.cwd, env, timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

function expectMessageWithoutStack(run: ProcessRun, message: RegExp): void {
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('an unusable DATA_DIR on the command line', () => {
  it('names DATA_DIR and what to do when it is a file', async () => {
    await writeFile(path.join(root, 'data'), 'not a folder');
    const run = await briefing(['ask', 'loans'], { CORPUS_DIR: seedCorpus, DATA_DIR: path.join(root, 'data') });
    expectMessageWithoutStack(run, /DATA_DIR \(.+data\) is, or is under, a file where a folder should be\. Move that file away, or set DATA_DIR to a folder/);
  });

  it('names DATA_DIR when a folder above it is a file', async () => {
    await writeFile(path.join(root, 'data'), 'not a folder');
    const run = await briefing(['search', 'loans'], { CORPUS_DIR: seedCorpus, DATA_DIR: path.join(root, 'data', 'bot') });
    expectMessageWithoutStack(run, /DATA_DIR \(.+bot\) is, or is under, a file where a folder should be/);
  });

  it('names the folder that stands where the index file should be', async () => {
    await mkdir(path.join(root, 'data', 'index', 'manifest.json'), { recursive: true });
    const run = await briefing(['ask', 'loans'], { CORPUS_DIR: seedCorpus, DATA_DIR: path.join(root, 'data') });
    expectMessageWithoutStack(run, /manifest\.json, inside DATA_DIR .* is a folder where the bot keeps a file\. Remove that folder/);
  });

  it('says DATA_DIR cannot be written when it is not writable for the user', async () => {
    await cp(seedCorpus, path.join(root, 'corpus'), { recursive: true });
    await mkdir(path.join(root, 'data'), { mode: 0o555 });
    // Root may write anywhere, so the command runs without root's override.
    const run = await runEntry('src/cli/main.ts', ['ask', 'loans'], { cwd: root, env: { CORPUS_DIR: 'corpus', DATA_DIR: 'data' }, unprivileged: true });
    expectMessageWithoutStack(run, /DATA_DIR \(.+data\) cannot be written by this user \(permission denied\)/);
  });
});

describe('a .env file that cannot be used', () => {
  it('says .env is a folder, on the command line, without a stack trace', async () => {
    await mkdir(path.join(root, '.env'));
    const run = await runEntry('src/cli/main.ts', ['sources'], { cwd: root });
    expectMessageWithoutStack(run, /\.env: .+\.env is a folder, not a file\. Remove or rename the folder/);
  });

  it('says .env is a folder when the bot starts, without a stack trace', async () => {
    await mkdir(path.join(root, '.env'));
    const run = await runEntry('src/main.ts', [], { cwd: root });
    expectMessageWithoutStack(run, /\.env: .+\.env is a folder, not a file/);
  });

  it('reads the first variable of a .env that starts with a byte-order mark', async () => {
    await cp(seedCorpus, path.join(root, 'library'), { recursive: true });
    await writeFile(path.join(root, '.env'), '\uFEFFCORPUS_DIR=library\r\nLOG_LEVEL=silent\r\n');
    const run = await briefing(['sources', '--json'], {}, { cwd: root, dotEnvFile: '.env' });
    expect(run.stderr).toBe('');
    expect((JSON.parse(run.stdout) as { documents: unknown[] }).documents).toHaveLength(5);
  });

  it('lets the real environment win over .env', async () => {
    await writeFile(path.join(root, '.env'), 'CORPUS_DIR=nowhere\n');
    const run = await briefing(['sources', '--json'], { CORPUS_DIR: seedCorpus }, { cwd: root, dotEnvFile: '.env' });
    expect(run.code).toBe(0);
  });
});

describe('an unusable DATA_DIR when the bot starts', () => {
  it('names DATA_DIR and what to do, without a stack trace', async () => {
    await writeFile(path.join(root, 'data'), 'not a folder');
    const run = await runEntry('src/main.ts', [], { cwd: root, env: { CORPUS_DIR: seedCorpus, DATA_DIR: 'data', SANDBOX_PORT: '0' } });
    expectMessageWithoutStack(run, /briefing-bot could not start: DATA_DIR \(.+data\) is, or is under, a file where a folder should be/);
  });
});

describe('output that cannot be written', () => {
  it.runIf(existsSync('/dev/full'))('is one line saying so, not a stack trace, when stdout is a full disk', async () => {
    const full = await open('/dev/full', 'w');
    try {
      const child = spawn(process.execPath, ['--import', pathToFileURL(tsxLoader).href, path.join(projectRoot, 'src/cli/main.ts'), 'timeline', '--json'], {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', CORPUS_DIR: seedCorpus, LOG_LEVEL: 'silent' },
        stdio: ['ignore', full.fd, 'pipe'],
        timeout: 30_000,
      });
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const [code] = (await once(child, 'close')) as [number];
      expectMessageWithoutStack({ code, stdout: '', stderr }, /^briefing could not write its output \(ENOSPC\)\. Check where it goes/);
    } finally {
      await full.close();
    }
  });
});
