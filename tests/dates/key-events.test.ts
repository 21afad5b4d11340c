import { beforeAll, describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/passage-types.js';
import type { SourceDocument } from '../../src/corpus/types.js';
import { extractKeyEvents } from '../../src/dates/key-events.js';
import { maxLabelLength } from '../../src/dates/labels.js';
import type { KeyEvent } from '../../src/dates/types.js';
import { ids, makeDocument, seedCorpus } from './helpers.js';

let documents: SourceDocument[];
let passagesOf: (docId: string) => Passage[];
let eventsOf: (docId: string) => KeyEvent[];

beforeAll(async () => {
  ({ documents, passagesOf } = await seedCorpus());
  const events = new Map(documents.map((document) => [document.id, extractKeyEvents(document, passagesOf(document.id))]));
  eventsOf = (docId) => events.get(docId) ?? [];
});

function oneParagraph(id: string, body: string, publishedIso: string | null, kind: Passage['kind'] = 'paragraph'): KeyEvent[] {
  const document = makeDocument(id, body, publishedIso);
  return extractKeyEvents(document, [{ docId: id, ordinal: 1, start: 0, end: body.length, text: body, kind, heading: null, context: null }]);
}

describe('extractKeyEvents: citations are not events', () => {
  it('keeps the August 2004 launch but not the dates of its parenthesised source citations', () => {
    const dates = eventsOf(ids.goble).map((event) => event.mention.text);
    expect(dates).toContain('August 2004');
    for (const citation of ['August 28, 2004', 'March 14', 'August 18, 2024', 'August 13, 2024', 'February 2019', 'August 8, 2024', 'March 12', 'April 16', 'May 1']) {
      expect(dates).not.toContain(citation);
    }
  });

  it('leaves out the dateline on the first line of a document', () => {
    expect(eventsOf(ids.goble).some((event) => event.mention.text === '5 May 2025')).toBe(false);
    expect(oneParagraph('dateline', '5 May 2025\n\nIn 2024, Japan agreed to a loan.', '2025-05-05').map((event) => event.date.start.iso)).toEqual(['2024']);
  });

  it('leaves out access dates, in brackets or not', () => {
    const events = oneParagraph('access', 'Japan opened an office in 2019 (accessed 20.05.2025); the agency page, accessed May 1, says so.', '2025-05-05');
    expect(events.map((event) => event.mention.text)).toEqual(['2019']);
  });

  it('leaves out author-year citations but keeps a term of office in brackets', () => {
    const events = oneParagraph('brackets', 'There was no choice (Watanabe 1995: 40). His successors Obuchi Keizo (1998–2000) followed.', '2025');
    expect(events.map((event) => event.mention.text)).toEqual(['1998–2000']);
  });

  it('leaves out bibliographic footnotes and reference lists but keeps a footnote that tells an event', () => {
    const mahmudov = eventsOf(ids.mahmudov);
    const footnoteEvents = mahmudov.filter((event) => passagesOf(ids.mahmudov).some((passage) => passage.kind !== 'paragraph' && passage.kind !== 'list-item' && passage.start <= event.mention.start && event.mention.end <= passage.end));
    expect(footnoteEvents.map((event) => event.date.start.iso)).toEqual(['2022-03-21']);
    expect(oneParagraph('reference', '2. Akiner, Shirin, ed. The Caspian. London, 2004, p. 279.', '2025', 'reference')).toEqual([]);
    expect(oneParagraph('note', '⁴ Uyama T. Japanese Policies. Cambridge, MA, MIT Press, 2003, pp. 165–186.', '2025', 'footnote')).toEqual([]);
  });

  it('takes no dates from table rows', () => {
    const rows = passagesOf(ids.mahmudov).filter((passage) => passage.kind === 'table-row');
    expect(rows.length).toBeGreaterThan(0);
    const fromRows = eventsOf(ids.mahmudov).filter((event) => rows.some((row) => row.start <= event.mention.start && event.mention.end <= row.end));
    expect(fromRows).toEqual([]);
  });
});

describe('extractKeyEvents: what each event carries', () => {
  it('quotes its sentence verbatim, with offsets into the body', () => {
    for (const document of documents) {
      for (const event of eventsOf(document.id)) {
        expect(document.body.slice(event.source.start, event.source.end)).toBe(event.source.quote);
        expect(document.body.slice(event.mention.start, event.mention.end)).toBe(event.mention.text);
        expect(event.source.start <= event.mention.start && event.mention.end <= event.source.end).toBe(true);
      }
    }
  });

  it('quotes one sentence even where a full stop follows a year ("… in 2004. Japan has …")', () => {
    const launch = eventsOf(ids.shamsuddinov).find((event) => event.date.start.iso === '2004');
    expect(launch?.source.quote).toBe('To advance its regional objectives, Japan adopted the Silk Road Diplomacy strategy in 1997 and launched the Central Asia + Japan Dialogue in 2004.');
  });

  it('labels each event with a short clause from its sentence, without the date', () => {
    for (const document of documents) {
      for (const event of eventsOf(document.id)) {
        expect(event.label.length).toBeLessThanOrEqual(maxLabelLength);
        expect(event.label.length).toBeGreaterThan(10);
      }
    }
    const summit = eventsOf(ids.shamsuddinov).find((event) => event.mention.text === '19–20 December last year');
    expect(summit?.label).toBe('Tokyo hosted the first summit of the Central Asia + Japan Dialogue');
  });

  it('dates the events of a text from January 2026 in 2025 when it says "last year"', () => {
    const dates = eventsOf(ids.shamsuddinov).map((event) => `${event.date.start.iso}${event.date.end ? `..${event.date.end.iso}` : ''}`);
    expect(dates).toEqual(expect.arrayContaining(['2025-12-19..2025-12-20', '2025-07', '2025-10', '2025-06', '2025-11', '2025-12']));
  });

  it('leaves out lengths of time, "today" in a text not dated to the day, and periods of a century', () => {
    const events = oneParagraph('vague', 'Today, the region matters. Over the two and a half years of the war, and over the past 10 years, the format grew, as it will in the 21st century.', '2025');
    expect(events).toEqual([]);
  });
});
