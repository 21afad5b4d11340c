import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../src/dates/types.js';
import { isVisibleTo, visibleDocuments, visibleTimeline } from '../../src/library/visibility.js';

const alpha = '111111111111111111';
const beta = '222222222222222222';
const documents = [
  { id: 'folder', scope: null },
  { id: 'alpha-memo', scope: alpha },
  { id: 'beta-memo', scope: beta },
];

function source(docId: string) {
  return { docId, start: 0, end: 4, quote: 'text' };
}

function entry(date: string, sources: string[], conflicts: string[][] = []): TimelineEntry {
  return { date, end: null, precision: 'day', label: date, sources: sources.map(source), conflicts: conflicts.map((ids) => ({ date: '2001-01-01', end: null, precision: 'day', sources: ids.map(source) })) };
}

describe('who sees which document', () => {
  it('shows a server its own documents and the shared ones, a direct message the shared ones, the command line all', () => {
    const seenBy = (viewer: string | null | undefined) => documents.filter((document) => isVisibleTo(document, viewer)).map((document) => document.id);
    expect(seenBy(alpha)).toEqual(['folder', 'alpha-memo']);
    expect(seenBy(beta)).toEqual(['folder', 'beta-memo']);
    expect(seenBy(null)).toEqual(['folder']);
    expect(seenBy(undefined)).toEqual(['folder', 'alpha-memo', 'beta-memo']);
  });

  it('gives back the same list when every document is shared, and the same filtered list on a second call', () => {
    const shared = [{ id: 'a', scope: null }, { id: 'b', scope: null }];
    expect(visibleDocuments(shared, alpha)).toBe(shared);
    expect(visibleDocuments(documents, alpha)).toBe(visibleDocuments(documents, alpha));
    expect(visibleDocuments(documents, alpha).map((document) => document.id)).toEqual(['folder', 'alpha-memo']);
  });

  it('drops a key date only another server’s documents name, and hides their sources inside shared ones', () => {
    const timeline = [entry('2004-08-28', ['folder', 'beta-memo']), entry('2025-05-14', ['beta-memo']), entry('2025-06-01', ['alpha-memo'], [['beta-memo'], ['folder', 'beta-memo']])];
    expect(visibleTimeline(timeline, documents, alpha)).toEqual([
      entry('2004-08-28', ['folder']),
      entry('2025-06-01', ['alpha-memo'], [['folder']]),
    ]);
    expect(visibleTimeline(timeline, documents, undefined)).toBe(timeline);
  });
});
