import type {
  APIApplicationCommand,
  APIApplicationCommandBasicOption,
  APIApplicationCommandOption,
  APIApplicationCommandSubcommandGroupOption,
  APIApplicationCommandSubcommandOption,
} from 'discord-api-types/v10';

/*
 * Reads a slash command typed as one line, `/digest setup channel:#digest schedule:0 8 * * 1`,
 * against the commands that deploy registered. The page uses it to suggest what comes next
 * and the bridge to build the interaction, so both read a line the same way. Pure, and free
 * of runtime imports, so that it bundles into the page as it is.
 */

/** Discord's numbers for option types (`ApplicationCommandOptionType`), written out so the page bundle needs no runtime import. */
export const optionTypes = {
  subcommand: 1,
  subcommandGroup: 2,
  string: 3,
  integer: 4,
  boolean: 5,
  user: 6,
  channel: 7,
  role: 8,
  mentionable: 9,
  number: 10,
  attachment: 11,
} as const;

/** Discord's numbers for command types (`ApplicationCommandType`). */
export const commandTypes = { chatInput: 1, user: 2, message: 3 } as const;

export type NestingOption = APIApplicationCommandSubcommandOption | APIApplicationCommandSubcommandGroupOption;

/** The text typed for one option: `raw` spans `start`–`end` of the line. */
export interface OptionValue {
  option: APIApplicationCommandBasicOption;
  raw: string;
  start: number;
  end: number;
}

/**
 * What the end of the line is in the middle of typing.
 * - `command`: the command's name.
 * - `subcommand`: a subcommand or subcommand group, one of `candidates`.
 * - `options`: the options. `value` is the option value being typed (null before any);
 *   `namePrefix` is the last word when it may begin the next option's name (`''` right after
 *   a space), null when the line ends just after `name:`.
 */
export type SlashFocus =
  | { kind: 'command'; prefix: string }
  | { kind: 'subcommand'; prefix: string; start: number; candidates: NestingOption[] }
  | { kind: 'options'; value: OptionValue | null; namePrefix: string | null; namePrefixStart: number };

/** A slash line, read as far as it goes. */
export interface SlashLine {
  commandName: string;
  /** The registered command named, or null while the name is incomplete or unknown. */
  command: APIApplicationCommand | null;
  group: APIApplicationCommandSubcommandGroupOption | null;
  subcommand: APIApplicationCommandSubcommandOption | null;
  /** The options the command or subcommand takes; empty until it is known. */
  options: APIApplicationCommandBasicOption[];
  values: OptionValue[];
  focus: SlashFocus;
  /** Why the line cannot be sent as it is, each saying what to do. */
  problems: string[];
}

/** The chat input commands among those registered, by name. */
export function chatInputCommands(commands: readonly APIApplicationCommand[]): APIApplicationCommand[] {
  return commands.filter((command) => command.type === commandTypes.chatInput).sort((a, b) => a.name.localeCompare(b.name));
}

/** Reads a line that starts with `/`; null for anything else (a plain message). */
export function parseSlashLine(line: string, commands: readonly APIApplicationCommand[]): SlashLine | null {
  const head = /^\/(\S*)/.exec(line);
  if (head === null) return null;
  const commandName = head[1] ?? '';
  const result: SlashLine = {
    commandName,
    command: null,
    group: null,
    subcommand: null,
    options: [],
    values: [],
    focus: { kind: 'command', prefix: commandName },
    problems: [],
  };
  const command = chatInputCommands(commands).find((candidate) => candidate.name === commandName.toLowerCase()) ?? null;
  result.command = command;
  if (command === null) {
    result.problems.push(commandName === '' ? 'Choose a command: type its name after "/", e.g. /help.' : `/${commandName} is not a command here. Type / to see the commands.`);
    return result;
  }
  readScope(result, command.options ?? [], line, head[0].length);
  // While the name itself is being typed, the suggestions are commands, whatever the rest says.
  if (head[0].length === line.length) result.focus = { kind: 'command', prefix: commandName };
  return result;
}

