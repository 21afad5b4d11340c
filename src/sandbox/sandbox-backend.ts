import {
  ApplicationCommandType,
  ChannelType,
  InteractionResponseType,
  InteractionType,
  PermissionFlagsBits,
  type APIApplicationCommand,
  type APINewsChannel,
  type APITextChannel,
} from 'discord-api-types/v10';
import { DriverError, type InteractionHandle, type LocalDiscord, type MessageRecord, type ShownModal } from '../local-discord/index.js';
import { guildPermissions, hasPermission } from '../local-discord/permissions.js';
import type { GuildRecord } from '../local-discord/types.js';
import type {
  ActionResult,
  AutocompleteResult,
  ButtonRequest,
  DigestRequest,
  MessageCommandRequest,
  ModalSubmitRequest,
  PlainMessageRequest,
  SandboxEvent,
  SandboxInvocation,
  SandboxMessage,
  SandboxModal,
  SandboxSession,
  SandboxUpload,
  SlashRequest,
} from './bridge-protocol.js';
import { slashInvocation } from './command-options.js';
import { SandboxRefusal } from './sandbox-refusal.js';
import { parseSlashLine } from './slash-line.js';

/**
 * What "Run digest now" does: the bot's own scheduler composes and posts the server's digest.
 * `confirmed` is false until the person has said yes to posting while the digest is off.
 */
export type RunDigest = (guildId: string, confirmed: boolean) => Promise<ActionResult>;

/** Everything the page can ask for, answered from the local Discord server's state and driver. */
export interface SandboxBackend {
  session(): SandboxSession;
  messages(channelId: string): SandboxMessage[] | null;
  slash(request: SlashRequest): Promise<ActionResult>;
  autocomplete(request: SlashRequest): Promise<AutocompleteResult>;
  button(request: ButtonRequest): Promise<ActionResult>;
  messageCommand(request: MessageCommandRequest): Promise<ActionResult>;
  /** Holds a file for an attachment option until the command that attaches it is sent. */
  upload(userId: string, file: { data: Buffer; filename: string; contentType: string | null }): SandboxUpload | { error: string };
  submitModal(request: ModalSubmitRequest): Promise<ActionResult>;
  postMessage(request: PlainMessageRequest): ActionResult;
  runDigest(request: DigestRequest): Promise<ActionResult>;
  attachment(id: string): { filename: string; contentType: string; data: Buffer } | null;
  /** Calls `listener` for each change the page should see; returns the unsubscribe function. */
  subscribe(listener: (event: SandboxEvent) => void): () => void;
}

export interface SandboxBackendOptions {
  discord: LocalDiscord;
  runDigest: RunDigest;
  /** Invocation lines of messages restored from a saved session, whose interactions are gone. */
  restoredInvocations?: ReadonlyMap<string, SandboxInvocation>;
}

/** What Discord's client sends at most: 2,000 characters of message, 6,000 of option values (the line adds the names). */
const maxMessageLength = 2000;
const maxLineLength = 8000;

/** What Discord's client shows when the bot does not acknowledge an interaction in time. */
const noResponse = 'The application did not respond. (The bot must acknowledge within 3 seconds; see the sandbox log.)';

