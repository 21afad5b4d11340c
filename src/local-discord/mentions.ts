import type { APIUser } from 'discord-api-types/v10';
import { isRecord } from './form-errors.js';
import type { LocalDiscordState } from './state.js';
import type { GuildRecord } from './types.js';

/** The mention fields of a message: who and what it actually pings. */
export interface ResolvedMentions {
  mentions: APIUser[];
  mention_roles: string[];
  mention_everyone: boolean;
}

/**
 * Works out which mentions in `content` ping, following `allowed_mentions` as Discord
 * does: no `allowed_mentions` pings everything written; `{ parse: [] }` pings nothing.
 * A test can then assert that text from a source never pings anyone. As on Discord,
 * `@everyone`/`@here` and unmentionable roles ping only for an author with Mention Everyone.
 */
export function resolveMentions(
  state: LocalDiscordState,
  content: string,
  allowedMentions: unknown,
  guild: GuildRecord | null,
  authorCanMentionEveryone: boolean,
): ResolvedMentions {
  const rules = isRecord(allowedMentions) ? allowedMentions : null;
  const parse = rules && Array.isArray(rules.parse) ? rules.parse : rules ? [] : ['users', 'roles', 'everyone'];
  const explicitUsers = rules && Array.isArray(rules.users) ? rules.users.map(String) : [];
  const explicitRoles = rules && Array.isArray(rules.roles) ? rules.roles.map(String) : [];

  const userIds = new Set([...content.matchAll(/<@!?(\d{15,20})>/g)].map((match) => match[1] ?? ''));
  const roleIds = new Set([...content.matchAll(/<@&(\d{15,20})>/g)].map((match) => match[1] ?? ''));

  const mentions = [...userIds]
    .filter((id) => parse.includes('users') || explicitUsers.includes(id))
    .map((id) => state.users.get(id))
    .filter((user): user is APIUser => user !== undefined);
  const mentionRoles = [...roleIds]
    .filter((id) => parse.includes('roles') || explicitRoles.includes(id))
    .filter((id) => guild?.roles.some((role) => role.id === id && (role.mentionable || authorCanMentionEveryone)) ?? false);
  const mentionEveryone = authorCanMentionEveryone && parse.includes('everyone') && /@(everyone|here)\b/.test(content);
  return { mentions, mention_roles: mentionRoles, mention_everyone: mentionEveryone };
}
