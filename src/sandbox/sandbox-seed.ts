import type { SeedGuild } from '../local-discord/index.js';

/**
 * The sandbox's one server. Ada owns it and has the Admin role (Manage Server); Bob is a
 * plain member, to see what the bot refuses him. The bot can post in #general and
 * #digest; #announcements it can read but not post in, to see how /digest setup says so.
 */
export const sandboxGuild: SeedGuild = {
  name: 'Briefing Sandbox',
  roles: [{ name: 'Admin', permissions: ['ManageGuild', 'ManageChannels', 'ManageMessages'] }],
  channels: [
    { name: 'general', topic: 'Ask the bot anything about the documents: type / to start' },
    { name: 'digest', topic: 'Where the digest of key dates arrives' },
    { name: 'announcements', topic: 'The bot can read this channel but not post in it', bot: 'read-only' },
  ],
  members: [
    { username: 'ada', globalName: 'Ada', roles: ['Admin'], owner: true },
    { username: 'bob', globalName: 'Bob' },
  ],
};
