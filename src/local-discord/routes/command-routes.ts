import type { APIApplicationCommand } from 'discord-api-types/v10';
import { toApplicationCommand, validateCommandBodies } from '../commands.js';
import type { LocalDiscordCore } from '../core.js';
import { missingAccess, notAuthorizedForApplication, unknownApplicationCommand } from '../errors.js';
import { FormErrors, isRecord } from '../form-errors.js';
import type { Route, RouteRequest } from '../http/router.js';

/**
 * Application command registration, global and per guild: list, bulk overwrite (what a
 * deploy script uses), create-or-update one, fetch, edit and delete.
 */
export function commandRoutes(core: LocalDiscordCore): Route[] {
  const { state } = core;

  const scopeOf = ({ params }: RouteRequest): string | null => {
    if (params.applicationId !== state.applicationId) throw notAuthorizedForApplication();
    const guildId = params.guildId ?? null;
    // Discord answers 50001 when the application is not in the guild: the usual sign of a wrong DISCORD_GUILD_ID.
    if (guildId !== null && !state.guilds.get(guildId)?.members.has(state.botUser.id)) throw missingAccess();
    return guildId;
  };
  const save = (guildId: string | null, commands: APIApplicationCommand[]): void => {
    state.setCommands(guildId, commands);
    core.events.emit('commands', { guildId, commands });
  };
  const current = (guildId: string | null): APIApplicationCommand[] => state.commandScopes.get(guildId ?? 'global') ?? [];
  const build = (guildId: string | null, body: Record<string, unknown>, existing: readonly APIApplicationCommand[]) =>
    toApplicationCommand(body, { applicationId: state.applicationId, guildId, existing, nextId: state.nextId });
  const findCommand = (guildId: string | null, commandId: string | undefined): APIApplicationCommand => {
    const command = current(guildId).find((candidate) => candidate.id === commandId);
    if (!command) throw unknownApplicationCommand();
    return command;
  };

  const routesFor = (base: string): Route[] => [
    { method: 'GET', pattern: base, auth: 'bot', handle: (request) => ({ status: 200, body: current(scopeOf(request)) }) },
    {
      method: 'PUT',
      pattern: base,
      auth: 'bot',
      handle: (request) => {
        const guildId = scopeOf(request);
        if (!Array.isArray(request.body)) {
          const errors = new FormErrors();
          errors.add([], 'BASE_TYPE_LIST', 'Must be a list.');
          errors.throwIfAny();
        }
        const bodies = request.body as unknown[];
        validateCommandBodies(bodies, (index) => [index]);
        const existing = current(guildId);
        const commands = bodies.filter(isRecord).map((body) => build(guildId, body, existing));
        save(guildId, commands);
        return { status: 200, body: commands };
      },
    },
    {
      method: 'POST',
      pattern: base,
      auth: 'bot',
      handle: (request) => {
        const guildId = scopeOf(request);
        validateCommandBodies([request.body], () => []);
        const body = request.body as Record<string, unknown>;
        const existing = current(guildId);
        const command = build(guildId, body, existing);
        const replaced = existing.some((candidate) => candidate.id === command.id);
        save(guildId, replaced ? existing.map((candidate) => (candidate.id === command.id ? command : candidate)) : [...existing, command]);
        return { status: replaced ? 200 : 201, body: command };
      },
    },
    {
      method: 'GET',
      pattern: `${base}/:commandId`,
      auth: 'bot',
      handle: (request) => ({ status: 200, body: findCommand(scopeOf(request), request.params.commandId) }),
    },
    {
      method: 'PATCH',
      pattern: `${base}/:commandId`,
      auth: 'bot',
      handle: (request) => {
        const guildId = scopeOf(request);
        const previous = findCommand(guildId, request.params.commandId);
        const merged = { ...previous, ...(isRecord(request.body) ? request.body : {}) };
        validateCommandBodies([merged], () => []);
        const command = { ...build(guildId, merged, []), id: previous.id };
        save(guildId, current(guildId).map((candidate) => (candidate.id === previous.id ? command : candidate)));
        return { status: 200, body: command };
      },
    },
    {
      method: 'DELETE',
      pattern: `${base}/:commandId`,
      auth: 'bot',
      handle: (request) => {
        const guildId = scopeOf(request);
        const command = findCommand(guildId, request.params.commandId);
        save(guildId, current(guildId).filter((candidate) => candidate.id !== command.id));
        return { status: 204 };
      },
    },
  ];

  return [...routesFor('/applications/:applicationId/commands'), ...routesFor('/applications/:applicationId/guilds/:guildId/commands')];
}
