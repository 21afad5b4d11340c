import { pageRange } from '../corpus/pages.js';
import type { Passage } from '../corpus/passage-types.js';
import { maxSentenceChars, splitSentences, type SentenceSpan } from '../corpus/sentences.js';
import type { SourceDocument } from '../corpus/types.js';
import { isAccessDate, isBibliographic, isDateline, isInCitation } from './citations.js';
import { coordinatedGroups, spanOf } from './coordination.js';
import { extractDateMentions } from './extract.js';
import { labelFor } from './labels.js';
import { matchesWithCue } from './recognisers/shared.js';
import type { DateMention, KeyEvent } from './types.js';

/**
 * The dated events of one document: every date that dates something that happened or will
 * happen, with a label and the sentence that says so. Left out: dates in source citations and
 * access dates, bibliographic footnotes and reference lists, table cells, the dateline, lengths
 * of time (except a recent stretch up to publication), vague pointers ("recently", "today"),
 * impossible dates and relative dates that cannot be resolved. Dates coordinated in one phrase
 * ("in late November and early December") are one event over the span they cover.
 */
export function extractKeyEvents(document: SourceDocument, passages: Passage[]): KeyEvent[] {
  const events: KeyEvent[] = [];
  const seen = new Set<string>();
  for (const passage of passages) {
    if (passage.kind === 'table-row' || isBibliographic(passage)) continue;
    const mentions = extractDateMentions(passage.text, { referenceDate: document.published });
    if (mentions.length === 0) continue;
    const sentenceAround = sentenceFinder(passage);
    const eventMentions = mentions.filter((mention) => mention.date !== null && isEventDate(passage.text, mention, document.published));
    for (const group of coordinatedGroups(passage.text, eventMentions)) {
      const first = group[0];
      const last = group.at(-1);
      const date = spanOf(group);
      if (!first || !last || !date) continue;
      const start = passage.start + first.start;
      const end = passage.start + last.end;
      const sentence = sentenceAround(start, end);
      // One event per date per sentence: "Before 1998 … and in 1998 …" tells one 1998 event.
      const key = `${sentence.start}:${date.start.iso}:${date.end?.iso ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const quote = document.body.slice(sentence.start, sentence.end);
      events.push({
        docId: document.id,
        date,
        label: labelFor(quote, start - sentence.start, end - sentence.start),
        source: { docId: document.id, start: sentence.start, end: sentence.end, quote, ...(document.pages !== null && pageRange(document.pages, sentence.start, sentence.end)) },
        mention: { start, end, text: document.body.slice(start, end) },
      });
    }
  }
  return events;
}

/** A period of sixty years or more ("the 21st century") frames an argument; it does not date an event. */
const longestEventYears = 60;
/**
 * A recent stretch of time dates what happened in it ("the resolution of border disputes … over the
 * last two months"); a longer one describes a trend ("over the past 10 years … has become popular").
 */
const longestEventDurationYears = 2;

function isEventDate(text: string, mention: DateMention, published: SourceDocument['published']): boolean {
  if (mention.date === null || mention.kind === 'reference' || mention.kind === 'invalid') return false;
  const { start, end } = mention.date;
  const years = end ? Number(end.iso.slice(0, 4)) - Number(start.iso.slice(0, 4)) : 0;
  if (years >= longestEventYears) return false;
  if (mention.kind === 'duration' && (years > longestEventDurationYears || !endsByPublication(mention.date, published))) return false;
  // "Today, Central Asia is …" speaks of the present in general unless the text is dated to the day.
  if (/^(?:today|now|nowadays|currently|at present|these days)$/i.test(mention.text) && published?.precision !== 'day') return false;
  if (isInCitation(text, mention.start, mention.end) || isAccessDate(text, mention.start)) return false;
  return !isDateline(text, mention.start, mention.end);
}

function endsByPublication(date: NonNullable<DateMention['date']>, published: SourceDocument['published']): boolean {
  return published !== null && (date.end ?? date.start).iso.slice(0, published.iso.length) <= published.iso;
}

/**
 * For a passage, the sentence holding a date, trimmed of surrounding spaces; the passage itself when
 * no sentence holds it whole. The passage is split into sentences on the first call only, and each
 * sentence is searched for missed sentence ends once, however many dates it holds.
 */
function sentenceFinder(passage: Passage): (start: number, end: number) => SentenceSpan {
  let sentences: SentenceSpan[] | null = null;
  const whole: SentenceSpan = { start: passage.start, end: passage.end };
  const breaksBySpan = new Map<SentenceSpan, SentenceBreak[]>();
  return (start, end) => {
    sentences ??= joinedAtInitials(splitSentences(passage.text, passage.start), passage);
    const found = sentenceHolding(sentences, start, end) ?? whole;
    let breaks = breaksBySpan.get(found);
    if (!breaks) {
      breaks = missedSentenceEnds(passage, found);
      breaksBySpan.set(found, breaks);
    }
    return trimSpan(passage, narrowed(breaks, found, start, end));
  };
}

/** The one sentence (they are in order and do not overlap) that holds start..end, found by halving. */
function sentenceHolding(sentences: SentenceSpan[], start: number, end: number): SentenceSpan | undefined {
  let low = 0;
  let high = sentences.length - 1;
  let candidate: SentenceSpan | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const sentence = sentences[middle] as SentenceSpan;
    if (sentence.start <= start) {
      candidate = sentence;
      low = middle + 1;
    } else high = middle - 1;
  }
  return candidate && end <= candidate.end ? candidate : undefined;
}

/** A name's initial ("the researcher T. Uyama", "the presidency of A. Akayev") ends no sentence. */
const endsWithInitial = /(?:^|[\s(])\p{Lu}\.\s*$/u;

/**
 * Sentences rejoined where the splitter stopped at an initial, as long as the joined sentence stays
 * within `maxSentenceChars`: a run of initials is no reason to hand on an unbounded span.
 */
function joinedAtInitials(sentences: SentenceSpan[], passage: Passage): SentenceSpan[] {
  const joined: SentenceSpan[] = [];
  for (const sentence of sentences) {
    const previous = joined.at(-1);
    if (previous && sentence.end - previous.start <= maxSentenceChars && endsWithInitial.test(passage.text.slice(previous.start - passage.start, previous.end - passage.start))) previous.end = sentence.end;
    else joined.push({ ...sentence });
  }
  return joined;
}

/** A full stop after a number ("… in 2004. Japan has …") can hide a sentence end from the splitter; a capital after it marks one. */
const missedSentenceEnd = /(?<=\d[.!?]["”’)]?)\s+(?=["“(]?\p{Lu})/gu;

/** The spaces between two sentences the splitter left joined: from `start` (the last sentence's end) to `end` (the next one's start). */
interface SentenceBreak {
  start: number;
  end: number;
}

function missedSentenceEnds(passage: Passage, span: SentenceSpan): SentenceBreak[] {
  const text = passage.text.slice(span.start - passage.start, span.end - passage.start);
  // Each break follows a number and a full stop: most sentences have none, and the pattern's look-behind is tried at every space.
  return [...matchesWithCue(text, /\d[.!?]/u, missedSentenceEnd)].map((match) => ({ start: span.start + match.index, end: span.start + match.index + match[0].length }));
}

/** The part of a sentence between the breaks around start..end. */
function narrowed(breaks: SentenceBreak[], span: SentenceSpan, start: number, end: number): SentenceSpan {
  let from = span.start;
  let to = span.end;
  for (const gap of breaks) {
    if (gap.end <= start) from = gap.end;
    else if (gap.start >= end) {
      to = gap.start;
      break;
    }
  }
  return { start: from, end: to };
}

function trimSpan(passage: Passage, span: SentenceSpan): SentenceSpan {
  let { start, end } = span;
  while (start < end && /\s/.test(charAt(passage, start))) start++;
  while (end > start && /\s/.test(charAt(passage, end - 1))) end--;
  return { start, end };
}

/** The character at a body offset within the passage. */
function charAt(passage: Passage, index: number): string {
  return passage.text[index - passage.start] ?? '';
}
