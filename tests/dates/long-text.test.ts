import * as chrono from 'chrono-node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { splitPassages } from '../../src/corpus/passages.js';
import { maxSentenceChars } from '../../src/corpus/sentences.js';
import { isDateline } from '../../src/dates/citations.js';
import { extractDateMentions } from '../../src/dates/extract.js';
import { extractKeyEvents } from '../../src/dates/key-events.js';
import { longestAddressChars, maskAddresses } from '../../src/dates/non-dates.js';
import { chronoChunkChars, parseInChunks } from '../../src/dates/recognisers/chrono.js';
import { makeDocument, published } from './helpers.js';

/**
 * Date extraction stays linear in a text's length because what costs more than linear (chrono-node,
 * the address pattern) only ever sees bounded spans, and everything per date looks at a bounded
 * neighbourhood. These tests check the bounds, and that the bounded readings equal the unbounded
 * ones on ordinary text; speed itself is measured by `npm run bench:text`.
 */

afterEach(() => {
  vi.restoreAllMocks();
});

function repeatTo(unit: string, chars: number): string {
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

/** The lengths of every text chrono-node is asked to read while `run` runs. */
function chronoInputLengths(run: () => void): number[] {
  const parse = vi.spyOn(chrono.Chrono.prototype, 'parse');
  run();
  return parse.mock.calls.map(([text]) => text.length);
}

const prose =
  'On 28 August 2004 the foreign ministers met in Astana, and on August 5, 2024 a second meeting followed. ' +
  'From March 3 to April 5, 2025 the talks went on; at the end of May 2025 they were done. The loan of 19.05.2024 ' +
  'was signed last Friday, two weeks ago, and will be paid by next March. Between 1993 and 2023 trade grew. ';

describe('date extraction on long texts', () => {
  it('never hands chrono-node more than chronoChunkChars of a long run-on text, yet reads all of its dates', () => {
    const text = repeatTo('Japan loan Uzbekistan August 2024 ', 200_000);
    let mentions = 0;
    const lengths = chronoInputLengths(() => {
      mentions = extractDateMentions(text, { referenceDate: published('2025-01-01') }).filter((mention) => mention.text === 'August 2024').length;
    });
    expect(lengths.length).toBeGreaterThan(text.length / chronoChunkChars);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(chronoChunkChars);
    expect(mentions).toBe(text.split('August 2024').length - 1);
  });

  it('reads dates in chunks exactly as chrono-node reads the whole text at once', () => {
    const text = repeatTo(prose, 30_000);
    const parser = chrono.en.casual.clone();
    const reference = { year: 2025, month: 6, day: 1 };
    const whole = parser.parse(text, { instant: new Date(Date.UTC(2025, 5, 1, 12)), timezone: 0 });
    const chunked = parseInChunks(parser, text, 0, reference);
    expect(chunked.map((result) => [result.index, result.text])).toEqual(whole.map((result) => [result.index, result.text]));
    expect(chunked.length).toBeGreaterThan(100);
  });

  it('extracts the key events of a 1 MiB run-on document, each from a bounded sentence', () => {
    const body = repeatTo('Japan loan Uzbekistan 2024 ', 1024 * 1024);
    const document = makeDocument('run-on', body, '2025-01-01');
    const passages = splitPassages(document);
    let events: ReturnType<typeof extractKeyEvents> = [];
    const lengths = chronoInputLengths(() => {
      events = extractKeyEvents(document, passages);
    });
    expect(Math.max(...lengths)).toBeLessThanOrEqual(chronoChunkChars);
    expect(events.length).toBeGreaterThan(500);
    for (const event of events) {
      expect(event.source.quote.length).toBeLessThanOrEqual(maxSentenceChars);
      expect(body.slice(event.source.start, event.source.end)).toBe(event.source.quote);
      expect(event.date.start.iso).toBe('2024');
    }
  });

  it('finds every date of a long comma-separated list of years', () => {
    const years = Array.from({ length: 3000 }, (_, index) => 1000 + (index % 1000) + (index >= 1000 ? 1000 : 0)).filter((year) => year >= 1800 && year <= 2099);
    const text = `In ${years.join(', ')} and 2100 the loans were signed.`;
    const mentions = extractDateMentions(text, { referenceDate: published('2025') });
    expect(mentions.filter((mention) => mention.kind === 'date').length).toBeGreaterThanOrEqual(years.length);
  });
});

/** maskAddresses as it was: the address pattern over the whole text at once. */
const addressPattern = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"]+|\b[\w-]+(?:\.[\w-]+)+\/[^\s<>"]*|(?=[^\s<>"()]*\p{L})[^\s<>"()]*\/[^\s<>"()]*\/[^\s<>"()]*|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;
function maskInOnePass(text: string): string {
  if (!/[/@]/.test(text)) return text;
  return text.replace(addressPattern, (address) => ' '.repeat(address.length));
}

/** A small seeded generator, so a failing case can be replayed. */
function random(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * below);
  };
}

function randomText(next: (below: number) => number, alphabet: string[], length: number): string {
  return Array.from({ length }, () => alphabet[next(alphabet.length)] ?? ' ').join('');
}

describe('maskAddresses on long texts', () => {
  it('masks as the pattern over the whole text did, on many generated texts with addresses', () => {
    const next = random(42);
    const alphabet = ['a', 'Z', '1', '2', '.', '/', '@', '-', '_', '+', ':', '(', ')', '<', '"', ' ', ' ', '\n', 'www.', 'http://', 'ria.ru/', 'x@y.com', '2024', 'ж'];
    for (let index = 0; index < 3000; index++) {
      const text = randomText(next, alphabet, 1 + next(40));
      expect(maskAddresses(text), JSON.stringify(text)).toBe(maskInOnePass(text));
    }
  });

  it('blanks a run without spaces too long to be an address whole, keeping the text length', () => {
    const blob = `a/b${repeatTo('Japan-loan-2024,', 200_000)}`;
    const text = `In 2024 ${blob} and in 2025.`;
    const masked = maskAddresses(text);
    expect(masked.length).toBe(text.length);
    expect(masked).toBe(`In 2024 ${' '.repeat(blob.length)} and in 2025.`);
    expect(blob.length).toBeGreaterThan(longestAddressChars);
  });
});

/** isDateline as it was: the whole line sliced out and read. */
function isDatelineOfWholeLine(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEndIndex = text.indexOf('\n', end);
  const line = text.slice(lineStart, lineEndIndex < 0 ? text.length : lineEndIndex);
  const rest = (text.slice(lineStart, start) + text.slice(end, lineEndIndex < 0 ? text.length : lineEndIndex)).replace(/[\s*_#.,:;–—-]/g, '');
  return rest === '' || (line.length < 40 && /^(?:dated?|published|posted|updated|on)?$/i.test(rest));
}

describe('isDateline reads only the date’s neighbourhood', () => {
  it('answers as reading the whole line did, on many generated lines', () => {
    const next = random(7);
    const alphabet = ['2024', 'May', ' ', ' ', '\n', '-', '*', '#', '.', 'Published', 'on', 'x', '—', 'dated', '   '];
    for (let index = 0; index < 3000; index++) {
      const before = randomText(next, alphabet, next(12));
      const after = randomText(next, alphabet, next(12));
      const text = `${before}19 May 2024${after}`;
      const start = before.length;
      expect(isDateline(text, start, start + 11), JSON.stringify(text)).toBe(isDatelineOfWholeLine(text, start, start + 11));
    }
  });
});
