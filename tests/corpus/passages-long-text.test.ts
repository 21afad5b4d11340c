import path from 'node:path';
import { split } from 'sentence-splitter';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBlocks } from '../../src/corpus/blocks.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { defaultSplitOptions, splitPassages } from '../../src/corpus/passages.js';
import { maxSentenceChars, splitSentences, type SentenceSpan } from '../../src/corpus/sentences.js';
import type { SourceDocument } from '../../src/corpus/types.js';

/**
 * Passage splitting stays linear in a document's length because no span it hands on is unbounded:
 * sentences are cut at `maxSentenceChars`, so passages are too. These tests check the bounds and
 * that ordinary text is split exactly as before; speed itself is measured by `npm run bench:text`.
 */

let seeds: SourceDocument[];

beforeAll(async () => {
  seeds = (await loadCorpus(path.resolve(import.meta.dirname, '../../corpus'))).documents;
});

function documentOf(body: string): SourceDocument {
  return { id: 'long', file: 'long.txt', title: 'Long', author: null, outlet: null, published: null, publishedBasis: null, body, contentHash: 'long' , format: 'text', pages: null, scope: null, addition: null};
}

function repeatTo(unit: string, chars: number): string {
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

/** splitSentences as it was: sentence-splitter over the whole text, lower-case pieces joined back. */
function sentencesInOnePass(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  for (const node of split(text)) {
    if (node.type !== 'Sentence') continue;
    const [start, end] = node.range;
    const previous = spans.at(-1);
    const first = /\p{L}/u.exec(text.slice(start, end))?.[0];
    const lower = first !== undefined && first !== first.toUpperCase() && /^[\s"“«(]*\p{Ll}/u.test(text.slice(start, end));
    if (previous && lower) previous.end = end;
    else spans.push({ start, end });
  }
  return spans;
}

const mebibyte = 1024 * 1024;
const hostileTexts: Record<string, string> = {
  'a run-on text': repeatTo('Japan loan Uzbekistan 2024 ', 200_000),
  'a text without spaces': repeatTo('Japan-loan-Uzbekistan-2024,', 200_000),
  'dots without spaces': repeatTo('Japan.loan.Uzbekistan.2024.', 200_000),
  'numbered items that never end a sentence': repeatTo('1. 2. 3. 2024. ', 200_000),
  'hard-wrapped lines in lower case': repeatTo('japan loan uzbekistan 2024\n', 200_000),
};

describe('splitSentences on long texts', () => {
  it.each(Object.entries(hostileTexts))('hands on no sentence longer than maxSentenceChars for %s, in order and inside the text', (_, text) => {
    const sentences = splitSentences(text);
    expect(sentences.length).toBeGreaterThan(text.length / (2 * maxSentenceChars));
    let previousEnd = 0;
    for (const sentence of sentences) {
      expect(sentence.end - sentence.start).toBeLessThanOrEqual(maxSentenceChars);
      expect(sentence.start).toBeGreaterThanOrEqual(previousEnd);
      expect(sentence.end).toBeGreaterThan(sentence.start);
      previousEnd = sentence.end;
    }
    expect(previousEnd).toBeLessThanOrEqual(text.length);
  });

  it('cuts an over-long sentence between words, leaving no word out', () => {
    const text = hostileTexts['a run-on text'] ?? '';
    const sentences = splitSentences(text);
    for (const sentence of sentences.slice(0, -1)) expect(text.charAt(sentence.end)).toMatch(/\s/);
    expect(sentences.map((sentence) => text.slice(sentence.start, sentence.end)).join(' ').trimEnd()).toBe(text.trim());
  });

  it('splits ordinary prose exactly as one pass of sentence-splitter does, window after window', () => {
    const blocks = seeds.flatMap((document) => readBlocks(document.body).map((block) => block.text));
    for (const block of blocks) expect(splitSentences(block)).toEqual(sentencesInOnePass(block));
    // All of the seed prose as one paragraph: far longer than one window of the splitter.
    const paragraph = blocks.filter((block) => /[.!?]$/.test(block)).join(' ');
    expect(paragraph.length).toBeGreaterThan(30_000);
    expect(splitSentences(paragraph)).toEqual(sentencesInOnePass(paragraph));
  });

  it('keeps offsets relative to the offset it is given', () => {
    const text = 'Japan lent money. Uzbekistan built roads.';
    expect(splitSentences(text, 100)).toEqual(splitSentences(text).map(({ start, end }) => ({ start: start + 100, end: end + 100 })));
  });
});

describe('splitPassages on long texts', () => {
  const longestPassage = Math.ceil(defaultSplitOptions.maxPassageChars * 1.3) + maxSentenceChars;

  it('splits a 1 MiB run-on text into bounded passages that quote the body exactly and leave no word out', () => {
    const document = documentOf(repeatTo('Japan loan Uzbekistan 2024 ', mebibyte));
    const passages = splitPassages(document);
    expect(passages.length).toBeGreaterThan(mebibyte / longestPassage);
    for (const passage of passages) {
      expect(document.body.slice(passage.start, passage.end)).toBe(passage.text);
      expect(passage.text.length).toBeLessThanOrEqual(longestPassage);
    }
    expect(passages.map((passage) => passage.text).join(' ')).toBe(document.body.trim());
  });

  it.each(Object.entries(hostileTexts))('bounds every passage of %s', (_, text) => {
    const document = documentOf(text);
    for (const passage of splitPassages(document)) {
      expect(document.body.slice(passage.start, passage.end)).toBe(passage.text);
      expect(passage.text.length).toBeLessThanOrEqual(longestPassage);
    }
  });

  it('splits a long paragraph of lower-case lines that each continue the last', () => {
    const document = documentOf(repeatTo('the loan was signed in tashkent and\n', 300_000));
    const passages = splitPassages(document);
    expect(passages.length).toBeGreaterThan(100);
    for (const passage of passages) expect(passage.text.length).toBeLessThanOrEqual(longestPassage);
  });
});
