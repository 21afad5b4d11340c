import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { replyInTime, updateInTime } from '../src/discord/acknowledge.js';
import { resolveSource, sourceChoices } from '../src/discord/autocomplete/source-choices.js';
import type { Command } from '../src/discord/command.js';
import type { CommandContext } from '../src/discord/command-context.js';
import { removableDocuments, requireLibraryEditor } from '../src/discord/library-access.js';
import { requireGuildId } from '../src/discord/permissions.js';
import { escapeText } from '../src/discord/render/escape.js';
import { clampLine } from '../src/discord/render/truncate.js';
import { readSession, requireOwner, type RemoveSession } from '../src/discord/sessions.js';
import { UserError } from '../src/errors.js';

export default {
  data: new SlashCommandBuilder()
    .setName('remove')
    .setDescription('Remove a document added with /add; you confirm first')
    .setContexts(InteractionContextType.Guild)
    // Declared for Discord's command list, and checked again at run time, with the role named by /library role.
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addStringOption((option) => option.setName('source').setDescription('The document to remove').setRequired(true).setAutocomplete(true).setMaxLength(100)),
  help: {
    usage: '/remove source',
    description: 'Removes a document added with `/add`, after you confirm: its passages, key dates and digest mentions are gone at once. Documents of the corpus folder are removed by deleting their file. Needs Manage Server or the role named with `/library role`.',
    example: '/remove source: Japan and Central Asia: a summit in Astana',
  },
  async execute(interaction, context) {
    const guildId = requireGuildId(interaction);
    if (context.intake === undefined) throw new UserError('This bot holds no documents added from Discord, so there is nothing /remove can remove. Documents of the corpus folder are removed by deleting their file.');
    await requireLibraryEditor(interaction, context.db, guildId, 'remove documents');
    const wanted = interaction.options.getString('source', true);
    await replyInTime(
      interaction,
      () => {
        const document = resolveRemovable(context, guildId, wanted);
        const session: RemoveSession = { kind: 'remove', ownerId: interaction.user.id, guildId, document };
        return context.render.removeConfirmation(document, context.search.passagesOf(document.id).length, context.sessions.create(session));
      },
      { ephemeral: true },
    );
  },
  async autocomplete(interaction, context) {
    const guildId = interaction.guildId;
    const documents = guildId === null ? [] : removableDocuments(context.search.documents, guildId);
    await interaction.respond(sourceChoices(documents, interaction.options.getFocused()));
  },
  async button(interaction, customId, context) {
    const session = readSession(context.sessions, customId.args[0], 'remove');
    requireOwner(session, interaction.user.id);
    const { intake } = context;
    if (intake === undefined) throw new UserError('This bot can no longer remove documents added from Discord. Ask whoever runs it.');
    if (customId.action === 'keep') {
      await updateInTime(interaction, () => context.render.removeKept(session.document));
    } else if (customId.action === 'confirm') {
      await requireLibraryEditor(interaction, context.db, session.guildId, 'remove documents');
      await updateInTime(interaction, async () => context.render.removed(await intake.remove(session.document.id, session.guildId)));
    } else {
      throw new UserError('This button is not recognised. Run /remove again.');
    }
  },
} satisfies Command;

/** A folder document is named as such, with how to remove it, rather than as unknown. */
function resolveRemovable(context: CommandContext, guildId: string, wanted: string) {
  const removable = removableDocuments(context.search.documents, guildId);
  try {
    return resolveSource(removable, wanted);
  } catch (error) {
    const folder = context.search.documents.find((document) => document.addition === null && (document.id === wanted || document.title.trim().toLowerCase() === wanted.trim().toLowerCase()));
    if (folder !== undefined) {
      throw new UserError(`“${escapeText(clampLine(folder.title, 150))}” comes from the corpus folder (${escapeText(clampLine(folder.file, 150))}), not from /add. Remove it by deleting that file; the bot notices within seconds.`);
    }
    throw error;
  }
}
