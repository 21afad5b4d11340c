import type { ExpressionBuilder, Selectable, Updateable } from 'kysely';
import type { AppDatabase } from '../storage/database.js';
import type { DigestSlotsTable, Schema } from '../storage/schema.js';
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
  /** `YYYY-MM-DDTHH:MM:SS` in `timeZone` (with `.mmm` for a run by hand): a time repeated by a DST change is still one slot. */
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

type SlotRow = Selectable<DigestSlotsTable>;

const toDate = (value: number | null) => (value === null ? null : new Date(value));

/** A row of digest_slots as the slot it records. */
export function slotFromRow(row: SlotRow): DigestSlot {
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

/**
 * A scheduled slot is its wall-clock second, so every process agrees on it. A run asked for by
 * hand is the moment of the press to the millisecond: two presses a moment apart are two runs,
 * and only a press while one is still posting is refused (`manualRunInProgress`).
 */
export function slotKeyOf(guildId: string, kind: SlotKind, timeZone: string, slotAt: Date): SlotKey {
  const localTime = localDateTime(slotAt, timeZone);
  return { guildId, kind, timeZone, localTime: kind === 'manual' ? `${localTime}.${String(slotAt.getUTCMilliseconds()).padStart(3, '0')}` : localTime };
}

/** A one-line key for logs and for a delivery's idempotency (e.g. a message nonce). */
export function slotKeyText(key: SlotKey): string {
  return `${key.guildId}/${key.kind}/${key.timeZone}/${key.localTime}`;
}

/** The condition that picks one slot. */
function isSlot(key: SlotKey) {
  return (row: ExpressionBuilder<Schema, 'digest_slots'>) =>
    row.and([row('guild_id', '=', key.guildId), row('kind', '=', key.kind), row('time_zone', '=', key.timeZone), row('local_time', '=', key.localTime)]);
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
export async function claimSlot(db: AppDatabase, request: ClaimRequest): Promise<DigestSlot | null> {
  const key = slotKeyOf(request.guildId, request.kind, request.timeZone, request.slotAt);
  const now = request.now.getTime();
  const row = await db.kysely
    .insertInto('digest_slots')
    .values({
      ...newSlotColumns(key, request.slotAt, now),
      state: 'claimed',
      late: request.late ? 1 : 0,
      attempts: 0,
      claimed_by: request.owner,
      lease_until: request.leaseUntil.getTime(),
    })
    .onConflict((conflict) => conflict.doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ? slotFromRow(row) : null;
}

/** Takes over a claim whose owner stopped renewing it (crashed or stopped mid-delivery). */
export async function reclaimExpiredSlot(db: AppDatabase, key: SlotKey, owner: string, leaseUntil: Date, now: Date): Promise<DigestSlot | null> {
  const row = await db.kysely
    .updateTable('digest_slots')
    .set({ claimed_by: owner, lease_until: leaseUntil.getTime(), late: 1, updated_at: now.getTime() })
    .where(isSlot(key))
    .where('state', '=', 'claimed')
    .where('lease_until', '<=', now.getTime())
    .returningAll()
    .executeTakeFirst();
  return row ? slotFromRow(row) : null;
}

/** The columns every new slot row starts with: its key, its time, and when the row was made. */
function newSlotColumns(key: SlotKey, slotAt: Date, now: number) {
  return { guild_id: key.guildId, kind: key.kind, time_zone: key.timeZone, local_time: key.localTime, slot_at: slotAt.getTime(), created_at: now, updated_at: now };
}

/** Records a slot that will not be posted, unless the slot is already known. */
export async function recordMissedSlot(db: AppDatabase, slot: { guildId: string; timeZone: string; slotAt: Date; reason: string; now: Date }): Promise<boolean> {
  const key = slotKeyOf(slot.guildId, 'scheduled', slot.timeZone, slot.slotAt);
  const now = slot.now.getTime();
  const result = await db.kysely
    .insertInto('digest_slots')
    .values({
      ...newSlotColumns(key, slot.slotAt, now),
      state: 'missed',
      late: 0,
      attempts: 0,
      reason: slot.reason,
      finished_at: now,
    })
    .onConflict((conflict) => conflict.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Updates a slot still claimed by `owner`; false when another process has taken it over or it is closed. */
async function updateOwnedSlot(db: AppDatabase, key: SlotKey, owner: string, changes: Updateable<DigestSlotsTable>): Promise<boolean> {
  const result = await db.kysely
    .updateTable('digest_slots')
    .set(changes)
    .where(isSlot(key))
    .where('state', '=', 'claimed')
    .where('claimed_by', '=', owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Renews the owner's lease before an attempt; false when another process has taken the slot over. */
export function renewLease(db: AppDatabase, key: SlotKey, owner: string, leaseUntil: Date, now: Date): Promise<boolean> {
  return updateOwnedSlot(db, key, owner, { lease_until: leaseUntil.getTime(), updated_at: now.getTime() });
}

/** Notes a failed attempt that will be retried at `nextAttemptAt`. */
export function recordRetry(db: AppDatabase, key: SlotKey, owner: string, retry: { attempts: number; reason: string; nextAttemptAt: Date; leaseUntil: Date; now: Date }): Promise<boolean> {
  return updateOwnedSlot(db, key, owner, {
    attempts: retry.attempts,
    reason: retry.reason,
    next_attempt_at: retry.nextAttemptAt.getTime(),
    lease_until: retry.leaseUntil.getTime(),
    updated_at: retry.now.getTime(),
  });
}

/** Closes an owned slot with its outcome. */
export function finishSlot(db: AppDatabase, key: SlotKey, owner: string, outcome: { state: 'posted' | 'skipped' | 'failed'; attempts: number; reason: string | null; now: Date }): Promise<boolean> {
  const now = outcome.now.getTime();
  return updateOwnedSlot(db, key, owner, { state: outcome.state, attempts: outcome.attempts, reason: outcome.reason, lease_until: null, next_attempt_at: null, updated_at: now, finished_at: now });
}

/** Lets another process (or the next start) take an owned slot over at once. */
export function releaseSlot(db: AppDatabase, key: SlotKey, owner: string, now: Date): Promise<boolean> {
  return updateOwnedSlot(db, key, owner, { lease_until: now.getTime(), updated_at: now.getTime() });
}

export async function getSlot(db: AppDatabase, key: SlotKey): Promise<DigestSlot | null> {
  const row = await db.kysely.selectFrom('digest_slots').selectAll().where(isSlot(key)).executeTakeFirst();
  return row ? slotFromRow(row) : null;
}

/** The newest scheduled slot of a server, whatever its state: catching up starts after it. */
export async function latestScheduledSlot(db: AppDatabase, guildId: string): Promise<DigestSlot | null> {
  const row = await db.kysely.selectFrom('digest_slots').selectAll().where('guild_id', '=', guildId).where('kind', '=', 'scheduled').orderBy('slot_at', 'desc').limit(1).executeTakeFirst();
  return row ? slotFromRow(row) : null;
}

/** True while a run asked for by hand is claimed and its lease is live: posting, or waiting to retry. */
export async function manualRunInProgress(db: AppDatabase, guildId: string, now: Date): Promise<boolean> {
  const row = await db.kysely
    .selectFrom('digest_slots')
    .select('local_time')
    .where('guild_id', '=', guildId)
    .where('kind', '=', 'manual')
    .where('state', '=', 'claimed')
    .where('lease_until', '>', now.getTime())
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The digest last posted to a server, scheduled or by hand. */
export async function lastPostedSlot(db: AppDatabase, guildId: string): Promise<DigestSlot | null> {
  const row = await db.kysely.selectFrom('digest_slots').selectAll().where('guild_id', '=', guildId).where('state', '=', 'posted').orderBy('finished_at', 'desc').limit(1).executeTakeFirst();
  return row ? slotFromRow(row) : null;
}

/** Claims whose owner has stopped renewing them, oldest first. */
export async function expiredClaims(db: AppDatabase, now: Date): Promise<DigestSlot[]> {
  const rows = await db.kysely.selectFrom('digest_slots').selectAll().where('state', '=', 'claimed').where('lease_until', '<=', now.getTime()).orderBy('slot_at').execute();
  return rows.map(slotFromRow);
}

/** A server's slots in the given states, newest first. */
export async function listSlots(db: AppDatabase, guildId: string, states: readonly SlotState[], limit: number): Promise<DigestSlot[]> {
  if (states.length === 0) return [];
  const rows = await db.kysely.selectFrom('digest_slots').selectAll().where('guild_id', '=', guildId).where('state', 'in', states).orderBy('slot_at', 'desc').limit(limit).execute();
  return rows.map(slotFromRow);
}

/** How many of a server's slots are in each state. */
export async function countSlots(db: AppDatabase, guildId: string): Promise<Record<SlotState, number>> {
  const counts: Record<SlotState, number> = { claimed: 0, posted: 0, skipped: 0, missed: 0, failed: 0 };
  const rows = await db.kysely.selectFrom('digest_slots').select((select) => ['state', select.fn.countAll<number>().as('count')]).where('guild_id', '=', guildId).groupBy('state').execute();
  for (const row of rows) counts[row.state] = Number(row.count);
  return counts;
}
