import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { updateInTime } from '../src/discord/acknowledge.js';
import { downloadAttachment } from '../src/discord/attachment-download.js';
import type { Command } from '../src/discord/command.js';
import type { CommandContext } from '../src/discord/command-context.js';
import { requireLibraryEditor } from '../src/discord/library-access.js';
import { requireGuildId } from '../src/discord/permissions.js';
import { metadataFields } from '../src/discord/render/add.js';
import { escapeText } from '../src/discord/render/escape.js';
import { visible } from '../src/discord/render/payload.js';
import { readSession, requireOwner, type AddSession } from '../src/discord/sessions.js';
import { parseIsoPartialDate } from '../src/corpus/partial-date.js';
import { UserError } from '../src/errors.js';
import type { AddSource, DocumentIntake, MetadataOverrides } from '../src/library/intake-types.js';

export default {
  data: new SlashCommandBuilder()
    .setName('add')
    .setDescription('Add a document to the library from a file or a link; you see a preview first')
    .setContexts(InteractionContextType.Guild)
    // Declared for Discord's command list, and checked again at run time, with the role named by /library role.
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addAttachmentOption((option) => option.setName('file').setDescription('A PDF, Word (.docx), HTML, Markdown or text file'))
    .addStringOption((option) => option.setName('link').setDescription('A link to a web page or a PDF').setMaxLength(2000))
    .addStringOption((option) => option.setName('title').setDescription('Use this title instead of the one the document gives').setMaxLength(300))
    .addStringOption((option) => option.setName('author').setDescription('Use this author instead').setMaxLength(200))
    .addStringOption((option) => option.setName('outlet').setDescription('Publisher or site, e.g. The Diplomat').setMaxLength(200))
    .addStringOption((option) => option.setName('published').setDescription('Publication date: 2025, 2025-05 or 2025-05-05').setMaxLength(10)),
  help: {
    usage: '/add file | link [title] [author] [outlet] [published]',
    description: 'Reads a file or a link and shows you a preview (metadata, passage count, first passage, anything to check); **Add** makes it answerable at once in this server, **Edit** corrects its details first. Needs Manage Server or the role named with `/library role`.',
    example: '/add link: https://thediplomat.com/2025/05/japan-central-asia-summit/ outlet: The Diplomat',
  },
  async execute(interaction, context) {
    const guildId = requireGuildId(interaction);
    const intake = requireIntake(context);
    const attachment = interaction.options.getAttachment('file');
    const link = interaction.options.getString('link')?.trim() ?? null;
    if ((attachment === null) === (link === null || link === '')) throw new UserError('Give exactly one of `file` (attach the document) or `link` (paste its address), not both and not neither.');
    const overrides = overridesFromOptions(interaction);
    await requireLibraryEditor(interaction, context.db, guildId, 'add documents');
    // Downloading and reading a document can take longer than Discord's 3 seconds.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const source: AddSource = attachment === null
      ? { kind: 'link', url: link ?? '' }
      : await downloadAttachment({ url: attachment.url, name: attachment.name, contentType: attachment.contentType, size: attachment.size }, { maxBytes: intake.maxBytes });
    const preview = await intake.prepare({ source, overrides, scope: guildId, addedBy: { id: interaction.user.id, name: memberName(interaction) } });
    const session: AddSession = { kind: 'add', ownerId: interaction.user.id, guildId, preview };
    await interaction.editReply(visible(context.render.addPreview(preview, context.sessions.create(session))));
  },
  async button(interaction, customId, context) {
    const [sessionId] = customId.args;
    const session = readSession(context.sessions, sessionId, 'add');
    requireOwner(session, interaction.user.id);
    const intake = requireIntake(context);
    if (sessionId === undefined) throw new UserError('This button is not recognised. Run /add again.');
    if (session.settled !== undefined) throw new UserError(settledText[session.settled]);
    if (expired(session, context)) return updateInTime(interaction, () => context.render.addExpired());
    if (customId.action === 'edit') {
      // A modal must be the first answer to the click: no deferral before it.
      await interaction.showModal(context.render.addEditModal(session.preview, sessionId));
    } else if (customId.action === 'commit') {
      await settle(context, sessionId, session, 'adding', () => commit(interaction, session, intake, context));
    } else if (customId.action === 'cancel') {
      await settle(context, sessionId, session, 'cancelled', () => updateInTime(interaction, async () => {
        await intake.cancel(session.preview.token);
        return context.render.addCancelled(session.preview.document.title);
      }));
    } else {
      throw new UserError('This button is not recognised. Run /add again.');
    }
  },
  async modal(interaction, customId, context) {
    const [sessionId] = customId.args;
    const session = readSession(context.sessions, sessionId, 'add');
    requireOwner(session, interaction.user.id);
    const intake = requireIntake(context);
    if (customId.action !== 'revise' || sessionId === undefined || !interaction.isFromMessage()) throw new UserError('This form is not recognised. Run /add again.');
    if (session.settled !== undefined) throw new UserError(settledText[session.settled]);
    if (expired(session, context)) return updateInTime(interaction, () => context.render.addExpired());
    const overrides = overridesFrom((field) => interaction.fields.getTextInputValue(field));
    await updateInTime(interaction, async () => {
      const preview = await intake.revise(session.preview.token, overrides);
      context.sessions.set(sessionId, { ...session, preview });
      return context.render.addPreview(preview, sessionId);
    });
  },
} satisfies Command;

