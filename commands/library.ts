import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder, roleMention } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { requireGuildId, requireManageServer } from '../src/discord/permissions.js';
import { ephemeral, textMessage } from '../src/discord/render/payload.js';
import { UserError } from '../src/errors.js';
import { getLibraryEditorRole, setLibraryEditorRole } from '../src/storage/library-settings-store.js';

/** Discord's own command permissions are not the bot's to change: the server's admins set them. */
const integrationsHint = 'Discord still hides /add and /remove from members without Manage Server until an admin allows them for this role in Server Settings → Integrations → this bot.';

export default {
  data: new SlashCommandBuilder()
    .setName('library')
    .setDescription('Library settings of this server (needs Manage Server)')
    .setContexts(InteractionContextType.Guild)
    // Declared for Discord's command list, and checked again at run time: a server may override it.
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((sub) =>
      sub
        .setName('role')
        .setDescription('Let a role add and remove documents; without a role, only Manage Server may')
        .addRoleOption((option) => option.setName('role').setDescription('Members with this role may use /add and /remove')),
    ),
  help: {
    usage: '/library role [role]',
    description: 'Names a role whose members may add and remove documents, besides members with Manage Server; without `role` it clears the role and shows the setting. Needs Manage Server.',
    example: '/library role role: @Analysts',
  },
  async execute(interaction, context) {
    const guildId = requireGuildId(interaction);
    if (interaction.options.getSubcommand(true) !== 'role') throw new UserError('Unknown /library subcommand. Use /library role.');
    requireManageServer(interaction, 'choose who may add and remove documents');
    const role = interaction.options.getRole('role');
    const before = await getLibraryEditorRole(context.db, guildId);
    await setLibraryEditorRole(context.db, guildId, role?.id ?? null, context.now());
    await interaction.reply(ephemeral(textMessage(settingText(before, role?.id ?? null))));
  },
} satisfies Command;

/** What the setting is now, and what it replaced. Role mentions do not ping: no message sets allowed mentions. */
export function settingText(before: string | null, after: string | null): string {
  if (after !== null) {
    const replaced = before !== null && before !== after ? ` (instead of ${roleMention(before)})` : '';
    return `Members with ${roleMention(after)}${replaced} may now add and remove documents, as members with Manage Server can. ${integrationsHint}`;
  }
  if (before !== null) return `Cleared: ${roleMention(before)} may no longer add or remove documents. Now only members with Manage Server may. Name a role again with \`/library role role:\`.`;
  return 'No role is named: only members with Manage Server may add and remove documents. Name one with `/library role role:`.';
}
