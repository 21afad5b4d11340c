import type { ChartEntry } from '../../src/chart/types.js';

const precisions = ['day', 'month', 'year'] as const;

/**
 * `count` key dates shaped like the corpus timeline, deterministic: mixed precisions, a third of
 * them periods, crowded in recent years, spread over five sources, every tenth disputed.
 */
export function syntheticEntries(count: number, labels: readonly string[]): ChartEntry[] {
  return Array.from({ length: count }, (_, index): ChartEntry => {
    const precision = precisions[index % 3] ?? 'day';
    // Squaring the position crowds the later years, as the corpus does after 2004.
    const position = Math.sqrt((index * 7919) % count / count);
    const day = new Date(Date.UTC(1990, 0, 1) + position * 36 * 365.25 * 86_400_000);
    const iso = day.toISOString().slice(0, precision === 'day' ? 10 : precision === 'month' ? 7 : 4);
    // Every fourth is a period: a few years, or (for days) a span ending on the 28th of a later month.
    const end = index % 4 !== 1 ? null : precision === 'day' ? `${iso.slice(0, 5)}${String(Math.min(12, Number(iso.slice(5, 7)) + 1)).padStart(2, '0')}-28` : String(Number(iso.slice(0, 4)) + 1 + (index % 5)) + iso.slice(4);
    return {
      date: iso,
      end,
      precision,
      label: labels[index % labels.length] ?? `Event ${index}`,
      sources: [{ docId: `source-${index % 5}` }],
      conflicts: index % 10 === 0 ? [{ date: String(Number(iso.slice(0, 4)) + 1), end: null, precision: 'year' }] : [],
    };
  }).sort((a, b) => a.date.localeCompare(b.date));
}
