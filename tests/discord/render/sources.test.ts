import { describe, expect, it } from 'vitest';
import { limitViolations } from '../../../src/discord/render/limits.js';
import { renderSourceDetails, renderSourceList } from '../../../src/discord/render/sources.js';
import { sourceDocument, timelineEntry } from '../fixtures/documents.js';

describe('renderSourceList', () => {
  it('lists each document with its author, outlet, date at its precision and id', () => {
    const documents = [sourceDocument(), sourceDocument({ id: 'b', title: 'Second', author: null, published: { iso: '2025', precision: 'year' } })];
    const fields = renderSourceList({ documents, page: 0, passageTotal: () => 7 }).embeds?.[0]?.fields ?? [];
    expect(fields.map((field) => field.name)).toEqual(['Bridges, not blocs', 'Second']);
    expect(fields[0]?.value).toMatch(/^A\. Writer · The Times of Central Asia · <t:\d+:D>\nid: tca-2025-08-bridges-not-blocs · 7 passages$/);
    expect(fields[1]?.value).toContain('author unknown · The Times of Central Asia · 2025');
  });

  it('pages a large corpus ten documents at a time within every limit', () => {
    const documents = Array.from({ length: 31 }, (_, index) => sourceDocument({ id: `doc-${index}`, title: `*${'T'.repeat(900)}`, author: '_'.repeat(900) }));
    const last = renderSourceList({ documents, page: 3, passageTotal: () => 1 });
    expect(last.embeds?.[0]?.fields).toHaveLength(1);
    expect(last.embeds?.[0]?.footer?.text).toBe('Page 4 of 4');
    for (let page = 0; page < 4; page += 1) expect(limitViolations(renderSourceList({ documents, page, passageTotal: () => 1 }))).toEqual([]);
  });

  it('says how to add documents when the corpus is empty', () => {
    expect(renderSourceList({ documents: [], page: 0, passageTotal: () => 0 }).content).toContain('Add documents (PDF, DOCX, HTML, Markdown or text)');
  });
});

describe('renderSourceDetails', () => {
  it('shows how the date is known and the key dates of the document', () => {
    const payload = renderSourceDetails({ document: sourceDocument(), passageTotal: 12, keyDates: [timelineEntry()] });
    const fields = payload.embeds?.[0]?.fields ?? [];
    expect(fields.find((field) => field.name === 'Published')?.value).toContain('dateline on the first line of the text');
    expect(fields.find((field) => field.name === 'Key dates (1)')?.value).toBe('**August 2004** Central Asia + Japan Dialogue launched');
  });

  it('points to /timeline for key dates beyond what fits', () => {
    const keyDates = Array.from({ length: 40 }, (_, index) => timelineEntry({ label: `Event ${index} ${'x'.repeat(80)}` }));
    const payload = renderSourceDetails({ document: sourceDocument(), passageTotal: 12, keyDates });
    expect(limitViolations(payload)).toEqual([]);
    expect(payload.embeds?.[0]?.fields?.at(-1)?.value).toMatch(/…and \d+ more: \/timeline source: tca-2025-08-bridges-not-blocs$/);
  });
});
