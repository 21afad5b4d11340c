import {
  ApplicationCommandOptionType,
  type APIApplicationCommand,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandOption,
  type APIApplicationCommandSubcommandGroupOption,
  type APIApplicationCommandSubcommandOption,
  type GuildMemberFlags,
  type APIInteractionDataResolved,
  type APIInteractionDataResolvedChannel,
  type APIAttachment,
} from 'discord-api-types/v10';
import { userChannelPermissions } from '../access.js';
import { channelPermissions } from '../permissions.js';
import type { LocalDiscordState } from '../state.js';
import type { GuildRecord, StoredChannel } from '../types.js';
import { DriverError } from './driver-error.js';
import type { FileInput } from './option-attachments.js';

/**
 * A value for an option as a test writes it. Users, channels and roles may be given by
 * id or by name (`'bob'`, `'#digest'`, `'Admin'`); they are resolved as Discord does. An
 * attachment option takes a file (`{ data, filename, contentType }`) or the id of one
 * uploaded before with `driver.upload`.
 */
export type OptionValue = string | number | boolean | FileInput;

export interface OptionContext {
  state: LocalDiscordState;
  guild: GuildRecord | null;
  channel: StoredChannel;
  userId: string;
  /** Stores a file attached to an option and returns the attachment Discord would resolve. */
  attach(value: FileInput | string, checked: boolean): APIAttachment;
}

export interface OptionMode {
  /** Check values the way Discord's client does (required, choices, lengths, ranges, channel types). */
  checked: boolean;
  /** For autocomplete: the option being typed, sent as a string with `focused: true`. */
  focused?: string;
}

export interface BuiltOptions {
  options: APIApplicationCommandInteractionDataOption[];
  resolved: APIInteractionDataResolved;
}

type NestingOption = APIApplicationCommandSubcommandOption | APIApplicationCommandSubcommandGroupOption;
type Leaf = Exclude<APIApplicationCommandOption, { type: ApplicationCommandOptionType.Subcommand | ApplicationCommandOptionType.SubcommandGroup }>;

/**
 * Builds `data.options` and `data.resolved` for a chat input command from the registered
 * command, the subcommand path (`['setup']` for `/digest setup`) and plain values.
 */
export function buildCommandOptions(
  command: APIApplicationCommand,
  subcommandPath: string[],
  values: Record<string, OptionValue>,
  context: OptionContext,
  mode: OptionMode,
): BuiltOptions {
  const resolved: APIInteractionDataResolved = {};
  let definitions: APIApplicationCommandOption[] = command.options ?? [];
  const wrappers: { type: ApplicationCommandOptionType.Subcommand | ApplicationCommandOptionType.SubcommandGroup; name: string }[] = [];
  for (const name of subcommandPath) {
    const nested = definitions.filter(isNestingOption).find((option) => option.name === name);
    if (!nested) {
      throw new DriverError(`/${command.name} has no subcommand "${name}"; it has: ${definitions.map((option) => option.name).join(', ') || 'none'}`);
    }
    wrappers.push({ type: nested.type, name });
    definitions = (nested.options ?? []) as APIApplicationCommandOption[];
  }
  if (mode.checked && definitions.some(isNestingOption)) {
    throw new DriverError(`/${[command.name, ...subcommandPath].join(' ')} needs a subcommand: ${definitions.map((option) => option.name).join(', ')}`);
  }
  const leaves = definitions as Leaf[];

  const options: APIApplicationCommandInteractionDataOption[] = Object.entries(values).map(([name, value]) => {
    const definition = leaves.find((option) => option.name === name);
    if (!definition && mode.checked) {
      throw new DriverError(`/${[command.name, ...subcommandPath].join(' ')} has no option "${name}"; it has: ${leaves.map((option) => option.name).join(', ') || 'none'}`);
    }
    const type = definition?.type ?? inferType(value);
    if (mode.focused === name) {
      if (typeof value === 'object') throw new DriverError(`option "${name}" is a file: autocomplete is for typed options`);
      return { type, name, value: String(value), focused: true } as APIApplicationCommandInteractionDataOption;
    }
    return { type, name, value: convertValue(type, name, value, definition, context, resolved, mode.checked) } as APIApplicationCommandInteractionDataOption;
  });
  if (mode.checked && mode.focused === undefined) {
    const missing = leaves.filter((option) => option.required === true && !(option.name in values));
    if (missing.length > 0) throw new DriverError(`/${[command.name, ...subcommandPath].join(' ')} needs ${missing.map((option) => option.name).join(', ')}`);
  }

  let wrapped = options;
  for (const wrapper of [...wrappers].reverse()) {
    wrapped = [{ type: wrapper.type, name: wrapper.name, options: wrapped } as APIApplicationCommandInteractionDataOption];
  }
  return { options: wrapped, resolved };
}

function isNestingOption(option: APIApplicationCommandOption): option is NestingOption {
  return option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup;
}

function inferType(value: OptionValue): ApplicationCommandOptionType {
  if (typeof value === 'object') return ApplicationCommandOptionType.Attachment;
  if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number;
  return ApplicationCommandOptionType.String;
}

