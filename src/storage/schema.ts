import type { Generated } from 'kysely';

/**
 * The tables as both engines hold them. Times are milliseconds since the epoch (INTEGER in
 * SQLite, BIGINT in Postgres, read back as numbers); flags are 0 or 1.
 */
export interface DigestSettingsTable {
  guild_id: string;
  channel_id: string;
  schedule_input: string;
  schedule_cron: string;
  schedule_label: string;
  time_zone: string;
  window_days: number;
  enabled: number;
  /** 1: the digest attaches a picture of its window; 0: it does not. */
  picture: number;
  active_since: number;
  created_at: number;
  updated_at: number;
}

export interface DigestSlotsTable {
  guild_id: string;
  kind: 'scheduled' | 'manual';
  time_zone: string;
  local_time: string;
  slot_at: number;
  state: 'claimed' | 'posted' | 'skipped' | 'missed' | 'failed';
  late: number;
  attempts: number;
  reason: string | null;
  claimed_by: string | null;
  lease_until: number | null;
  next_attempt_at: number | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
}

export interface DocumentsSeenTable {
  doc_id: string;
  first_seen_at: number;
}

export interface AskFeedbackTable {
  id: Generated<number>;
  interaction_id: string;
  message_id: string;
  user_id: string;
  guild_id: string | null;
  question: string;
  doc_id: string | null;
  ordinal: number | null;
  vote: 'up' | 'down';
  at: number;
}

/** Who may add and remove documents in a server, besides members with Manage Server. */
export interface LibrarySettingsTable {
  guild_id: string;
  /** Members with this role may use /add and /remove; null: only Manage Server. */
  editor_role_id: string | null;
  updated_at: number;
}

export interface Schema {
  digest_settings: DigestSettingsTable;
  digest_slots: DigestSlotsTable;
  documents_seen: DocumentsSeenTable;
  ask_feedback: AskFeedbackTable;
  library_settings: LibrarySettingsTable;
}