/** Reads a subcommand word while the scope has them, then the options of what was chosen. */
function readScope(result: SlashLine, scope: readonly APIApplicationCommandOption[], line: string, position: number): void {
  const nesting = scope.filter(isNesting);
  if (nesting.length === 0) {
    result.options = scope.filter((option): option is APIApplicationCommandBasicOption => !isNesting(option));
    readOptions(result, line, position);
    return;
  }
  const word = /^\s*(\S*)/.exec(line.slice(position));
  const typed = word?.[1] ?? '';
  const end = position + (word?.[0].length ?? 0);
  const atEnd = end === line.length;
  const path = result.group === null ? `/${result.commandName}` : `/${result.commandName} ${result.group.name}`;
  const names = nesting.map((candidate) => candidate.name).join(', ');
  if (atEnd) result.focus = { kind: 'subcommand', prefix: typed, start: end - typed.length, candidates: nesting };
  const chosen = nesting.find((candidate) => candidate.name === typed.toLowerCase());
  if (chosen === undefined) {
    result.problems.push(typed === '' ? `Choose what ${path} should do: ${names}.` : `${path} has no "${typed}". Choose one of: ${names}.`);
    return;
  }
  if (chosen.type === optionTypes.subcommandGroup) {
    result.group = chosen;
    if (atEnd) result.problems.push(`Choose what ${path} ${chosen.name} should do: ${(chosen.options ?? []).map((option) => option.name).join(', ')}.`);
    else readScope(result, chosen.options ?? [], line, end);
    return;
  }
  result.subcommand = chosen;
  result.options = [...(chosen.options ?? [])];
  if (atEnd) checkRequired(result);
  else readOptions(result, line, end);
}

/**
 * Reads `name:value` pairs. A value runs to the next known option name followed by ":",
 * so values may hold spaces. Text before the first name fills the first required option,
 * which lets `/ask What changed in 2024?` work as people type it.
 */
function readOptions(result: SlashLine, line: string, position: number): void {
  const markers = optionMarkers(result.options, line, position);
  const leadingEnd = markers[0]?.nameStart ?? line.length;
  const leading = line.slice(position, leadingEnd);
  if (leading.trim() !== '') {
    const target = result.options.find((option) => option.required === true && !markers.some((marker) => marker.option === option));
    if (target === undefined) result.problems.push(`Put an option name before "${leading.trim()}", e.g. ${result.options[0]?.name ?? 'name'}:value.`);
    else result.values.push(optionValue(target, line, position, leadingEnd));
  }
  markers.forEach((marker, index) => {
    if (result.values.some((value) => value.option === marker.option)) {
      result.problems.push(`${marker.option.name} is given twice: keep one.`);
      return;
    }
    result.values.push(optionValue(marker.option, line, marker.valueStart, markers[index + 1]?.nameStart ?? line.length));
  });

  const endsAfterName = markers.at(-1)?.valueStart === line.length;
  const trailing = /(?:^|\s)([^\s:]*)$/.exec(line.slice(position));
  const namePrefix = endsAfterName || trailing === null ? null : (trailing[1] ?? '');
  result.focus = {
    kind: 'options',
    value: result.values.at(-1) ?? null,
    namePrefix,
    namePrefixStart: line.length - (namePrefix?.length ?? 0),
  };
  checkRequired(result);
}

function optionValue(option: APIApplicationCommandBasicOption, line: string, from: number, to: number): OptionValue {
  const text = line.slice(from, to);
  const start = from + (text.length - text.trimStart().length);
  const raw = text.trim();
  return { option, raw, start, end: start + raw.length };
}

function checkRequired(result: SlashLine): void {
  for (const option of result.options) {
    if (option.required !== true) continue;
    const value = result.values.find((candidate) => candidate.option === option);
    if (value === undefined || value.raw === '') result.problems.push(`Fill in ${option.name}: ${option.description}`);
  }
}

interface OptionMarker {
  option: APIApplicationCommandBasicOption;
  nameStart: number;
  valueStart: number;
}

function optionMarkers(options: readonly APIApplicationCommandBasicOption[], line: string, position: number): OptionMarker[] {
  if (options.length === 0) return [];
  const names = options.map((option) => option.name.replace(/[-\\^$*+?.()|[\]{}]/g, '\\$&'));
  const pattern = new RegExp(`(^|\\s)(${names.join('|')}):`, 'giu');
  const rest = line.slice(position);
  const markers: OptionMarker[] = [];
  for (const match of rest.matchAll(pattern)) {
    const name = (match[2] ?? '').toLowerCase();
    const option = options.find((candidate) => candidate.name === name);
    if (option === undefined) continue;
    const nameStart = position + match.index + (match[1] ?? '').length;
    markers.push({ option, nameStart, valueStart: nameStart + name.length + 1 });
  }
  return markers;
}

function isNesting(option: APIApplicationCommandOption): option is NestingOption {
  return option.type === optionTypes.subcommand || option.type === optionTypes.subcommandGroup;
}
