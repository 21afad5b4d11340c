import { durationText } from './duration-text.js';

/** What to do with the slots that came due while nothing posted them. */
export interface CatchUpPlan {
  /** The newest due slot, when it is still within the grace period: posted once, marked late. */
  post: Date | null;
  /** Every other due slot, recorded with the reason it is not posted. */
  missed: Array<{ slotAt: Date; reason: string }>;
}

/**
 * Decides the fate of due slots (oldest first). Only the newest can still be posted: posting
 * three stale digests in a row after an outage would bury the channel, and the newest one
 * covers the same days and documents as the ones before it.
 */
export function planCatchUp(dueSlots: readonly Date[], now: Date, graceMs: number): CatchUpPlan {
  const newest = dueSlots.at(-1);
  const post = newest && now.getTime() - newest.getTime() <= graceMs ? newest : null;
  const missed = dueSlots
    .filter((slotAt) => slotAt !== post)
    .map((slotAt) => {
      const lateBy = now.getTime() - slotAt.getTime();
      const reason =
        lateBy > graceMs
          ? `not posted: nothing was running to post it, and ${durationText(lateBy)} later it was past the grace period of ${durationText(graceMs)}`
          : `not posted: superseded by the later slot at ${post?.toISOString() ?? newest?.toISOString()}`;
      return { slotAt, reason };
    });
  return { post, missed };
}
