import type { Logger } from '../logger.js';
import type { AppDatabase } from '../storage/database.js';
import { retryTransient } from '../storage/retry-transient.js';
import { deliveryFailureReason, isRetryableDeliveryFailure } from './delivery-error.js';
import { getDigestSettings, type DigestSettings } from './settings-store.js';
import {
  finishSlot,
  getSlot,
  lastPostedSlot,
  recordRetry,
  releaseSlot,
  renewLease,
  slotKeyText,
  type DigestSlot,
  type SlotKind,
} from './slot-store.js';
import type { Digest } from './types.js';

/** What a delivery is told about the digest it posts. */
export interface DeliveryMeta {
  /** The scheduled instant (or the moment of a manual run). */
  slot: Date;
  /** Posted after its time, e.g. caught up on start-up: say so in the message. */
  late: boolean;
  /** Stable for the slot across attempts and processes: usable as an idempotency key. */
  key: string;
  /** 1 for the first attempt. */
  attempt: number;
  kind: SlotKind;
  /** When the slot was first claimed: no attempt can have posted it before then. */
  claimedAt: Date;
}

/** Builds the digest of a slot; `since` is when the previous digest was posted. */
export type ComposeForSlot = (settings: DigestSettings, slot: Date, context: { since: Date }) => Digest | Promise<Digest>;

/** Posts a digest; throws (ideally a DigestDeliveryError with a reason) when it cannot. */
export type DeliverDigest = (settings: DigestSettings, digest: Digest, meta: DeliveryMeta) => Promise<void>;

/**
 * Tells whether an earlier attempt at this slot reached the channel after all, e.g. when the
 * process died between Discord accepting the post and the slot being recorded. Asked before
 * posting a slot that may have been posted: one taken over from an expired lease, or a retry.
 */
export type FindDeliveredDigest = (settings: DigestSettings, meta: DeliveryMeta) => Promise<boolean>;

/** Exponential backoff: attempt n waits `baseDelayMs * 2^(n-1)` after failing, up to `attempts` in all. */
export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
}

export interface SlotRunnerOptions {
  db: AppDatabase;
  compose: ComposeForSlot;
  deliver: DeliverDigest;
  clock: () => Date;
  logger: Logger;
  retry: RetryPolicy;
  owner: string;
  leaseMs: number;
  postEmpty: boolean;
  /** Without one, a taken-over slot is posted again without looking (a delivery that keeps no trace). */
  findDelivered?: FindDeliveredDigest;
}

/** Delivers claimed slots: compose, deliver, record the outcome, retry with backoff. */
export interface SlotRunner {
  /** Makes one attempt now; resolves with the slot as recorded after it. */
  run(slot: DigestSlot): Promise<DigestSlot | null>;
  /** Continues a taken-over slot at its planned retry time, first checking that it was not posted already. */
  resume(slot: DigestSlot): void;
  /** Cancels planned retries, releasing their slots for the next start, and waits for attempts in flight. */
  stop(): Promise<void>;
  /** Waits until no attempt is running. */
  idle(): Promise<void>;
  /** Allows retries to be planned again after `stop`. */
  start(): void;
}

