import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../src/dates/types.js';
import { composeDigest } from '../../src/digest/compose.js';
import type { ComposeDigestInput, DigestDocumentInput } from '../../src/digest/types.js';
import { entry } from './helpers.js';

const documents: DigestDocumentInput[] = [
  { docId: 'seed-001', title: 'Japan and Central Asia: twenty years of dialogue', addedAt: new Date('2026-08-20T09:00:00Z') },
  { docId: 'seed-002', title: 'Tokyo summit analysis', addedAt: new Date('2026-08-01T09:00:00Z') },
  { docId: 'seed-003', title: 'A source added after the digest day', addedAt: new Date('2026-08-26T09:00:00Z') },
];

const launch = entry('2004-08-28', 'launch of the Central Asia + Japan Dialogue', 'seed-001', {
  sources: [
    { docId: 'seed-001', start: 10, end: 60, quote: 'The dialogue was launched on 28 August 2004 in Astana.' },
    { docId: 'seed-002', start: 500, end: 540, quote: 'launched in August 2004' },
  ],
});

const timeline: TimelineEntry[] = [
  launch,
  entry('2025-08-24', 'landing in Kazakhstan'),
  entry('2024-08', 'ministerial meeting in Tokyo', 'seed-002'),
  entry('2026-08-20', 'summit in Astana'),
  entry('2026-08-15', 'joint exercise', 'seed-001', { end: '2026-08-26' }),
  entry('2026-08-29', 'business forum', 'seed-002', { end: '2026-08-30' }),
  entry('2026-09-05', 'a date after the window'),
  entry('2016', 'a year-precision event'),
];

function compose(overrides: Partial<ComposeDigestInput> = {}) {
  return composeDigest({ timeline, today: new Date('2026-08-25T10:00:00Z'), timeZone: 'Asia/Tashkent', windowDays: 7, since: new Date('2026-08-19T00:00:00Z'), documents, ...overrides });
}

