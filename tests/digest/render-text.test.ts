import { describe, expect, it } from 'vitest';
import { composeDigest } from '../../src/digest/compose.js';
import { renderDigestText } from '../../src/digest/render-text.js';
import { entry } from './helpers.js';

const documents = [{ docId: 'seed-001', title: 'Twenty years of dialogue', addedAt: new Date('2026-08-24T08:00:00Z') }];
const info = [{ id: 'seed-001', title: 'Twenty years of dialogue', outlet: 'The Diplomat', published: { iso: '2025-08', precision: 'month' as const } }];

describe('renderDigestText', () => {
  it('shows each section with its items and every citation', () => {
    const digest = composeDigest({
      timeline: [entry('2004-08-28', 'launch of the dialogue'), entry('2026-08-20', 'summit in Astana'), entry('2026-08-29', 'business forum')],
      today: new Date('2026-08-25T10:00:00Z'),
      timeZone: 'UTC',
      windowDays: 7,
      since: new Date('2026-08-20T00:00:00Z'),
      documents,
    });
    const text = renderDigestText(digest, info);
    expect(text).toContain('Digest for 25 August 2026 (UTC), looking 7 days ahead and back');
    expect(text).toContain('Anniversaries\n  - 22 years ago this week (28 August 2004): launch of the dialogue\n    "launch of the dialogue, the text says." — Twenty years of dialogue (The Diplomat, August 2025) [seed-001 @100]');
    expect(text).toContain('Recent (18 August 2026 to 24 August 2026)\n  - 20 August 2026: summit in Astana');
    expect(text).toContain('Upcoming (25 August 2026 to 31 August 2026)\n  - 29 August 2026: business forum');
    expect(text).toContain('New documents since 20 August 2026\n  - Twenty years of dialogue [seed-001], added to the corpus folder on 24 August 2026');
  });

  it('cuts a long quote at a word and shows the cut', () => {
    const long = entry('2026-08-26', 'long event', 'seed-001', { sources: [{ docId: 'seed-001', start: 0, end: 600, quote: 'word '.repeat(120).trim() }] });
    const text = renderDigestText(composeDigest({ timeline: [long], today: new Date('2026-08-25T10:00:00Z'), timeZone: 'UTC', windowDays: 7, since: null, documents }));
    const quoteLine = text.split('\n').find((line) => line.includes('"word'));
    expect(quoteLine).toMatch(/"(word ){40,}word…" — Twenty years of dialogue/);
  });

  it('shows the sentence of an empty digest instead of empty sections', () => {
    const digest = composeDigest({ timeline: [entry('2004-08-28', 'launch')], today: new Date('2026-03-01T12:00:00Z'), timeZone: 'UTC', windowDays: 7, since: null, documents: [] });
    expect(renderDigestText(digest)).toBe(`Digest for 1 March 2026 (UTC), looking 7 days ahead and back\n\n${digest.emptyMessage}\n`);
  });
});
