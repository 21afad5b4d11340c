import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What a subcommand accepts, declared once: its options and what, if anything, may stand outside them. */
export interface CommandArguments<T extends Options> {
  /** The command as typed, e.g. "briefing timeline". */
  command: string;
  usage: string;
  example?: string;
  options: T;
  /**
   * What the words that are not options make up, e.g. "question": they are joined into one
   * text and at least one is required. Without it, the command takes options only.
   */
  text?: string;
}

type ParsedValues<T extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>['values'];

/**
 * node:util parseArgs for one subcommand, with every mistake (an unknown option, a missing
 * value, a stray word, no question) turned into a UserError that shows the usage.
 */
export function parseCommandArguments<T extends Options>(args: string[], spec: CommandArguments<T> & { text: string }): { values: ParsedValues<T>; text: string };
export function parseCommandArguments<T extends Options>(args: string[], spec: CommandArguments<T> & { text?: undefined }): { values: ParsedValues<T>; text: undefined };
export function parseCommandArguments<T extends Options>(args: string[], spec: CommandArguments<T>): { values: ParsedValues<T>; text: string | undefined } {
  const example = spec.example === undefined ? '' : `\n${spec.example}`;
  let parsed;
  try {
    parsed = parseArgs({ args, options: spec.options, allowPositionals: true, strict: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(`${reason}\nUsage: ${spec.usage}${example}`);
  }
  const { values, positionals } = parsed;
  if (spec.text === undefined) {
    if (positionals.length > 0) throw new UserError(`${spec.command} takes only options; "${positionals.join(' ')}" is not one.\nUsage: ${spec.usage}${example}`);
    return { values, text: undefined };
  }
  if (positionals.length === 0) throw new UserError(`Give the ${spec.text} in quotes.\nUsage: ${spec.usage}${example}`);
  return { values, text: positionals.join(' ') };
}

/**
 * Reads `--limit`-style options: a whole number written in digits (no "1e1", "0x10", "+5"
 * or "5.0") in a range, or a UserError that shows one.
 */
export function parseWholeNumber(value: string | undefined, name: string, range: { min: number; max: number; fallback: number }): number {
  if (value === undefined) return range.fallback;
  const number = /^[0-9]+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < range.min || number > range.max) {
    throw new UserError(`--${name} must be a whole number from ${range.min} to ${range.max} written in digits, e.g. --${name} ${range.fallback}; "${value}" is not one.`);
  }
  return number;
}
