/*
 * `npm run deploy`: registers the slash commands with Discord. Run it after changing a
 * command's name, options or description; the bot itself never registers anything.
 */
import { DiscordAPIError, REST } from 'discord.js';
import { allCommands } from '../../commands/index.js';
import { ConfigError, loadConfig } from '../config.js';
import { environmentWithDotEnv } from '../dot-env.js';
import { deployCommands } from './deploy-commands.js';

try {
  const config = loadConfig(environmentWithDotEnv(process.env));
  if (config.discord === null) {
    throw new ConfigError(['DISCORD_TOKEN and DISCORD_APP_ID: both are needed to register commands. Set them in .env (see .env.example).']);
  }
  const { token, applicationId, guildId, apiBase } = config.discord;
  const rest = new REST({ api: apiBase }).setToken(token);
  const result = await deployCommands({ rest, applicationId, guildId, commands: allCommands });
  const where = result.scope === 'guild' ? `on server ${guildId}` : 'globally (they can take up to an hour to appear everywhere)';
  console.log(`Registered ${result.names.length} commands ${where}: ${result.names.join(', ')}`);
} catch (error) {
  console.error(explain(error));
  process.exitCode = 1;
}

function explain(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  if (error instanceof DiscordAPIError) {
    if (error.status === 401) return 'Discord refused the token (401 Unauthorized). Copy a fresh bot token into DISCORD_TOKEN.';
    if (error.status === 403 || error.status === 404) return `Discord refused the registration (${error.status}: ${error.message}). Check DISCORD_APP_ID, and that the bot was invited to DISCORD_GUILD_ID with the applications.commands scope.`;
    return `Discord refused the registration: ${error.message} (code ${String(error.code)}).`;
  }
  return `Could not register the commands: ${error instanceof Error ? error.message : String(error)}`;
}
