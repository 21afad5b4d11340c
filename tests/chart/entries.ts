import type { ChartEntry } from '../../src/chart/types.js';

/** A key date for a test: a day unless `end` or a coarser precision says otherwise. */
export function entry(date: string, label: string, docId = 'doc-a', extra: Partial<ChartEntry> = {}): ChartEntry {
  const precision = date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
  return { date, end: null, precision, label, sources: [{ docId }], conflicts: [], ...extra };
}

/** `count` day-precision dates, one every `stepDays` from 1 January 2024, spread over five sources. */
export function manyDays(count: number, stepDays = 1): ChartEntry[] {
  return Array.from({ length: count }, (_, index) => {
    const day = new Date(Date.UTC(2024, 0, 1) + index * stepDays * 86_400_000).toISOString().slice(0, 10);
    return entry(day, `Event number ${index} in the dense period`, `doc-${index % 5}`);
  });
}
