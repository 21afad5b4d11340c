import { describe, expect, it } from 'vitest';
import { renderReindexReport } from '../../../src/discord/render/reindex.js';
import { discordLimits } from '../../../src/discord/render/limits.js';

describe('the /reindex report', () => {
  it('gives the counts, then the ids that changed', () => {
    const payload = renderReindexReport({ added: ['new-memo'], changed: ['old-memo'], removed: [], unchanged: 4, problems: [] });
    expect(payload.embeds?.[0]?.description).toBe('1 added, 1 changed, 0 removed, 4 unchanged; 0 skipped.');
    expect(payload.embeds?.[0]?.fields).toEqual([
      { name: 'Added', value: 'new-memo' },
      { name: 'Changed', value: 'old-memo' },
    ]);
  });

  it('lists at most ten skipped files within the field limit, and says how many more there are', () => {
    const problems = Array.from({ length: 40 }, (_, index) => ({ file: `file-${index}.pptx`, reason: `skipped: ${'a very long reason '.repeat(30)}` }));
    const [field] = renderReindexReport({ added: [], changed: [], removed: [], unchanged: 0, problems }).embeds?.[0]?.fields ?? [];
    expect(field?.value.length).toBeLessThanOrEqual(discordLimits.fieldValue);
    expect(field?.value).toMatch(/…and \d+ more$/);
  });

  it('shows Markdown in a file name as typed', () => {
    const [field] = renderReindexReport({ added: [], changed: [], removed: [], unchanged: 0, problems: [{ file: '**bold**.doc', reason: 'skipped' }] }).embeds?.[0]?.fields ?? [];
    expect(field?.value).toBe('\\*\\*bold\\*\\*.doc: skipped');
  });
});
