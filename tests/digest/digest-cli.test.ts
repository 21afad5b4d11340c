import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runDigest } from '../../src/cli/digest.js';
import type { SourceDocument } from '../../src/corpus/types.js';
import { UserError } from '../../src/errors.js';
import { entry } from './helpers.js';

const document: SourceDocument = {
  id: 'seed-001',
  file: 'seed-001.md',
  title: 'Twenty years of dialogue',
  author: null,
  outlet: 'The Diplomat',
  published: { iso: '2024-08-28', precision: 'day' },
  publishedBasis: 'front matter',
  body: 'text',
  contentHash: 'hash',
  format: 'markdown',
  pages: null,
  scope: null,
  addition: null,
};
const timeline = [entry('2004-08-28', 'launch of the dialogue'), entry('2026-05', 'planned summit')];

function run(args: string[]): string {
  let output = '';
  const stdout = new Writable({
    write(chunk: Buffer, _encoding, done) {
      output += chunk.toString();
      done();
    },
  });
  runDigest(args, { corpus: { documents: [document], problems: [] }, timeline, stdout, clock: () => new Date('2026-08-25T10:00:00Z') });
  return output;
}

function userErrorOf(args: string[]): string {
  try {
    run(args);
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('briefing digest', () => {
  it('prints the digest of a given day as text, with citations', () => {
    const text = run(['--date', '2026-08-26', '--tz', 'Asia/Tashkent', '--window', '3']);
    expect(text).toContain('Digest for 26 August 2026 (Asia/Tashkent), looking 3 days ahead and back');
    expect(text).toContain('22 years ago this week (28 August 2004): launch of the dialogue');
    expect(text).toContain('— Twenty years of dialogue (The Diplomat, 28 August 2024) [seed-001 @100]');
  });

  it('prints the digest as JSON', () => {
    const digest = JSON.parse(run(['--date', '2026-08-28', '--tz', 'UTC', '--json'])) as { today: string; windowDays: number; anniversaries: Array<{ wording: string }> };
    expect(digest.today).toBe('2026-08-28');
    expect(digest.windowDays).toBe(7);
    expect(digest.anniversaries.map((anniversary) => anniversary.wording)).toEqual(['22 years ago today']);
  });

  it('uses today when no date is given', () => {
    expect(JSON.parse(run(['--tz', 'UTC', '--json'])).today).toBe('2026-08-25');
  });

  it('says when nothing falls in the window and names the next key date', () => {
    expect(run(['--date', '2026-03-01', '--tz', 'UTC'])).toContain('The next key date is May 2026: planned summit.');
  });

  it('refuses bad options with an example', () => {
    expect(userErrorOf(['--date', '2026-02-30'])).toMatch(/^--date must be a calendar day written YYYY-MM-DD, from 0001-01-01 to 9999-12-31 \(there is no year 0\); "2026-02-30" is not one\.\nExample: briefing digest --date 2026-03-01/);
    expect(userErrorOf(['--window', '120'])).toBe('--window must be a whole number from 1 to 90 written in digits, e.g. --window 7; "120" is not one.');
    expect(userErrorOf(['--tz', 'Mars/Olympus'])).toMatch(/"Mars\/Olympus" is not a time zone this bot knows/);
    expect(userErrorOf(['--colour', 'red'])).toMatch(/Unknown option '--colour'.*\nUsage: briefing digest \[--date YYYY-MM-DD\]/s);
    expect(userErrorOf(['tomorrow'])).toMatch(/takes only options; "tomorrow" is not one/);
  });
});
