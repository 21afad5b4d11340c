import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { replyInTime } from '../src/discord/acknowledge.js';
import type { Command } from '../src/discord/command.js';
import { requireGuildId, requireManageServer } from '../src/discord/permissions.js';

export default {
  data: new SlashCommandBuilder()
    .setName('status')
    .setDescription('The state of this bot instance: shard, gateway, database, index, next digest (needs Manage Server)')
    .setContexts(InteractionContextType.Guild)
    // Declared for Discord's command list, and checked again at run time: a server may override it.
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild),
  help: {
    usage: '/status',
    description: 'Shard, gateway latency, database engine and lag, index size, last reindex and the next digest. Needs Manage Server.',
    example: '/status',
  },
  async execute(interaction, context) {
    const guildId = requireGuildId(interaction);
    requireManageServer(interaction, 'see the bot’s status');
    const shardId = interaction.guild?.shardId ?? 0;
    await replyInTime(interaction, async () => context.render.instanceStatus(await context.health(guildId), shardId), { ephemeral: true });
  },
} satisfies Command;
