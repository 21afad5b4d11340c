import { beforeAll, describe, expect, it } from 'vitest';
import type { SourceDocument } from '../../src/corpus/types.js';
import { extractKeyEvents } from '../../src/dates/key-events.js';
import { mergeEvents } from '../../src/dates/merge.js';
import type { KeyEvent } from '../../src/dates/types.js';
import { goldEvents } from './gold-timeline.js';
import { seedCorpus } from './helpers.js';
import { mergeEventsByComparingAll } from './merge-reference.js';

let seedEvents: KeyEvent[];

beforeAll(async () => {
  const seed = await seedCorpus();
  seedEvents = seed.documents.flatMap((document: SourceDocument) => extractKeyEvents(document, seed.passagesOf(document.id)));
});

/** A key event as the merge sees it: only the date, the label and where it is said matter. */
function event(docId: string, iso: string, label: string, at: number, end: string | null = null): KeyEvent {
  const precision = iso.length === 4 ? 'year' : iso.length === 7 ? 'month' : 'day';
  const source = { docId, start: at, end: at + label.length, quote: label };
  return { docId, date: { start: { iso, precision }, end: end ? { iso: end, precision } : null }, label, source, mention: { start: at, end: at + 4, text: iso } };
}

/** A small seeded generator, so a failing case can be replayed. */
function random(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * below);
  };
}

const defaultDates = ['2004', '2004-08', '2004-08-28', '2004-09', '2005', '2005-01-15', '2024', '2024-05', '2024-05-20', '2024-12'];

/** Forty days of one year, its months and the year itself: "1987" agrees with all of them, as in Reuters. */
const oneBusyYear = ['1987', '1987-03', '1987-04', ...Array.from({ length: 40 }, (_, day) => `1987-${day < 20 ? '03' : '04'}-${String((day % 20) + 1).padStart(2, '0')}`)];

/**
 * Events drawn from a small vocabulary, with common and rare words and dates at every precision
 * around a few years, so that many share words and dates: merges, near misses, ties and conflicts.
 */
function generatedEvents(seed: number, count: number, dates = defaultDates): KeyEvent[] {
  const next = random(seed);
  const common = ['japan', 'loan', 'trade', 'summit', 'minister', 'signed', 'agreement', 'bank'];
  const rare = ['uzbekistan', 'tashkent', 'railway', 'uranium', 'cotton', 'pipeline', 'astana', 'bishkek', 'water', 'treaty', 'grant', 'airport'];
  return Array.from({ length: count }, (_, index) => {
    const words = Array.from({ length: 2 + next(6) }, () => (next(3) === 0 ? rare[next(rare.length)] : common[next(common.length)]) ?? 'japan');
    const iso = dates[next(dates.length)] ?? '2024';
    const end = next(8) === 0 && iso.length === 4 ? String(Number(iso) + 1) : null;
    return event(`doc-${next(12)}`, iso, words.join(' '), index * 100, end);
  });
}

describe('mergeEvents: the indexed merge gives exactly what comparing every group gave', () => {
  it('on the key events of the seed corpus', () => {
    expect(seedEvents.length).toBeGreaterThan(50);
    expect(mergeEvents(seedEvents)).toEqual(mergeEventsByComparingAll(seedEvents));
  });

  it('on the events of the gold timeline, labelled with their quotes', () => {
    const events = goldEvents.map((gold, index) => event(gold.docId, gold.date, gold.quote, index * 1000, gold.end ?? null));
    expect(mergeEvents(events)).toEqual(mergeEventsByComparingAll(events));
  });

  it('on generated events that share many words and dates, for many seeds', () => {
    let merged = 0;
    let conflicts = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const events = generatedEvents(seed, 40 + (seed % 5) * 40);
      const entries = mergeEvents(events);
      expect(entries, `seed ${seed}`).toEqual(mergeEventsByComparingAll(events));
      merged += entries.filter((entry) => entry.sources.length > 1).length;
      conflicts += entries.filter((entry) => entry.conflicts.length > 0).length;
    }
    // The generated cases really exercise merging and conflicts, not only events that stand alone.
    expect(merged).toBeGreaterThan(100);
    expect(conflicts).toBeGreaterThan(5);
  });

  it('when a coarse date agrees with the dates of many groups of its year', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const events = generatedEvents(seed, 400, oneBusyYear);
      expect(mergeEvents(events), `seed ${seed}`).toEqual(mergeEventsByComparingAll(events));
    }
  });

  it('in any order of the same events', () => {
    const events = generatedEvents(7, 150);
    const reversed = [...events].reverse();
    expect(mergeEvents(reversed)).toEqual(mergeEventsByComparingAll(reversed));
  });
});
