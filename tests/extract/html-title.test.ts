import { describe, expect, it } from 'vitest';
import { withoutSiteName } from '../../src/extract/html-metadata.js';

describe('a web page title that carries its site name', () => {
  it('loses the site name after a separator, since the site is the outlet already', () => {
    expect(withoutSiteName('Lanterns over the Registan | Silk Road Ledger', 'Silk Road Ledger')).toBe('Lanterns over the Registan');
    expect(withoutSiteName('Japan and Central Asia — The Diplomat', 'The Diplomat')).toBe('Japan and Central Asia');
  });

  it('loses the site name before a separator too, whatever its case', () => {
    expect(withoutSiteName('THE DIPLOMAT - Japan and Central Asia', 'The Diplomat')).toBe('Japan and Central Asia');
  });

  it('is kept whole when the site name is only part of a word, the whole title, or unknown', () => {
    expect(withoutSiteName('Notes from the Ledger', 'Ledger')).toBe('Notes from the Ledger');
    expect(withoutSiteName('Silk Road Ledger', 'Silk Road Ledger')).toBe('Silk Road Ledger');
    expect(withoutSiteName('Lanterns | Silk Road Ledger', null)).toBe('Lanterns | Silk Road Ledger');
  });
});