function convertValue(
  type: ApplicationCommandOptionType,
  name: string,
  value: OptionValue,
  definition: Leaf | undefined,
  context: OptionContext,
  resolved: APIInteractionDataResolved,
  checked: boolean,
): string | number | boolean {
  const fail = (reason: string): never => {
    throw new DriverError(`option "${name}": ${reason}`);
  };
  if (type === ApplicationCommandOptionType.Attachment) {
    // A typed value names a file uploaded before; anything else is a file given there and then.
    if (typeof value !== 'object' && typeof value !== 'string') return fail('takes a file: { data, filename, contentType } or an uploaded file\'s id');
    const attachment = context.attach(value, checked);
    resolved.attachments = { ...resolved.attachments, [attachment.id]: attachment };
    return attachment.id;
  }
  if (typeof value === 'object') return fail('is not an attachment option: it takes typed text, not a file');
  switch (type) {
    case ApplicationCommandOptionType.String: {
      const text = String(value);
      if (checked && definition?.type === ApplicationCommandOptionType.String) {
        if (definition.choices && !definition.choices.some((choice) => choice.value === text)) fail(`"${text}" is not one of its choices`);
        if (definition.min_length !== undefined && [...text].length < definition.min_length) fail(`shorter than ${definition.min_length}`);
        if (definition.max_length !== undefined && [...text].length > definition.max_length) fail(`longer than ${definition.max_length}`);
        if ([...text].length > 6000) fail('longer than 6000');
      }
      return text;
    }
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const number = Number(value);
      if (checked) {
        if (Number.isNaN(number) || (type === ApplicationCommandOptionType.Integer && !Number.isInteger(number))) fail(`${String(value)} is not a valid ${type === ApplicationCommandOptionType.Integer ? 'integer' : 'number'}`);
        if (definition && 'min_value' in definition && definition.min_value !== undefined && number < definition.min_value) fail(`below ${definition.min_value}`);
        if (definition && 'max_value' in definition && definition.max_value !== undefined && number > definition.max_value) fail(`above ${definition.max_value}`);
      }
      return number;
    }
    case ApplicationCommandOptionType.Boolean:
      return value === true || value === 'true';
    case ApplicationCommandOptionType.User:
      return resolveUser(String(value), context, resolved);
    case ApplicationCommandOptionType.Channel: {
      const channel = resolveChannel(String(value), context, resolved);
      if (checked && definition?.type === ApplicationCommandOptionType.Channel && definition.channel_types && !definition.channel_types.includes(channel.type as never)) {
        fail(`channel ${String(value)} is not of an allowed type`);
      }
      return channel.id;
    }
    case ApplicationCommandOptionType.Role:
      return resolveRole(String(value), context, resolved);
    case ApplicationCommandOptionType.Mentionable:
      try {
        return resolveUser(String(value), context, resolved);
      } catch {
        return resolveRole(String(value), context, resolved);
      }
    default:
      return fail(`options of type ${type} are not supported by the driver`);
  }
}

/** A lookup in the state whose miss is the test's (or the sandbox user's) mistake: a DriverError saying what is known. */
function found<T>(lookup: () => T): T {
  try {
    return lookup();
  } catch (error) {
    if (error instanceof DriverError || !(error instanceof Error)) throw error;
    throw new DriverError(error.message.replace(/^local-discord: /, ''));
  }
}

function resolveUser(reference: string, context: OptionContext, resolved: APIInteractionDataResolved): string {
  const user = found(() => context.state.user(reference));
  resolved.users = { ...resolved.users, [user.id]: user };
  const member = context.guild?.members.get(user.id);
  if (context.guild && member) {
    resolved.members = {
      ...resolved.members,
      [user.id]: {
        roles: member.roleIds,
        nick: member.nick,
        avatar: null,
        banner: null,
        joined_at: member.joinedAt,
        premium_since: null,
        pending: false,
        flags: 0 as GuildMemberFlags,
        communication_disabled_until: null,
        permissions: channelPermissions(context.guild, member, context.channel).toString(),
      },
    };
  }
  return user.id;
}

function resolveChannel(reference: string, context: OptionContext, resolved: APIInteractionDataResolved): StoredChannel {
  const channel = found(() => context.state.channel(reference, context.guild?.id));
  const entry = {
    id: channel.id,
    type: channel.type,
    name: 'name' in channel ? (channel.name ?? null) : null,
    permissions: userChannelPermissions(context.state, context.userId, channel).toString(),
    ...('parent_id' in channel ? { parent_id: channel.parent_id ?? null } : {}),
  } as APIInteractionDataResolvedChannel;
  resolved.channels = { ...resolved.channels, [channel.id]: entry };
  return channel;
}

function resolveRole(reference: string, context: OptionContext, resolved: APIInteractionDataResolved): string {
  const role = context.guild?.roles.find((candidate) => candidate.id === reference || candidate.name === reference);
  if (!role) throw new DriverError(`no role "${reference}"`);
  resolved.roles = { ...resolved.roles, [role.id]: role };
  return role.id;
}
