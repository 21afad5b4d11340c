import { type ButtonInteraction, type ChatInputCommandInteraction, type ModalSubmitInteraction } from 'discord.js';
import { UserError } from '../errors.js';
import { hasManageServer } from './permissions.js';
import type { SourceDocument } from '../corpus/types.js';
import type { AppDatabase } from '../storage/database.js';
import { getLibraryEditorRole } from '../storage/library-settings-store.js';

/** What decides whether a member may change a server's library. */
export interface MemberStanding {
  manageServer: boolean;
  roleIds: readonly string[];
}

/**
 * Members with Manage Server may add and remove documents; so may members of the role the
 * server named with `/library role`. Pure, so the rule is tested on its own.
 */
export function mayEditLibrary(member: MemberStanding, editorRoleId: string | null): boolean {
  return member.manageServer || (editorRoleId !== null && member.roleIds.includes(editorRoleId));
}

type MemberInteraction = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

/** The member's permissions and roles as the interaction carries them (a cached GuildMember or the raw API member). */
function standingOf(interaction: MemberInteraction): MemberStanding {
  const roles = interaction.member?.roles;
  const roleIds = roles === undefined ? [] : Array.isArray(roles) ? roles : [...roles.cache.keys()];
  return { manageServer: hasManageServer(interaction), roleIds };
}

/**
 * Checked when the command runs and again on its buttons: Discord hides /add and /remove from
 * members without Manage Server by default, but a server may show them to anyone.
 */
export async function requireLibraryEditor(interaction: MemberInteraction, db: AppDatabase, guildId: string, action: string): Promise<void> {
  const editorRoleId = await getLibraryEditorRole(db, guildId);
  if (mayEditLibrary(standingOf(interaction), editorRoleId)) return;
  const who = editorRoleId === null ? 'the Manage Server permission' : 'the Manage Server permission or the role named with /library role';
  throw new UserError(`You need ${who} to ${action}. Ask a server admin to do it, or to name your role with /library role.`);
}

/** What `/remove` offers in a server: documents added with /add or the command line that this server sees. */
export function removableDocuments(documents: readonly SourceDocument[], guildId: string): SourceDocument[] {
  return documents.filter((document) => document.addition !== null && (document.scope === null || document.scope === guildId));
}
