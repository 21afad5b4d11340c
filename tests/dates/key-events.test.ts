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
    expect(dates).toEqual(expect.arrayContaining(['2025-12-19..2025-12-20', '2025-07', '2025-10', '2025-06', '2025-11..2025-12']));
  });

  it('leaves out lengths of time, "today" in a text not dated to the day, and periods of a century', () => {
    const events = oneParagraph('vague', 'Today, the region matters. Over the two and a half years of the war, and over the past 10 years, the format grew, as it will in the 21st century.', '2025');
    expect(events).toEqual([]);
  });
});

describe('extractKeyEvents: dates coordinated in one phrase are one event', () => {
  const spans = (events: KeyEvent[]) => events.map((event) => `${event.date.start.iso}${event.date.end ? `..${event.date.end.iso}` : ''}`);

  it('tells "Attacks … in late November and early December last year" as one 2025-11..2025-12 event with a clean label', () => {
    const attacks = eventsOf(ids.shamsuddinov).filter((event) => event.source.quote.startsWith('Attacks on Chinese enterprises'));
    expect(attacks).toHaveLength(1);
    expect(attacks[0]?.date).toEqual({ start: { iso: '2025-11', precision: 'month' }, end: { iso: '2025-12', precision: 'month' } });
    expect(attacks[0]?.mention.text).toBe('late November and early December last year');
    expect(attacks[0]?.label).toMatch(/^Attacks on Chinese enterprises highlighted how closely China’s security is linked/);
  });

  it('tells "public opinion polls conducted in 2015 and 2016" as one 2015..2016 event whose label mangles neither date', () => {
    const polls = eventsOf(ids.mahmudov).filter((event) => event.source.quote.includes('public opinion polls'));
    expect(spans(polls)).toEqual(['2015..2016']);
    expect(polls[0]?.label).not.toMatch(/conducted (?:and|in 2015 and),/);
  });

  it('keeps the coarsest precision its dates give: "in 2015 and March 2016" is 2015..2016, "in May and June 2024" is 2024-05..2024-06', () => {
    expect(spans(oneParagraph('mixed', 'Surveys ran in 2015 and March 2016 across the region.', '2025'))).toEqual(['2015..2016']);
    expect(spans(oneParagraph('shared-year', 'Talks were held in May and June 2024 in Tashkent.', '2025-08'))).toEqual(['2024-05..2024-06']);
  });

  it('joins "in 2015, 2016 and 2017" and "in 2015 or 2016" into one event each', () => {
    expect(spans(oneParagraph('list', 'Forums took place in 2015, 2016 and 2017 in Almaty.', '2025'))).toEqual(['2015..2017']);
    expect(spans(oneParagraph('either', 'The agreement was signed in 2015 or 2016 by both sides.', '2025'))).toEqual(['2015..2016']);
  });

  it('keeps dates apart when words stand between them: "in 1997 it increased …, and in 1998 it increased …"', () => {
    const events = oneParagraph('apart', 'If in 1993, aid was $2.57 million, then in 1997 it increased to $145.38, and in 1998 it increased to $228.15 million.', '2025');
    expect(spans(events)).toEqual(['1993', '1997', '1998']);
  });
});

/** Words a label must not open with after "…": it would start half way through a phrase. */
const danglingOpeners = /^(?:and|or|but|nor|in|on|at|of|for|from|to|with|by|into|than|between|during|since|until)$/i;
/** Words a label must not stop on. */
const danglingClosers = /^(?:and|or|but|nor|in|on|at|of|for|from|to|with|by|into|than|between|during|since|until|the|a|an)$/i;

/** A word reduced to its letters and digits, so a label word can be found among a quote's words. */
function core(word: string): string {
  return word.replace(/[^\p{L}0-9]/gu, '').toLowerCase();
}

describe('extractKeyEvents: labels read as text taken from the sentence', () => {
  it('never begins or ends any seed label with a dangling conjunction or preposition, nor leaves a stray comma', () => {
    for (const document of documents) {
      for (const { label } of eventsOf(document.id)) {
        const words = label.replace(/^…|…$/g, '').split(/\s+/);
        const first = core(words[0] ?? '');
        const last = core(words.at(-1) ?? '');
        expect(/^(?:and|or|but|nor)$/i.test(first), label).toBe(false);
        if (label.startsWith('…')) expect(danglingOpeners.test(first), label).toBe(false);
        expect(danglingClosers.test(last), label).toBe(false);
        expect(label, label).not.toMatch(/^[\s,;:.]|\s[,;:.]|[,;:]\s*[,;:]|\b(?:and|or|in|on|at|of|to|for|from|with|by)\s*[,;:.]/i);
      }
    }
  });

  it('cuts no seed label mid-word: every word of a label is a whole word of its sentence', () => {
    for (const document of documents) {
      for (const { label, source } of eventsOf(document.id)) {
        const quoteWords = new Set(source.quote.split(/[\s—–]+/).map(core));
        const missing = label.replace(/…/g, ' ').split(/[\s—–]+/).map(core).filter((word) => word && !quoteWords.has(word));
        expect(missing, label).toEqual([]);
      }
    }
  });
});
