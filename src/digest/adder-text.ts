import type { DigestAdder } from './types.js';

/**
 * Who added a new document, as the digest says it: "added by Ada", "added from the command
 * line", "added to the corpus folder". `formatName` fits a member's name to the medium.
 */
export function adderText(adder: DigestAdder, formatName: (name: string) => string = (name) => name): string {
  if (adder.kind === 'member') return `added by ${formatName(adder.name)}`;
  return adder.kind === 'command-line' ? 'added from the command line' : 'added to the corpus folder';
}
