import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli/run-cli.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one command line in-process, as `briefing …` would, and collects what it printed. */
export async function briefing(args: string[], env: Record<string, string>, options: { tty?: boolean; cwd?: string; dotEnvFile?: string } = {}): Promise<CliRun> {
  const stdout = Object.assign(new PassThrough(), { isTTY: options.tty ?? false });
  const stderr = new PassThrough();
  const chunks = { out: '', err: '' };
  stdout.on('data', (chunk: Buffer) => (chunks.out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (chunks.err += chunk.toString()));
  const code = await runCli(args, { env: { LOG_LEVEL: 'silent', ...env }, cwd: options.cwd ?? process.cwd(), ...(options.dotEnvFile !== undefined && { dotEnvFile: options.dotEnvFile }), stdout, stderr });
  return { code, stdout: chunks.out, stderr: chunks.err };
}

/** A corpus folder with these files and an empty data folder, both temporary. */
export async function corpusWith(files: Record<string, string>): Promise<{ CORPUS_DIR: string; DATA_DIR: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'cli-corpus-'));
  const corpus = path.join(root, 'corpus');
  await mkdir(corpus);
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(corpus, name), text);
  return { CORPUS_DIR: corpus, DATA_DIR: path.join(root, 'data') };
}
