import { describe, expect, it } from 'vitest';
import { buttonRows, button } from '../../../src/discord/render/buttons.js';
import { limitViolations } from '../../../src/discord/render/limits.js';
import { noMentions } from '../../../src/discord/render/payload.js';

describe('limitViolations', () => {
  it('accepts a payload exactly at the limits', () => {
    const payload = {
      content: 'c'.repeat(2000),
      embeds: [{ title: 't'.repeat(256), description: 'd'.repeat(4096), fields: [{ name: 'n', value: 'v'.repeat(1024) }], footer: { text: 'f'.repeat(622) } }],
      allowedMentions: noMentions,
    };
    expect(limitViolations(payload)).toEqual([]);
  });

  it('names each limit a payload breaks by one character', () => {
    const payload = {
      content: 'c'.repeat(2001),
      embeds: [{ title: 't'.repeat(257), description: 'd'.repeat(4097), fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v'.repeat(1025) })) }],
      allowedMentions: noMentions,
    };
    const problems = limitViolations(payload);
    expect(problems).toContain('content has 2001 characters');
    expect(problems).toContain('embed 0 title has 257 characters');
    expect(problems).toContain('embed 0 description has 4097 characters');
    expect(problems).toContain('embed 0 has 26 fields');
    expect(problems).toContain('embed 0 field 0 value has 1025 characters');
    expect(problems.some((problem) => problem.startsWith('embeds total'))).toBe(true);
  });

  it('refuses a message that could ping', () => {
    expect(limitViolations({ content: 'hi', allowedMentions: { parse: ['everyone'] } as never })).toContain('allowedMentions must be { parse: [] }');
  });

  it('lays out buttons five to a row', () => {
    const rows = buttonRows(Array.from({ length: 7 }, (_, index) => button(`x:y:${index}`, `B${index}`)));
    expect(rows.map((row) => row.components.length)).toEqual([5, 2]);
    expect(limitViolations({ components: rows, allowedMentions: noMentions })).toEqual([]);
  });
});
