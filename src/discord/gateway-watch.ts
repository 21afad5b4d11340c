import { Events, GatewayCloseCodes, type Client, type ClientEvents } from 'discord.js';
import type { Logger } from '../logger.js';

/** The gateway stayed out of reach too long, or closed the session for good; a restart is the way on. */
export class GatewayLostError extends Error {
  override readonly name = 'GatewayLostError';
}

export interface GatewayWatchOptions {
  client: Client;
  logger: Logger;
  /** How long the gateway may stay unreachable, counted from the first failed attempt, before `onLost`. */
  giveUpAfterMs: number;
  /** Called once, when the bot should stop and be restarted. */
  onLost(error: GatewayLostError): void;
  now?: () => number;
}

export interface GatewayWatch {
  /** True while the gateway session is up (READY or RESUMED, and no reconnection since). */
  readonly connected: boolean;
  /** Stops watching: the bot is shutting down, and closing the gateway is not a loss. */
  stop(): void;
}

/** The upstream debug line for a failed connection; briefing-bot's patch to @discordjs/ws appends the error code. */
const networkErrorLine = /Failed to connect to the gateway URL specified due to a network error(?:: (.+))?$/;
const destroyReasonLine = /Destroying shard\n\tReason: (.+)\n/;

/**
 * Follows the gateway connection through discord.js's events. Reconnections are logged with
 * their attempt number, how long the gateway has been out of reach and the last reason seen
 * (@discordjs/ws retries with a backoff, patched in; see patches/). Once the gateway has been
 * unreachable for `giveUpAfterMs`, or discord.js gives up on a close code it cannot recover
 * from (a refused token, disallowed intents), `onLost` is called with a message for the operator.
 */
export function watchGateway(options: GatewayWatchOptions): GatewayWatch {
  const { client, giveUpAfterMs } = options;
  const log = options.logger.child({ module: 'gateway' });
  const now = options.now ?? Date.now;
  let downSince: number | null = now();
  let attempts = 0;
  let reason: string | null = null;
  let lost = false;
  let timer: NodeJS.Timeout | null = null;

  const giveUp = (error: GatewayLostError) => {
    if (lost) return;
    lost = true;
    stop();
    options.onLost(error);
  };
  const armTimer = () => {
    timer ??= setTimeout(() => {
      const seconds = Math.round((now() - (downSince ?? now())) / 1000);
      giveUp(
        new GatewayLostError(
          `The Discord gateway could not be reached for ${seconds} s (${attempts} ${attempts === 1 ? 'attempt' : 'attempts'}; last reason: ${reason ?? 'unknown'}). ` +
            'Check the network and https://discordstatus.com; a supervisor restarts the bot (see deploy/ in the README). GATEWAY_GIVE_UP_SECONDS sets how long to wait.',
        ),
      );
    }, giveUpAfterMs).unref();
  };

  const onConnected = () => {
    if (attempts > 0 && downSince !== null) log.info({ attempts, downForMs: now() - downSince }, 'gateway connected again');
    downSince = null;
    attempts = 0;
    reason = null;
    if (timer) clearTimeout(timer);
    timer = null;
  };
  const onReconnecting = (shardId: number) => {
    downSince ??= now();
    attempts += 1;
    armTimer();
    const fields = { shardId, attempt: attempts, downForMs: now() - downSince, reason: reason ?? 'the connection closed' };
    if (attempts === 1) log.info(fields, 'gateway reconnecting');
    else log.warn(fields, 'gateway still unreachable; retrying with backoff');
  };
  const onDebug = (message: string) => {
    const network = networkErrorLine.exec(message);
    if (network) reason = `network error: ${network[1] ?? 'unknown'}`;
    const destroyed = destroyReasonLine.exec(message)?.[1];
    if (destroyed !== undefined && destroyed !== 'none') reason = destroyed;
  };
  const onShardError = (error: Error) => {
    reason = error.message;
  };
  const onDisconnect = (event: { code: number }, shardId: number) => {
    const name = (GatewayCloseCodes as Record<number, string | undefined>)[event.code] ?? 'unrecoverable';
    log.error({ shardId, code: event.code }, 'gateway closed the session for good');
    giveUp(new GatewayLostError(`Discord closed the gateway with code ${event.code} (${name}), which the bot cannot recover from by reconnecting. Check DISCORD_TOKEN and the bot's intents in the Developer Portal.`));
  };

  const unlisten: Array<() => void> = [];
  const listen = <E extends keyof ClientEvents>(event: E, listener: (...args: ClientEvents[E]) => void) => {
    client.on(event, listener);
    unlisten.push(() => client.off(event, listener));
  };
  listen(Events.ShardReady, onConnected);
  listen(Events.ShardResume, onConnected);
  listen(Events.ShardReconnecting, onReconnecting);
  listen(Events.Debug, onDebug);
  listen(Events.ShardError, onShardError);
  listen(Events.ShardDisconnect, onDisconnect);
  // The first connection counts too: a gateway out of reach at start-up is given up on the same way.
  armTimer();

  function stop(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    for (const off of unlisten.splice(0)) off();
  }
  return {
    get connected() {
      return downSince === null && !lost;
    },
    stop,
  };
}
