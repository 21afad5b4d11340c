import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util parseArgs, with its errors turned into a UserError that names the command's
 * usage, so a typo gets a clear message instead of a stack trace.
 */
export function parseCommandArguments<T extends Options>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(`${reason}\nUsage: ${usage}`);
  }
}

/** Reads `--limit`-style options: a whole number in a range, or a UserError that shows one. */
export function parseWholeNumber(value: string | undefined, name: string, range: { min: number; max: number; fallback: number }): number {
  if (value === undefined) return range.fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < range.min || number > range.max) {
    throw new UserError(`--${name} must be a whole number from ${range.min} to ${range.max}, e.g. --${name} ${range.fallback}`);
  }
  return number;
}