const settledText: Record<NonNullable<AddSession['settled']>, string> = {
  adding: 'This document is being added or already is: one click on Add is enough. Run /sources to see it.',
  cancelled: 'This preview was cancelled, so nothing was added. Run /add again to add the document.',
};

/**
 * Marks the preview settled before anything is awaited, so a second click (a double click, or
 * Add and Cancel at once) is refused rather than committing twice. A failure unmarks it, so
 * the person can try again.
 */
async function settle(context: CommandContext, sessionId: string, session: AddSession, settled: NonNullable<AddSession['settled']>, work: () => Promise<void>): Promise<void> {
  context.sessions.set(sessionId, { ...session, settled });
  try {
    await work();
  } catch (error) {
    context.sessions.set(sessionId, session);
    throw error;
  }
}

function expired(session: AddSession, context: CommandContext): boolean {
  return context.now().getTime() > session.preview.expiresAt;
}

async function commit(interaction: ButtonInteraction, session: AddSession, intake: DocumentIntake, context: CommandContext): Promise<void> {
  // The role may have been taken away since the preview.
  await requireLibraryEditor(interaction, context.db, session.guildId, 'add documents');
  await updateInTime(interaction, async () => context.render.added(await intake.commit(session.preview.token), session.preview.passageCount));
}

/** The name the server knows the member by (a nickname first), as the digest will say who added the document. */
function memberName(interaction: ChatInputCommandInteraction): string {
  const { member } = interaction;
  if (member !== null && 'displayName' in member) return member.displayName;
  return member?.nick ?? interaction.user.displayName;
}

function requireIntake(context: CommandContext): DocumentIntake {
  if (context.intake === undefined) throw new UserError('This bot cannot store documents added from Discord. Ask whoever runs it to add the file to the corpus folder instead.');
  return context.intake;
}

function overridesFromOptions(interaction: ChatInputCommandInteraction): MetadataOverrides {
  return overridesFrom((field) => interaction.options.getString(field));
}

/**
 * Only what was filled in: an empty field keeps what the document itself says. A date that
 * is not one is refused here, before anything is downloaded.
 */
function overridesFrom(read: (field: (typeof metadataFields)[number]) => string | null): MetadataOverrides {
  const overrides: MetadataOverrides = {};
  for (const field of metadataFields) {
    const value = read(field)?.trim() ?? '';
    if (value !== '') overrides[field] = value;
  }
  if (overrides.published !== undefined && parseIsoPartialDate(overrides.published) === null) {
    throw new UserError(`“${escapeText(overrides.published)}” is not a publication date. Write it as 2025, 2025-05 or 2025-05-05, as precisely as you know it.`);
  }
  return overrides;
}
