import type { AppDatabase } from '../storage/database.js';
import type { Schedule } from './schedule.js';

/** A server's digest settings, as kept in the database. */
export interface DigestSettings {
  guildId: string;
  /** The channel the digest is posted to. */
  channelId: string;
  schedule: Schedule;
  /** IANA time zone the schedule and the digest's dates are read in. */
  timeZone: string;
  /** Days the digest looks ahead (anniversaries, upcoming events) and back (recent events): 1..90. */
  windowDays: number;
  /** Off keeps every other setting, so turning the digest on again needs no new setup. */
  enabled: boolean;
  /** Whether the digest attaches a picture of its window's key dates. */
  picture: boolean;
  /** When these settings were last saved: no slot before it is owed. */
  activeSince: Date;
  createdAt: Date;
  updatedAt: Date;
}

/** What `/digest setup` saves; the values are already validated (see settings.ts). The picture is on unless said otherwise. */
export type DigestSettingsInput = Pick<DigestSettings, 'guildId' | 'channelId' | 'schedule' | 'timeZone' | 'windowDays' | 'enabled'> & Partial<Pick<DigestSettings, 'picture'>>;

interface SettingsRow {
  guild_id: string;
  channel_id: string;
  schedule_input: string;
  schedule_cron: string;
  schedule_label: string;
  time_zone: string;
  window_days: number;
  enabled: number;
  picture: number;
  active_since: number;
  created_at: number;
  updated_at: number;
}

function fromRow(row: SettingsRow): DigestSettings {
  return {
    guildId: row.guild_id,
    channelId: row.channel_id,
    schedule: { input: row.schedule_input, cron: row.schedule_cron, label: row.schedule_label },
    timeZone: row.time_zone,
    windowDays: row.window_days,
    enabled: row.enabled === 1,
    picture: row.picture === 1,
    activeSince: new Date(row.active_since),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

export function getDigestSettings(db: AppDatabase, guildId: string): DigestSettings | null {
  const row = db.prepare<[string], SettingsRow>('SELECT * FROM digest_settings WHERE guild_id = ?').get(guildId);
  return row ? fromRow(row) : null;
}

/** Every server whose digest is on, for the scheduler to start. */
export function listEnabledDigestSettings(db: AppDatabase): DigestSettings[] {
  return db.prepare<[], SettingsRow>('SELECT * FROM digest_settings WHERE enabled = 1 ORDER BY guild_id').all().map(fromRow);
}

/** Creates or replaces a server's settings. Saving starts the schedule afresh from `now`. */
export function saveDigestSettings(db: AppDatabase, input: DigestSettingsInput, now: Date = new Date()): DigestSettings {
  db.prepare(
    `INSERT INTO digest_settings (guild_id, channel_id, schedule_input, schedule_cron, schedule_label, time_zone, window_days, enabled, picture, active_since, created_at, updated_at)
     VALUES (@guildId, @channelId, @scheduleInput, @scheduleCron, @scheduleLabel, @timeZone, @windowDays, @enabled, @picture, @now, @now, @now)
     ON CONFLICT (guild_id) DO UPDATE SET
       channel_id = excluded.channel_id, schedule_input = excluded.schedule_input, schedule_cron = excluded.schedule_cron,
       schedule_label = excluded.schedule_label, time_zone = excluded.time_zone, window_days = excluded.window_days,
       enabled = excluded.enabled, picture = excluded.picture, active_since = excluded.active_since, updated_at = excluded.updated_at`,
  ).run({
    guildId: input.guildId,
    channelId: input.channelId,
    scheduleInput: input.schedule.input,
    scheduleCron: input.schedule.cron,
    scheduleLabel: input.schedule.label,
    timeZone: input.timeZone,
    windowDays: input.windowDays,
    enabled: input.enabled ? 1 : 0,
    picture: input.picture === false ? 0 : 1,
    now: now.getTime(),
  });
  const saved = getDigestSettings(db, input.guildId);
  if (!saved) throw new Error(`digest settings for ${input.guildId} vanished right after saving`);
  return saved;
}

/** Turns a server's digest off and keeps its settings; returns them, or null when there were none. */
export function disableDigest(db: AppDatabase, guildId: string, now: Date = new Date()): DigestSettings | null {
  db.prepare('UPDATE digest_settings SET enabled = 0, updated_at = ? WHERE guild_id = ?').run(now.getTime(), guildId);
  return getDigestSettings(db, guildId);
}

/** Turns a server's digest back on with its kept settings; slots while it was off are not owed. */
export function enableDigest(db: AppDatabase, guildId: string, now: Date = new Date()): DigestSettings | null {
  db.prepare('UPDATE digest_settings SET enabled = 1, active_since = ?, updated_at = ? WHERE guild_id = ?').run(now.getTime(), now.getTime(), guildId);
  return getDigestSettings(db, guildId);
}
