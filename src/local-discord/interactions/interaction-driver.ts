import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  GatewayDispatchEvents,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  Locale,
  PermissionFlagsBits,
  type APIApplicationCommand,
  type APIMessage,
} from 'discord-api-types/v10';
import { userChannelPermissions } from '../access.js';
import { memberCanUseCommand } from '../command-permissions.js';
import type { LocalDiscordCore } from '../core.js';
import { isRecord } from '../form-errors.js';
import { createMessage } from '../messages.js';
import { modalSubmission, readModal, type ModalValues } from '../modal-forms.js';
import { hasPermission } from '../permissions.js';
import type { InteractionRecord, MessageRecord } from '../types.js';
import { buildCommandOptions, type OptionContext, type OptionValue } from './command-options.js';
import { OptionAttachments, type FileInput, type PendingUpload } from './option-attachments.js';
import { DriverError } from './driver-error.js';
import { InteractionHandle } from './interaction-handle.js';
import { interactionBase, type InteractionScene } from './interaction-payloads.js';

/** Who acts and where. Every field is optional. */
export interface ActAs {
  /** A username, display name or id; the guild's first human member (`ada` in the default seed) by default. */
  user?: string;
  /** A channel name or id, or `'dm'` for the user's DM with the bot; the guild's first channel by default. */
  channel?: string;
  /** A guild name or id when several are seeded; the first by default. */
  guild?: string;
  locale?: Locale;
  /**
   * Skip the checks Discord's client makes before sending (command visible to the user,
   * required options present, choices and lengths respected), to test how the bot copes
   * with input Discord would normally stop.
   */
  unchecked?: boolean;
}

/** A message to act on: its id, or the message object a handle or the state returned. */
export type MessageReference = string | Pick<APIMessage, 'id'>;

/** Tells whether a bot is connected, so the driver can fail fast instead of timing out. */
export interface GatewayPresence {
  readonly liveSessionCount: number;
}

/**
 * Acts as Discord users: sends slash commands, autocomplete, button clicks, select menus
 * and message context-menu commands to the bot as INTERACTION_CREATE, and writes plain
 * user messages. Each interaction returns a handle to await the bot's answer.
 */
export class InteractionDriver {
  private readonly files: OptionAttachments;

  constructor(
    private readonly core: LocalDiscordCore,
    private readonly gateway: GatewayPresence,
  ) {
    this.files = new OptionAttachments(core);
  }

  /**
   * Uploads a file the way Discord's client does before a command that attaches it:
   * `slash('/add', { file: driver.upload(file).id })`. Files can also go straight into the
   * options (`{ file: { data, filename, contentType } }`); this is for a page that uploads on pick.
   */
  upload(file: FileInput, as: Pick<ActAs, 'user' | 'guild' | 'unchecked'> = {}): PendingUpload {
    return this.files.upload(file, this.scene(as).user.id, as.unchecked !== true);
  }

