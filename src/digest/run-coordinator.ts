import type { RunCoordinator } from 'node-cron';
import type { AppDatabase } from '../storage/database.js';
import { claimSlot } from './slot-store.js';

export interface DatabaseRunCoordinatorOptions {
  db: AppDatabase;
  guildId: string;
  timeZone: string;
  /** The node-cron task's `name`: node-cron builds each key as `${name}:${slot ISO}`. */
  taskName: string;
  /** Identifies this process in the claim. */
  owner: string;
  clock: () => Date;
  /** A slot claimed more than this after its time is marked late. */
  onTimeToleranceMs: number;
}

/**
 * node-cron's RunCoordinator backed by the digest_slots table: node-cron asks it before each
 * run, and it answers yes to exactly one caller per slot, across processes and restarts.
 * node-cron offers the coordinator a TTL as a lease; here it becomes the claim's lease, after
 * which an unfinished delivery may be taken over.
 *
 * There is deliberately no `onComplete`: lease-style coordinators release the key when a run
 * ends, but a released slot could then be claimed again and posted twice.
 */
export function createDatabaseRunCoordinator(options: DatabaseRunCoordinatorOptions): RunCoordinator {
  const prefix = `${options.taskName}:`;
  return {
    async shouldRun(key: string, ttlMs: number): Promise<boolean> {
      const slotAt = new Date(key.startsWith(prefix) ? key.slice(prefix.length) : Number.NaN);
      if (Number.isNaN(slotAt.getTime())) {
        // node-cron skips the run when the coordinator throws (fail-closed), which is what we want.
        throw new Error(`digest coordinator: unexpected key "${key}" for task "${options.taskName}"`);
      }
      const now = options.clock();
      const claimed = await claimSlot(options.db, {
        guildId: options.guildId,
        kind: 'scheduled',
        timeZone: options.timeZone,
        slotAt,
        late: now.getTime() - slotAt.getTime() > options.onTimeToleranceMs,
        owner: options.owner,
        leaseUntil: new Date(now.getTime() + ttlMs),
        now,
      });
      return claimed !== null;
    },
  };
}
