import { describe, expect, it } from 'vitest';
import { splitPassages } from '../../src/corpus/passages.js';
import { passageKey, splitPassageKey } from '../../src/search/passage-index.js';
import { createPassageTable } from '../../src/search/passage-table.js';
import { storeDocument, storedPassages } from '../../src/search/snapshot.js';
import { makeDocument } from './helpers.js';

const document = makeDocument('loans.md', '# Loans\n\nThe bank lent Uzbekistan 40 million dollars.\n\nThe yen rose against the dollar.\n');

describe('stored passages', () => {
  it('rebuilds the passages of an unchanged body exactly as the splitter cut them', () => {
    const passages = splitPassages(document);
    expect(storedPassages(document, storeDocument(document, passages))?.()).toEqual(passages);
  });

  it('still reuses passages whose text stays at the same offsets when the body changed after them', () => {
    const passages = splitPassages(document);
    const entry = storeDocument(document, passages);
    const longer = { ...document, body: `${document.body}\nA closing line.` };
    expect(entry.bodyHash).not.toBe(storeDocument(longer, passages).bodyHash);
    expect(storedPassages(longer, entry)?.()).toEqual(passages);
  });

  it('refuses stored passages once the body moved their text, or the file is another one', () => {
    const entry = storeDocument(document, splitPassages(document));
    expect(storedPassages({ ...document, body: `Preface.\n\n${document.body}` }, entry)).toBeNull();
    expect(storedPassages({ ...document, contentHash: 'another file' }, entry)).toBeNull();
  });
});

describe('passage table', () => {
  it('finds a passage by its index key, and builds a document\'s passages only when first asked for', () => {
    const table = createPassageTable();
    const passages = splitPassages(document);
    let built = 0;
    table.set(document.id, () => {
      built += 1;
      return passages;
    });
    expect(built).toBe(0);
    expect(table.byKey(passageKey(document.id, 2))).toEqual(passages[1]);
    expect(table.of(document.id)).toBe(passages);
    expect(built).toBe(1);
    expect(table.byKey(passageKey(document.id, 99))).toBeUndefined();
    table.delete(document.id);
    expect(table.byKey(passageKey(document.id, 1))).toBeUndefined();
  });

  it('splits a passage key back into an id that may hold the separator itself, and its ordinal', () => {
    expect(splitPassageKey(passageKey('odd\u0001id', 3))).toEqual({ docId: 'odd\u0001id', ordinal: 3 });
    expect(splitPassageKey('no ordinal')).toBeNull();
  });
});
