import { describe, expect, it } from 'vitest';
import { isUserError } from '../../src/errors.js';
import { extractDocument } from '../../src/extract/extract.js';
import { failure } from './helpers.js';

const encode = (text: string) => new TextEncoder().encode(text);

describe('Markdown and text', () => {
  it('reads front matter as the corpus folder does and keeps the body after it untouched', async () => {
    const text = '---\nid: tokyo-notes\ntitle: Tokyo notes\nauthor: Aiko Sato\noutlet: Team wiki\npublished: 2025-12\n---\n# Tokyo notes\n\nThe summit **produced** a declaration.\n';
    const document = await extractDocument({ bytes: encode(text), fileName: 'notes.md' });
    expect(document.format).toBe('markdown');
    expect(document.body).toBe('# Tokyo notes\n\nThe summit **produced** a declaration.\n');
    expect(document.metadata).toEqual({ id: 'tokyo-notes', title: 'Tokyo notes', author: 'Aiko Sato', outlet: 'Team wiki', published: { iso: '2025-12', precision: 'month' }, publishedBasis: 'front matter', language: null });
    expect(document.pages).toBeNull();
  });

  it('names a plain text file by its first line and declares no id of its own', async () => {
    const document = await extractDocument({ bytes: encode('Weekly reading list\n\nOne item.'), fileName: 'list.txt' });
    expect(document.format).toBe('text');
    expect(document.metadata.title).toBe('Weekly reading list');
    expect(document.metadata.id).toBeNull();
  });

  it('gives the front matter problem with its line', async () => {
    const error = await failure(extractDocument({ bytes: encode('---\ntitle: x\npublished: 2025-13-01\n---\nBody'), fileName: 'bad.md' }));
    expect(isUserError(error)).toBe(true);
    expect(error.message).toMatch(/^"bad.md": invalid front matter on line 3: published: must be a real date/);
  });

  it('refuses text that is not UTF-8, saying how to fix it', async () => {
    const error = await failure(extractDocument({ bytes: Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x74, 0x65]), fileName: 'latin1.txt' }));
    expect(error.message).toBe('"latin1.txt": not valid UTF-8; re-save the file with UTF-8 encoding');
  });
});
