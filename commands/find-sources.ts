import { ApplicationCommandType, ContextMenuCommandBuilder } from 'discord.js';
import { replyInTime } from '../src/discord/acknowledge.js';
import type { MessageCommand } from '../src/discord/command.js';
import { passageTotals } from '../src/discord/passage-totals.js';
import { escapeText } from '../src/discord/render/escape.js';
import { clampLine } from '../src/discord/render/truncate.js';
import type { AskSession } from '../src/discord/sessions.js';
import { UserError } from '../src/errors.js';

/** The longest question search accepts; a longer message is looked up by its opening. */
const questionLimit = 300;

export default {
  data: new ContextMenuCommandBuilder().setName('Find sources').setType(ApplicationCommandType.Message),
  help: {
    usage: 'Apps › Find sources (on a message)',
    description: 'Right-click or long-press a message, then Apps › Find sources: shows the passages of the sources closest to what the message says. Only you see it.',
    example: 'Apps › Find sources on "Japan launched the dialogue in 2004"',
  },
  async execute(interaction, context) {
    const message = interaction.targetMessage;
    const text = [message.content, ...message.embeds.map((embed) => embed.description ?? '')].join(' ').replace(/\s+/g, ' ').trim();
    await replyInTime(
      interaction,
      () => {
        if (text.length < 2) throw new UserError('That message has no text to look up. Use Find sources on a message with words in it, or ask with /ask.');
        const question = text.length <= questionLimit ? text : text.slice(0, text.lastIndexOf(' ', questionLimit) > 0 ? text.lastIndexOf(' ', questionLimit) : questionLimit);
        const answer = context.search.ask(question, { limit: 12, guildId: interaction.guildId });
        const heading = `**Sources for:** “${escapeText(clampLine(text, 200))}”`;
        const session: AskSession = { kind: 'ask', answer, ephemeral: true, heading };
        const sessionId = context.sessions.create(session);
        return context.render.answerPage({ answer, page: 0, sessionId, ephemeral: true, heading, passageTotal: passageTotals(context.search) });
      },
      { ephemeral: true },
    );
  },
} satisfies MessageCommand;
