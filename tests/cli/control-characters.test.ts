import { beforeAll, describe, expect, it } from 'vitest';
import { briefing, corpusWith } from './helpers.js';

// A title that sets the terminal's window title, a body that clears the screen and recolours, an
// 8-bit CSI, a bare carriage return that overwrites the line, and a bidirectional override.
const hostileDocument = `---
title: "Memo \\e]0;pwned\\a"
author: "A. \\e[31mRed\\e[0m"
---
The zebra corridor memo was signed in Termez on 14 March 2024.\u001b[2J\u001b[H Over\rwritten \u009b31m and \u202etxet.
`;
// eslint-disable-next-line no-control-regex -- looking for control characters
const rawControl = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
let env: Record<string, string>;

beforeAll(async () => {
  env = await corpusWith({ 'hostile.md': hostileDocument, 'plain\u001b[1m.md': 'Plain memo\n\nThe zebra corridor opened in 2024.\n' });
});

function withoutLineBreaks(text: string): string {
  return text.replace(/\r\n|\n/g, '');
}

describe('control characters from documents on the command line', () => {
  it.each([
    ['ask', ['ask', 'Where was the zebra corridor memo signed?']],
    ['sources', ['sources']],
    ['timeline', ['timeline']],
    ['timeline --ics', ['timeline', '--ics']],
    ['digest', ['digest', '--date', '2024-03-12', '--tz', 'UTC']],
    ['ask --json', ['ask', 'zebra corridor memo', '--json']],
    ['search --json', ['search', 'zebra corridor', '--json']],
    ['sources --json', ['sources', '--json']],
    ['timeline --json', ['timeline', '--json']],
    ['digest --json', ['digest', '--date', '2024-03-12', '--tz', 'UTC', '--json']],
  ])('never reach the terminal raw in %s', async (_, args) => {
    const { code, stdout } = await briefing(args, env);
    expect(code).toBe(0);
    expect(stdout).toContain('\\u001b');
    expect(withoutLineBreaks(stdout)).not.toMatch(rawControl);
  });

  it('keeps the JSON the same data: the escapes parse back to the document text', async () => {
    const { stdout } = await briefing(['ask', 'zebra corridor memo', '--json'], env);
    const answer = JSON.parse(stdout) as { passages: Array<{ text: string }> };
    expect(answer.passages.map((passage) => passage.text).join(' ')).toContain('\u001b[2J\u001b[H Over\rwritten \u009b31m and \u202etxet.');
  });

  it('keeps the bold of matched terms on a terminal and makes every escape from the document visible', async () => {
    const { code, stdout } = await briefing(['search', 'zebra corridor'], env, { tty: true });
    expect(code).toBe(0);
    expect(stdout).toContain('\u001b[1mzebra\u001b[22m');
    const withoutMarks = stdout.replaceAll('\u001b[1m', '').replaceAll('\u001b[22m', '');
    expect(withoutLineBreaks(withoutMarks)).not.toMatch(rawControl);
    expect(stdout).toContain('\\u001b[2J\\u001b[H Over\\u000dwritten \\u009b31m');
  });

  it('shows an escape in what the user typed as text in the error message', async () => {
    const { code, stderr } = await briefing(['ask', 'zebra', '--doc', 'no\u001b[2Jsuch'], env);
    expect(code).toBe(1);
    expect(stderr).toContain('no\\u001b[2Jsuch');
    expect(withoutLineBreaks(stderr)).not.toMatch(rawControl);
  });
});