  /**
   * Runs a chat input command: `slash('/ask', { question: 'When?' })`, with subcommands
   * in the name: `slash('/digest setup', { channel: '#digest', schedule: '0 9 * * 1' })`.
   */
  slash(command: string, options: Record<string, OptionValue> = {}, as: ActAs = {}): InteractionHandle {
    const scene = this.scene(as, PermissionFlagsBits.UseApplicationCommands);
    const [name = '', ...subcommands] = command.replace(/^\//, '').trim().split(/\s+/);
    const registered = this.command(name, ApplicationCommandType.ChatInput, scene, as);
    const built = buildCommandOptions(registered, subcommands, options, this.optionContext(scene), { checked: as.unchecked !== true });
    const data = {
      id: registered.id,
      name: registered.name,
      type: ApplicationCommandType.ChatInput,
      ...(built.options.length > 0 ? { options: built.options } : {}),
      ...(Object.keys(built.resolved).length > 0 ? { resolved: built.resolved } : {}),
      ...(registered.guild_id ? { guild_id: registered.guild_id } : {}),
    };
    return this.dispatch(scene, InteractionType.ApplicationCommand, data, null, `/${[name, ...subcommands].join(' ')}`);
  }

  /**
   * Asks for autocomplete while the user types `focused` (by default the last option
   * given), as `autocomplete('/ask', { source: 'jap' })`. Await `.choices()`.
   */
  autocomplete(command: string, options: Record<string, OptionValue>, focused?: string, as: ActAs = {}): InteractionHandle {
    const scene = this.scene(as, PermissionFlagsBits.UseApplicationCommands);
    const [name = '', ...subcommands] = command.replace(/^\//, '').trim().split(/\s+/);
    const focusedName = focused ?? Object.keys(options).at(-1);
    if (focusedName === undefined || !(focusedName in options)) throw new DriverError(`autocomplete on /${name} needs the focused option among the options given`);
    const registered = this.command(name, ApplicationCommandType.ChatInput, scene, as);
    const built = buildCommandOptions(registered, subcommands, options, this.optionContext(scene), { checked: as.unchecked !== true, focused: focusedName });
    const data = {
      id: registered.id,
      name: registered.name,
      type: ApplicationCommandType.ChatInput,
      options: built.options,
      ...(registered.guild_id ? { guild_id: registered.guild_id } : {}),
    };
    return this.dispatch(scene, InteractionType.ApplicationCommandAutocomplete, data, null, `autocomplete of ${focusedName} in /${name}`);
  }

  /** Clicks the button with `customId` on a message; fails if the message has no such enabled button. */
  click(message: MessageReference, customId: string, as: Omit<ActAs, 'channel'> = {}): InteractionHandle {
    return this.component(message, customId, ComponentType.Button, {}, as);
  }

  /** Picks `values` in the select menu with `customId` on a message. */
  select(message: MessageReference, customId: string, values: string[], as: Omit<ActAs, 'channel'> = {}): InteractionHandle {
    return this.component(message, customId, null, { values }, as);
  }

  /** Runs a message context-menu command, such as "Find sources", on a message. */
  messageCommand(name: string, message: MessageReference, as: Omit<ActAs, 'channel'> = {}): InteractionHandle {
    const target = this.message(message);
    const scene = this.scene({ ...as, channel: target.message.channel_id }, PermissionFlagsBits.UseApplicationCommands);
    const registered = this.command(name, ApplicationCommandType.Message, scene, as);
    const data = {
      id: registered.id,
      name: registered.name,
      type: ApplicationCommandType.Message,
      target_id: target.message.id,
      resolved: { messages: { [target.message.id]: target.message } },
      ...(registered.guild_id ? { guild_id: registered.guild_id } : {}),
    };
    return this.dispatch(scene, InteractionType.ApplicationCommand, data, null, `message command "${name}"`);
  }

  /**
   * A human user writes a plain message in a channel, for context-menu commands to act on.
   * As in Discord, it needs Send Messages there, and its mentions ping as the author's permissions allow.
   */
  say(content: string, as: Pick<ActAs, 'user' | 'channel' | 'guild'> = {}): APIMessage {
    const scene = this.scene(as, PermissionFlagsBits.SendMessages);
    return createMessage(this.core, { channelId: scene.channel.id, body: { content }, files: [], author: scene.user }).message;
  }

  /**
   * Sends an interaction's INTERACTION_CREATE again, unchanged (same id and token) under a
   * new sequence number, as Discord can when it is unsure a dispatch arrived, around a
   * reconnect for instance. The bot should recognise the id and not answer twice; a second
   * callback gets 40060 like any other. The 'interaction-create' event is not emitted again,
   * since no new interaction exists; watch 'gateway-send' to see the dispatch go out.
   */
  redeliver(interaction: Pick<InteractionHandle, 'id'>): void {
    if (this.gateway.liveSessionCount === 0) throw new DriverError('no bot is connected to the gateway: log a discord.js client in first');
    const record = this.core.state.interactions.get(interaction.id);
    if (!record) throw new DriverError(`interaction ${interaction.id} was never dispatched by this server`);
    this.core.gateway.dispatch(GatewayDispatchEvents.InteractionCreate, record.payload);
  }

  /**
   * Fills in and submits the modal the bot showed in answer to `interaction`, as its user:
   * `submitModal(handle, { title: 'New title' })`. Fields left out keep the value the modal
   * started with. As Discord's client does, it refuses an unknown field, a required field
   * left empty, a value outside its lengths, another user, and a modal already submitted
   * and answered (it has closed); `unchecked` sends it anyway. Await the modal
   * (`handle.modal()`) first: a modal the bot has not shown yet cannot be filled in.
   */
  submitModal(interaction: Pick<InteractionHandle, 'id'>, values: ModalValues, as: Pick<ActAs, 'user' | 'locale' | 'unchecked'> = {}): InteractionHandle {
    const { state } = this.core;
    const source = state.interactions.get(interaction.id);
    if (!source) throw new DriverError(`interaction ${interaction.id} was never dispatched by this server`);
    const callback = source.callback;
    if (callback?.type !== InteractionResponseType.Modal || callback.data === null) {
      throw new DriverError(`interaction ${source.id} was not answered with a modal${callback ? ` (callback type ${callback.type})` : ' (yet: await handle.modal() first)'}`);
    }
    const owner = state.users.get(source.userId);
    const user = as.user === undefined ? owner : state.user(as.user);
    if (!owner || user?.id !== owner.id) throw new DriverError(`only ${owner?.username ?? 'its user'} sees this modal`);
    const checked = as.unchecked !== true;
    if (checked && [...state.interactions.values()].some((record) => record.modalOf === source.id && record.callback !== null)) {
      throw new DriverError(`the modal of interaction ${source.id} was submitted and answered: it has closed`);
    }
    const modal = readModal(callback.data);
    const submission = modalSubmission(modal, values, checked);
    if (submission.problems.length > 0) throw new DriverError(`modal "${modal.customId}": ${submission.problems.join('; ')}`);
    const scene = this.scene({ user: owner.id, channel: source.channelId, ...(source.guildId === null ? {} : { guild: source.guildId }), ...(as.locale ? { locale: as.locale } : {}), unchecked: true });
    const componentMessage = source.componentMessageId === null ? null : (state.messages.get(source.componentMessageId) ?? null);
    const data = { custom_id: modal.customId, components: submission.components };
    return this.dispatch(scene, InteractionType.ModalSubmit, data, componentMessage, `modal "${modal.customId}"`, source.id);
  }

  private component(
    reference: MessageReference,
    customId: string,
    expectedType: ComponentType | null,
    extraData: Record<string, unknown>,
    as: Omit<ActAs, 'channel'>,
  ): InteractionHandle {
    const target = this.message(reference);
    const user = as.user ?? (target.visibleTo === null ? undefined : target.visibleTo);
    const scene = this.scene({ ...as, user, channel: target.message.channel_id });
    if (target.visibleTo !== null && target.visibleTo !== scene.user.id) {
      throw new DriverError(`${scene.user.username} cannot see ephemeral message ${target.message.id}`);
    }
    const components = findComponents(target.message.components);
    const component = components.find((candidate) => candidate.custom_id === customId);
    if (!component || (expectedType !== null && component.type !== expectedType)) {
      const available = components.map((candidate) => candidate.custom_id).join(', ') || 'none';
      throw new DriverError(`message ${target.message.id} has no ${expectedType === ComponentType.Button ? 'button' : 'component'} "${customId}"; custom ids: ${available}`);
    }
    if (as.unchecked !== true && component.disabled === true) throw new DriverError(`"${customId}" on message ${target.message.id} is disabled`);
    if (component.type === ComponentType.Button && component.style === ButtonStyle.Link) throw new DriverError(`"${customId}" is a link button`);
    const data = { custom_id: customId, component_type: component.type, ...extraData };
    return this.dispatch(scene, InteractionType.MessageComponent, data, target, `component "${customId}"`);
  }

  private dispatch(
    scene: InteractionScene,
    type: InteractionType,
    data: Record<string, unknown>,
    componentMessage: MessageRecord | null,
    description: string,
    modalOf: string | null = null,
  ): InteractionHandle {
    if (this.gateway.liveSessionCount === 0) throw new DriverError('no bot is connected to the gateway: log a discord.js client in first');
    const { state } = this.core;
    const id = state.nextId();
    const token = `local.${randomBytes(24).toString('base64url')}`;
    const payload = {
      ...interactionBase(state, scene, id, token),
      type,
      data,
      ...(componentMessage ? { message: componentMessage.message } : {}),
    } as unknown as InteractionRecord['payload'];
    const record: InteractionRecord = {
      id,
      token,
      payload,
      userId: scene.user.id,
      channelId: scene.channel.id,
      guildId: scene.guild?.id ?? null,
      createdAt: this.core.now(),
      callback: null,
      originalMessageId: null,
      followUpIds: [],
      componentMessageId: componentMessage?.message.id ?? null,
      modalOf,
    };
    state.addInteraction(record);
    this.core.events.emit('interaction-create', record);
    this.core.gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
    return new InteractionHandle(this.core, record, description);
  }

  /**
   * Who acts where. Only human users act: the bot speaks through its own client. In a
   * guild channel the user must be a member who can see it and, unless `unchecked`, holds
   * `required` there, as Discord's client would not offer the action otherwise.
   */
  private scene(as: ActAs, required: bigint = 0n): InteractionScene {
    const { state } = this.core;
    const guild = state.guild(as.guild);
    const defaultUser = [...guild.members.keys()].find((id) => id !== state.botUser.id);
    const user = as.user !== undefined ? state.user(as.user) : defaultUser !== undefined ? state.users.get(defaultUser) : undefined;
    if (!user) throw new DriverError(`guild ${guild.name} has no human member to act as`);
    if (user.bot === true) throw new DriverError(`${user.username} is a bot: the driver acts only as human users`);
    const locale = as.locale ?? Locale.EnglishUS;
    if (as.channel === 'dm') return { user, channel: state.directMessageChannel(user.id), guild: null, locale };
    const channel = as.channel !== undefined ? state.channel(as.channel, guild.id) : state.channels.get(guild.channelIds[0] ?? '');
    if (!channel) throw new DriverError(`guild ${guild.name} has no channel to act in`);
    if (channel.type === ChannelType.DM) return { user, channel, guild: null, locale };
    const channelGuild = state.guildOfChannel(channel) ?? guild;
    if (!channelGuild.members.has(user.id)) throw new DriverError(`${user.username} is not a member of ${channelGuild.name}`);
    const name = 'name' in channel && channel.name ? `#${channel.name}` : 'this channel';
    const permissions = userChannelPermissions(state, user.id, channel);
    if (!hasPermission(permissions, PermissionFlagsBits.ViewChannel)) throw new DriverError(`${user.username} cannot see ${name}`);
    if (as.unchecked !== true && !hasPermission(permissions, required)) {
      const action = required === PermissionFlagsBits.SendMessages ? 'send messages' : 'use application commands';
      throw new DriverError(`${user.username} does not have permission to ${action} in ${name}`);
    }
    return { user, channel, guild: channelGuild, locale };
  }

  /**
   * The registered command a user could run here: a guild command of this guild or a
   * global one. Unless `unchecked`, it must be usable in this context and visible to the
   * user under its `default_member_permissions`, as in Discord's command picker.
   */
  private command(name: string, type: ApplicationCommandType, scene: InteractionScene, as: ActAs): APIApplicationCommand {
    const { state } = this.core;
    const candidates = [...(scene.guild ? state.commands(scene.guild.id) : []), ...state.commands()];
    const command = candidates.find((candidate) => candidate.name === name && candidate.type === type);
    if (!command) {
      const known = candidates.filter((candidate) => candidate.type === type).map((candidate) => candidate.name);
      throw new DriverError(`no ${type === ApplicationCommandType.Message ? 'message' : 'slash'} command "${name}" is registered here (registered: ${known.join(', ') || 'none'}); register commands first, e.g. with startLocalDiscord({ commands })`);
    }
    if (as.unchecked === true) return command;
    const context = scene.guild ? InteractionContextType.Guild : InteractionContextType.BotDM;
    if (command.contexts && !command.contexts.includes(context)) {
      throw new DriverError(`/${name} cannot be used ${scene.guild ? 'in a server' : 'in DMs'}: its contexts are ${command.contexts.join(', ')}`);
    }
    if (scene.guild && !memberCanUseCommand(state, scene.guild, scene.user.id, command)) {
      throw new DriverError(`Discord would not show /${name} to ${scene.user.username}: it needs default_member_permissions ${command.default_member_permissions} (pass { unchecked: true } to send it anyway)`);
    }
    return command;
  }

  /** The commands Discord's picker offers a user in a channel: those usable there and allowed to them. */
  visibleCommands(as: Pick<ActAs, 'user' | 'channel' | 'guild'> = {}): APIApplicationCommand[] {
    const scene = this.scene(as);
    const { state } = this.core;
    const context = scene.guild ? InteractionContextType.Guild : InteractionContextType.BotDM;
    return [...(scene.guild ? state.commands(scene.guild.id) : []), ...state.commands()].filter(
      (command) =>
        (!command.contexts || command.contexts.includes(context)) &&
        (scene.guild === null || memberCanUseCommand(state, scene.guild, scene.user.id, command)),
    );
  }

  private optionContext(scene: InteractionScene): OptionContext {
    return {
      state: this.core.state,
      guild: scene.guild,
      channel: scene.channel,
      userId: scene.user.id,
      attach: (value, checked) => this.files.attach(value, scene.user.id, scene.channel.id, checked),
    };
  }

  private message(reference: MessageReference): MessageRecord {
    const id = typeof reference === 'string' ? reference : reference.id;
    const record = this.core.state.messages.get(id);
    if (!record || record.deleted) throw new DriverError(`no message ${id}`);
    return record;
  }
}

interface FoundComponent {
  type: number;
  custom_id: string;
  disabled?: boolean;
  style?: number;
}

/** Every interactive component in a message, in action rows or nested in Components V2 layouts. */
function findComponents(components: unknown): FoundComponent[] {
  const found: FoundComponent[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (!isRecord(value)) return;
    if (typeof value.custom_id === 'string' && typeof value.type === 'number') {
      found.push({
        type: value.type,
        custom_id: value.custom_id,
        ...(typeof value.disabled === 'boolean' ? { disabled: value.disabled } : {}),
        ...(typeof value.style === 'number' ? { style: value.style } : {}),
      });
    }
    visit(value.components);
    visit(value.accessory);
  };
  visit(components);
  return found;
}
