import type { AppDatabase } from '../storage/database.js';
import { localDateTime } from './zoned-time.js';

/**
 * Where a slot stands:
 * - `claimed`: one process owns it (until `leaseUntil`) and is delivering it or waiting to retry;
 * - `posted`: delivered (`late` when after its time, e.g. caught up on start-up);
 * - `skipped`: nothing to post (an empty digest) or the digest was turned off meanwhile;
 * - `missed`: not posted, e.g. the bot was down past the grace period; `reason` says why;
 * - `failed`: every delivery attempt failed; `reason` holds the last error.
 */
export type SlotState = 'claimed' | 'posted' | 'skipped' | 'missed' | 'failed';

/** A slot of the schedule, or a digest asked for by hand (`/digest` run now). */
export type SlotKind = 'scheduled' | 'manual';

/** What identifies a slot: a server, and the wall-clock time of the slot in the server's time zone. */
export interface SlotKey {
  guildId: string;
  kind: SlotKind;
  timeZone: string;
  /** `YYYY-MM-DDTHH:MM:SS` in `timeZone`: a time repeated by a DST change is still one slot. */
  localTime: string;
}

/** One slot as recorded in the database. */
export interface DigestSlot extends SlotKey {
  slotAt: Date;
  state: SlotState;
  late: boolean;
  attempts: number;
  reason: string | null;
  claimedBy: string | null;
  leaseUntil: Date | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

interface SlotRow {
  guild_id: string;
  kind: SlotKind;
  time_zone: string;
  local_time: string;
  slot_at: number;
  state: SlotState;
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

const toDate = (value: number | null) => (value === null ? null : new Date(value));

function fromRow(row: SlotRow): DigestSlot {
  return {
    guildId: row.guild_id,
    kind: row.kind,
    timeZone: row.time_zone,
    localTime: row.local_time,
    slotAt: new Date(row.slot_at),
    state: row.state,
    late: row.late === 1,
    attempts: row.attempts,
    reason: row.reason,
    claimedBy: row.claimed_by,
    leaseUntil: toDate(row.lease_until),
    nextAttemptAt: toDate(row.next_attempt_at),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    finishedAt: toDate(row.finished_at),
  };
}

export function slotKeyOf(guildId: string, kind: SlotKind, timeZone: string, slotAt: Date): SlotKey {
  return { guildId, kind, timeZone, localTime: localDateTime(slotAt, timeZone) };
}

/** A one-line key for logs and for a delivery's idempotency (e.g. a message nonce). */
export function slotKeyText(key: SlotKey): string {
  return `${key.guildId}/${key.kind}/${key.timeZone}/${key.localTime}`;
}

const whereKey = 'guild_id = @guildId AND kind = @kind AND time_zone = @timeZone AND local_time = @localTime';

function keyParameters(key: SlotKey) {
  return { guildId: key.guildId, kind: key.kind, timeZone: key.timeZone, localTime: key.localTime };
}

export interface ClaimRequest {
  guildId: string;
  kind: SlotKind;
  timeZone: string;
  slotAt: Date;
  late: boolean;
  owner: string;
  leaseUntil: Date;
  now: Date;
}

/**
 * Claims a slot for one process. The insert succeeds for exactly one caller however many
 * processes share the database; every other caller, now or after a restart, gets null.
 */
export function claimSlot(db: AppDatabase, request: ClaimRequest): DigestSlot | null {
  const key = slotKeyOf(request.guildId, request.kind, request.timeZone, request.slotAt);
  const row = db
    .prepare<Record<string, unknown>, SlotRow>(
      `INSERT INTO digest_slots (guild_id, kind, time_zone, local_time, slot_at, state, late, attempts, claimed_by, lease_until, created_at, updated_at)
       VALUES (@guildId, @kind, @timeZone, @localTime, @slotAt, 'claimed', @late, 0, @owner, @leaseUntil, @now, @now)
       ON CONFLICT DO NOTHING
       RETURNING *`,
    )
    .get({ ...keyParameters(key), slotAt: request.slotAt.getTime(), late: request.late ? 1 : 0, owner: request.owner, leaseUntil: request.leaseUntil.getTime(), now: request.now.getTime() });
  return row ? fromRow(row) : null;
}

/** Takes over a claim whose owner stopped renewing it (crashed or stopped mid-delivery). */
export function reclaimExpiredSlot(db: AppDatabase, key: SlotKey, owner: string, leaseUntil: Date, now: Date): DigestSlot | null {
  const row = db
    .prepare<Record<string, unknown>, SlotRow>(
      `UPDATE digest_slots SET claimed_by = @owner, lease_until = @leaseUntil, late = 1, updated_at = @now
       WHERE ${whereKey} AND state = 'claimed' AND lease_until <= @now
       RETURNING *`,
    )
    .get({ ...keyParameters(key), owner, leaseUntil: leaseUntil.getTime(), now: now.getTime() });
  return row ? fromRow(row) : null;
}

/** Records a slot that will not be posted, unless the slot is already known. */
export function recordMissedSlot(db: AppDatabase, slot: { guildId: string; timeZone: string; slotAt: Date; reason: string; now: Date }): boolean {
  const key = slotKeyOf(slot.guildId, 'scheduled', slot.timeZone, slot.slotAt);
  return (
    db
      .prepare(
        `INSERT INTO digest_slots (guild_id, kind, time_zone, local_time, slot_at, state, late, attempts, reason, created_at, updated_at, finished_at)
         VALUES (@guildId, @kind, @timeZone, @localTime, @slotAt, 'missed', 0, 0, @reason, @now, @now, @now)
         ON CONFLICT DO NOTHING`,
      )
      .run({ ...keyParameters(key), slotAt: slot.slotAt.getTime(), reason: slot.reason, now: slot.now.getTime() }).changes === 1
  );
}

/** Renews the owner's lease before an attempt; false when another process has taken the slot over. */
export function renewLease(db: AppDatabase, key: SlotKey, owner: string, leaseUntil: Date, now: Date): boolean {
  return (
    db
      .prepare(`UPDATE digest_slots SET lease_until = @leaseUntil, updated_at = @now WHERE ${whereKey} AND state = 'claimed' AND claimed_by = @owner`)
      .run({ ...keyParameters(key), owner, leaseUntil: leaseUntil.getTime(), now: now.getTime() }).changes === 1
  );
}

/** Notes a failed attempt that will be retried at `nextAttemptAt`. */
export function recordRetry(db: AppDatabase, key: SlotKey, owner: string, retry: { attempts: number; reason: string; nextAttemptAt: Date; leaseUntil: Date; now: Date }): boolean {
  return (
    db
      .prepare(
        `UPDATE digest_slots SET attempts = @attempts, reason = @reason, next_attempt_at = @nextAttemptAt, lease_until = @leaseUntil, updated_at = @now
         WHERE ${whereKey} AND state = 'claimed' AND claimed_by = @owner`,
      )
      .run({ ...keyParameters(key), owner, attempts: retry.attempts, reason: retry.reason, nextAttemptAt: retry.nextAttemptAt.getTime(), leaseUntil: retry.leaseUntil.getTime(), now: retry.now.getTime() })
      .changes === 1
  );
}

/** Closes an owned slot with its outcome. */
export function finishSlot(db: AppDatabase, key: SlotKey, owner: string, outcome: { state: 'posted' | 'skipped' | 'failed'; attempts: number; reason: string | null; now: Date }): boolean {
  return (
    db
      .prepare(
        `UPDATE digest_slots SET state = @state, attempts = @attempts, reason = @reason, lease_until = NULL, next_attempt_at = NULL, updated_at = @now, finished_at = @now
         WHERE ${whereKey} AND state = 'claimed' AND claimed_by = @owner`,
      )
      .run({ ...keyParameters(key), owner, state: outcome.state, attempts: outcome.attempts, reason: outcome.reason, now: outcome.now.getTime() }).changes === 1
  );
}

/** Lets another process (or the next start) take an owned slot over at once. */
export function releaseSlot(db: AppDatabase, key: SlotKey, owner: string, now: Date): boolean {
  return (
    db.prepare(`UPDATE digest_slots SET lease_until = @now, updated_at = @now WHERE ${whereKey} AND state = 'claimed' AND claimed_by = @owner`).run({ ...keyParameters(key), owner, now: now.getTime() })
      .changes === 1
  );
}

export function getSlot(db: AppDatabase, key: SlotKey): DigestSlot | null {
  const row = db.prepare<Record<string, unknown>, SlotRow>(`SELECT * FROM digest_slots WHERE ${whereKey}`).get(keyParameters(key));
  return row ? fromRow(row) : null;
}

/** The newest scheduled slot of a server, whatever its state: catching up starts after it. */
export function latestScheduledSlot(db: AppDatabase, guildId: string): DigestSlot | null {
  const row = db.prepare<[string], SlotRow>(`SELECT * FROM digest_slots WHERE guild_id = ? AND kind = 'scheduled' ORDER BY slot_at DESC LIMIT 1`).get(guildId);
  return row ? fromRow(row) : null;
}

/** The digest last posted to a server, scheduled or by hand. */
export function lastPostedSlot(db: AppDatabase, guildId: string): DigestSlot | null {
  const row = db.prepare<[string], SlotRow>(`SELECT * FROM digest_slots WHERE guild_id = ? AND state = 'posted' ORDER BY finished_at DESC LIMIT 1`).get(guildId);
  return row ? fromRow(row) : null;
}

/** Claims whose owner has stopped renewing them, oldest first. */
export function expiredClaims(db: AppDatabase, now: Date): DigestSlot[] {
  return db.prepare<[number], SlotRow>(`SELECT * FROM digest_slots WHERE state = 'claimed' AND lease_until <= ? ORDER BY slot_at`).all(now.getTime()).map(fromRow);
}

/** A server's slots in the given states, newest first. */
export function listSlots(db: AppDatabase, guildId: string, states: readonly SlotState[], limit: number): DigestSlot[] {
  const placeholders = states.map(() => '?').join(', ');
  return db
    .prepare<unknown[], SlotRow>(`SELECT * FROM digest_slots WHERE guild_id = ? AND state IN (${placeholders}) ORDER BY slot_at DESC LIMIT ?`)
    .all(guildId, ...states, limit)
    .map(fromRow);
}

/** How many of a server's slots are in each state. */
export function countSlots(db: AppDatabase, guildId: string): Record<SlotState, number> {
  const counts: Record<SlotState, number> = { claimed: 0, posted: 0, skipped: 0, missed: 0, failed: 0 };
  for (const row of db.prepare<[string], { state: SlotState; count: number }>('SELECT state, count(*) AS count FROM digest_slots WHERE guild_id = ? GROUP BY state').all(guildId)) {
    counts[row.state] = row.count;
  }
  return counts;
}
