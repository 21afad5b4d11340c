import type { AppDatabase } from './database.js';

/**
 * The role a server names with `/library role`: its members may add and remove documents,
 * as members with Manage Server always may. Null when the server has named none.
 */
export async function getLibraryEditorRole(db: AppDatabase, guildId: string): Promise<string | null> {
  const row = await db.kysely.selectFrom('library_settings').select('editor_role_id').where('guild_id', '=', guildId).executeTakeFirst();
  return row?.editor_role_id ?? null;
}

/** Names the role (or, with null, clears it) in one statement, so two admins at once leave one of their choices. */
export async function setLibraryEditorRole(db: AppDatabase, guildId: string, roleId: string | null, now: Date): Promise<void> {
  await db.kysely
    .insertInto('library_settings')
    .values({ guild_id: guildId, editor_role_id: roleId, updated_at: now.getTime() })
    .onConflict((conflict) =>
      conflict.column('guild_id').doUpdateSet((excluded) => ({
        editor_role_id: excluded.ref('excluded.editor_role_id'),
        updated_at: excluded.ref('excluded.updated_at'),
      })),
    )
    .execute();
}
