import { pageLabel } from '../corpus/pages.js';
import type { PartialDate } from '../corpus/types.js';
import { adderText } from './adder-text.js';
import type { Digest, DigestCitation, DigestEvent } from './types.js';
import { describeIsoDate } from '../corpus/partial-date.js';
import { localDate } from './zoned-time.js';

/** What the renderer may add to a citation besides the title the digest carries. */
export interface RenderedDocumentInfo {
  id: string;
  title: string;
  outlet?: string | null;
  published?: PartialDate | null;
}

const quoteLimit = 240;

/** Shortens a quote at a word boundary; the ellipsis shows that it was cut. */
function shortQuote(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  if (flat.length <= quoteLimit) return flat;
  const cut = flat.slice(0, quoteLimit);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > quoteLimit / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:]+$/, '')}…`;
}

function citationLine(citation: DigestCitation, documents: ReadonlyMap<string, RenderedDocumentInfo>): string {
  const document = documents.get(citation.docId);
  const details = [document?.outlet, document?.published ? describeIsoDate(document.published.iso) : null].filter(Boolean).join(', ');
  const pages = pageLabel(citation);
  return `    "${shortQuote(citation.quote)}" — ${citation.title}${pages === null ? '' : `, ${pages}`}${details ? ` (${details})` : ''} [${citation.docId} @${citation.start}]`;
}

function eventLines(event: DigestEvent, heading: string, documents: ReadonlyMap<string, RenderedDocumentInfo>): string[] {
  const lines = [`  - ${heading}: ${event.label}`, ...event.citations.map((citation) => citationLine(citation, documents))];
  for (const conflict of event.conflicts) {
    lines.push(`    Sources disagree: ${describeIsoDate(conflict.date)} according to ${conflict.citations.map((citation) => citation.title).join(', ')}`);
  }
  return lines;
}

function dateOf(event: DigestEvent): string {
  return event.end ? `${describeIsoDate(event.date)} – ${describeIsoDate(event.end)}` : describeIsoDate(event.date);
}

/** The digest as plain text for a terminal: sections in a fixed order, every item with its citations. */
export function renderDigestText(digest: Digest, documents: readonly RenderedDocumentInfo[] = []): string {
  const byId = new Map(documents.map((document) => [document.id, document]));
  const lines = [`Digest for ${describeIsoDate(digest.today)} (${digest.timeZone}), looking ${digest.windowDays} day${digest.windowDays === 1 ? '' : 's'} ahead and back`, ''];
  if (digest.empty) {
    lines.push(digest.emptyMessage ?? 'Nothing falls in the window.');
    return `${lines.join('\n')}\n`;
  }
  if (digest.anniversaries.length > 0) {
    lines.push('Anniversaries');
    for (const anniversary of digest.anniversaries) {
      const heading = `${anniversary.milestone ? '★ ' : ''}${anniversary.wording} (${dateOf(anniversary.event)})`;
      lines.push(...eventLines(anniversary.event, heading, byId));
    }
    lines.push('');
  }
  if (digest.recent.length > 0) {
    lines.push(`Recent (${describeIsoDate(digest.pastWindow.from)} to ${describeIsoDate(digest.pastWindow.to)})`);
    for (const event of digest.recent) lines.push(...eventLines(event, dateOf(event), byId));
    lines.push('');
  }
  if (digest.upcoming.length > 0) {
    lines.push(`Upcoming (${describeIsoDate(digest.window.from)} to ${describeIsoDate(digest.window.to)})`);
    for (const event of digest.upcoming) lines.push(...eventLines(event, dateOf(event), byId));
    lines.push('');
  }
  if (digest.newDocuments.length > 0) {
    lines.push(`New documents since ${describeIsoDate(localDate(digest.since, digest.timeZone))}`);
    for (const document of digest.newDocuments) lines.push(`  - ${document.title} [${document.docId}], ${adderText(document.addedBy)} on ${describeIsoDate(localDate(document.addedAt, digest.timeZone))}`);
    lines.push('');
  }
  if (digest.nextKeyDate) lines.push(`Next key date after the window: ${digest.nextKeyDate.description}`);
  return `${lines.join('\n').trimEnd()}\n`;
}
