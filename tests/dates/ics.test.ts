import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { timelineToIcs } from '../../src/dates/ics.js';
import type { TimelineEntry } from '../../src/dates/types.js';
import { makeDocument } from './helpers.js';

const now = new Date(Date.UTC(2026, 0, 15, 9, 30));
const document = makeDocument('doc-a', 'Body.', '2026-01');
const source = { docId: 'doc-a', start: 0, end: 5, quote: 'Body.' };

const entries: TimelineEntry[] = [
  { date: '2025-12-19', end: '2025-12-20', precision: 'day', label: 'Tokyo hosted the first summit; leaders met, and signed "150 documents"', sources: [source], conflicts: [] },
  { date: '2004-08', end: null, precision: 'month', label: 'The Central Asia Plus Japan Dialogue was formed', sources: [source], conflicts: [] },
  { date: '2024', end: null, precision: 'year', label: 'Japan agreed to loan Uzbekistan 39 billion yen', sources: [source], conflicts: [{ date: '2023', end: null, precision: 'year', sources: [source] }] },
  { date: '2025-08-24', end: null, precision: 'day', label: `A long label in Russian: МИД России заявил, что Москва отказывается от ведения переговоров ${'и '.repeat(20)}`, sources: [source], conflicts: [] },
];

function parse(text: string): ICAL.Component[] {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
}

function dates(event: ICAL.Component): [string, string] {
  const start = event.getFirstPropertyValue('dtstart') as ICAL.Time;
  const end = event.getFirstPropertyValue('dtend') as ICAL.Time;
  expect(start.isDate && end.isDate).toBe(true);
  return [start.toString(), end.toString()];
}

describe('timelineToIcs', () => {
  const ics = timelineToIcs(entries, [document], { now });
  const events = parse(ics);

  it('parses back with ical.js into one VEVENT per entry, with the label as summary', () => {
    expect(events).toHaveLength(entries.length);
    expect(events[0]?.getFirstPropertyValue('summary')).toBe(entries[0]?.label);
    expect(events[3]?.getFirstPropertyValue('summary')).toBe(entries[3]?.label);
  });

  it('makes a day range an all-day event whose DTEND is the day after its last day', () => {
    expect(dates(events[0] as ICAL.Component)).toEqual(['2025-12-19', '2025-12-21']);
    expect(dates(events[3] as ICAL.Component)).toEqual(['2025-08-24', '2025-08-25']);
  });

  it('spans a month or a year instead of inventing a day', () => {
    expect(dates(events[1] as ICAL.Component)).toEqual(['2004-08-01', '2004-09-01']);
    expect(dates(events[2] as ICAL.Component)).toEqual(['2024-01-01', '2025-01-01']);
    expect(events[1]?.getFirstPropertyValue('x-briefing-precision')).toBe('month');
  });

  it('writes DTSTAMP, CRLF line ends and lines of at most 75 octets', () => {
    expect(events[0]?.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-01-15T09:30:00Z');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('escapes commas and semicolons in text', () => {
    expect(ics).toContain('Tokyo hosted the first summit\\; leaders met\\, and signed');
  });

  it('keeps UIDs unique and stable from one export to the next', () => {
    const uids = events.map((event) => event.getFirstPropertyValue('uid'));
    expect(new Set(uids).size).toBe(uids.length);
    const again = parse(timelineToIcs(entries, [document], { now: new Date() })).map((event) => event.getFirstPropertyValue('uid'));
    expect(again).toEqual(uids);
  });

  it('cites the quotes and names a conflicting date in the description', () => {
    const description = String(events[2]?.getFirstPropertyValue('description'));
    expect(description).toContain('“Body.” (Title of doc-a; 2026-01)');
    expect(description).toContain('Dated 2023 by:');
    expect(events[2]?.getFirstPropertyValue('summary')).toContain('sources disagree');
  });
});