describe('composeDigest', () => {
  it('sets the window ahead from today and the past window before it, in the time zone', () => {
    const digest = compose();
    expect(digest.today).toBe('2026-08-25');
    expect(digest.window).toEqual({ from: '2026-08-25', to: '2026-08-31' });
    expect(digest.pastWindow).toEqual({ from: '2026-08-18', to: '2026-08-24' });
  });

  it('reads today in the time zone, not in UTC', () => {
    // 20:00 UTC on the 24th is already 01:00 on the 25th in Tashkent, and still the 24th in New York.
    const evening = new Date('2026-08-24T20:00:00Z');
    expect(compose({ today: evening }).today).toBe('2026-08-25');
    expect(compose({ today: evening, timeZone: 'America/New_York' }).today).toBe('2026-08-24');
  });

  it('finds a day-precision anniversary by its day, worded "years ago this week", with every source', () => {
    const [first] = compose().anniversaries.filter((anniversary) => anniversary.event.precision === 'day');
    expect(first).toMatchObject({ years: 22, on: '2026-08-28', wording: '22 years ago this week', milestone: false });
    expect(first?.event.citations.map((citation) => [citation.docId, citation.title, citation.quote])).toEqual([
      ['seed-001', 'Japan and Central Asia: twenty years of dialogue', 'The dialogue was launched on 28 August 2004 in Astana.'],
      ['seed-002', 'Tokyo summit analysis', 'launched in August 2004'],
    ]);
  });

  it('finds a month-precision anniversary in its month and never invents a day for it', () => {
    const monthly = compose().anniversaries.find((anniversary) => anniversary.event.precision === 'month');
    expect(monthly).toMatchObject({ years: 2, on: '2026-08', wording: '2 years ago this month' });
  });

  it('gives year-precision events no anniversary and keeps out anniversaries outside the window', () => {
    const labels = compose().anniversaries.map((anniversary) => anniversary.event.label);
    expect(labels).not.toContain('a year-precision event');
    // 24 August is yesterday: in the past window, not in the window ahead.
    expect(labels).not.toContain('landing in Kazakhstan');
  });

  it('lists events dated in the past window, ranges still running included, and upcoming events in the window', () => {
    const digest = compose();
    expect(digest.recent.map((event) => event.label)).toEqual(['joint exercise', 'summit in Astana']);
    expect(digest.upcoming.map((event) => event.label)).toEqual(['business forum']);
  });

  it('lists the documents added since the last digest and none added after the digest day', () => {
    expect(compose().newDocuments.map((document) => document.docId)).toEqual(['seed-001']);
    expect(compose({ since: null }).newDocuments.map((document) => document.docId)).toEqual(['seed-001']);
    expect(compose({ since: new Date('2026-07-01T00:00:00Z') }).newDocuments.map((document) => document.docId)).toEqual(['seed-002', 'seed-001']);
  });

  it('lists only the new documents the server sees: its own and those shared with every server, each with who added it', () => {
    const added: DigestDocumentInput[] = [
      { docId: 'ours', title: 'Added here', addedAt: new Date('2026-08-21T09:00:00Z'), addedBy: { kind: 'member', name: 'Ada' }, scope: 'guild-a' },
      { docId: 'theirs', title: 'Added elsewhere', addedAt: new Date('2026-08-21T10:00:00Z'), addedBy: { kind: 'member', name: 'Eve' }, scope: 'guild-b' },
      { docId: 'shared', title: 'From the command line', addedAt: new Date('2026-08-22T09:00:00Z'), addedBy: { kind: 'command-line' }, scope: null },
    ];
    const forA = compose({ documents: [...documents, ...added], guildId: 'guild-a' }).newDocuments;
    expect(forA.map((document) => [document.docId, document.addedBy])).toEqual([
      ['seed-001', { kind: 'folder' }],
      ['ours', { kind: 'member', name: 'Ada' }],
      ['shared', { kind: 'command-line' }],
    ]);
    expect(compose({ documents: added, guildId: 'guild-b' }).newDocuments.map((document) => document.docId)).toEqual(['theirs', 'shared']);
    expect(compose({ documents: added }).newDocuments.map((document) => document.docId)).toEqual(['ours', 'theirs', 'shared']);
  });

  it('is not empty when the only news is a document added in the server, and is empty when it was added in another', () => {
    const quiet = { timeline: [], documents: [{ docId: 'ours', title: 'Added here', addedAt: new Date('2026-08-21T09:00:00Z'), addedBy: { kind: 'member', name: 'Ada' }, scope: 'guild-a' }] } satisfies Partial<ComposeDigestInput>;
    expect(compose({ ...quiet, guildId: 'guild-a' }).empty).toBe(false);
    expect(compose({ ...quiet, guildId: 'guild-b' }).empty).toBe(true);
  });

  it('words anniversaries by how far ahead they fall', () => {
    const wordings = composeDigest({
      timeline: [entry('2000-08-25', 'today'), entry('2000-08-26', 'tomorrow'), entry('2001-09-03', 'next week'), entry('2005-09-20', 'later'), entry('1999-09', 'next month')],
      today: new Date('2026-08-25T10:00:00Z'),
      timeZone: 'UTC',
      windowDays: 30,
      since: null,
      documents: [],
    }).anniversaries.map((anniversary) => [anniversary.event.label, anniversary.wording, anniversary.milestone]);
    expect(wordings).toEqual([
      ['today', '26 years ago today', false],
      ['tomorrow', '26 years ago tomorrow', false],
      ['next month', '27 years ago next month', false],
      ['next week', '25 years ago next week', true],
      ['later', '21 years ago on 20 September', false],
    ]);
  });

  it('finds anniversaries across the new year and puts 29 February on the 28th in other years', () => {
    const newYear = composeDigest({ timeline: [entry('2000-01-02', 'new year event')], today: new Date('2026-12-29T12:00:00Z'), timeZone: 'UTC', windowDays: 7, since: null, documents: [] });
    expect(newYear.anniversaries.map((anniversary) => [anniversary.on, anniversary.years])).toEqual([['2027-01-02', 27]]);
    const leap = composeDigest({ timeline: [entry('2020-02-29', 'leap day event')], today: new Date('2027-02-25T12:00:00Z'), timeZone: 'UTC', windowDays: 7, since: null, documents: [] });
    expect(leap.anniversaries.map((anniversary) => [anniversary.on, anniversary.years])).toEqual([['2027-02-28', 7]]);
  });

  it('carries the dates that sources disagree on, with their citations', () => {
    const disputed = entry('2004-08-28', 'disputed launch', 'seed-001', {
      conflicts: [{ date: '2004-08-29', end: null, precision: 'day', sources: [{ docId: 'seed-002', start: 1, end: 20, quote: 'on 29 August 2004' }] }],
    });
    const [anniversary] = composeDigest({ timeline: [disputed], today: new Date('2026-08-25T10:00:00Z'), timeZone: 'UTC', windowDays: 7, since: null, documents }).anniversaries;
    expect(anniversary?.event.conflicts).toEqual([{ date: '2004-08-29', end: null, precision: 'day', citations: [{ docId: 'seed-002', start: 1, end: 20, quote: 'on 29 August 2004', title: 'Tokyo summit analysis' }] }]);
  });

  it('says so and names the next key date when nothing falls in the window', () => {
    const digest = composeDigest({ timeline: [launch, entry('2016', 'a year-precision event')], today: new Date('2026-03-01T12:00:00Z'), timeZone: 'Europe/Berlin', windowDays: 7, since: new Date('2026-02-20T00:00:00Z'), documents: [] });
    expect(digest.empty).toBe(true);
    expect(digest.emptyMessage).toBe(
      'Nothing in the timeline falls between 22 February 2026 and 7 March 2026, and no document was added since 20 February 2026. ' +
        'The next key date is 28 August 2026: 22 years since "launch of the Central Asia + Japan Dialogue" (28 August 2004).',
    );
    expect(digest.nextKeyDate).toMatchObject({ kind: 'anniversary', on: '2026-08-28', years: 22 });
  });

  it('names an event still to come as the next key date when it comes first', () => {
    const digest = composeDigest({ timeline: [launch, entry('2026-05', 'planned summit')], today: new Date('2026-03-01T12:00:00Z'), timeZone: 'UTC', windowDays: 7, since: null, documents: [] });
    expect(digest.nextKeyDate).toMatchObject({ kind: 'event', on: '2026-05', description: 'May 2026: planned summit' });
  });

  it('says the timeline has no later key date when it is empty', () => {
    const digest = composeDigest({ timeline: [], today: new Date('2026-03-01T12:00:00Z'), timeZone: 'UTC', windowDays: 1, since: null, documents: [] });
    expect(digest.emptyMessage).toMatch(/^Nothing in the timeline falls between 28 February 2026 and 1 March 2026, .*The timeline has no later key date\.$/);
  });
});
