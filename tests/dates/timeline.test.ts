import { beforeAll, describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/passage-types.js';
import type { SourceDocument } from '../../src/corpus/types.js';
import { UserError } from '../../src/errors.js';
import { buildTimeline, filterTimeline } from '../../src/dates/timeline.js';
import type { TimelineEntry } from '../../src/dates/types.js';
import { ids, makeDocument, seedCorpus } from './helpers.js';

let documents: SourceDocument[];
let timeline: TimelineEntry[];

beforeAll(async () => {
  const seed = await seedCorpus();
  documents = seed.documents;
  timeline = buildTimeline(documents, seed.passagesOf);
});

function wholeBody(document: SourceDocument): Passage[] {
  return [{ docId: document.id, ordinal: 1, start: 0, end: document.body.length, text: document.body, kind: 'paragraph', heading: null, context: null }];
}

describe('buildTimeline on the seed corpus', () => {
  it('makes the 2004 launch of the Central Asia + Japan Dialogue one entry with all five documents', () => {
    const launch = timeline.filter((entry) => entry.date.startsWith('2004') && /dialogue/i.test(entry.sources.map((source) => source.quote).join(' ')));
    const widest = launch.sort((a, b) => b.sources.length - a.sources.length)[0];
    expect(new Set(widest?.sources.map((source) => source.docId))).toEqual(new Set(Object.values(ids)));
    // Goble gives the month; the others only the year, which agrees with it.
    expect(widest).toMatchObject({ date: '2004-08', precision: 'month', end: null, conflicts: [] });
  });

  it('merges the 2024 loan to Uzbekistan told by Goble and PNN, but not with the cancelled 2024 summit', () => {
    const loan = timeline.find((entry) => entry.date === '2024' && /loan/i.test(entry.label));
    expect(loan?.sources.map((source) => source.docId).sort()).toEqual([ids.goble, ids.pnn]);
    expect(loan?.sources.some((source) => /summit meeting/.test(source.quote))).toBe(false);
  });

  it('is sorted by date, a year before its months', () => {
    const keys = timeline.map((entry) => entry.date);
    expect(keys).toEqual([...keys].sort((a, b) => a.localeCompare(b)));
    expect(keys.indexOf('2024')).toBeLessThan(keys.indexOf('2024-05'));
  });

  it('quotes every source exactly as the body has it', () => {
    const bodies = new Map(documents.map((document) => [document.id, document.body]));
    for (const entry of timeline) {
      for (const source of entry.sources) expect(bodies.get(source.docId)?.slice(source.start, source.end)).toBe(source.quote);
    }
  });
});

describe('buildTimeline: disagreeing sources', () => {
  it('shows both dates and flags the conflict when two documents date the same event differently', () => {
    const first = makeDocument('first', 'The Tashkent water-sharing treaty was signed by Uzbekistan and Kyrgyzstan in March 2019, ending a long dispute.', '2025');
    const second = makeDocument('second', 'Uzbekistan and Kyrgyzstan signed the Tashkent water-sharing treaty in 2020, ending the dispute.', '2025');
    const entries = buildTimeline([first, second], (docId) => wholeBody(docId === 'first' ? first : second));
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry?.sources.map((source) => source.docId)).toHaveLength(1);
    expect(entry?.conflicts).toHaveLength(1);
    const dates = [entry?.date, entry?.conflicts[0]?.date].sort();
    expect(dates).toEqual(['2019-03', '2020']);
  });

  it('does not call two different events with different dates a conflict', () => {
    const first = makeDocument('first', 'The Japanese prime minister cancelled a summit with Central Asian leaders in 2024 because of an earthquake threat.', '2025');
    const second = makeDocument('second', 'Tokyo hosted the first Central Asia + Japan summit in December 2025.', '2026');
    const entries = buildTimeline([first, second], (docId) => wholeBody(docId === 'first' ? first : second));
    expect(entries).toHaveLength(2);
    expect(entries.every((entry) => entry.conflicts.length === 0)).toBe(true);
  });
});

describe('filterTimeline', () => {
  it('keeps entries that overlap the period', () => {
    const kept = filterTimeline(timeline, { from: '2025-06', to: '2025-10' });
    expect(kept.map((entry) => entry.date)).toEqual(expect.arrayContaining(['2025-06', '2025-07', '2025-08-24', '2025-10']));
    // A year or month reaches to its last day: "2023 to 2025" overlaps June 2025.
    const lastDay = (iso: string) => `${iso}${'-12-31'.slice(iso.length - 4)}`;
    expect(kept.every((entry) => lastDay(entry.end ?? entry.date) >= '2025-06-01' && entry.date <= '2025-10-31')).toBe(true);
    expect(kept.some((entry) => entry.date === '2025-03')).toBe(false);
  });

  it('keeps a range that only starts before the period', () => {
    const kept = filterTimeline(timeline, { from: '2024-06', to: '2024-12' });
    expect(kept.some((entry) => entry.date === '2023' && entry.end === '2024')).toBe(true);
  });

  it('filters by document, including its conflicting sources', () => {
    const kept = filterTimeline(timeline, { docId: ids.tca });
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((entry) => entry.sources.some((source) => source.docId === ids.tca))).toBe(true);
  });

  it('filters by topic words, compared by stem', () => {
    const kept = filterTimeline(timeline, { topic: 'summits' });
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((entry) => /summit/i.test([entry.label, ...entry.sources.map((source) => source.quote)].join(' ')))).toBe(true);
  });

  it.each([['2024-13'], ['May 2024'], ['2025-02-30'], ['24']])('rejects "%s" as a period bound with an example of a good one', (value) => {
    expect(() => filterTimeline(timeline, { from: value })).toThrow(UserError);
    expect(() => filterTimeline(timeline, { to: value })).toThrow(/for example 2004, 2024-08 or 2025-12-19/);
  });

  it('rejects a period whose start is after its end', () => {
    expect(() => filterTimeline(timeline, { from: '2025', to: '2024' })).toThrow(/Swap them/);
  });
});
