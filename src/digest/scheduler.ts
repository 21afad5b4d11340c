import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import cron, { type Logger as CronLogger, type ScheduledTask } from 'node-cron';
import { UserError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { AppDatabase } from '../storage/database.js';
import { planCatchUp } from './catch-up.js';
import { catchUpLimit, createDueSlotFinder } from './due-slots.js';
import { createDatabaseRunCoordinator } from './run-coordinator.js';
import { defaultMinIntervalMinutes } from './schedule.js';
import { shortGapOf } from './schedule-interval.js';
import { getDigestSettings, listEnabledDigestSettings, type DigestSettings } from './settings-store.js';
import { createSlotRunner, type ComposeForSlot, type DeliverDigest, type FindDeliveredDigest, type RetryPolicy } from './slot-runner.js';
import { claimSlot, expiredClaims, finishSlot, getSlot, latestScheduledSlot, manualRunInProgress, reclaimExpiredSlot, recordMissedSlot, slotKeyOf, type DigestSlot } from './slot-store.js';
import { digestStatus, type DigestStatus } from './status.js';

export type { ComposeForSlot, DeliverDigest, DeliveryMeta, FindDeliveredDigest, RetryPolicy } from './slot-runner.js';

export interface DigestSchedulerOptions {
  db: AppDatabase;
  compose: ComposeForSlot;
  deliver: DeliverDigest;
  /** Looks in the channel for a post of a slot whose earlier attempt may have gone through; see FindDeliveredDigest. */
  findDelivered?: FindDeliveredDigest;
  /** Defaults to the system clock; tests inject one (node-cron itself follows the system clock). */
  clock?: () => Date;
  logger: Logger;
  /** A slot missed while down is still posted, late, within this many hours; otherwise recorded as missed. Default 6. */
  graceHours?: number;
  /** Default: 5 attempts, 30 s doubling (30 s, 1 min, 2 min, 4 min). */
  retry?: Partial<RetryPolicy>;
  /** Post a digest even when nothing falls in its window. Default false: the slot is recorded as skipped. */
  postEmpty?: boolean;
  /** Names this process in its claims. Default: host, pid and a random suffix. */
  instanceId?: string;
  /** How long a claim holds before another process may take an unfinished delivery over. Default 10 min. */
  leaseMs?: number;
  /**
   * A stored schedule whose posts come closer than this (saved before the limit existed, or
   * under a lower DIGEST_MIN_INTERVAL_MINUTES) is not run. Default 60.
   */
  minIntervalMinutes?: number;
}

/** Posts every server's digest on its schedule, exactly once per slot. */
export interface DigestScheduler {
  /** Schedules every enabled server, then catches up slots missed while down (see `graceHours`). */
  start(): Promise<void>;
  /** Stops the schedules, hands planned retries over to the next start, waits for deliveries in flight. */
  stop(): Promise<void>;
  /** Picks up a server's changed settings (after `/digest setup` or `off`). */
  reload(guildId: string): Promise<void>;
  /** Composes and posts a digest now, outside the schedule; resolves after the first attempt. */
  runNow(guildId: string): Promise<DigestSlot | null>;
  status(guildId: string): Promise<DigestStatus>;
}

const onTimeToleranceMs = 2 * 60_000;
/**
 * The safety net runs this often: it posts due slots that node-cron did not fire (a time that a DST
 * change skips, a stalled event loop, a clock jump). A plain interval, not a node-cron task: after
 * a clock jump node-cron walks every missed occurrence, which for a minute schedule is a long walk.
 */
const longestSweepIntervalMs = 60_000;

/** Sweeps four times per lease (at most every minute), so a dead host's claim is taken over soon after its lease ends. */
function sweepIntervalFor(leaseMs: number): number {
  return Math.min(longestSweepIntervalMs, Math.max(1000, Math.floor(leaseMs / 4)));
}

function cronLogger(logger: Logger): CronLogger {
  const write = (level: 'debug' | 'info' | 'warn' | 'error', message: string | Error, error?: Error) =>
    message instanceof Error ? logger[level]({ err: message }, message.message) : logger[level](error ? { err: error } : {}, message);
  return {
    debug: (message, error) => write('debug', message, error),
    info: (message) => write('info', message),
    warn: (message) => write('warn', message),
    error: (message, error) => write('error', message, error),
  };
}

export function createDigestScheduler(options: DigestSchedulerOptions): DigestScheduler {
  const { db } = options;
  const clock = options.clock ?? (() => new Date());
  const logger = options.logger.child({ module: 'digest-scheduler' });
  const owner = options.instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const graceMs = (options.graceHours ?? 6) * 3_600_000;
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  const retry: RetryPolicy = { attempts: options.retry?.attempts ?? 5, baseDelayMs: options.retry?.baseDelayMs ?? 30_000 };
  const runner = createSlotRunner({
    db,
    compose: options.compose,
    deliver: options.deliver,
    ...(options.findDelivered ? { findDelivered: options.findDelivered } : {}),
    clock,
    logger,
    retry,
    owner,
    leaseMs,
    postEmpty: options.postEmpty ?? false,
  });
  const tasks = new Map<string, { task: ScheduledTask; version: string }>();
  const guildQueues = new Map<string, Promise<unknown>>();
  const dueSlots = createDueSlotFinder();
  let sweepTimer: NodeJS.Timeout | null = null;
  let sweeping: Promise<void> | null = null;
  let running = false;
  const minIntervalMinutes = options.minIntervalMinutes ?? defaultMinIntervalMinutes;
  const tooFrequent = new Map<string, boolean>();
  const warnedTooFrequent = new Set<string>();

  /** True for a schedule that posts more often than allowed; logged once per server and schedule. */
  function runsTooOften(settings: DigestSettings): boolean {
    const { cron: expression } = settings.schedule;
    let refused = tooFrequent.get(expression);
    if (refused === undefined) {
      refused = shortGapOf(expression, minIntervalMinutes * 60_000) !== null;
      tooFrequent.set(expression, refused);
    }
    const warning = `${settings.guildId} ${expression}`;
    if (refused && !warnedTooFrequent.has(warning)) {
      warnedTooFrequent.add(warning);
      logger.warn({ guildId: settings.guildId, schedule: settings.schedule.input, minIntervalMinutes }, 'digest schedule posts more often than the minimum interval; not run until /digest setup sets another');
    }
    return refused;
  }

  function unscheduleGuild(guildId: string): void {
    void tasks.get(guildId)?.task.destroy();
    tasks.delete(guildId);
  }

  function scheduleGuild(settings: DigestSettings): void {
    // Only the schedule and the zone shape the node-cron task; the channel and window are read at each delivery.
    const version = `${settings.schedule.cron} in ${settings.timeZone}`;
    if (tasks.get(settings.guildId)?.version === version) return;
    unscheduleGuild(settings.guildId);
    const { guildId, timeZone } = settings;
    const taskName = `digest:${guildId}`;
    const task = cron.schedule(
      settings.schedule.cron,
      async (context) => {
        // node-cron calls this only once the coordinator has claimed the slot for this process.
        const slot = await getSlot(db, slotKeyOf(guildId, 'scheduled', timeZone, context.date));
        if (slot?.state === 'claimed' && slot.claimedBy === owner) await runner.run(slot);
      },
      {
        name: taskName,
        timezone: timeZone,
        distributed: true,
        runCoordinator: createDatabaseRunCoordinator({ db, guildId, timeZone, taskName, owner, clock, onTimeToleranceMs }),
        distributedLease: leaseMs,
        missedExecutionTolerance: onTimeToleranceMs,
        suppressMissedWarning: true,
        logger: cronLogger(logger.child({ guildId })),
      },
    );
    task.on('execution:missed', () => void catchUpGuild(guildId));
    tasks.set(guildId, { task, version });
  }

  /** Serializes catching up per server, so two passes never judge the same slots at once. */
  function catchUpGuild(guildId: string): Promise<unknown> {
    const previous = guildQueues.get(guildId) ?? Promise.resolve();
    const next = previous.then(() => catchUpGuildNow(guildId)).catch((error: unknown) => logger.error({ err: error, guildId }, 'digest catch-up failed'));
    guildQueues.set(guildId, next);
    void next.finally(() => {
      if (guildQueues.get(guildId) === next) guildQueues.delete(guildId);
    });
    return next;
  }

  async function catchUpGuildNow(guildId: string): Promise<void> {
    const settings = await getDigestSettings(db, guildId);
    if (!running || !settings?.enabled || runsTooOften(settings)) return;
    const now = clock();
    const latest = await latestScheduledSlot(db, guildId);
    const after = new Date(Math.max(settings.activeSince.getTime(), latest?.slotAt.getTime() ?? 0));
    const { slots, truncated } = dueSlots(guildId, settings.schedule.cron, settings.timeZone, after, now);
    if (truncated) logger.warn({ guildId, after, kept: catchUpLimit }, 'more digest slots were missed than are recorded; only the newest are listed');
    const plan = planCatchUp(slots, now, graceMs);
    for (const missed of plan.missed) {
      if (await recordMissedSlot(db, { guildId, timeZone: settings.timeZone, slotAt: missed.slotAt, reason: missed.reason, now })) {
        logger.warn({ guildId, slot: missed.slotAt.toISOString(), reason: missed.reason }, 'digest slot missed');
      }
    }
    if (!plan.post) return;
    const late = now.getTime() - plan.post.getTime() > onTimeToleranceMs;
    const claimed = await claimSlot(db, { guildId, kind: 'scheduled', timeZone: settings.timeZone, slotAt: plan.post, late, owner, leaseUntil: new Date(now.getTime() + leaseMs), now });
    if (claimed) await runner.run(claimed);
  }

  /** Takes over deliveries whose process stopped or died; past the grace period they are closed as failed. */
  async function resumeExpiredClaims(): Promise<void> {
    const now = clock();
    for (const slot of await expiredClaims(db, now)) {
      const reclaimed = await reclaimExpiredSlot(db, slot, owner, new Date(now.getTime() + leaseMs), now);
      if (!reclaimed) continue;
      if (now.getTime() - slot.slotAt.getTime() > graceMs) {
        const reason = `interrupted after ${slot.attempts} attempt(s) and now past the grace period${slot.reason ? `; last error: ${slot.reason}` : ''}`;
        await finishSlot(db, reclaimed, owner, { state: 'failed', attempts: slot.attempts, reason, now });
        logger.error({ guildId: slot.guildId, slot: slot.slotAt.toISOString(), reason }, 'digest slot abandoned');
      } else {
        logger.info({ guildId: slot.guildId, slot: slot.slotAt.toISOString(), attempts: slot.attempts }, 'resuming an interrupted digest delivery');
        runner.resume(reclaimed);
      }
    }
  }

  async function syncTasks(): Promise<DigestSettings[]> {
    const enabled = (await listEnabledDigestSettings(db)).filter((settings) => !runsTooOften(settings));
    const enabledIds = new Set(enabled.map((settings) => settings.guildId));
    for (const guildId of [...tasks.keys()]) if (!enabledIds.has(guildId)) unscheduleGuild(guildId);
    for (const settings of enabled) scheduleGuild(settings);
    return enabled;
  }

  /** Runs on start and every minute: follows settings changed by other processes and posts what is due. */
  async function sweep(): Promise<void> {
    if (!running) return;
    const enabled = await syncTasks();
    await resumeExpiredClaims();
    await Promise.allSettled(enabled.map((settings) => catchUpGuild(settings.guildId)));
  }

  return {
    async start() {
      if (running) return;
      running = true;
      runner.start();
      await sweep();
      sweepTimer = setInterval(() => {
        sweeping ??= sweep()
          .catch((error: unknown) => logger.error({ err: error }, 'digest sweep failed'))
          .finally(() => {
            sweeping = null;
          });
      }, sweepIntervalFor(leaseMs));
      logger.info({ guilds: tasks.size, owner }, 'digest scheduler started');
    },
    async stop() {
      running = false;
      if (sweepTimer) clearInterval(sweepTimer);
      sweepTimer = null;
      await sweeping;
      for (const guildId of [...tasks.keys()]) unscheduleGuild(guildId);
      await Promise.allSettled([...guildQueues.values()]);
      await runner.stop();
      logger.info('digest scheduler stopped');
    },
    async reload(guildId) {
      if (!running) return;
      const settings = await getDigestSettings(db, guildId);
      if (settings?.enabled && !runsTooOften(settings)) scheduleGuild(settings);
      else unscheduleGuild(guildId);
    },
    async runNow(guildId) {
      const settings = await getDigestSettings(db, guildId);
      if (!settings) throw new UserError('No digest is set up for this server yet. Set one up first, e.g. `/digest setup channel:#news schedule:daily 09:00 timezone:Europe/Berlin`.');
      const now = clock();
      const busy = new UserError('A digest is being posted for this server right now. Try again in a few seconds; /digest status shows how it went.');
      if (await manualRunInProgress(db, guildId, now)) throw busy;
      // Two processes pressed in the same millisecond: one of them posts.
      const slot = await claimSlot(db, { guildId, kind: 'manual', timeZone: settings.timeZone, slotAt: now, late: false, owner, leaseUntil: new Date(now.getTime() + leaseMs), now });
      if (!slot) throw busy;
      return runner.run(slot);
    },
    status(guildId) {
      return digestStatus(db, guildId, clock());
    },
  };
}
