import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefing } from './helpers.js';

const seed = { CORPUS_DIR: path.resolve(import.meta.dirname, '../../corpus'), DATA_DIR: path.join(os.tmpdir(), 'briefing-cli-bad-options') };

function expectRefused(run: { code: number; stdout: string; stderr: string }, message: RegExp): void {
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('numeric options', () => {
  it.each([
    ['ask', '--limit', '1e1'],
    ['ask', '--limit', '0x10'],
    ['ask', '--limit', '+5'],
    ['ask', '--limit', '5.0'],
    ['ask', '--limit', ' 5'],
    ['ask', '--limit', '٣'],
    ['search', '--limit', '1e1'],
    ['search', '--limit', '0x10'],
    ['digest', '--window', '1e1'],
    ['digest', '--window', '0b11'],
  ])('refuses %s %s %s as not a whole number written in digits', async (command, option, value) => {
    const args = command === 'digest' ? [command, option, value] : [command, 'loans', option, value];
    expectRefused(await briefing(args, seed), new RegExp(`${option} must be a whole number from 1 to \\d+ written in digits.*"${value.replace(/[+.]/g, '\\$&')}" is not one`));
  });

  it('still takes a whole number written in digits', async () => {
    const { code, stdout } = await briefing(['ask', 'loans', '--limit', '2', '--json'], seed);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { passages: unknown[] }).passages.length).toBeLessThanOrEqual(2);
  });
});

describe('words that are not options', () => {
  it.each([
    ['sources', ['sources', 'extra']],
    ['sources', ['sources', '--json', 'extra']],
    ['timeline', ['timeline', '2024']],
    ['digest', ['digest', 'today']],
  ])('refuses a stray word after %s and shows the usage', async (command, args) => {
    expectRefused(await briefing(args, seed), new RegExp(`briefing ${command} takes only options; ".+" is not one\\.\\nUsage: briefing ${command}`));
  });

  it('asks for the question when ask has none', async () => {
    expectRefused(await briefing(['ask', '--limit', '3'], seed), /Give the question in quotes\.\nUsage: briefing ask/);
  });
});

describe('dates out of range', () => {
  it.each(['0000-01-01', '0000-12-31'])('refuses digest --date %s: there is no year 0', async (date) => {
    expectRefused(await briefing(['digest', '--date', date, '--tz', 'UTC'], seed), /--date must be a calendar day .*from 0001-01-01 to 9999-12-31 \(there is no year 0\)/);
  });

  it.each([
    ['0001-01-01', '7'],
    ['9999-12-31', '90'],
    ['0001-03-01', '90'],
  ])('refuses digest --date %s --window %s, whose window reaches outside the years 0001 to 9999', async (date, window) => {
    expectRefused(await briefing(['digest', '--date', date, '--window', window, '--tz', 'UTC'], seed), /reaches outside the years 0001 to 9999\. Pick a date at least \d+ days inside them, or a shorter --window/);
  });

  it('prints the digest of a day in year 1 as year 0001', async () => {
    const { code, stdout } = await briefing(['digest', '--date', '0001-01-08', '--tz', 'UTC'], seed);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Digest for 8 January 0001 \(UTC\)/);
  });

  it.each(['0000', '0000-01', '0000-02-29'])('refuses timeline --from %s', async (date) => {
    expectRefused(await briefing(['timeline', '--from', date], seed), /"from" must be a real date/);
  });

  it('keeps year 50 as year 50 and not 1950 when filtering the timeline', async () => {
    const { code, stdout } = await briefing(['timeline', '--from', '0050', '--to', '0050', '--json'], seed);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([]);
  });
});
