import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { replyInTime } from '../src/discord/acknowledge.js';
import type { Command } from '../src/discord/command.js';
import { requireManageServer } from '../src/discord/permissions.js';
import { UserError } from '../src/errors.js';

export default {
  data: new SlashCommandBuilder()
    .setName('reindex')
    .setDescription('Read the corpus folder again now and report what changed (needs Manage Server)')
    .setContexts(InteractionContextType.Guild)
    // Declared for Discord's command list, and checked again at run time: a server may override it.
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild),
  help: {
    usage: '/reindex',
    description: 'Reads every file of the corpus folder again and reports the documents added, changed, removed and unchanged, and each skipped file with its reason. Changes are picked up within seconds anyway; this is the full check. Needs Manage Server.',
    example: '/reindex',
  },
  async execute(interaction, context) {
    requireManageServer(interaction, 'check the corpus folder again');
    const library = context.library;
    if (library === undefined) throw new UserError('This bot serves a fixed set of documents, so there is no folder to check. Restart it to load new documents.');
    await replyInTime(interaction, async () => context.render.reindexReport(await library.reindex()), { ephemeral: true });
  },
} satisfies Command;
