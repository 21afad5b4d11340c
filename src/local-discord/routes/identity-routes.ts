import { ApplicationFlags, type APIGatewayBotInfo } from 'discord-api-types/v10';
import type { LocalDiscordCore } from '../core.js';
import { unknownUser } from '../errors.js';
import type { Route } from '../http/router.js';

/** The gateway address, the bot user and its application: what discord.js asks for at login. */
export function identityRoutes(core: LocalDiscordCore, gatewayUrl: () => string, shardCount = 1): Route[] {
  const { state } = core;
  const application = () => ({
    id: state.applicationId,
    name: state.applicationName,
    icon: null,
    description: 'A local stand-in for a Discord application',
    summary: '',
    type: null,
    bot_public: false,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    team: null,
    flags: ApplicationFlags.ApplicationCommandBadge,
    bot: state.botUser,
    owner: state.botUser,
    approximate_guild_count: state.guilds.size,
    install_params: { scopes: ['bot', 'applications.commands'], permissions: '0' },
  });
  return [
    { method: 'GET', pattern: '/gateway', auth: 'none', handle: () => ({ status: 200, body: { url: gatewayUrl() } }) },
    {
      method: 'GET',
      pattern: '/gateway/bot',
      auth: 'bot',
      handle: () => {
        const info: APIGatewayBotInfo = {
          url: gatewayUrl(),
          shards: shardCount,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 86_400_000, max_concurrency: 1 },
        };
        return { status: 200, body: info };
      },
    },
    { method: 'GET', pattern: '/users/@me', auth: 'bot', handle: () => ({ status: 200, body: state.botUser }) },
    {
      method: 'GET',
      pattern: '/users/:userId',
      auth: 'bot',
      handle: ({ params }) => {
        const user = state.users.get(params.userId ?? '');
        if (!user) throw unknownUser();
        return { status: 200, body: user };
      },
    },
    { method: 'GET', pattern: '/applications/@me', auth: 'bot', handle: () => ({ status: 200, body: application() }) },
    { method: 'GET', pattern: '/oauth2/applications/@me', auth: 'bot', handle: () => ({ status: 200, body: application() }) },
  ];
}
