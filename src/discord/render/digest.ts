import type { APIEmbed } from 'discord.js';
import { pageLabel } from '../../corpus/pages.js';
import { adderText } from '../../digest/adder-text.js';
import type { Digest, DigestEvent } from '../../digest/types.js';
import { plainDate, messageDateRange } from './dates.js';
import { blockQuote, escapeText } from './escape.js';
import { discordLimits } from './limits.js';
import { noMentions, type MessagePayload } from './payload.js';
import { clampLine, fitFormatted } from './truncate.js';

export const digestColor = 0x2f855a;

/** Characters for one section's description: four sections and a header stay under the 6,000 total. */
const sectionRoom = 1400;
const quoteRoom = 220;

/**
 * The digest as a channel message: a header, then one embed per section (anniversaries,
 * recent, upcoming, new documents), each item with its quote and source. A section too
 * long for its room ends with how many items were left out and where to see them.
 */
export function renderDigest(digest: Digest, options: { late?: boolean; preview?: boolean; reference?: string } = {}): MessagePayload {
  const dayText = plainDate(digest.today, 'day');
  const footer = options.reference === undefined ? '' : `\n${digestReferenceLine(options.reference)}`;
  const header = `${options.preview === true ? '**Preview** of the digest' : '**Digest**'} for ${dayText} (${escapeText(digest.timeZone)}), looking ${digest.windowDays} ${digest.windowDays === 1 ? 'day' : 'days'} ahead and back${options.late === true ? '. Posted late: the bot was offline at the scheduled time.' : '.'}`;
  if (digest.empty) {
    const message = digest.emptyMessage ?? 'Nothing in the timeline falls in the window.';
    return { content: fitFormatted(`${header}\n${message}`, discordLimits.content - footer.length, (text) => text).text + footer, allowedMentions: noMentions };
  }
  const embeds: APIEmbed[] = [];
  const section = (title: string, lines: string[], more: (hidden: number) => string) => {
    if (lines.length > 0) embeds.push({ title, description: fillSection(lines, more), color: digestColor });
  };
  const timelineHint = (hidden: number) => `…and ${hidden} more. See them with /timeline.`;
  section('Anniversaries', digest.anniversaries.map((item) => eventItem(item.event, `${item.milestone ? '★ ' : ''}${item.wording}`)), timelineHint);
  section(`Recent (${plainDate(digest.pastWindow.from, 'day')} to ${plainDate(digest.pastWindow.to, 'day')})`, digest.recent.map((event) => eventItem(event, null)), timelineHint);
  section(`Coming up (${plainDate(digest.window.from, 'day')} to ${plainDate(digest.window.to, 'day')})`, digest.upcoming.map((event) => eventItem(event, null)), timelineHint);
  section(
    'New documents',
    digest.newDocuments.map((document) => `• *${escapeText(clampLine(document.title, 150))}* (${escapeText(clampLine(document.docId, 100))}), ${adderText(document.addedBy, (name) => escapeText(clampLine(name, 80)))}`),
    (hidden) => `…and ${hidden} more. See them all with /sources.`,
  );
  const next = digest.nextKeyDate === null ? '' : `\nNext key date after the window: ${escapeText(clampLine(digest.nextKeyDate.description, 300))}`;
  return { content: header + next + footer, embeds, allowedMentions: noMentions };
}

/**
 * The small last line of a posted digest that names its slot. Discord keeps a message's
 * nonce for a few minutes only; this line stays, so a bot restarted after a crash can see
 * in the channel that a slot's digest already went out (see digest-delivery.ts).
 */
export function digestReferenceLine(reference: string): string {
  return `-# digest ref ${reference}`;
}

function eventItem(event: DigestEvent, wording: string | null): string {
  const when = messageDateRange(event.date, event.end, event.precision);
  const head = wording === null ? `**${when}** — ${escapeText(clampLine(event.label, 120))}` : `**${escapeText(wording)}**: ${escapeText(clampLine(event.label, 120))} (${when})`;
  const [first, ...others] = event.citations;
  if (first === undefined) return head;
  const quote = fitFormatted(first.quote.trim(), quoteRoom, (text) => blockQuote(escapeText(text))).text;
  const more = others.length > 0 ? ` and ${others.length} other ${others.length === 1 ? 'source' : 'sources'}` : '';
  const conflict = event.conflicts.length > 0 ? `\n⚠️ Sources disagree on the date: ${event.conflicts.map((item) => plainDate(item.date, item.precision)).join(', ')}` : '';
  const pages = pageLabel(first);
  return `${head}\n${quote}\n— *${escapeText(clampLine(first.title, 120))}*${pages === null ? '' : `, ${pages}`}${more}${conflict}`;
}

/** Items joined until the room is used, then a line saying how many were left out. */
function fillSection(items: string[], more: (hidden: number) => string): string {
  const kept: string[] = [];
  let used = 0;
  for (const item of items) {
    const reserve = more(items.length).length + 2;
    if (used + item.length + 2 + reserve > sectionRoom) break;
    kept.push(item);
    used += item.length + 2;
  }
  if (kept.length === 0 && items[0] !== undefined) kept.push(fitFormatted(items[0], sectionRoom - more(items.length).length - 2, (text) => text).text);
  const hidden = items.length - kept.length;
  return hidden > 0 ? `${kept.join('\n\n')}\n\n${more(hidden)}` : kept.join('\n\n');
}
