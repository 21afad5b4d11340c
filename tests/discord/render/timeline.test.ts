import { describe, expect, it } from 'vitest';
import { limitViolations } from '../../../src/discord/render/limits.js';
import { renderTimelinePage } from '../../../src/discord/render/timeline.js';
import { timelineEntry } from '../fixtures/documents.js';
import { unquote } from '../fixtures/passages.js';

const titleOf = (docId: string) => (docId === 'tca-2025-08-bridges-not-blocs' ? 'Bridges, not blocs' : undefined);

describe('renderTimelinePage', () => {
  it('gives each date at its precision with its quote and source', () => {
    const payload = renderTimelinePage({ entries: [timelineEntry()], filterSummary: null, page: 0, sessionId: 's', titleOf });
    const description = payload.embeds?.[0]?.description ?? '';
    expect(description.split('\n')[0]).toBe('**August 2004** — Central Asia + Japan Dialogue launched');
    expect(unquote(description.split('\n')[1] ?? '')).toBe('The Central Asia + Japan Dialogue was launched in August 2004.');
    expect(description).toContain('— *Bridges, not blocs*');
  });

  it('shows a day range as two Discord dates and flags disagreeing sources', () => {
    const entry = timelineEntry({
      date: '2025-12-19',
      end: '2025-12-20',
      precision: 'day',
      conflicts: [{ date: '2025-12-18', end: null, precision: 'day', sources: [{ docId: 'other', start: 0, end: 4, quote: 'text' }] }],
    });
    const description = renderTimelinePage({ entries: [entry], filterSummary: null, page: 0, sessionId: 's', titleOf }).embeds?.[0]?.description ?? '';
    expect(description).toMatch(/^\*\*<t:\d+:D> – <t:\d+:D>\*\*/);
    expect(description).toContain('⚠️ Sources disagree');
    expect(description).toContain('*other*');
  });

  it('attaches the calendar file when asked and always offers it as a button', () => {
    const calendar = { name: 'key-dates.ics', attachment: Buffer.from('BEGIN:VCALENDAR') };
    const payload = renderTimelinePage({ entries: [timelineEntry()], filterSummary: 'from 2004', page: 0, sessionId: 's', titleOf, calendar });
    expect(payload.files).toEqual([calendar]);
    expect(payload.embeds?.[0]?.title).toBe('Key dates (from 2004)');
    expect(payload.components?.[0]?.components.map((button) => ('custom_id' in button ? button.custom_id : ''))).toEqual(['timeline:ics:s']);
  });

  it('puts the picture before the calendar file and says what the picture hides', () => {
    const calendar = { name: 'key-dates.ics', attachment: Buffer.from('BEGIN:VCALENDAR') };
    const picture = { file: { name: 'key-dates.png', attachment: Buffer.from('png'), description: 'Key dates: 1 date.' }, hidden: ['3 labels are hidden where dates crowd (counted as +N): narrow the period with from and to to read them.'] };
    const payload = renderTimelinePage({ entries: [timelineEntry()], filterSummary: null, page: 0, sessionId: 's', titleOf, calendar, picture });
    expect(payload.files?.map((file) => file.name)).toEqual(['key-dates.png', 'key-dates.ics']);
    expect(payload.content).toBe('Picture: 3 labels are hidden where dates crowd (counted as +N): narrow the period with from and to to read them.');
    expect(limitViolations(payload)).toEqual([]);
  });

  it('names a picture alt text over Discord’s 1,024 characters as a broken limit', () => {
    const file = { name: 'key-dates.png', attachment: Buffer.from('png'), description: 'x'.repeat(1025) };
    const payload = renderTimelinePage({ entries: [timelineEntry()], filterSummary: null, page: 0, sessionId: 's', titleOf, picture: { file, hidden: [] } });
    expect(limitViolations(payload)).toEqual(['attachment key-dates.png has a description of 1025 characters']);
  });

  it('says there is no picture when one was asked for and no date matches', () => {
    const payload = renderTimelinePage({ entries: [], filterSummary: 'topic: zeppelin', page: 0, sessionId: 's', titleOf, pictureAsked: true });
    expect(payload.content).toBe('No key dates (topic: zeppelin), so there is no picture to draw. Widen the period, drop the topic, or check the source with /sources.');
  });

  it('says what to change when no date matches the filters', () => {
    const payload = renderTimelinePage({ entries: [], filterSummary: 'topic: zeppelin', page: 0, sessionId: 's', titleOf });
    expect(payload.content).toBe('No key dates (topic: zeppelin). Widen the period, drop the topic, or check the source with /sources.');
  });

  it('stays within every limit with many long entries', () => {
    const long = '*'.repeat(6000);
    const entries = Array.from({ length: 23 }, () => timelineEntry({ label: long, sources: [{ docId: long, start: 0, end: 6000, quote: long }, { docId: 'b', start: 0, end: 1, quote: 'x' }] }));
    for (let page = 0; page < 5; page += 1) {
      expect(limitViolations(renderTimelinePage({ entries, filterSummary: long, page, sessionId: 's', titleOf }))).toEqual([]);
    }
  });
});
