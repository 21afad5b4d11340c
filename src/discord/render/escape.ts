import { escapeMarkdown } from 'discord.js';

/**
 * Makes text from a source or a user inert in Discord Markdown: emphasis, code, spoilers,
 * headings, lists, masked links and quote markers all show as typed. Mentions are not
 * touched here; they are made harmless by `allowedMentions: { parse: [] }` on every message.
 */
export function escapeText(text: string): string {
  const escaped = escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true });
  // A line starting with ">" would open a nested quote inside ours.
  return escaped.replace(/^(\s*)>/gm, '$1\\>');
}

/** A block quote: every line of the already escaped text prefixed with "> ". */
export function blockQuote(escapedText: string): string {
  return escapedText
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}
