import type { APIEmbedField } from 'discord.js';
import { encodeCustomId } from '../custom-id.js';
import type { SearchMatch, SearchResults } from '../ports.js';
import { buttonRows, clampPage, pageCount, pagerButtons } from './buttons.js';
import { citationLine } from './citation.js';
import { escapeText } from './escape.js';
import { discordLimits } from './limits.js';
import { noMentions, type MessagePayload } from './payload.js';
import { clampLine, fitFormatted } from './truncate.js';

/** Matches per page: five fields of at most 1,024 characters stay under the 6,000 total. */
export const searchPageSize = 5;

export interface SearchView {
  query: string;
  results: SearchResults;
  page: number;
  sessionId: string;
  passageTotal: (docId: string) => number | undefined;
}

/** One page of a quick lookup: each match as a snippet with its terms in bold, and its citation. */
export function renderSearchPage(view: SearchView): MessagePayload {
  const { matches } = view.results;
  const query = escapeText(clampLine(view.query, 300));
  if (matches.length === 0) {
    return { content: `No passage contains “${query}”. Check the spelling, try fewer or other words, or ask a question with /ask.`, allowedMentions: noMentions };
  }
  const pages = pageCount(matches.length, searchPageSize);
  const page = clampPage(view.page, pages);
  const first = page * searchPageSize;
  const fields = matches.slice(first, first + searchPageSize).map((match, index): APIEmbedField => {
    const citation = `\n${citationLine(match.passage, view.passageTotal(match.passage.docId))}`;
    return { name: `${first + index + 1}.`, value: markedSnippet(match, discordLimits.fieldValue - citation.length) + citation };
  });
  return {
    embeds: [{
      title: fitFormatted(view.query, discordLimits.embedTitle, (text) => `Matches for “${escapeText(text)}”`).text,
      fields,
      footer: { text: `Page ${page + 1} of ${pages} · ${matches.length} ${matches.length === 1 ? 'match' : 'matches'}` },
    }],
    components: pages > 1 ? buttonRows(pagerButtons(page, pages, (target) => encodeCustomId('search', 'page', view.sessionId, target))) : [],
    allowedMentions: noMentions,
  };
}

/**
 * The part of the passage around its first match, at most `maxLength` characters, with
 * every matching word in bold. Source text between the marks is escaped piece by piece so
 * that only our own `**` is Markdown. A window that starts or ends inside the passage shows "…".
 */
export function markedSnippet(match: SearchMatch, maxLength: number): string {
  const text = match.passage.text;
  const marks = [...match.marks].filter((mark) => mark.start >= 0 && mark.end <= text.length && mark.start < mark.end).sort((a, b) => a.start - b.start);
  for (let room = Math.min(text.length, maxLength); room > 0; room = Math.floor(room * 0.8)) {
    const snippet = renderWindow(text, marks, windowAround(text, marks[0]?.start ?? 0, room));
    if (snippet.length <= maxLength) return snippet;
  }
  return '…';
}

interface Window {
  start: number;
  end: number;
}

/** A window of about `room` characters that shows the first match with some text before it, snapped to word boundaries. */
function windowAround(text: string, anchor: number, room: number): Window {
  let start = Math.max(0, Math.min(anchor - Math.floor(room / 4), text.length - room));
  let end = Math.min(text.length, start + room);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < anchor) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > Math.max(start, anchor)) end = space;
  }
  return { start, end };
}

function renderWindow(text: string, marks: { start: number; end: number }[], window: Window): string {
  let output = window.start > 0 ? '… ' : '';
  let cursor = window.start;
  for (const mark of marks) {
    const start = Math.max(mark.start, cursor);
    const end = Math.min(mark.end, window.end);
    if (start >= end) continue;
    output += escapeText(text.slice(cursor, start)) + `**${escapeText(text.slice(start, end))}**`;
    cursor = end;
  }
  output += escapeText(text.slice(cursor, window.end));
  return window.end < text.length ? `${output} …` : output;
}
