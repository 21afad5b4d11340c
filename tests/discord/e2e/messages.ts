import type { APIMessage } from 'discord.js';
import type { SearchService } from '../../../src/discord/ports.js';
import { unquote } from '../fixtures/passages.js';

/** The quote of an answer embed, as the reader sees it: escapes, quote markers and the bold of answering sentences removed, and a shown cut dropped. */
export function quoteOfEmbed(description: string | undefined): string {
  const quoted = (description ?? '').split('\n').filter((line) => line.startsWith('>')).join('\n');
  return unquote(quoted.replace(/(?<!\\)\*\*/g, '')).replace(/^… /u, '').replace(/ …$/u, '');
}

/** True when the text appears word for word in a document of the corpus. */
export function isVerbatim(search: SearchService, text: string): boolean {
  return text.length > 0 && search.documents.some((document) => document.body.includes(text));
}

interface ButtonLike {
  custom_id: string;
  label?: string;
}

/** The buttons of a message's action rows, in order. */
function buttons(message: APIMessage): ButtonLike[] {
  const found: ButtonLike[] = [];
  for (const row of message.components ?? []) {
    if (!('components' in row)) continue;
    for (const component of row.components as unknown[]) {
      if (typeof component === 'object' && component !== null && 'custom_id' in component && typeof component.custom_id === 'string') found.push(component as ButtonLike);
    }
  }
  return found;
}

/** Every button custom id of a message, in order. */
export function customIds(message: APIMessage): string[] {
  return buttons(message).map((button) => button.custom_id);
}

export function buttonWithLabel(message: APIMessage, label: string): string {
  const found = buttons(message).find((button) => button.label === label);
  if (found === undefined) throw new Error(`no button "${label}" on message ${message.id}`);
  return found.custom_id;
}
