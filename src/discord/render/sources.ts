import type { APIEmbedField } from 'discord.js';
import type { SourceDocument } from '../../corpus/types.js';
import type { TimelineEntry } from '../../dates/types.js';
import { encodeCustomId } from '../custom-id.js';
import { buttonRows, clampPage, pageCount, pagerButtons } from './buttons.js';
import { messageDate, messageDateRange } from './dates.js';
import { escapeText } from './escape.js';
import { discordLimits } from './limits.js';
import { noMentions, type MessagePayload } from './payload.js';
import { clampLine, fitFormatted } from './truncate.js';

/** Documents per page of `/sources`: ten fields of a few lines each. */
export const sourcesPageSize = 10;

/** Key dates shown on a document's page before pointing to /timeline. */
const keyDatesShown = 12;

export interface SourceListView {
  documents: readonly SourceDocument[];
  page: number;
  passageTotal: (docId: string) => number | undefined;
}

/** The corpus as a paged list: title, author, outlet, date and id of each document. */
export function renderSourceList(view: SourceListView): MessagePayload {
  if (view.documents.length === 0) {
    return { content: 'The corpus has no documents yet. Add documents (PDF, DOCX, HTML, Markdown or text) to the corpus folder; they are read within seconds.', allowedMentions: noMentions };
  }
  const pages = pageCount(view.documents.length, sourcesPageSize);
  const page = clampPage(view.page, pages);
  const shown = view.documents.slice(page * sourcesPageSize, (page + 1) * sourcesPageSize);
  const fields = shown.map((document): APIEmbedField => ({
    name: fitFormatted(document.title, 200, escapeText).text,
    value: `${metadataLine(document)}\nid: ${escapeText(clampLine(document.id, 100))} · ${passageCount(view.passageTotal(document.id))}`,
  }));
  return {
    embeds: [{
      title: `Sources (${view.documents.length})`,
      description: 'Use `/sources source:` for one document\'s details and key dates, or `/ask … source:` to ask within it.',
      fields,
      footer: { text: `Page ${page + 1} of ${pages}` },
    }],
    components: pages > 1 ? buttonRows(pagerButtons(page, pages, (target) => encodeCustomId('sources', 'page', target))) : [],
    allowedMentions: noMentions,
  };
}

export interface SourceDetailsView {
  document: SourceDocument;
  passageTotal: number | undefined;
  /** The document's key dates, in timeline order. */
  keyDates: readonly TimelineEntry[];
}

/** One document: its metadata, how its date is known, and its key dates. */
export function renderSourceDetails(view: SourceDetailsView): MessagePayload {
  const { document } = view;
  const fields: APIEmbedField[] = [
    { name: 'Author', value: document.author === null ? 'unknown' : escapeText(clampLine(document.author, 300)), inline: true },
    { name: 'Outlet', value: document.outlet === null ? 'unknown' : escapeText(clampLine(document.outlet, 300)), inline: true },
    { name: 'Published', value: publishedValue(document), inline: true },
    { name: 'File', value: escapeText(clampLine(`${document.file} (id: ${document.id})`, 400)), inline: true },
    { name: 'Passages', value: passageCount(view.passageTotal), inline: true },
    { name: `Key dates (${view.keyDates.length})`, value: keyDatesValue(view.keyDates, document.id) },
  ];
  return {
    embeds: [{ title: fitFormatted(document.title, discordLimits.embedTitle, escapeText).text, fields }],
    allowedMentions: noMentions,
  };
}

function metadataLine(document: SourceDocument): string {
  const author = document.author === null ? 'author unknown' : escapeText(clampLine(document.author, 120));
  const outlet = document.outlet === null ? 'outlet unknown' : escapeText(clampLine(document.outlet, 120));
  return `${author} · ${outlet} · ${messageDate(document.published?.iso ?? null, document.published?.precision ?? null)}`;
}

function publishedValue(document: SourceDocument): string {
  if (document.published === null) return 'unknown: no date in the file or its front matter';
  const date = messageDate(document.published.iso, document.published.precision);
  return document.publishedBasis === null ? date : `${date}\n${escapeText(clampLine(document.publishedBasis, 300))}`;
}

function passageCount(total: number | undefined): string {
  return total === undefined ? 'passages not counted' : `${total} ${total === 1 ? 'passage' : 'passages'}`;
}

function keyDatesValue(entries: readonly TimelineEntry[], docId: string): string {
  if (entries.length === 0) return 'None found in this document.';
  const pointer = `: /timeline source: ${escapeText(clampLine(docId, 100))}`;
  // Room for the "…and N more" line is kept aside so the field never passes 1,024.
  const room = discordLimits.fieldValue - pointer.length - 20;
  const lines: string[] = [];
  let used = 0;
  for (const entry of entries.slice(0, keyDatesShown)) {
    const line = `**${messageDateRange(entry.date, entry.end, entry.precision)}** ${escapeText(clampLine(entry.label, 90))}`;
    if (used + line.length + 1 > room) break;
    lines.push(line);
    used += line.length + 1;
  }
  const hidden = entries.length - lines.length;
  return hidden > 0 ? `${lines.join('\n')}\n…and ${hidden} more${pointer}` : lines.join('\n');
}
