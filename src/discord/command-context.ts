import type { TimelineEntry } from '../dates/types.js';
import type { InstanceHealth } from '../health/instance-health.js';
import type { Logger } from '../logger.js';
import type { AppDatabase } from '../storage/database.js';
import type { Digest } from '../digest/types.js';
import type { DocumentIntake } from '../library/intake-types.js';
import type { ChannelAccess } from './channel-access.js';
import type { DigestControl, LibraryControl, SearchService } from './ports.js';
import type { Renderers } from './render/index.js';
import type { CommandHelp } from './render/help.js';
import type { InteractionSessions } from './sessions.js';

/**
 * What a command needs, passed to `execute` rather than hung on the client: the core
 * services, the renderers, the button sessions and a logger. Built once in src/discord/bot.ts.
 */
export interface CommandContext {
  search: SearchService;
  /** The key dates of the whole corpus, in date order, as the library holds them now. */
  readonly timeline: readonly TimelineEntry[];
  /** The corpus folder's full check; absent when the bot serves a fixed corpus. */
  library?: LibraryControl;
  /** Adds and removes documents from Discord (/add, /remove); absent when the bot cannot store documents. */
  intake?: DocumentIntake;
  db: AppDatabase;
  scheduler: DigestControl;
  /** The digest a server would get now, with its settings or the defaults. */
  previewDigest(guildId: string): Promise<Digest>;
  channels: ChannelAccess;
  render: Renderers;
  sessions: InteractionSessions;
  /** What /help lists, in order. */
  help: readonly CommandHelp[];
  /** This instance's health for /status, with the next digest of the server asked about. */
  health(guildId: string | null): Promise<InstanceHealth>;
  logger: Logger;
  now: () => Date;
  /** The shortest time `/digest setup` allows between two digests (DIGEST_MIN_INTERVAL_MINUTES). */
  digestMinIntervalMinutes: number;
}
