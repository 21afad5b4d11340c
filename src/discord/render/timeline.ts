import { pageLabel } from '../../corpus/pages.js';
import type { TimelineEntry } from '../../dates/types.js';
import { encodeCustomId } from '../custom-id.js';
import { button, buttonRows, clampPage, pageCount, pagerButtons } from './buttons.js';
import { messageDateRange } from './dates.js';
import { blockQuote, escapeText } from './escape.js';
import { discordLimits } from './limits.js';
import { noMentions, type FilePayload, type MessagePayload } from './payload.js';
import { clampLine, fitFormatted } from './truncate.js';

/** Entries per page: five dated quotes of up to ~800 characters fit one description. */
export const timelinePageSize = 5;

export interface TimelineView {
  entries: readonly TimelineEntry[];
  /** What the list was filtered by, in words, e.g. "from 2024 · source: tca-2025-08". */
  filterSummary: string | null;
  page: number;
  sessionId: string;
  titleOf: (docId: string) => string | undefined;
  /** The `.ics` file to attach to this message, when it was asked for. */
  calendar?: FilePayload;
  /** The picture of the dates, and what it had to hide, in words. */
  picture?: { file: FilePayload | null; hidden: string[] };
  /** True when the user asked for a picture: an empty list then says why there is none. */
  pictureAsked?: boolean;
}

/** One page of key dates, each with its quote and sources, and a button for the calendar file. */
export function renderTimelinePage(view: TimelineView): MessagePayload {
  const filter = view.filterSummary === null ? '' : ` (${view.filterSummary})`;
  if (view.entries.length === 0) {
    return {
      content: fitFormatted(`No key dates${filter}${view.pictureAsked === true ? ', so there is no picture to draw' : ''}. Widen the period, drop the topic, or check the source with /sources.`, discordLimits.content, (text) => text).text,
      allowedMentions: noMentions,
    };
  }
  const pages = pageCount(view.entries.length, timelinePageSize);
  const page = clampPage(view.page, pages);
  const shown = view.entries.slice(page * timelinePageSize, (page + 1) * timelinePageSize);
  const room = Math.floor(discordLimits.embedDescription / shown.length) - 2;
  const description = shown.map((entry) => renderEntry(entry, view.titleOf, room)).join('\n\n');
  const buttons = [
    ...(pages > 1 ? pagerButtons(page, pages, (target) => encodeCustomId('timeline', 'page', view.sessionId, target)) : []),
    button(encodeCustomId('timeline', 'ics', view.sessionId), 'Calendar file (.ics)', { emoji: '📅' }),
  ];
  return {
    embeds: [{
      title: fitFormatted(filter, discordLimits.embedTitle - 9, (text) => `Key dates${escapeText(text)}`).text,
      description,
      footer: { text: `Page ${page + 1} of ${pages} · ${view.entries.length} ${view.entries.length === 1 ? 'date' : 'dates'}` },
    }],
    components: buttonRows(buttons),
    ...filesOf(view),
    allowedMentions: noMentions,
  };
}

/** The picture first (Discord shows an image above the embed), then the calendar file; a note on what the picture hides. */
function filesOf(view: TimelineView): Pick<MessagePayload, 'files' | 'content'> {
  const files = [view.picture?.file, view.calendar].filter((file): file is FilePayload => file !== undefined && file !== null);
  const hidden = view.picture?.hidden ?? [];
  return {
    ...(files.length === 0 ? {} : { files }),
    ...(hidden.length === 0 ? {} : { content: fitFormatted(`Picture: ${hidden.join(' ')}`, discordLimits.content, escapeText).text }),
  };
}

/** A date, its label, the first source's quote and citation, other sources, and any disagreement. */
export function renderEntry(entry: TimelineEntry, titleOf: (docId: string) => string | undefined, maxLength: number): string {
  const head = `**${messageDateRange(entry.date, entry.end, entry.precision)}** — ${escapeText(clampLine(entry.label, 120))}`;
  const [first, ...others] = entry.sources;
  const sourceTitle = (docId: string) => escapeText(clampLine(titleOf(docId) ?? docId, 80));
  const pages = first === undefined ? null : pageLabel(first);
  const citation = first === undefined ? '' : `\n— *${sourceTitle(first.docId)}*${pages === null ? '' : `, ${pages}`}${others.length > 0 ? `, and ${others.length} other ${others.length === 1 ? 'source' : 'sources'}` : ''}`;
  const conflicts = entry.conflicts.length === 0 ? '' : `\n⚠️ Sources disagree: ${entry.conflicts
    .slice(0, 3)
    .map((conflict) => `${messageDateRange(conflict.date, conflict.end, conflict.precision)} in ${conflict.sources.map((source) => `*${sourceTitle(source.docId)}*`).slice(0, 2).join(', ')}`)
    .join('; ')}`;
  const fixed = head.length + citation.length + conflicts.length + 1;
  const quote = first === undefined ? '' : `\n${fitFormatted(first.quote.trim(), Math.max(0, maxLength - fixed), (text) => blockQuote(escapeText(text))).text}`;
  const rendered = `${head}${quote}${citation}${conflicts}`;
  return rendered.length <= maxLength ? rendered : fitFormatted(rendered, maxLength, (text) => text).text;
}