export function createSandboxBackend(options: SandboxBackendOptions): SandboxBackend {
  const { discord, runDigest } = options;
  const { state, driver } = discord;
  const guild = (): GuildRecord => state.defaultGuild;
  const restored = options.restoredInvocations ?? new Map<string, SandboxInvocation>();

  const displayName = (userId: string): string => {
    const user = state.users.get(userId);
    return user === undefined ? 'unknown' : (user.global_name ?? user.username);
  };

  const invocationOf = (record: MessageRecord): SandboxInvocation | null => {
    const interaction = record.interactionId === null ? undefined : state.interactions.get(record.interactionId);
    if (interaction === undefined) return restored.get(record.message.id) ?? null;
    if (interaction.payload.type !== InteractionType.ApplicationCommand) return null;
    const data = interaction.payload.data;
    const path = data.type === ApplicationCommandType.ChatInput ? subcommandPath(data.options) : [];
    const command = data.type === ApplicationCommandType.ChatInput ? `/${[data.name, ...path].join(' ')}` : data.name;
    return { userId: interaction.userId, userName: displayName(interaction.userId), command };
  };

  const toSandboxMessage = (record: MessageRecord): SandboxMessage => ({
    message: record.message,
    visibleTo: record.visibleTo,
    invocation: invocationOf(record),
  });

  const inGuild = (record: MessageRecord): boolean => record.guildId === guild().id;

  /*
   * The page acts only as the sandbox server's human members, in its text channels. These
   * checks turn ids the page could not have offered into a 4xx with words; what Discord's
   * client would refuse (permissions in the channel, hidden commands) the driver refuses.
   */
  const checkMember = (userId: string): void => {
    if (userId === state.botUser.id) throw new SandboxRefusal(403, 'The page acts as the server\'s members, never as the bot: choose a member under "Acting as".');
    if (state.users.get(userId)?.bot === true || !guild().members.has(userId)) throw new SandboxRefusal(404, 'No such member in the sandbox server: choose one under "Acting as".');
  };
  const checkChannel = (channelId: string): void => {
    const channel = state.channels.get(channelId);
    const isText = channel?.type === ChannelType.GuildText || channel?.type === ChannelType.GuildAnnouncement;
    if (!isText || !('guild_id' in channel) || channel.guild_id !== guild().id) throw new SandboxRefusal(404, 'No such channel in the sandbox server.');
  };
  const checkActor = (request: { userId: string; channelId: string }): void => {
    checkMember(request.userId);
    checkChannel(request.channelId);
  };
  const checkMessage = (request: { channelId: string; messageId: string }): void => {
    const record = state.messages.get(request.messageId);
    if (record === undefined || record.deleted || record.message.channel_id !== request.channelId) throw new SandboxRefusal(404, 'No such message in this channel.');
  };

  /** A command as the user could run it; the driver turns Discord's client checks into DriverErrors. */
  const settle = async (start: () => InteractionHandle): Promise<ActionResult> => {
    let handle: InteractionHandle;
    try {
      handle = start();
    } catch (error) {
      if (error instanceof DriverError) return { ok: false, error: error.message };
      throw error;
    }
    let callback: Awaited<ReturnType<InteractionHandle['callback']>>;
    try {
      callback = await handle.callback();
    } catch {
      return { ok: false, error: noResponse };
    }
    if (callback.type === InteractionResponseType.Modal) return { ok: true, modal: sandboxModal(handle.id, await handle.modal()) };
    return { ok: true };
  };

  return {
    session() {
      const current = guild();
      const humans = [...current.members.values()].filter((member) => member.userId !== state.botUser.id);
      const textChannels = current.channelIds
        .map((id) => state.channels.get(id))
        .filter((channel): channel is APITextChannel | APINewsChannel => channel?.type === ChannelType.GuildText || channel?.type === ChannelType.GuildAnnouncement);
      return {
        guild: { id: current.id, name: current.name },
        bot: { id: state.botUser.id, name: state.botUser.global_name ?? state.botUser.username },
        channels: textChannels.map((channel) => ({ id: channel.id, name: channel.name, topic: channel.topic ?? null })),
        users: humans.map((member) => {
          const user = state.users.get(member.userId);
          return {
            id: member.userId,
            username: user?.username ?? member.userId,
            displayName: displayName(member.userId),
            manageServer: hasPermission(guildPermissions(current, member), PermissionFlagsBits.ManageGuild),
            roleNames: current.roles.filter((role) => member.roleIds.includes(role.id)).map((role) => role.name),
            commandIds: driver.visibleCommands({ user: member.userId }).map((command) => command.id),
          };
        }),
        commands: registeredCommands(),
        names: {
          users: Object.fromEntries([...state.users.values()].map((user) => [user.id, user.global_name ?? user.username])),
          channels: Object.fromEntries([...state.channels.values()].map((channel) => [channel.id, 'name' in channel ? (channel.name ?? '') : 'direct message'])),
          roles: Object.fromEntries(current.roles.map((role) => [role.id, role.name])),
        },
      };
    },

    messages(channelId) {
      const channel = state.channels.get(channelId);
      if (channel === undefined || !('guild_id' in channel) || channel.guild_id !== guild().id) return null;
      return state.allMessages().filter((record) => record.message.channel_id === channelId && !record.deleted).map(toSandboxMessage);
    },

    async slash(request) {
      checkActor(request);
      if (request.line.length > maxLineLength) return { ok: false, error: `A command is limited to ${maxLineLength.toLocaleString('en')} characters; this one has ${request.line.length.toLocaleString('en')}.` };
      const parsed = parseSlashLine(request.line, commandsFor(request.userId));
      if (parsed === null) return { ok: false, error: 'A command starts with "/".' };
      const built = slashInvocation(parsed, request.picked, 'execute', request.attachments);
      if (!built.ok) return { ok: false, error: built.problems.join('\n') };
      const { commandName, subcommandPath: path, values } = built.invocation;
      return settle(() => driver.slash(`/${[commandName, ...path].join(' ')}`, values, { user: request.userId, channel: request.channelId }));
    },

    async autocomplete(request) {
      checkActor(request);
      if (request.line.length > maxLineLength) return { option: '', choices: [] };
      const parsed = parseSlashLine(request.line, commandsFor(request.userId));
      const built = parsed === null ? null : slashInvocation(parsed, request.picked, 'autocomplete');
      if (built === null || !built.ok || built.invocation.focused === null) return { option: '', choices: [] };
      const { commandName, subcommandPath: path, values, focused } = built.invocation;
      try {
        const handle = driver.autocomplete(`/${[commandName, ...path].join(' ')}`, values, focused, { user: request.userId, channel: request.channelId });
        return { option: focused, choices: await handle.choices() };
      } catch {
        // Discord's client shows no suggestions when autocomplete fails, and the person goes on typing.
        return { option: focused, choices: [] };
      }
    },

    button(request) {
      checkActor(request);
      checkMessage(request);
      return settle(() => driver.click(request.messageId, request.customId, { user: request.userId }));
    },

    messageCommand(request) {
      checkActor(request);
      checkMessage(request);
      return settle(() => driver.messageCommand(request.commandName, request.messageId, { user: request.userId }));
    },

    upload(userId, file) {
      checkMember(userId);
      try {
        const held = driver.upload({ data: file.data, filename: file.filename, ...(file.contentType === null ? {} : { contentType: file.contentType }) }, { user: userId });
        return { id: held.id, filename: held.filename, size: held.size, contentType: held.contentType };
      } catch (error) {
        if (error instanceof DriverError) return { error: error.message };
        throw error;
      }
    },

    submitModal(request) {
      checkActor(request);
      const shown = state.interactions.get(request.interactionId);
      if (shown === undefined || shown.guildId !== guild().id || shown.channelId !== request.channelId) throw new SandboxRefusal(404, 'No such form in this channel: run the command again.');
      return settle(() => driver.submitModal(shown, request.values, { user: request.userId }));
    },

    postMessage(request) {
      checkActor(request);
      const content = request.content.trim();
      if (content === '') return { ok: false, error: 'Type a message first.' };
      if (content.length > maxMessageLength) return { ok: false, error: `Messages are limited to ${maxMessageLength.toLocaleString('en')} characters; this one has ${content.length.toLocaleString('en')}.` };
      try {
        driver.say(content, { user: request.userId, channel: request.channelId });
        return { ok: true };
      } catch (error) {
        if (error instanceof DriverError) return { ok: false, error: error.message };
        throw error;
      }
    },

    async runDigest(request) {
      checkChannel(request.channelId);
      return runDigest(guild().id, request.confirmed === true);
    },

    attachment(id) {
      const stored = state.attachments.get(id);
      return stored === undefined ? null : { filename: stored.filename, contentType: stored.contentType ?? 'application/octet-stream', data: stored.data };
    },

    subscribe(listener) {
      const offs = [
        discord.events.on('message', (record) => {
          if (inGuild(record)) listener({ type: 'message-create', message: toSandboxMessage(record) });
        }),
        discord.events.on('message-update', (record) => {
          if (inGuild(record)) listener({ type: 'message-update', message: toSandboxMessage(record) });
        }),
        discord.events.on('message-delete', (record) => {
          if (inGuild(record)) listener({ type: 'message-delete', channelId: record.message.channel_id, messageId: record.message.id });
        }),
        discord.events.on('commands', () => listener({ type: 'commands' })),
      ];
      return () => {
        for (const off of offs) off();
      };
    },
  };

  /** The commands a user may type: what Discord's picker offers them. */
  function commandsFor(userId: string): APIApplicationCommand[] {
    try {
      return driver.visibleCommands({ user: userId });
    } catch (error) {
      if (error instanceof DriverError) return [];
      throw error;
    }
  }

  /** The guild's own commands and the global ones, as Discord's picker lists them. */
  function registeredCommands(): APIApplicationCommand[] {
    return [...state.commands(guild().id), ...state.commands()];
  }
}

/** A modal as the page draws it: text inputs and text; other parts named, since the page does not draw them. */
function sandboxModal(interactionId: string, modal: ShownModal): SandboxModal {
  return {
    interactionId,
    title: modal.title,
    items: modal.items.map(({ item }) => {
      if (item.kind === 'display') return { kind: 'display', content: item.content };
      if (item.kind === 'select') return { kind: 'unsupported', label: item.label };
      const { customId, label, description, required, minLength, maxLength, value, placeholder } = item;
      return { kind: 'text', customId, label, description, style: item.style === 2 ? 'paragraph' : 'short', required, minLength, maxLength, value, placeholder };
    }),
  };
}

/** `['setup']` for `/digest setup`: the subcommand group and subcommand names in the options. */
function subcommandPath(options: readonly { type: number; name: string; options?: unknown }[] | undefined): string[] {
  const first = options?.[0];
  if (first === undefined || (first.type !== 1 && first.type !== 2)) return [];
  const nested = Array.isArray(first.options) ? (first.options as { type: number; name: string; options?: unknown }[]) : undefined;
  return [first.name, ...subcommandPath(nested)];
}
