import { Client, Events, GatewayIntentBits, RESTEvents, type RateLimitData } from 'discord.js';
import type { Logger } from '../logger.js';
import type { ClientSharding } from './sharding.js';

export interface DiscordClientOptions {
  /** REST base URL: Discord's own, or a compatible server such as the local one in tests. */
  apiBase: string;
  /** Only used to scrub it from discord.js's debug text, which is logged at debug level. */
  token: string;
  logger: Logger;
  /** Which shards this client runs; none given: one shard. */
  sharding?: ClientSharding;
}

/**
 * The discord.js client with the Guilds intent only: slash commands, buttons and
 * autocomplete need no privileged intent. `allowedMentions: { parse: [] }` is set as the
 * client default too, so even a message sent outside the renderers cannot ping anyone.
 */
export function createDiscordClient(options: DiscordClientOptions): Client {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: options.apiBase },
    allowedMentions: { parse: [] },
    ...options.sharding,
  });
  logClientEvents(client, options.logger.child({ module: 'discord' }), options.token);
  return client;
}

/** How @discordjs/rest names the route of every interaction callback. */
const interactionCallbackRoute = '/interactions/:id/:token/callback';

function logClientEvents(client: Client, log: Logger, token: string): void {
  const scrub = (text: string) => (token === '' ? text : text.split(token).join('[redacted]'));
  client.once(Events.ClientReady, (ready) => log.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'connected to the gateway'));
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ detail: scrub(message) }, 'discord client warning'));
  // Reconnections and a session closed for good are logged by watchGateway, with their reasons.
  client.on(Events.ShardResume, (shardId, replayed) => log.info({ shardId, replayed }, 'gateway session resumed'));
  client.on(Events.ShardError, (error, shardId) => log.error({ err: error, shardId }, 'gateway error'));
  const rateLimited = (info: Pick<RateLimitData, 'route' | 'method' | 'retryAfter' | 'global' | 'scope'>) =>
    log.warn({ route: info.route, method: info.method, retryAfterMs: info.retryAfter, global: info.global, scope: info.scope }, 'rate limited; the request waits in the queue');
  client.rest.on(RESTEvents.RateLimited, rateLimited);
  // Interaction callbacks bypass discord.js's rate-limit queue, so their 429s never raise RateLimited;
  // the response shows them. `route` is the generalized path: the interaction token is not in it.
  client.rest.on(RESTEvents.Response, (request, response) => {
    if (response.status !== 429 || request.route !== interactionCallbackRoute) return;
    rateLimited({
      route: request.route,
      method: request.method,
      retryAfter: Number(response.headers.get('retry-after') ?? 0) * 1000,
      global: response.headers.has('x-ratelimit-global'),
      scope: (response.headers.get('x-ratelimit-scope') ?? 'user') as RateLimitData['scope'],
    });
  });
  // discord.js's debug text is chatty; it is only subscribed to when someone asked for it.
  if (log.isLevelEnabled('debug')) {
    client.on(Events.Debug, (message) => log.debug({ detail: scrub(message) }, 'discord debug'));
  }
}
