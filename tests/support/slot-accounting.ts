import { slotFromRow, slotKeyText, type DigestSlot, type SlotState } from '../../src/digest/slot-store.js';
import { slotReference } from '../../src/discord/digest-delivery.js';
import type { LocalDiscord } from '../../src/local-discord/index.js';
import type { AppDatabase } from '../../src/storage/database.js';

/** One slot as the database recorded it, with the posts Discord actually accepted for it. */
export interface SlotAccount {
  localTime: string;
  state: SlotState;
  late: boolean;
  claimedBy: string | null;
  /** Messages the server created with this slot's nonce. */
  posts: number;
  /** From the slot's time to its outcome being recorded, in ms. */
  lateByMs: number | null;
}

function slotsOf(db: AppDatabase, guildId: string): Promise<DigestSlot[]> {
  return db.kysely
    .selectFrom('digest_slots')
    .selectAll()
    .where('guild_id', '=', guildId)
    .where('kind', '=', 'scheduled')
    .orderBy('slot_at')
    .execute()
    .then((rows) => rows.map(slotFromRow));
}

/** Successful message posts to a channel, counted by nonce. */
function postsByNonce(server: LocalDiscord, channelId: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of server.state.requests) {
    if (request.method !== 'POST' || request.path !== `/channels/${channelId}/messages` || request.status !== 200) continue;
    const body = request.body as { nonce?: unknown } | null;
    const nonce = typeof body?.nonce === 'string' ? body.nonce : '(none)';
    counts.set(nonce, (counts.get(nonce) ?? 0) + 1);
  }
  return counts;
}

/** Every scheduled slot of a server with its posts, and the posts that match no slot at all. */
export async function accountSlots(db: AppDatabase, server: LocalDiscord, guildId: string, channelId: string): Promise<{ slots: SlotAccount[]; strayPosts: number }> {
  const posts = postsByNonce(server, channelId);
  const slots = (await slotsOf(db, guildId)).map((slot) => {
    const nonce = slotReference(slotKeyText(slot));
    const count = posts.get(nonce) ?? 0;
    posts.delete(nonce);
    return {
      localTime: slot.localTime,
      state: slot.state,
      late: slot.late,
      claimedBy: slot.claimedBy,
      posts: count,
      lateByMs: slot.finishedAt === null ? null : slot.finishedAt.getTime() - slot.slotAt.getTime(),
    };
  });
  return { slots, strayPosts: [...posts.values()].reduce((sum, count) => sum + count, 0) };
}

/** The pid in a claim's owner, `host:pid:suffix`. */
export function ownerPid(owner: string | null): number | null {
  const pid = Number(owner?.split(':')[1]);
  return Number.isInteger(pid) ? pid : null;
}
