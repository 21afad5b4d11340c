import { afterEach, describe, expect, it } from 'vitest';
import { startLocalDiscord, type LocalDiscord } from '../../src/local-discord/index.js';
import { botWorkingFolder, startNodeProcess, type NodeProcess } from './bot-process.js';

const token = 'process.bot-token.secret';
const applicationId = '1357924680135792468';

describe('the bot process when the gateway stays out of reach', () => {
  let discord: LocalDiscord | undefined;
  let bot: NodeProcess | undefined;
  afterEach(async () => {
    bot?.kill('SIGKILL');
    await bot?.exited;
    await discord?.close();
    bot = undefined;
    discord = undefined;
  });

  it('exits with code 1 and a fatal log line naming the reason once GATEWAY_GIVE_UP_SECONDS have passed', async () => {
    discord = await startLocalDiscord({ token, applicationId });
    const folder = botWorkingFolder();
    bot = startNodeProcess('src/main.ts', {
      cwd: folder.cwd,
      env: { DISCORD_TOKEN: token, DISCORD_APP_ID: applicationId, DISCORD_API_BASE: discord.apiBase, CORPUS_DIR: folder.corpusDir, DATA_DIR: folder.dataDir, GATEWAY_GIVE_UP_SECONDS: '2' },
    });
    await bot.waitForLine((line) => line.msg === 'bot started');
    // The supervisor's health check passes while the bot is connected.
    const check = startNodeProcess('src/health-check.ts', { cwd: folder.cwd, env: { DATA_DIR: folder.dataDir } });
    expect(await check.exited).toEqual({ code: 0, signal: null });
    discord.faults.refuseGateway();

    expect(await bot.exited).toEqual({ code: 1, signal: null });
    const fatal = bot.lines.find((line) => line.level === 60);
    expect(fatal?.msg).toBe('the Discord gateway is lost; exiting for the supervisor to restart the bot');
    expect(fatal?.err).toMatchObject({ type: 'GatewayLostError' });
    expect(String((fatal?.err as { message?: unknown } | undefined)?.message)).toMatch(/could not be reached for 2 s .*ECONNRESET.*GATEWAY_GIVE_UP_SECONDS/);
    // The schedules were stopped and the connection closed before the exit.
    expect(bot.lines.some((line) => line.msg === 'bot stopped')).toBe(true);
    expect(JSON.stringify(bot.lines)).not.toContain(token);
    const after = startNodeProcess('src/health-check.ts', { cwd: folder.cwd, env: { DATA_DIR: folder.dataDir } });
    expect(await after.exited).toEqual({ code: 1, signal: null });
    expect(after.lines.map((line) => line.text)).toEqual(['briefing-bot is not healthy: the bot is not connected to the Discord gateway (reconnecting, or stopping)']);
  }, 60_000);
});
