import { discordLimits } from './render/limits.js';

/** A button's custom id, read back: which command owns it, what it does, and its arguments. */
export interface CustomId {
  command: string;
  action: string;
  args: string[];
}

const separator = ':';

/**
 * Builds `command:action:arg…`. Arguments are short (a session id, a page number), so
 * the id stays far under Discord's 100 characters; a longer one is a bug, not bad input.
 */
export function encodeCustomId(command: string, action: string, ...args: (string | number)[]): string {
  const parts = [command, action, ...args.map(String)];
  if (parts.some((part) => part.includes(separator))) throw new Error(`custom id parts must not contain "${separator}": ${parts.join(' ')}`);
  const customId = parts.join(separator);
  if (customId.length > discordLimits.customId) throw new Error(`custom id is ${customId.length} characters, over Discord's ${discordLimits.customId}: ${customId}`);
  return customId;
}

/** Reads a custom id made by `encodeCustomId`; null for anything else. */
export function decodeCustomId(customId: string): CustomId | null {
  const [command, action, ...args] = customId.split(separator);
  if (command === undefined || command === '' || action === undefined || action === '') return null;
  return { command, action, args };
}
