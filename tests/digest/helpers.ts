import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, vi } from 'vitest';
import type { TimelineEntry } from '../../src/dates/types.js';
import { composeDigest } from '../../src/digest/compose.js';
import { createDigestScheduler, type DeliverDigest, type DigestSchedulerOptions } from '../../src/digest/scheduler.js';
import { parseSchedule } from '../../src/digest/schedule.js';
import { saveDigestSettings } from '../../src/digest/settings-store.js';
import type { Logger } from '../../src/logger.js';
import { openDatabase, type AppDatabase } from '../../src/storage/database.js';

export const silentLogger: Logger = pino({ level: 'silent' });

/** A timeline entry quoted from one sentence of one document. */
export function entry(date: string, label: string, docId = 'seed-001', overrides: Partial<TimelineEntry> = {}): TimelineEntry {
  const precision = date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
  const quote = `${label}, the text says.`;
  return { date, end: null, precision, label, sources: [{ docId, start: 100, end: 100 + quote.length, quote }], conflicts: [], ...overrides };
}

/** A folder under the system temp dir, removed by `cleanup`. */
export function temporaryFolder(): { folder: string; cleanup: () => void } {
  const folder = mkdtempSync(path.join(tmpdir(), 'briefing-digest-'));
  return { folder, cleanup: () => rmSync(folder, { recursive: true, force: true }) };
}

/** What a test's `deliver` saw. */
export interface Delivery {
  instance: string;
  guildId: string;
  channelId: string;
  slot: string;
  late: boolean;
  attempt: number;
  kind: string;
}

/**
 * A database file shared by any number of scheduler instances, each on its own connection, as
 * two processes would be. Every digest composed has one new document, so none is empty.
 */
export async function createSchedulerWorld() {
  const { folder, cleanup } = temporaryFolder();
  const file = path.join(folder, 'briefing.sqlite');
  const db = await openDatabase(file, silentLogger);
  const connections: AppDatabase[] = [db];
  const deliveries: Delivery[] = [];
  const schedulers: Array<ReturnType<typeof createDigestScheduler>> = [];

  const recordingDeliver =
    (instance: string): DeliverDigest =>
    async (settings, _digest, meta) => {
      deliveries.push({ instance, guildId: settings.guildId, channelId: settings.channelId, slot: meta.slot.toISOString(), late: meta.late, attempt: meta.attempt, kind: meta.kind });
    };

  return {
    file,
    db,
    deliveries,
    setUp(guildId: string, schedule: string, timeZone: string, now = new Date()) {
      return saveDigestSettings(db, { guildId, channelId: `channel-of-${guildId}`, schedule: parseSchedule(schedule), timeZone, windowDays: 7, enabled: true }, now);
    },
    async scheduler(instance: string, overrides: Partial<DigestSchedulerOptions> = {}) {
      const connection = await openDatabase(file, silentLogger);
      connections.push(connection);
      const scheduler = createDigestScheduler({
        db: connection,
        compose: (settings, slot) =>
          composeDigest({ timeline: [], today: slot, timeZone: settings.timeZone, windowDays: settings.windowDays, since: null, documents: [{ docId: 'new', title: 'A new source', addedAt: new Date(slot.getTime() - 60_000) }] }),
        deliver: recordingDeliver(instance),
        logger: silentLogger,
        instanceId: instance,
        retry: { attempts: 3, baseDelayMs: 1000 },
        ...overrides,
      });
      schedulers.push(scheduler);
      return scheduler;
    },
    async close() {
      await Promise.allSettled(schedulers.map((scheduler) => scheduler.stop()));
      for (const connection of connections) await connection.close();
      cleanup();
    },
  };
}

/** Local calendar day of an ISO instant in a zone. */
export function dayIn(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

export type SchedulerWorld = Awaited<ReturnType<typeof createSchedulerWorld>>;

/**
 * A fresh scheduler world for each test of the calling `describe`, on fake timers started at
 * `startAt` (or the real time when absent), with `prepare` run first; closed after each test.
 * Returns a getter, since the world is created anew before every test.
 */
export function useSchedulerWorld(options: { startAt?: string; prepare?: (world: SchedulerWorld) => Promise<void> } = {}): () => SchedulerWorld {
  let world: SchedulerWorld | undefined;
  beforeEach(async () => {
    vi.useFakeTimers();
    if (options.startAt !== undefined) vi.setSystemTime(new Date(options.startAt));
    world = await createSchedulerWorld();
    await options.prepare?.(world);
  });
  afterEach(async () => {
    await world?.close();
    vi.useRealTimers();
  });
  return () => {
    if (world === undefined) throw new Error('useSchedulerWorld: the world exists only inside a test');
    return world;
  };
}
