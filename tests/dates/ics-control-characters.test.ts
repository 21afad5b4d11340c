import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { timelineToIcs } from '../../src/dates/ics.js';
import type { TimelineEntry } from '../../src/dates/types.js';
import { makeDocument } from './helpers.js';

const hostile = 'Loan \u001b[31mred\u001b[0m signed\u0007 \u009b2J over\rwritten \u202eevil';

describe('an .ics TEXT value from a document with control characters', () => {
  const document = makeDocument('doc-a', `${hostile}.`, '2024-05');
  const source = { docId: 'doc-a', start: 0, end: hostile.length, quote: hostile };
  const entry: TimelineEntry = { date: '2024-05-05', end: null, precision: 'day', label: hostile, sources: [source], conflicts: [] };
  const ics = timelineToIcs([entry], [{ ...document, title: `Title \u001b]0;pwned\u0007` }], { now: new Date(Date.UTC(2026, 0, 1)) });

  it('holds no control character but the CRLF line ends', () => {
    // eslint-disable-next-line no-control-regex -- looking for control characters
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  it('shows each control character as a visible escape in the summary and description', () => {
    const [event] = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    expect(event?.getFirstPropertyValue('summary')).toBe('Loan \\u001b[31mred\\u001b[0m signed\\u0007 \\u009b2J over\\u000dwritten \\u202eevil');
    expect(String(event?.getFirstPropertyValue('description'))).toContain('Title \\u001b]0;pwned\\u0007');
  });
});
