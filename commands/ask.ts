import { SlashCommandBuilder } from 'discord.js';
import { replyInTime, updateInTime } from '../src/discord/acknowledge.js';
import { recordAnswerVote, voteReceipt } from '../src/discord/answer-feedback.js';
import { resolveSource, sourceChoices } from '../src/discord/autocomplete/source-choices.js';
import type { Command } from '../src/discord/command.js';
import type { CommandContext } from '../src/discord/command-context.js';
import { passageTotals } from '../src/discord/passage-totals.js';
import { documentsFor } from '../src/discord/visible-library.js';
import { ephemeral, textMessage, visible } from '../src/discord/render/payload.js';
import { readSession, type AskSession } from '../src/discord/sessions.js';
import { UserError } from '../src/errors.js';

/** Passages fetched per question: four pages of three. */
const answerLimit = 12;

export default {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Answer a question with passages quoted from the sources, with citations')
    .addStringOption((option) => option.setName('question').setDescription('What you want to know').setRequired(true).setMinLength(2).setMaxLength(300))
    .addStringOption((option) => option.setName('source').setDescription('Only look in this document').setAutocomplete(true).setMaxLength(100))
    .addBooleanOption((option) => option.setName('public').setDescription('Show the answer to the whole channel (default: only you)')),
  help: {
    usage: '/ask question [source] [public]',
    description: 'Answers with the best passages, quoted word for word with their citation. Only you see it unless `public` is on; "Post to channel" shares it later.',
    example: '/ask question: When was the Central Asia + Japan Dialogue launched?',
  },
  async execute(interaction, context) {
    const question = interaction.options.getString('question', true);
    const source = interaction.options.getString('source');
    const isPublic = interaction.options.getBoolean('public') ?? false;
    await replyInTime(
      interaction,
      () => {
        const docId = source === null ? undefined : resolveSource(documentsFor(context, interaction.guildId), source).id;
        const answer = context.search.ask(question, { limit: answerLimit, docId, guildId: interaction.guildId });
        const session: AskSession = { kind: 'ask', answer, ephemeral: !isPublic };
        return renderPage(context, session, context.sessions.create(session), 0);
      },
      { ephemeral: !isPublic },
    );
  },
  async autocomplete(interaction, context) {
    await interaction.respond(sourceChoices(documentsFor(context, interaction.guildId), interaction.options.getFocused()));
  },
  async button(interaction, customId, context) {
    const [sessionId, pageText, vote] = customId.args;
    const session = readSession(context.sessions, sessionId, 'ask');
    const page = Number(pageText);
    if (customId.action === 'page' && sessionId !== undefined) {
      await updateInTime(interaction, () => renderPage(context, session, sessionId, page));
    } else if (customId.action === 'post') {
      // The channel's copy gets its own session: paging it must not move the private one.
      const shared: AskSession = { ...session, ephemeral: false };
      await interaction.reply(visible(renderPage(context, shared, context.sessions.create(shared), page, interaction.user.id)));
    } else if (customId.action === 'vote' && (vote === 'up' || vote === 'down')) {
      const outcomes = await recordAnswerVote(context.db, interaction, session, page, vote, context.now());
      await interaction.reply(ephemeral(textMessage(voteReceipt(outcomes, vote))));
    } else {
      throw new UserError('This button is not recognised. Run /ask again.');
    }
  },
} satisfies Command;

function renderPage(context: CommandContext, session: AskSession, sessionId: string, page: number, sharedBy?: string) {
  return context.render.answerPage({
    answer: session.answer,
    page,
    sessionId,
    ephemeral: session.ephemeral,
    passageTotal: passageTotals(context.search),
    heading: session.heading,
    sharedBy,
  });
}
