import { describe, expect, it } from 'vitest';
import { resolveSource, sourceChoices } from '../../../src/discord/autocomplete/source-choices.js';
import { UserError } from '../../../src/errors.js';
import { sourceDocument } from '../fixtures/documents.js';

const documents = [
  sourceDocument(),
  sourceDocument({ id: 'goble-2025-05-05-japan-economic-footprint', title: "Japan's economic footprint in Central Asia", author: 'Goble' }),
  sourceDocument({ id: 'mahmudov-2025-why-is-japan-interested', title: 'Why is Japan interested in Central Asia?', author: 'Mahmudov' }),
];

describe('sourceChoices', () => {
  it('finds a document from a misspelt, unfinished word in its title', () => {
    expect(sourceChoices(documents, 'econmic foot')[0]?.value).toBe('goble-2025-05-05-japan-economic-footprint');
  });

  it('finds a document by its author', () => {
    expect(sourceChoices(documents, 'mahmud')[0]?.value).toBe('mahmudov-2025-why-is-japan-interested');
  });

  it('lists documents by title when nothing is typed yet', () => {
    expect(sourceChoices(documents, '').map((choice) => choice.value)).toEqual([
      'tca-2025-08-bridges-not-blocs',
      'goble-2025-05-05-japan-economic-footprint',
      'mahmudov-2025-why-is-japan-interested',
    ]);
  });

  it('offers at most 25 choices, each name and value within 100 characters', () => {
    const many = Array.from({ length: 60 }, (_, index) => sourceDocument({ id: `doc-${index}`, title: `Japan report ${index} ${'with a very long title '.repeat(10)}` }));
    const choices = sourceChoices(many, 'japan');
    expect(choices).toHaveLength(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
  });

  it('offers a document whose id is over 100 characters under a short key that resolves back to it', () => {
    const longId = `${'japan-central-asia-report-'.repeat(5)}final`;
    const long = sourceDocument({ id: longId, title: 'A report with a very long file name' });
    const [choice] = sourceChoices([...documents, long], 'very long file');
    expect(choice?.value.length).toBeLessThanOrEqual(100);
    expect(choice?.value).not.toBe(longId);
    expect(resolveSource([...documents, long], choice?.value ?? '').id).toBe(longId);
  });

  it('gives two long ids that differ only at the end two different keys', () => {
    const stem = 'x'.repeat(120);
    const keys = sourceChoices([sourceDocument({ id: `${stem}-a`, title: 'A' }), sourceDocument({ id: `${stem}-b`, title: 'B' })], '').map((choice) => choice.value);
    expect(new Set(keys).size).toBe(2);
  });
});

describe('resolveSource', () => {
  it('accepts the id autocomplete fills in, or the exact title in any case', () => {
    expect(resolveSource(documents, 'tca-2025-08-bridges-not-blocs').title).toBe('Bridges, not blocs');
    expect(resolveSource(documents, '  bridges, NOT blocs ').id).toBe('tca-2025-08-bridges-not-blocs');
  });

  it('refuses an unknown source with a message that says how to pick one, escaping what was typed', () => {
    expect(() => resolveSource(documents, '**nope** @everyone')).toThrow(UserError);
    expect(() => resolveSource(documents, '**nope**')).toThrow('There is no source called “\\*\\*nope\\*\\*”. Pick one from the suggestions that appear as you type, or run /sources to list them all.');
  });
});
