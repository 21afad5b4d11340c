import { channelMention, time, TimestampStyles, type APIEmbedField } from 'discord.js';
import type { DigestSlot } from '../../digest/slot-store.js';
import { describeSlotOutcome, type DigestStatus } from '../../digest/status.js';
import { digestColor } from './digest.js';
import { escapeText } from './escape.js';
import { discordLimits } from './limits.js';
import { noMentions, type MessagePayload } from './payload.js';
import { cutAtBoundary } from './truncate.js';

/** Slots listed under "Missed or failed"; the rest are counted. */
const problemsShown = 5;

/** `/digest status`: the settings, the next run, the last run and its outcome, and missed or failed slots with their reasons. */
export function renderDigestStatus(status: DigestStatus): MessagePayload {
  if (!status.configured) {
    return { content: 'No digest is set up on this server. Someone with Manage Server can set one up with `/digest setup`.', allowedMentions: noMentions };
  }
  const fields: APIEmbedField[] = [
    { name: 'State', value: status.enabled ? 'On' : 'Off (settings kept; `/digest setup` turns it on again)', inline: true },
    { name: 'Channel', value: status.channelId === null ? 'none' : channelMention(status.channelId), inline: true },
    { name: 'Schedule', value: escapeText(`${status.schedule ?? 'none'} (${status.timeZone ?? 'UTC'}), window ${status.windowDays ?? '?'} days`), inline: false },
    { name: 'Next run', value: status.nextRun === null ? 'none: the digest is off' : `${time(status.nextRun, TimestampStyles.LongDateTime)} (${time(status.nextRun, TimestampStyles.RelativeTime)})`, inline: false },
    { name: 'Last run', value: status.lastRun === null ? 'none yet' : slotLine(status.lastRun), inline: false },
  ];
  if (status.inProgress.length > 0) fields.push({ name: 'In progress', value: listValue(status.inProgress, status.inProgress.length) });
  const problemCount = status.counts.missed + status.counts.failed;
  fields.push({ name: `Missed or failed (${problemCount})`, value: problemCount === 0 ? 'none' : listValue(status.problems, problemCount) });
  return { embeds: [{ title: 'Digest status', fields, color: digestColor }], allowedMentions: noMentions };
}

function slotLine(slot: DigestSlot): string {
  return `${time(slot.slotAt, TimestampStyles.ShortDateTime)}: ${escapeText(describeSlotOutcome(slot))}`;
}

function listValue(slots: readonly DigestSlot[], total: number): string {
  const shown = slots.slice(0, problemsShown).map(slotLine);
  const more = total > shown.length ? `\n…and ${total - shown.length} earlier.` : '';
  return cutAtBoundary(shown.join('\n'), discordLimits.fieldValue - more.length).text + more;
}
