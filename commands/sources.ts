import { SlashCommandBuilder } from 'discord.js';
import { filterTimeline } from '../src/dates/timeline.js';
import { replyInTime, updateInTime } from '../src/discord/acknowledge.js';
import { resolveSource, sourceChoices } from '../src/discord/autocomplete/source-choices.js';
import type { Command } from '../src/discord/command.js';
import { passageTotals } from '../src/discord/passage-totals.js';
import { documentsFor, timelineFor } from '../src/discord/visible-library.js';
import { UserError } from '../src/errors.js';

export default {
  data: new SlashCommandBuilder()
    .setName('sources')
    .setDescription('List the documents the bot answers from, or show one with its key dates')
    .addStringOption((option) => option.setName('source').setDescription('Show this document in detail').setAutocomplete(true).setMaxLength(100)),
  help: {
    usage: '/sources [source]',
    description: 'Lists every document with its author, outlet and date; with `source`, shows one document, how its date is known, and its key dates.',
    example: '/sources source: Bridges, not blocs',
  },
  async execute(interaction, context) {
    const source = interaction.options.getString('source');
    const totals = passageTotals(context.search);
    await replyInTime(
      interaction,
      () => {
        const documents = documentsFor(context, interaction.guildId);
        if (source === null) return context.render.sourceList({ documents, page: 0, passageTotal: totals });
        const document = resolveSource(documents, source);
        const keyDates = filterTimeline([...timelineFor(context, interaction.guildId)], { docId: document.id });
        return context.render.sourceDetails({ document, passageTotal: totals(document.id), keyDates });
      },
      { ephemeral: true },
    );
  },
  async autocomplete(interaction, context) {
    await interaction.respond(sourceChoices(documentsFor(context, interaction.guildId), interaction.options.getFocused()));
  },
  async button(interaction, customId, context) {
    if (customId.action !== 'page') throw new UserError('This button is not recognised. Run /sources again.');
    const page = Number(customId.args[0]);
    await updateInTime(interaction, () => context.render.sourceList({ documents: documentsFor(context, interaction.guildId), page, passageTotal: passageTotals(context.search) }));
  },
} satisfies Command;
