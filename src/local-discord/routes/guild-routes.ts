import type { LocalDiscordCore } from '../core.js';
import { missingAccess, unknownGuild, unknownMember } from '../errors.js';
import type { Route } from '../http/router.js';
import { guildPayload, memberPayload } from '../payloads.js';
import type { GuildRecord } from '../types.js';

/** The guild reads discord.js makes on demand (`guild.fetch()`, `members.fetchMe()`, `channels.fetch()`). */
export function guildRoutes(core: LocalDiscordCore): Route[] {
  const { state } = core;
  const guildForBot = (guildId: string | undefined): GuildRecord => {
    const guild = guildId === undefined ? undefined : state.guilds.get(guildId);
    if (!guild) throw unknownGuild();
    if (!guild.members.has(state.botUser.id)) throw missingAccess();
    return guild;
  };
  return [
    { method: 'GET', pattern: '/guilds/:guildId', auth: 'bot', handle: ({ params }) => ({ status: 200, body: guildPayload(state, guildForBot(params.guildId)) }) },
    {
      method: 'GET',
      pattern: '/guilds/:guildId/channels',
      auth: 'bot',
      handle: ({ params }) => ({ status: 200, body: guildForBot(params.guildId).channelIds.map((id) => state.channels.get(id)) }),
    },
    { method: 'GET', pattern: '/guilds/:guildId/roles', auth: 'bot', handle: ({ params }) => ({ status: 200, body: guildForBot(params.guildId).roles }) },
    {
      method: 'GET',
      pattern: '/guilds/:guildId/members/:userId',
      auth: 'bot',
      handle: ({ params }) => {
        const member = guildForBot(params.guildId).members.get(params.userId ?? '');
        if (!member) throw unknownMember();
        return { status: 200, body: memberPayload(state, member) };
      },
    },
  ];
}
