import type { ComposeForSlot } from '../digest/slot-runner.js';
import { getDigestSettings, type DigestSettings } from '../digest/settings-store.js';
import { lastPostedSlot } from '../digest/slot-store.js';
import type { Digest } from '../digest/types.js';
import type { AppDatabase } from '../storage/database.js';

/** What a server without settings previews: UTC, a week ahead and back. */
const previewDefaults = { timeZone: 'UTC', windowDays: 7 } as const;

/**
 * `/digest preview`: the digest a server would get now, composed exactly as the scheduler
 * composes it, with the server's settings or the defaults, counting new documents since
 * its last posted digest.
 */
export function createDigestPreview(options: { db: AppDatabase; compose: ComposeForSlot; now: () => Date }): (guildId: string) => Promise<Digest> {
  return async (guildId) => {
    const now = options.now();
    const settings: DigestSettings = (await getDigestSettings(options.db, guildId)) ?? {
      guildId,
      channelId: '',
      schedule: { input: '', cron: '', label: 'not set up' },
      ...previewDefaults,
      enabled: false,
      picture: true,
      activeSince: now,
      createdAt: now,
      updatedAt: now,
    };
    const since = (await lastPostedSlot(options.db, guildId))?.finishedAt ?? new Date(now.getTime() - settings.windowDays * 86_400_000);
    return options.compose(settings, now, { since });
  };
}
