import type { APIApplicationCommand, APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import type { AutocompleteResult, SandboxChannel } from '../../../src/sandbox/bridge-protocol.js';
import { chatInputCommands, optionTypes, type SlashLine } from '../../../src/sandbox/slash-line.js';

/** One line of the suggestion list, and what choosing it does to the message box. */
export interface Suggestion {
  key: string;
  label: string;
  detail: string;
  /** Choosing replaces the line from here to its end with `insert`. */
  from: number;
  insert: string;
  /** Enter chooses it; otherwise Enter sends the line and only Tab or a click chooses. */
  pickOnEnter: boolean;
  /** An autocomplete choice, remembered so the bot gets its value while the line shows its name. */
  picked?: { option: string; choice: APIApplicationCommandOptionChoice };
}

/** What the suggestions draw on besides the line. */
export interface SuggestionContext {
  commands: readonly APIApplicationCommand[];
  channels: readonly SandboxChannel[];
  /** The bot's latest autocomplete answer, for the option being typed. */
  autocomplete: AutocompleteResult | null;
}

const maxSuggestions = 25;

/** Suggestions for the end of a slash line, as Discord's message box offers them. */
export function suggestionsFor(parsed: SlashLine | null, context: SuggestionContext): Suggestion[] {
  if (parsed === null) return [];
  const { focus } = parsed;
  if (focus.kind === 'command') {
    const prefix = focus.prefix.toLowerCase();
    return chatInputCommands(context.commands)
      .filter((command) => command.name.startsWith(prefix))
      .map((command) => ({ key: `command:${command.name}`, label: `/${command.name}`, detail: command.description, from: 0, insert: `/${command.name} `, pickOnEnter: true }));
  }
  if (focus.kind === 'subcommand') {
    const prefix = focus.prefix.toLowerCase();
    return focus.candidates
      .filter((candidate) => candidate.name.startsWith(prefix))
      .map((candidate) => ({
        key: `subcommand:${candidate.name}`,
        label: `/${parsed.commandName} ${candidate.name}`,
        detail: candidate.description,
        from: focus.start,
        insert: `${candidate.name} `,
        pickOnEnter: true,
      }));
  }
  const values = focus.value === null ? [] : valueSuggestions(focus.value.option, focus.value.raw, focus.value.start, context);
  const used = new Set(parsed.values.map((value) => value.option.name));
  const namePrefix = focus.namePrefix?.toLowerCase() ?? null;
  const names: Suggestion[] = namePrefix === null
    ? []
    : parsed.options
      .filter((option) => !used.has(option.name) && option.name.startsWith(namePrefix))
      .map((option) => ({
        key: `option:${option.name}`,
        label: option.name,
        detail: `${option.required === true ? '' : '(optional) '}${option.description}`,
        from: focus.namePrefixStart,
        insert: `${option.name}:`,
        pickOnEnter: focus.value === null,
      }));
  const valueTyped = focus.value !== null && focus.value.raw !== '';
  return (valueTyped ? [...values, ...names] : [...names, ...values]).slice(0, maxSuggestions);
}

function valueSuggestions(
  option: SlashLine['options'][number],
  raw: string,
  from: number,
  context: SuggestionContext,
): Suggestion[] {
  const typed = raw.toLowerCase();
  const choice = (name: string, detail: string, picked?: Suggestion['picked']): Suggestion => ({
    key: `value:${option.name}:${name}`,
    label: name,
    detail,
    from,
    insert: `${name} `,
    pickOnEnter: true,
    ...(picked === undefined ? {} : { picked }),
  });
  if ('autocomplete' in option && option.autocomplete === true) {
    if (context.autocomplete?.option !== option.name) return [];
    return context.autocomplete.choices.map((entry) => choice(entry.name, option.name, { option: option.name, choice: entry }));
  }
  if ('choices' in option && option.choices !== undefined && option.choices.length > 0) {
    const choices: APIApplicationCommandOptionChoice[] = option.choices;
    return choices
      .filter((entry) => entry.name.toLowerCase().includes(typed) || String(entry.value).toLowerCase().includes(typed))
      .map((entry) => choice(entry.name, option.name));
  }
  if (option.type === optionTypes.boolean) {
    return ['True', 'False'].filter((name) => name.toLowerCase().startsWith(typed)).map((name) => choice(name, option.name));
  }
  if (option.type === optionTypes.channel) {
    const name = typed.replace(/^#/, '');
    return context.channels
      .filter((channel) => channel.name.startsWith(name))
      .map((channel) => choice(`#${channel.name}`, channel.topic ?? 'text channel'));
  }
  return [];
}
