import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { ephemeral } from '../src/discord/render/payload.js';

export default {
  data: new SlashCommandBuilder().setName('help').setDescription('What the bot can do, with an example of each command'),
  help: {
    usage: '/help',
    description: 'This list.',
    example: '/help',
  },
  async execute(interaction, context) {
    const crossLanguage = `Cross-language search (English questions also find Russian passages, and Russian questions English ones): ${context.search.crossLanguage.status}.`;
    await interaction.reply(ephemeral(context.render.help(context.help, [crossLanguage])));
  },
} satisfies Command;
