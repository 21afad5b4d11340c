import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { referenceFromDct, runTimex } from '../../src/cli/timex.js';

async function answer(lines: string[]): Promise<unknown[]> {
  const input = PassThrough.from(`${lines.join('\n')}\n`);
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  await runTimex(input, output);
  return chunks.join('').trim().split('\n').map((line) => JSON.parse(line) as unknown);
}

describe('runTimex (the TempEval-3 protocol)', () => {
  it('answers each line with the TIMEX3 spans and TimeML values of its text', async () => {
    const text = 'Profit rose in the third quarter from a year ago, the company said Friday. It expects a decline in the 1990s.';
    const [result] = await answer([JSON.stringify({ id: 'doc1', text, refDate: '1989-10-27' })]);
    const timexes = (result as { id: string; timexes: { start: number; end: number; value: string; type: string }[] }).timexes;
    expect((result as { id: string }).id).toBe('doc1');
    expect(timexes.map((timex) => [text.slice(timex.start, timex.end), timex.value, timex.type])).toEqual([
      ['the third quarter', '1989-Q3', 'DATE'],
      ['a year ago', '1988-Q3', 'DATE'],
      ['Friday', '1989-10-27', 'DATE'],
      ['the 1990s', '199', 'DATE'],
    ]);
  });

  it('counts offsets in UTF-16 code units, as JavaScript strings do', async () => {
    const text = '😀 “Emoji” first, then March 3, 1998.';
    const [result] = await answer([JSON.stringify({ id: 'u', text, refDate: '1998-03-05' })]);
    const [timex] = (result as { timexes: { start: number; end: number; value: string }[] }).timexes;
    expect(text.slice(timex?.start, timex?.end)).toBe('March 3, 1998');
    expect(timex?.value).toBe('1998-03-03');
  });

  it('answers a line that is not JSON with an error and goes on', async () => {
    const results = await answer(['not json', JSON.stringify({ id: 'ok', text: 'In 2004.', refDate: '2005-01-01' })]);
    expect(results[0]).toMatchObject({ id: null, timexes: [], error: expect.stringContaining('not a JSON line') });
    expect(results[1]).toMatchObject({ id: 'ok', timexes: [{ value: '2004' }] });
  });

  it('reads the document creation time with or without a time of day', () => {
    expect(referenceFromDct('1998-03-22T14:57:00')).toEqual({ iso: '1998-03-22', precision: 'day' });
    expect(referenceFromDct('garbage')).toBeNull();
  });
});
