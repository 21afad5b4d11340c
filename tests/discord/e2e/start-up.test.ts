import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REST } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { allCommands } from '../../../commands/index.js';
import { loadConfig } from '../../../src/config.js';
import { deployCommands } from '../../../src/discord/deploy-commands.js';
import { startLocalDiscord, type LocalDiscord } from '../../../src/local-discord/index.js';
import { startBriefingBot, type RunningBot } from '../../../src/start-briefing-bot.js';
import { logSink } from '../fixtures/log-sink.js';
import { applicationId, botToken } from './harness.js';

let server: LocalDiscord | undefined;
let running: RunningBot | undefined;

afterEach(async () => {
  await running?.stop();
  await server?.close();
  running = undefined;
  server = undefined;
});

/** Starts the bot the way `npm start` does, on a corpus folder with these files, against a local Discord. */
async function startWith(files: Record<string, string>) {
  const root = await mkdtemp(path.join(os.tmpdir(), 'start-up-'));
  const corpusDir = path.join(root, 'corpus');
  await mkdir(corpusDir);
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(corpusDir, name), text);
  server = await startLocalDiscord({ token: botToken, applicationId });
  await deployCommands({ rest: new REST({ api: server.apiBase }).setToken(botToken), applicationId, guildId: null, commands: allCommands });
  const config = loadConfig({ CORPUS_DIR: corpusDir, DATA_DIR: path.join(root, 'data') });
  const sink = logSink();
  running = await startBriefingBot({ config, discord: { token: botToken, applicationId, guildId: null, apiBase: server.apiBase }, database: ':memory:', logger: sink.logger });
  return { sink, running };
}

describe('starting the bot', () => {
  it('warns that the corpus is empty, and still starts', async () => {
    const { sink } = await startWith({});
    expect(sink.lines).toContainEqual(expect.objectContaining({ level: 40, module: 'corpus', msg: expect.stringMatching(/^the corpus has no documents/) }));
  });

  it('starts on a corpus whose ids are properties of Object.prototype, with each one indexed', async () => {
    const ids = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];
    const { running: bot } = await startWith(Object.fromEntries(ids.map((id) => [`${id}.md`, `Memo ${id}\n\nThe memo ${id} was signed in Termez in 2024.\n`])));
    expect(await bot.db.ping()).toBeGreaterThanOrEqual(0);
    expect(await server?.driver.slash('/search', { terms: 'Termez memo' }).reply().then((reply) => reply.embeds[0]?.footer?.text)).toMatch(/4 matches/);
  });
});