export function createSlotRunner(options: SlotRunnerOptions): SlotRunner {
  const { db, clock, logger, owner } = options;
  const retryTimers = new Map<string, { timer: NodeJS.Timeout; slot: DigestSlot }>();
  const inFlight = new Set<Promise<unknown>>();
  const attempting = new Set<string>();
  let stopped = false;

  const sinceFor = async (settings: DigestSettings) => (await lastPostedSlot(db, settings.guildId))?.finishedAt ?? settings.activeSince;

  /** Records an outcome; another process that took the slot over (after our lease ran out) owns it now. */
  async function finish(slot: DigestSlot, outcome: Parameters<typeof finishSlot>[3]): Promise<void> {
    // A connection lost between the post and this record is the likeliest time to lose one: try again before giving up.
    if (!(await retryTransient(() => finishSlot(db, slot, owner, outcome)))) {
      logger.warn({ guildId: slot.guildId, slot: slot.slotAt.toISOString(), outcome: outcome.state }, 'digest slot was taken over while this process held it; outcome not recorded');
    }
  }

  /** True when the slot's earlier attempt reached the channel; then it is recorded as posted. */
  async function foundDelivered(slot: DigestSlot, settings: DigestSettings, meta: DeliveryMeta, log: Logger): Promise<boolean> {
    if (!options.findDelivered) return false;
    if (!(await options.findDelivered(settings, meta))) return false;
    await finish(slot, { state: 'posted', attempts: meta.attempt, reason: null, now: clock() });
    log.info({ attempt: meta.attempt }, 'digest found in the channel from an earlier attempt; recorded as posted, not posted again');
    return true;
  }

  async function attempt(slot: DigestSlot, uncertain: boolean): Promise<DigestSlot | null> {
    const now = clock();
    const keyText = slotKeyText(slot);
    const log = logger.child({ guildId: slot.guildId, slot: slot.slotAt.toISOString(), localTime: slot.localTime });
    const settings = await getDigestSettings(db, slot.guildId);
    if (!settings || (slot.kind === 'scheduled' && !settings.enabled)) {
      await finish(slot, { state: 'skipped', attempts: slot.attempts, reason: 'the digest was turned off before this slot was posted', now });
      return getSlot(db, slot);
    }
    if (!(await renewLease(db, slot, owner, new Date(now.getTime() + options.leaseMs), now))) {
      log.warn('digest slot taken over by another process; not posting it here');
      return getSlot(db, slot);
    }
    const attemptNumber = slot.attempts + 1;
    const meta: DeliveryMeta = { slot: slot.slotAt, late: slot.late, key: keyText, attempt: attemptNumber, kind: slot.kind, claimedAt: slot.createdAt };
    // An attempt before this one may have reached Discord without being recorded (a crash, a timeout).
    if (uncertain || slot.attempts > 0) {
      try {
        if (await foundDelivered(slot, settings, meta, log)) return getSlot(db, slot);
      } catch (error) {
        await recordFailure(slot, attemptNumber, error, log);
        return getSlot(db, slot);
      }
    }
    let digest: Digest;
    try {
      digest = await options.compose(settings, slot.slotAt, { since: await sinceFor(settings) });
    } catch (error) {
      log.error({ err: error }, 'digest could not be composed');
      await finish(slot, { state: 'failed', attempts: attemptNumber, reason: `the digest could not be composed: ${deliveryFailureReason(error)}`, now: clock() });
      return getSlot(db, slot);
    }
    if (digest.empty && !options.postEmpty) {
      await finish(slot, { state: 'skipped', attempts: slot.attempts, reason: digest.emptyMessage ?? 'nothing falls in the window', now: clock() });
      log.info('digest empty; nothing posted');
      return getSlot(db, slot);
    }
    try {
      await options.deliver(settings, digest, meta);
    } catch (error) {
      await recordFailure(slot, attemptNumber, error, log);
      return getSlot(db, slot);
    }
    // Outside the try: a database hiccup after a successful post must not be taken for a failed post and retried.
    await finish(slot, { state: 'posted', attempts: attemptNumber, reason: null, now: clock() });
    log.info({ late: slot.late, attempt: attemptNumber }, 'digest posted');
    return getSlot(db, slot);
  }

  async function recordFailure(slot: DigestSlot, attemptNumber: number, error: unknown, log: Logger): Promise<void> {
    const now = clock();
    const reason = deliveryFailureReason(error);
    if (attemptNumber >= options.retry.attempts || !isRetryableDeliveryFailure(error)) {
      await finish(slot, { state: 'failed', attempts: attemptNumber, reason, now });
      log.error({ err: error, attempt: attemptNumber, reason }, 'digest delivery failed; giving up');
      return;
    }
    const delayMs = options.retry.baseDelayMs * 2 ** (attemptNumber - 1);
    const nextAttemptAt = new Date(now.getTime() + delayMs);
    // Once stopping, the lease ends now so that the next start takes the retry over.
    const leaseUntil = stopped ? now : new Date(nextAttemptAt.getTime() + options.leaseMs);
    await recordRetry(db, slot, owner, { attempts: attemptNumber, reason, nextAttemptAt, leaseUntil, now });
    log.warn({ err: error, attempt: attemptNumber, reason, nextAttemptAt }, 'digest delivery failed; will retry');
    if (!stopped) planRetry({ ...slot, attempts: attemptNumber }, delayMs);
  }

  function planRetry(slot: DigestSlot, delayMs: number): void {
    const keyText = slotKeyText(slot);
    const timer = setTimeout(() => {
      retryTimers.delete(keyText);
      void getSlot(db, slot).then(
        (current) => {
          if (current?.state === 'claimed' && current.claimedBy === owner) void run(current);
        },
        (error: unknown) => logger.error({ err: error, guildId: slot.guildId }, 'digest retry could not read its slot; the sweep takes it over when its lease ends'),
      );
    }, delayMs);
    retryTimers.set(keyText, { timer, slot });
  }

  function run(slot: DigestSlot, uncertain = false): Promise<DigestSlot | null> {
    const keyText = slotKeyText(slot);
    // A sweep may take back a slot whose lease ran out while this very process is still delivering it.
    if (attempting.has(keyText)) return getSlot(db, slot);
    attempting.add(keyText);
    const promise = attempt(slot, uncertain)
      .catch((error: unknown) => {
        logger.error({ err: error, guildId: slot.guildId }, 'digest slot could not be recorded');
        return null;
      })
      .finally(() => attempting.delete(keyText));
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise));
    return promise;
  }

  return {
    run: (slot) => run(slot),
    resume(slot) {
      const delayMs = Math.max(0, (slot.nextAttemptAt?.getTime() ?? 0) - clock().getTime());
      if (delayMs === 0) void run(slot, true);
      else planRetry(slot, delayMs);
    },
    async stop() {
      stopped = true;
      for (const { timer, slot } of retryTimers.values()) {
        clearTimeout(timer);
        await releaseSlot(db, slot, owner, clock()).catch((error: unknown) => logger.warn({ err: error, guildId: slot.guildId }, 'planned digest retry could not be released; it is taken over when its lease ends'));
      }
      retryTimers.clear();
      await Promise.allSettled([...inFlight]);
    },
    start() {
      stopped = false;
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
