import type { APIEmbedField } from 'discord.js';
import { discordLimits } from './limits.js';
import { noMentions, type MessagePayload } from './payload.js';
import { cutAtBoundary } from './truncate.js';

/** How one command is used, for /help. */
export interface CommandHelp {
  /** The command as typed, with its options: "/ask question [source] [public]". */
  usage: string;
  description: string;
  /** A realistic example, as typed. */
  example: string;
}

/** Every command with what it does and an example, and how the search is set up (`status` lines). */
export function renderHelp(commands: readonly CommandHelp[], status: readonly string[] = []): MessagePayload {
  const fields = commands.slice(0, discordLimits.embedFields).map((command): APIEmbedField => ({
    name: cutAtBoundary(command.usage, discordLimits.fieldName).text,
    value: cutAtBoundary(`${command.description}\nExample: \`${command.example}\``, discordLimits.fieldValue).text,
  }));
  return {
    embeds: [{
      title: 'What I can do',
      description: cutAtBoundary(
        ['I answer from the team\'s sources and always quote them word for word, with their citation. Replies are only visible to you unless a command says otherwise.', ...status].join('\n'),
        discordLimits.embedDescription,
      ).text,
      fields,
    }],
    allowedMentions: noMentions,
  };
}
