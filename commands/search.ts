import { SlashCommandBuilder } from 'discord.js';
import { replyInTime, updateInTime } from '../src/discord/acknowledge.js';
import type { Command } from '../src/discord/command.js';
import type { CommandContext } from '../src/discord/command-context.js';
import { passageTotals } from '../src/discord/passage-totals.js';
import { readSession, type SearchSession } from '../src/discord/sessions.js';
import { UserError } from '../src/errors.js';

/** Matches kept for paging: five pages of five. */
const matchLimit = 25;

export default {
  data: new SlashCommandBuilder()
    .setName('search')
    .setDescription('Quick lookup: passages containing these words, with the words in bold')
    .addStringOption((option) => option.setName('terms').setDescription('Words, a name or a number to look for').setRequired(true).setMaxLength(300)),
  help: {
    usage: '/search terms',
    description: 'Finds the passages that contain your words and shows them in bold, for names, figures and exact phrases. Only you see it.',
    example: '/search terms: Uzbekistan loan',
  },
  async execute(interaction, context) {
    const terms = interaction.options.getString('terms', true);
    await replyInTime(
      interaction,
      () => {
        const session: SearchSession = { kind: 'search', query: terms, results: context.search.search(terms, { limit: matchLimit, guildId: interaction.guildId }) };
        return renderPage(context, session, context.sessions.create(session), 0);
      },
      { ephemeral: true },
    );
  },
  async button(interaction, customId, context) {
    const [sessionId, page] = customId.args;
    const session = readSession(context.sessions, sessionId, 'search');
    if (customId.action !== 'page' || sessionId === undefined) throw new UserError('This button is not recognised. Run /search again.');
    await updateInTime(interaction, () => renderPage(context, session, sessionId, Number(page)));
  },
} satisfies Command;

function renderPage(context: CommandContext, session: SearchSession, sessionId: string, page: number) {
  return context.render.searchPage({ query: session.query, results: session.results, page, sessionId, passageTotal: passageTotals(context.search) });
}
