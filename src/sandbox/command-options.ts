import type { APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import { optionTypes, type OptionValue, type SlashLine } from './slash-line.js';

/**
 * A slash line turned into what the local server's driver takes: the command, the
 * subcommand path and plain values. The driver builds the protocol's `data.options` and
 * `resolved` from these (and resolves `#channel` and user names), so the sandbox holds no
 * second copy of that part of the protocol.
 */
export interface SlashInvocation {
  commandName: string;
  subcommandPath: string[];
  values: Record<string, string | number | boolean>;
  /** For autocomplete: the option being typed. */
  focused: string | null;
}

export type SlashInvocationResult = { ok: true; invocation: SlashInvocation } | { ok: false; problems: string[] };

/**
 * Reads each typed value as its option's type, as Discord's client does before it sends
 * anything: numbers, booleans, and choices typed by their name. For autocomplete the
 * option being typed goes as typed, and the others go when they read cleanly. An attachment
 * option's text is the file's name; `attachments` gives the upload behind it, by option name.
 */
export function slashInvocation(
  parsed: SlashLine,
  picked: Record<string, APIApplicationCommandOptionChoice> = {},
  mode: 'execute' | 'autocomplete' = 'execute',
  attachments: Record<string, string> = {},
): SlashInvocationResult {
  if (parsed.command === null) return { ok: false, problems: parsed.problems };
  const focusedValue = mode === 'autocomplete' && parsed.focus.kind === 'options' ? parsed.focus.value : null;
  if (mode === 'autocomplete' && focusedValue === null) return { ok: false, problems: ['No option is being typed.'] };
  if (mode === 'execute' && parsed.problems.length > 0) return { ok: false, problems: parsed.problems };

  const problems: string[] = [];
  const values: SlashInvocation['values'] = {};
  for (const value of parsed.values) {
    if (value === focusedValue) {
      values[value.option.name] = value.raw;
      continue;
    }
    const converted = convertValue(value, picked[value.option.name], attachments[value.option.name]);
    if (typeof converted === 'object') problems.push(converted.problem);
    else values[value.option.name] = converted;
  }
  if (mode === 'execute' && problems.length > 0) return { ok: false, problems };
  const subcommandPath = [parsed.group?.name, parsed.subcommand?.name].filter((name): name is string => name !== undefined);
  return {
    ok: true,
    invocation: { commandName: parsed.command.name, subcommandPath, values, focused: focusedValue?.option.name ?? null },
  };
}

/** One value in the type its option declares, or what to type instead. */
function convertValue(value: OptionValue, picked: APIApplicationCommandOptionChoice | undefined, uploadId: string | undefined): string | number | boolean | { problem: string } {
  const { option, raw } = value;
  if (picked !== undefined && picked.name === raw) return picked.value;
  const choices = 'choices' in option ? (option.choices as APIApplicationCommandOptionChoice[] | undefined) : undefined;
  if (choices !== undefined && choices.length > 0) {
    const choice = choices.find((entry) => entry.name.toLowerCase() === raw.toLowerCase() || String(entry.value) === raw);
    return choice?.value ?? { problem: `${option.name} must be one of: ${choices.map((entry) => entry.name).join(', ')}.` };
  }
  switch (option.type) {
    case optionTypes.integer:
      return /^[-+]?\d+$/.test(raw) ? Number(raw) : { problem: `${option.name} must be a whole number, e.g. 7.` };
    case optionTypes.number:
      return raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : { problem: `${option.name} must be a number, e.g. 2.5.` };
    case optionTypes.boolean: {
      const lower = raw.toLowerCase();
      if (lower === 'true' || lower === 'yes') return true;
      if (lower === 'false' || lower === 'no') return false;
      return { problem: `${option.name} must be True or False.` };
    }
    case optionTypes.attachment:
      // The line shows the file's name; the driver takes the upload's id.
      return uploadId ?? { problem: `${option.name}: attach a file with the 📎 ${option.name} button above the message box.` };
    case optionTypes.user:
    case optionTypes.role:
    case optionTypes.mentionable:
      // `@bob` and `@Admin` as Discord's client shows a picked mention; the driver resolves the name.
      return raw.replace(/^@/, '');
    default:
      // Strings go exactly as typed, a leading `@` included (`@everyone …`, `@daily`); channels go as typed (`#digest`) for the driver to resolve.
      return raw;
  }
}
