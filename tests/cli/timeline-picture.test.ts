import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTimeline } from '../../src/cli/timeline.js';
import type { Passage } from '../../src/corpus/passage-types.js';
import type { SourceDocument } from '../../src/corpus/types.js';
import { UserError } from '../../src/errors.js';
import { seedCorpus } from '../dates/helpers.js';

let documents: SourceDocument[];
let passagesOf: (docId: string) => Passage[];
let folder: string;

beforeAll(async () => {
  ({ documents, passagesOf } = await seedCorpus());
  folder = mkdtempSync(path.join(tmpdir(), 'briefing-picture-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function run(args: string[]): Promise<string> {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  await runTimeline(args, { corpus: { documents, problems: [] }, passagesOf, stdout, cwd: folder });
  return text;
}

describe('briefing timeline --png and --svg', () => {
  it('writes the picture as PNG and SVG, relative to the working folder, and says where', async () => {
    const text = await run(['--from', '2024', '--png', 'dates.png', '--svg', 'dates.svg']);
    const png = readFileSync(path.join(folder, 'dates.png'));
    const svg = readFileSync(path.join(folder, 'dates.svg'), 'utf8');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1200"/);
    expect(svg).toContain('>Key dates (from 2024)</text>');
    // The summit is a day-precision date: it wins its place in the crowded 2020s.
    expect(svg).toContain('19–20 Dec 2025 Tokyo hosted the first');
    expect(text).toMatch(new RegExp(`^Wrote ${path.join(folder, 'dates.svg').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(1200×\\d+, \\d+ dates\\)\\.\\nWrote .*dates\\.png`));
  });

  it('writes no picture and says what to change when no date matches', async () => {
    await expect(run(['--from', '1800', '--to', '1801', '--png', 'none.png'])).rejects.toThrow(/No key dates match, so no picture was written/);
    expect(existsSync(path.join(folder, 'none.png'))).toBe(false);
  });

  it('names the folder problem when the file cannot be written', async () => {
    await expect(run(['--png', 'no/such/folder/dates.png'])).rejects.toThrow(/Could not write the PNG to .*no\/such\/folder\/dates\.png \(ENOENT\)\. Give a path in a folder that exists/);
  });

  it('refuses a picture together with --json or --ics', () => {
    expect(() => runTimeline(['--json', '--png', 'x.png'], { corpus: { documents, problems: [] }, passagesOf, stdout: new PassThrough(), cwd: folder })).toThrow(UserError);
    expect(() => runTimeline(['--ics', '--svg', 'x.svg'], { corpus: { documents, problems: [] }, passagesOf, stdout: new PassThrough(), cwd: folder })).toThrow(/Choose one output/);
  });
});
