import type { AppDatabase } from '../storage/database.js';
import { nextOccurrence } from './occurrences.js';
import { getDigestSettings } from './settings-store.js';
import { countSlots, listSlots, type DigestSlot, type SlotState } from './slot-store.js';

/** What `/digest status` shows for a server. */
export interface DigestStatus {
  guildId: string;
  /** False when the server never ran `/digest setup`. */
  configured: boolean;
  enabled: boolean;
  channelId: string | null;
  /** The schedule in words, e.g. "weekly on Monday at 09:00". */
  schedule: string | null;
  timeZone: string | null;
  windowDays: number | null;
  /** The next slot, when the digest is on. */
  nextRun: Date | null;
  /** The newest slot with an outcome (posted, skipped, missed or failed). */
  lastRun: DigestSlot | null;
  /** Slots being delivered or waiting for a retry. */
  inProgress: DigestSlot[];
  /** The newest missed or failed slots, newest first (at most ten), each with its reason. */
  problems: DigestSlot[];
  /** How many slots of this server are in each state. */
  counts: Record<SlotState, number>;
}

export async function digestStatus(db: AppDatabase, guildId: string, now: Date): Promise<DigestStatus> {
  const [settings, [lastRun = null], inProgress, problems, counts] = await Promise.all([
    getDigestSettings(db, guildId),
    listSlots(db, guildId, ['posted', 'skipped', 'missed', 'failed'], 1),
    listSlots(db, guildId, ['claimed'], 10),
    listSlots(db, guildId, ['missed', 'failed'], 10),
    countSlots(db, guildId),
  ]);
  return {
    guildId,
    configured: settings !== null,
    enabled: settings?.enabled ?? false,
    channelId: settings?.channelId ?? null,
    schedule: settings?.schedule.label ?? null,
    timeZone: settings?.timeZone ?? null,
    windowDays: settings?.windowDays ?? null,
    nextRun: settings?.enabled ? nextOccurrence(settings.schedule.cron, settings.timeZone, now) : null,
    lastRun,
    inProgress,
    problems,
    counts,
  };
}

/** A slot's outcome in words, e.g. "posted late", "failed after 5 attempts: Missing Access". */
export function describeSlotOutcome(slot: DigestSlot): string {
  const attempts = `${slot.attempts} attempt${slot.attempts === 1 ? '' : 's'}`;
  switch (slot.state) {
    case 'posted':
      return slot.late ? 'posted late' : 'posted';
    case 'skipped':
      return `skipped: ${slot.reason ?? 'nothing to post'}`;
    case 'missed':
      return `missed: ${slot.reason ?? 'not posted'}`;
    case 'failed':
      return `failed after ${attempts}: ${slot.reason ?? 'unknown error'}`;
    case 'claimed':
      return slot.attempts === 0 ? 'being posted' : `retrying after ${attempts} (last error: ${slot.reason ?? 'unknown'})${slot.nextAttemptAt ? `; next try at ${slot.nextAttemptAt.toISOString()}` : ''}`;
  }
}
