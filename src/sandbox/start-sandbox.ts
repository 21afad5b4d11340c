import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApplicationCommandPermissionType } from 'discord-api-types/v10';
import { REST } from 'discord.js';
import { allCommands } from '../../commands/index.js';
import type { Config, DiscordConfig } from '../config.js';
import { deployCommands } from '../discord/deploy-commands.js';
import { UserError } from '../errors.js';
import { startLocalDiscord, type LocalDiscord } from '../local-discord/index.js';
import type { Logger } from '../logger.js';
import { startBriefingBot, type RunningBot } from '../start-briefing-bot.js';
import type { ActionResult } from './bridge-protocol.js';
import { startBridgeServer, type BridgeServer } from './bridge-server.js';
import { createSandboxBackend, type SandboxBackend } from './sandbox-backend.js';
import { sandboxGuild } from './sandbox-seed.js';
import { restoreSession, writeSessionOnChange, type SessionWriter } from './session-file.js';

/** A running sandbox: the local Discord server, the bot connected to it, and the page. */
export interface Sandbox {
  /** The page's address, with `?token=` when a secret is needed. */
  url: string;
  /** Whether other machines can reach the page (SANDBOX_HOST), and the addresses they open. */
  access: BridgeServer['access'];
  discord: LocalDiscord;
  bot: RunningBot['bot'];
  backend: SandboxBackend;
  /** Stops the page, the bot, then the local server; saves the session first when it is kept in a file. */
  close(): Promise<void>;
}

export interface StartSandboxOptions {
  config: Config;
  logger: Logger;
  /** The built page; `web/dist` of this package by default. */
  webRoot?: string;
  /** Overrides `config.sandbox.port`; 0 picks a free port (tests). */
  port?: number;
}

/**
 * Starts the sandbox `npm start` runs without a token: the local Discord server on
 * 127.0.0.1, the commands registered with the deploy function as `npm run deploy` would,
 * the unchanged bot logged in through `DISCORD_API_BASE`, and the page's bridge server.
 */
export async function startSandbox(options: StartSandboxOptions): Promise<Sandbox> {
  const { config, logger } = options;
  const log = logger.child({ module: 'sandbox' });
  const stateFile = config.sandbox.stateFile;
  const stopOnFailure: (() => Promise<void>)[] = [];
  try {
    // The local server always listens on loopback: only the page may be opened to other machines.
    const discord = await startLocalDiscord({
      host: '127.0.0.1',
      token: `sandbox.${randomBytes(24).toString('base64url')}`,
      applicationName: 'Briefing Bot',
      guilds: [sandboxGuild],
    });
    stopOnFailure.push(() => discord.close());
    const guildId = discord.state.defaultGuild.id;
    const restoredInvocations = stateFile === null ? new Map() : await restoreSession(stateFile, discord);

    const discordConfig: DiscordConfig = { token: discord.token, applicationId: discord.applicationId, guildId, apiBase: discord.apiBase };
    const deployed = await deployCommands({
      rest: new REST({ api: discordConfig.apiBase }).setToken(discordConfig.token),
      applicationId: discordConfig.applicationId,
      guildId,
      commands: allCommands,
    });
    log.info({ commands: deployed.names }, 'commands registered on the sandbox server');
    letMembersSeeDigest(discord, guildId);

    const databaseFile = stateFile === null ? ':memory:' : stateFile.replace(/\.json$/i, '.db');
    const running = await startBriefingBot({ config, discord: discordConfig, database: databaseFile, logger });
    const { bot } = running;
    stopOnFailure.push(() => running.stop());

    const backend = createSandboxBackend({
      discord,
      restoredInvocations,
      runDigest: async (targetGuildId, confirmed) => runDigestNow(bot, targetGuildId, confirmed),
    });
    let writer: SessionWriter | null = null;
    if (stateFile !== null) {
      writer = writeSessionOnChange({
        file: stateFile,
        discord,
        messages: () => backend.session().channels.flatMap((channel) => backend.messages(channel.id) ?? []),
        logger,
      });
      const sessionWriter = writer;
      stopOnFailure.push(() => sessionWriter.close());
    }

    const webRoot = options.webRoot ?? path.join(packageRoot(), 'web', 'dist');
    const bridge = await listenWithFallback(
      options.port ?? config.sandbox.port,
      (port) => startBridgeServer({ backend, webRoot, host: config.sandbox.host, port, secret: config.sandbox.secret, logger }),
      (port) => log.warn({ port }, 'the sandbox port is taken; using a free one'),
    );

    let closing: Promise<void> | null = null;
    return {
      url: bridge.url,
      access: bridge.access,
      discord,
      bot,
      backend,
      close() {
        closing ??= (async () => {
          await bridge.close();
          await writer?.close();
          await running.stop();
          await discord.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    for (const stop of stopOnFailure.reverse()) await stop().catch(() => undefined);
    throw error;
  }
}

/**
 * Does what a server admin does in Server Settings → Integrations to let every member use
 * /digest status and preview. /digest is declared for Manage Server, so without this Bob
 * would not see it at all; with it, he sees it and the bot's own check refuses him
 * /digest setup, which is the refusal the sandbox shows.
 */
function letMembersSeeDigest(discord: LocalDiscord, guildId: string): void {
  const digest = discord.state.commands(guildId).find((command) => command.name === 'digest');
  if (digest !== undefined) discord.state.setCommandPermissions(guildId, digest.id, [{ id: guildId, type: ApplicationCommandPermissionType.Role, permission: true }]);
}

/**
 * "Run digest now": the bot's own scheduler composes the server's digest and posts it
 * through the protocol. After `/digest off` it asks first: the person turned it off, and a
 * post in the channel is not taken back.
 */
async function runDigestNow(bot: RunningBot['bot'], guildId: string, confirmed: boolean): Promise<ActionResult> {
  const status = await bot.scheduler.status(guildId);
  if (status.configured && !status.enabled && !confirmed) {
    return { ok: false, error: 'The digest is off for this server (/digest off). Post one now anyway?', confirm: 'Post the digest' };
  }
  try {
    const slot = await bot.scheduler.runNow(guildId);
    if (slot === null) return { ok: false, error: 'Another run of the digest is posting right now. Try again in a few seconds.' };
    if (slot.state === 'posted') return { ok: true };
    const reason = (slot.reason ?? '').replace(/\.$/, '');
    if (slot.state === 'skipped') return { ok: false, error: `Nothing was posted: ${reason || 'nothing falls in the digest window'}. A longer window (/digest setup … window:) takes in more dates.` };
    return { ok: false, error: `The digest was not posted (${slot.state}): ${reason || 'see the sandbox log'}. /digest status shows the details.` };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, error: error.message };
    throw error;
  }
}

/** A taken port falls back to a free one, so a second sandbox or another program never stops `npm start`. */
async function listenWithFallback(port: number, start: (port: number) => Promise<BridgeServer>, onFallback: (port: number) => void): Promise<BridgeServer> {
  try {
    return await start(port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error;
    onFallback(port);
    return start(0);
  }
}

/** The folder of this package's package.json, from src/sandbox or dist/src/sandbox alike. */
function packageRoot(): string {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(folder, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'briefing-bot') return folder;
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error('briefing-bot: cannot find the package folder (package.json) above the sandbox code');
    folder = parent;
  }
}
