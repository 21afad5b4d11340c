import { MessageFlags, type MessageComponentInteraction, type ModalMessageModalSubmitInteraction, type RepliableInteraction } from 'discord.js';
import type { MessagePayload } from './render/payload.js';

/**
 * Discord drops an interaction that is not acknowledged within 3 seconds. Work that is
 * still running after this long is deferred first, which leaves time for the network.
 */
export const deferAfterMs = 1500;

type Work = () => MessagePayload | Promise<MessagePayload>;

/**
 * Replies with the payload `work` produces. Fast work is answered in one callback; slow
 * work is deferred (a "thinking…" state) and the reply is edited in when ready. An error
 * from `work` propagates to the router's error boundary either way.
 */
export async function replyInTime(interaction: RepliableInteraction, work: Work, options: { ephemeral: boolean; deferAfterMs?: number }): Promise<void> {
  const payload = await raceWithDeadline(work, options.deferAfterMs ?? deferAfterMs, () =>
    interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  );
  if (payload.deferred) {
    const { flags: _flags, ...edit } = payload.value;
    await interaction.editReply(edit);
    return;
  }
  const { flags: _flags, ...rest } = payload.value;
  await interaction.reply(options.ephemeral ? { ...rest, flags: MessageFlags.Ephemeral } : rest);
}

/** Replaces the message a button (or a modal opened from one) is on with the payload `work` produces, deferring slow work. */
export async function updateInTime(interaction: MessageComponentInteraction | ModalMessageModalSubmitInteraction, work: Work, options: { deferAfterMs?: number } = {}): Promise<void> {
  const payload = await raceWithDeadline(work, options.deferAfterMs ?? deferAfterMs, () => interaction.deferUpdate());
  const { flags: _flags, ...edit } = payload.value;
  if (payload.deferred) await interaction.editReply(edit);
  else await interaction.update(edit);
}

interface Produced {
  value: MessagePayload;
  deferred: boolean;
}

async function raceWithDeadline(work: Work, deadlineMs: number, defer: () => Promise<unknown>): Promise<Produced> {
  const pending = Promise.resolve().then(work);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), deadlineMs);
  });
  try {
    const first = await Promise.race([pending, deadline]);
    if (first !== 'late') return { value: first, deferred: false };
  } finally {
    clearTimeout(timer);
  }
  // If deferring fails, the work's own failure must not surface later as an unhandled rejection.
  pending.catch(() => undefined);
  await defer();
  return { value: await pending, deferred: true };
}
