import type { Selectable } from 'kysely';
import type { AppDatabase } from '../storage/database.js';
import type { DigestSettingsTable } from '../storage/schema.js';
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

type SettingsRow = Selectable<DigestSettingsTable>;

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

export async function getDigestSettings(db: AppDatabase, guildId: string): Promise<DigestSettings | null> {
  const row = await db.kysely.selectFrom('digest_settings').selectAll().where('guild_id', '=', guildId).executeTakeFirst();
  return row ? fromRow(row) : null;
}

/** Every server whose digest is on, for the scheduler to start. */
export async function listEnabledDigestSettings(db: AppDatabase): Promise<DigestSettings[]> {
  const rows = await db.kysely.selectFrom('digest_settings').selectAll().where('enabled', '=', 1).orderBy('guild_id').execute();
  return rows.map(fromRow);
}

/** Creates or replaces a server's settings. Saving starts the schedule afresh from `now`. */
export async function saveDigestSettings(db: AppDatabase, input: DigestSettingsInput, now: Date = new Date()): Promise<DigestSettings> {
  const at = now.getTime();
  const row = await db.kysely
    .insertInto('digest_settings')
    .values({
      guild_id: input.guildId,
      channel_id: input.channelId,
      schedule_input: input.schedule.input,
      schedule_cron: input.schedule.cron,
      schedule_label: input.schedule.label,
      time_zone: input.timeZone,
      window_days: input.windowDays,
      enabled: input.enabled ? 1 : 0,
      picture: input.picture === false ? 0 : 1,
      active_since: at,
      created_at: at,
      updated_at: at,
    })
    .onConflict((conflict) =>
      conflict.column('guild_id').doUpdateSet((excluded) => ({
        channel_id: excluded.ref('excluded.channel_id'),
        schedule_input: excluded.ref('excluded.schedule_input'),
        schedule_cron: excluded.ref('excluded.schedule_cron'),
        schedule_label: excluded.ref('excluded.schedule_label'),
        time_zone: excluded.ref('excluded.time_zone'),
        window_days: excluded.ref('excluded.window_days'),
        enabled: excluded.ref('excluded.enabled'),
        picture: excluded.ref('excluded.picture'),
        active_since: excluded.ref('excluded.active_since'),
        updated_at: excluded.ref('excluded.updated_at'),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return fromRow(row);
}

/** Turns a server's digest off and keeps its settings; returns them, or null when there were none. */
export async function disableDigest(db: AppDatabase, guildId: string, now: Date = new Date()): Promise<DigestSettings | null> {
  const row = await db.kysely.updateTable('digest_settings').set({ enabled: 0, updated_at: now.getTime() }).where('guild_id', '=', guildId).returningAll().executeTakeFirst();
  return row ? fromRow(row) : null;
}

/** Turns a server's digest back on with its kept settings; slots while it was off are not owed. */
export async function enableDigest(db: AppDatabase, guildId: string, now: Date = new Date()): Promise<DigestSettings | null> {
  const row = await db.kysely
    .updateTable('digest_settings')
    .set({ enabled: 1, active_since: now.getTime(), updated_at: now.getTime() })
    .where('guild_id', '=', guildId)
    .returningAll()
    .executeTakeFirst();
  return row ? fromRow(row) : null;
}
