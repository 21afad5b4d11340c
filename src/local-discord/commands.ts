import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommand,
  type APIApplicationCommandOption,
} from 'discord-api-types/v10';
import { FormErrors, isRecord } from './form-errors.js';
import type { SnowflakeGenerator } from './snowflake.js';

type Path = (string | number)[];

const chatInputName = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const nestingTypes = new Set<number>([ApplicationCommandOptionType.Subcommand, ApplicationCommandOptionType.SubcommandGroup]);
const maxChatInputCommands = 100;
const maxContextMenuCommandsPerType = 15;

/**
 * Checks command bodies the way Discord does on registration (names, descriptions,
 * option order and counts, choices) and throws 50035 listing every problem, so a
 * deploy script that Discord would refuse fails here too.
 */
export function validateCommandBodies(bodies: unknown[], pathOf: (index: number) => Path): void {
  const errors = new FormErrors();
  const seen = new Set<string>();
  const perType = new Map<number, number>();
  bodies.forEach((body, index) => {
    const path = pathOf(index);
    if (!isRecord(body)) {
      errors.add(path, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
      return;
    }
    validateCommandBody(body, errors, path);
    const type = typeof body.type === 'number' ? body.type : ApplicationCommandType.ChatInput;
    const key = `${type}:${String(body.name)}`;
    if (seen.has(key)) errors.add([...path, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', `Application command names must be unique: ${String(body.name)}`);
    seen.add(key);
    perType.set(type, (perType.get(type) ?? 0) + 1);
  });
  if ((perType.get(ApplicationCommandType.ChatInput) ?? 0) > maxChatInputCommands) {
    errors.add([], 'BASE_TYPE_MAX_LENGTH', `Must be ${maxChatInputCommands} or fewer chat input commands.`);
  }
  for (const type of [ApplicationCommandType.User, ApplicationCommandType.Message]) {
    if ((perType.get(type) ?? 0) > maxContextMenuCommandsPerType) {
      errors.add([], 'BASE_TYPE_MAX_LENGTH', `Must be ${maxContextMenuCommandsPerType} or fewer commands of type ${type}.`);
    }
  }
  errors.throwIfAny();
}

function validateCommandBody(body: Record<string, unknown>, errors: FormErrors, path: Path): void {
  const type = body.type ?? ApplicationCommandType.ChatInput;
  if (type === ApplicationCommandType.ChatInput) {
    if (typeof body.name !== 'string' || !chatInputName.test(body.name) || body.name !== body.name.toLowerCase()) {
      errors.add([...path, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
    }
    errors.lengthBetween([...path, 'description'], body.description, 1, 100);
    const options = body.options ?? [];
    if (!Array.isArray(options)) errors.add([...path, 'options'], 'BASE_TYPE_LIST', 'Must be a list.');
    else validateOptions(options, errors, [...path, 'options'], 0);
  } else if (type === ApplicationCommandType.User || type === ApplicationCommandType.Message) {
    errors.lengthBetween([...path, 'name'], body.name, 1, 32);
    if (typeof body.description === 'string' && body.description !== '') {
      errors.add([...path, 'description'], 'APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION', 'Context menu commands cannot have a description');
    }
    if (Array.isArray(body.options) && body.options.length > 0) {
      errors.add([...path, 'options'], 'APPLICATION_COMMAND_CONTEXT_MENU_OPTIONS', 'Context menu commands cannot have options');
    }
  } else if (type !== ApplicationCommandType.PrimaryEntryPoint) {
    errors.add([...path, 'type'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3, 4}.');
  }
}

function validateOptions(options: unknown[], errors: FormErrors, path: Path, depth: number): void {
  if (options.length > 25) errors.add(path, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  const names = new Set<string>();
  let optionalSeen = false;
  options.forEach((option, index) => {
    const optionPath = [...path, index];
    if (!isRecord(option)) {
      errors.add(optionPath, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
      return;
    }
    const name = option.name;
    if (typeof name !== 'string' || !chatInputName.test(name) || name !== name.toLowerCase()) {
      errors.add([...optionPath, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
    } else if (names.has(name)) {
      errors.add([...optionPath, 'name'], 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS', `Option name ${name} is already used in these options`);
    }
    if (typeof name === 'string') names.add(name);
    errors.lengthBetween([...optionPath, 'description'], option.description, 1, 100);
    const type = typeof option.type === 'number' ? option.type : -1;
    if (nestingTypes.has(type)) {
      const allowedDepth = type === ApplicationCommandOptionType.SubcommandGroup ? 0 : 1;
      if (depth > allowedDepth) errors.add([...optionPath, 'type'], 'APPLICATION_COMMAND_OPTION_NESTING', 'Subcommands cannot be nested this deep');
      if (Array.isArray(option.options)) validateOptions(option.options, errors, [...optionPath, 'options'], depth + 1);
      return;
    }
    if (type < ApplicationCommandOptionType.String || type > ApplicationCommandOptionType.Attachment) {
      errors.add([...optionPath, 'type'], 'BASE_TYPE_CHOICES', 'Value must be a valid option type.');
    }
    if (option.required === true && optionalSeen) {
      errors.add([...optionPath, 'required'], 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', 'Required options must be placed before non-required options');
    }
    if (option.required !== true) optionalSeen = true;
    if (Array.isArray(option.choices)) {
      if (option.autocomplete === true && option.choices.length > 0) {
        errors.add([...optionPath, 'autocomplete'], 'APPLICATION_COMMAND_AUTOCOMPLETE_WITH_CHOICES', 'Autocomplete cannot be enabled with choices');
      }
      if (option.choices.length > 25) errors.add([...optionPath, 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
      option.choices.forEach((choice, choiceIndex) => {
        if (!isRecord(choice)) return;
        errors.lengthBetween([...optionPath, 'choices', choiceIndex, 'name'], choice.name, 1, 100);
        if (typeof choice.value === 'string') errors.lengthBetween([...optionPath, 'choices', choiceIndex, 'value'], choice.value, 1, 100);
      });
    }
    for (const key of ['min_length', 'max_length'] as const) {
      const value = option[key];
      if (value !== undefined && (typeof value !== 'number' || value < 0 || value > 6000)) {
        errors.add([...optionPath, key], 'NUMBER_TYPE_MAX', 'int value should be between 0 and 6000.');
      }
    }
  });
}

/**
 * Turns a registration body into the command object Discord returns: an id (kept when a
 * command of the same type and name already exists, as Discord does), the application
 * id, a version, and the defaults Discord fills in.
 */
export function toApplicationCommand(
  body: Record<string, unknown>,
  context: { applicationId: string; guildId: string | null; existing: readonly APIApplicationCommand[]; nextId: SnowflakeGenerator },
): APIApplicationCommand {
  const type = (typeof body.type === 'number' ? body.type : ApplicationCommandType.ChatInput) as ApplicationCommandType;
  const name = String(body.name);
  const previous = context.existing.find((command) => command.type === type && command.name === name);
  const options = Array.isArray(body.options) ? (body.options as APIApplicationCommandOption[]) : [];
  const defaultPermissions = body.default_member_permissions;
  const command: APIApplicationCommand = {
    id: previous?.id ?? context.nextId(),
    type,
    application_id: context.applicationId,
    name,
    name_localizations: (body.name_localizations as APIApplicationCommand['name_localizations']) ?? null,
    description: typeof body.description === 'string' ? body.description : '',
    description_localizations: (body.description_localizations as APIApplicationCommand['description_localizations']) ?? null,
    default_member_permissions: typeof defaultPermissions === 'string' ? defaultPermissions : null,
    nsfw: body.nsfw === true,
    integration_types: (body.integration_types as ApplicationIntegrationType[] | undefined) ?? [ApplicationIntegrationType.GuildInstall],
    contexts: (body.contexts as InteractionContextType[] | null | undefined) ??
      (body.dm_permission === false ? [InteractionContextType.Guild] : [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel]),
    version: context.nextId(),
  };
  if (type === ApplicationCommandType.ChatInput) command.options = options;
  if (context.guildId !== null) command.guild_id = context.guildId;
  else command.dm_permission = body.dm_permission !== false;
  return command;
}
