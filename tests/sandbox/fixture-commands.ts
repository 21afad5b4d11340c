import { ApplicationCommandType, ChannelType, PermissionFlagsBits, type APIApplicationCommand } from 'discord-api-types/v10';
import { ContextMenuCommandBuilder, SlashCommandBuilder } from 'discord.js';

/** Commands shaped like the bot's, registered as Discord returns them, for the line parser's tests. */
export function fixtureCommands(): APIApplicationCommand[] {
  const bodies = [
    new SlashCommandBuilder()
      .setName('ask')
      .setDescription('Answer a question with quoted passages')
      .addStringOption((option) => option.setName('question').setDescription('What you want to know').setRequired(true).setMaxLength(300))
      .addStringOption((option) => option.setName('source').setDescription('Only this document').setAutocomplete(true))
      .addBooleanOption((option) => option.setName('public').setDescription('Show the answer to the channel')),
    new SlashCommandBuilder()
      .setName('digest')
      .setDescription('The digest of key dates')
      .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
      .addSubcommand((sub) => sub.setName('preview').setDescription('Show the next digest'))
      .addSubcommand((sub) => sub
        .setName('setup')
        .setDescription('Post the digest on a schedule')
        .addChannelOption((option) => option.setName('channel').setDescription('Where').setRequired(true).addChannelTypes(ChannelType.GuildText))
        .addStringOption((option) => option.setName('schedule').setDescription('When').setRequired(true))
        .addStringOption((option) => option.setName('timezone').setDescription('Time zone').setRequired(true).setAutocomplete(true))
        .addIntegerOption((option) => option.setName('window').setDescription('Days ahead').setMinValue(1).setMaxValue(90)))
      .addSubcommand((sub) => sub.setName('status').setDescription('The next and last runs')),
    new SlashCommandBuilder()
      .setName('timeline')
      .setDescription('Key dates')
      .addStringOption((option) => option.setName('topic').setDescription('Topic').addChoices({ name: 'Loans', value: 'loans' }, { name: 'Elections', value: 'elections' })),
    new ContextMenuCommandBuilder().setName('Find sources').setType(ApplicationCommandType.Message),
  ];
  return bodies.map((builder, index) => ({
    id: String(1000 + index),
    application_id: '1',
    version: '1',
    default_member_permissions: null,
    description: '',
    ...builder.toJSON(),
  }) as APIApplicationCommand);
}
