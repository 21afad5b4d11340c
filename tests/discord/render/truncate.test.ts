import { describe, expect, it } from 'vitest';
import { clampLine, cutAtBoundary, ellipsis, fitFormatted } from '../../../src/discord/render/truncate.js';

describe('cutAtBoundary', () => {
  it('leaves a text that fits untouched and says it was not cut', () => {
    expect(cutAtBoundary('Short enough.', 20)).toEqual({ text: 'Short enough.', cut: false });
  });

  it('cuts after the last whole sentence that fits and shows the cut with an ellipsis', () => {
    const text = 'The first sentence is here. The second one is a little longer. The third will not fit at all.';
    const result = cutAtBoundary(text, 70);
    expect(result).toEqual({ text: `The first sentence is here. The second one is a little longer.${ellipsis}`, cut: true });
  });

  it('cuts at a word boundary when no sentence ends in the room', () => {
    const text = 'one two three four five six seven eight nine ten eleven twelve';
    const result = cutAtBoundary(text, 25);
    expect(result.cut).toBe(true);
    expect(result.text.length).toBeLessThanOrEqual(25);
    expect(result.text).toBe(`one two three four five${ellipsis}`);
  });

  it('splits a single word longer than the room, and never half an emoji', () => {
    const word = '😀'.repeat(40);
    const result = cutAtBoundary(word, 21);
    expect(result.text.length).toBeLessThanOrEqual(21);
    expect(result.text.endsWith(ellipsis)).toBe(true);
    expect(result.text.slice(0, -ellipsis.length)).toMatch(/^(?:😀)+$/u);
  });

  it('never exceeds the length at any size', () => {
    const text = 'Words and sentences. '.repeat(300);
    for (let length = 0; length < 200; length += 7) expect(cutAtBoundary(text, length).text.length).toBeLessThanOrEqual(length);
  });
});

describe('fitFormatted', () => {
  it('narrows the cut until the formatted text fits, even when formatting doubles it', () => {
    const raw = '*'.repeat(5000);
    const result = fitFormatted(raw, 1000, (text) => text.replaceAll('*', '\\*'));
    expect(result.text.length).toBeLessThanOrEqual(1000);
    expect(result.cut).toBe(true);
  });
});

describe('clampLine', () => {
  it('flattens line breaks so a title stays on one line', () => {
    expect(clampLine('A title\nover two lines', 100)).toBe('A title over two lines');
  });
});
