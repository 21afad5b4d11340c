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

/** A document added through `/add` or `briefing add`: its original bytes, what was extracted, and who added it. */
export interface AddedDocumentsTable {
  id: string;
  scope: string | null;
  format: 'pdf' | 'html' | 'docx' | 'markdown' | 'text';
  title: string;
  author: string | null;
  outlet: string | null;
  published: string | null;
  published_precision: 'year' | 'month' | 'day' | null;
  published_basis: string | null;
  file_name: string | null;
  content_type: string | null;
  link_url: string | null;
  original: Uint8Array;
  body: string;
  /** JSON of the page spans, or null. */
  pages: string | null;
  content_hash: string;
  added_by_id: string | null;
  added_by_name: string | null;
  added_at: number;
  revision: number;
}

/** One row (id 1): the count of additions and removals, which hosts poll to notice another's. */
export interface LibraryRevisionTable {
  id: number;
  revision: number;
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
  added_documents: AddedDocumentsTable;
  library_revision: LibraryRevisionTable;
  library_settings: LibrarySettingsTable;
}
