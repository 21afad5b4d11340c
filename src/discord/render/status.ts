import { time, TimestampStyles, type APIEmbedField } from 'discord.js';
import type { InstanceHealth } from '../../health/instance-health.js';
import { escapeText } from './escape.js';
import { discordLimits } from './limits.js';
import { noMentions, type MessagePayload } from './payload.js';
import { cutAtBoundary } from './truncate.js';

const healthyColor = 0x2e7d32;
const troubledColor = 0xc62828;

const milliseconds = (value: number | null) => (value === null ? 'not measured yet' : `${Math.round(value)} ms`);

/** `/status`: this instance as the server sees it: its shard, the gateway, the database, the index and the next digest. */
export function renderInstanceStatus(health: InstanceHealth, shardId: number): MessagePayload {
  const shard = health.shards.find((candidate) => candidate.id === shardId);
  const fields: APIEmbedField[] = [
    { name: 'Shard', value: `${shardId} (${shard?.status ?? 'not in this process'}); this process runs ${health.shards.map((entry) => entry.id).join(', ') || 'none'}`, inline: false },
    { name: 'Gateway latency', value: milliseconds(shard?.pingMs ?? null), inline: true },
    { name: 'Database', value: `${health.database.engine === 'postgres' ? 'Postgres' : 'SQLite'}, ${health.database.lagMs === null ? 'unreachable' : `${milliseconds(health.database.lagMs)} round trip`}`, inline: true },
    { name: 'Index', value: `${health.index.documents} documents, ${health.index.passages} passages`, inline: true },
    { name: 'Last reindex', value: `${time(health.index.builtAt, TimestampStyles.LongDateTime)} (${time(health.index.builtAt, TimestampStyles.RelativeTime)})`, inline: true },
    {
      name: 'Next digest here',
      value:
        health.nextDigest === null
          ? 'none: no digest is on for this server (`/digest setup`)'
          : `${time(health.nextDigest, TimestampStyles.LongDateTime)} (${time(health.nextDigest, TimestampStyles.RelativeTime)})${health.schedulesDigests ? '' : ', posted by the process beside shard 0'}`,
      inline: false,
    },
  ];
  if (!health.ok) fields.push({ name: 'Problems', value: cutAtBoundary(escapeText(health.problems.join('\n')), discordLimits.fieldValue).text, inline: false });
  return { embeds: [{ title: health.ok ? 'Status: all well' : 'Status: needs attention', fields, color: health.ok ? healthyColor : troubledColor, timestamp: health.checkedAt.toISOString() }], allowedMentions: noMentions };
}
