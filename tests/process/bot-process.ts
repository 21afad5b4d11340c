import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';

/** One line the process wrote to stderr: pino's JSON, or `{ text }` for anything else. */
export type ProcessLine = Record<string, unknown>;

/** A TypeScript entry point run in a Node process of its own, as `npm start` would. */
export interface NodeProcess {
  /** Every stderr line so far. */
  lines: ProcessLine[];
  /** The first line that matches, already written or still to come; rejects when the process exits or after `timeoutMs`. */
  waitForLine(predicate: (line: ProcessLine) => boolean, timeoutMs?: number): Promise<ProcessLine>;
  /** Resolves with the exit code (null when killed) and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
}

const tsxLoader = pathToFileURL(path.resolve('node_modules/tsx/dist/loader.mjs')).href;

/** A working folder with one small document, so a bot starts in a moment; the repository's own `.env` is not read there. */
export function botWorkingFolder(): { cwd: string; corpusDir: string; dataDir: string } {
  const cwd = mkdtempSync(path.join(tmpdir(), 'briefing-process-'));
  const corpusDir = path.join(cwd, 'corpus');
  const dataDir = path.join(cwd, 'data');
  mkdirSync(corpusDir);
  mkdirSync(dataDir);
  writeFileSync(
    path.join(corpusDir, 'dialogue.md'),
    ['---', 'title: The Central Asia plus Japan Dialogue', 'author: Test Desk', 'outlet: Test Wire', 'published: 2024-08-28', '---', 'The Central Asia plus Japan Dialogue was launched on 28 August 2004 in Astana.', ''].join('\n'),
  );
  return { cwd, corpusDir, dataDir };
}

/**
 * Starts `script` (a path from the repository root) with Node and tsx, in `cwd`, with only
 * the given environment beside PATH, so that nothing of the developer's own shell leaks in.
 */
export function startNodeProcess(script: string, options: { cwd: string; env: Record<string, string>; args?: string[] }): NodeProcess {
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(process.execPath, ['--import', tsxLoader, path.resolve(script), ...(options.args ?? [])], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: ProcessLine[] = [];
  const listeners = new Set<() => void>();
  let buffered = '';
  let done = false;
  child.stdout.resume();
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const complete = buffered.split('\n');
    buffered = complete.pop() ?? '';
    for (const text of complete) if (text.trim() !== '') lines.push(parseLine(text));
    for (const listener of [...listeners]) listener();
  });
  // 'close' comes after the exit and after stderr has ended, so every line is in by then.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      if (buffered.trim() !== '') lines.push(parseLine(buffered));
      done = true;
      for (const listener of [...listeners]) listener();
      resolve({ code, signal });
    }),
  );
  return {
    lines,
    exited,
    kill: (signal) => child.kill(signal),
    waitForLine(predicate, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = lines.find(predicate);
          if (line !== undefined) finish(() => resolve(line));
          else if (done) finish(() => reject(new Error(`the process exited without a matching line; it wrote:\n${lines.map((item) => JSON.stringify(item)).join('\n')}`)));
        };
        const timer = setTimeout(() => finish(() => reject(new Error(`no matching line within ${timeoutMs} ms; the process wrote:\n${lines.map((item) => JSON.stringify(item)).join('\n')}`))), timeoutMs);
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      });
    },
  };
}

function parseLine(text: string): ProcessLine {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as ProcessLine) : { text };
  } catch {
    return { text };
  }
}
