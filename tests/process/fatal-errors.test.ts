import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startNodeProcess } from './bot-process.js';

function run(mode: 'throw' | 'reject') {
  return startNodeProcess('tests/process/fixtures/fail-after-start.ts', { cwd: mkdtempSync(path.join(tmpdir(), 'briefing-fatal-')), env: {}, args: [mode] });
}

describe('an error nothing caught', () => {
  it('is logged through pino at fatal level, after every earlier line, and the process exits with code 1', async () => {
    const child = run('throw');
    expect(await child.exited).toEqual({ code: 1, signal: null });
    const fatal = child.lines.find((line) => line.level === 60);
    expect(fatal?.msg).toBe('fatal uncaught exception; exiting for the supervisor to restart the bot');
    expect(fatal?.err).toMatchObject({ type: 'RangeError', message: 'something nobody caught' });
    expect(child.lines.filter((line) => line.msg === 'busy')).toHaveLength(200);
    // No raw stack from Node itself: every line is pino's JSON.
    expect(child.lines.filter((line) => 'text' in line)).toEqual([]);
  });

  it('is logged the same way when it is an unhandled rejection', async () => {
    const child = run('reject');
    expect(await child.exited).toEqual({ code: 1, signal: null });
    const fatal = child.lines.find((line) => line.level === 60);
    expect(fatal?.msg).toBe('fatal unhandled rejection; exiting for the supervisor to restart the bot');
    expect(fatal?.err).toMatchObject({ type: 'TypeError', message: "Cannot read properties of null (reading 'sequence')" });
    expect(child.lines.filter((line) => 'text' in line)).toEqual([]);
  });
});
