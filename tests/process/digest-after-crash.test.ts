import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSchedule } from '../../src/digest/schedule.js';
import { saveDigestSettings } from '../../src/digest/settings-store.js';
import { getSlot, releaseSlot, slotKeyOf } from '../../src/digest/slot-store.js';
import { createLogger } from '../../src/logger.js';
import { startLocalDiscord, type LocalDiscord } from '../../src/local-discord/index.js';
import { openDatabase } from '../../src/storage/database.js';
import { recordDocumentsSeen } from '../../src/storage/documents-seen-store.js';
import { botWorkingFolder, startNodeProcess, type NodeProcess } from './bot-process.js';

const token = 'process.bot-token.secret';
const applicationId = '1357924680135792468';
const quiet = createLogger({ level: 'silent', pretty: false });

describe('a digest across a crash', () => {
  let discord: LocalDiscord | undefined;
  const bots: NodeProcess[] = [];
  afterEach(async () => {
    for (const bot of bots.splice(0)) {
      bot.kill('SIGKILL');
      await bot.exited;
    }
    await discord?.close();
    discord = undefined;
  });

  it('is posted once when the process dies after Discord accepted the post and before it was recorded', async () => {
    discord = await startLocalDiscord({ token, applicationId });
    const folder = botWorkingFolder();
    const databaseFile = path.join(folder.dataDir, 'briefing.db');
    const guildId = discord.state.guild().id;
    // A daily slot five minutes ago, in settings saved half an hour ago: due at start-up, within the grace period.
    const slotAt = new Date(Math.floor((Date.now() - 5 * 60_000) / 60_000) * 60_000);
    const db = await openDatabase(databaseFile, quiet);
    await saveDigestSettings(
      db,
      { guildId, channelId: discord.state.channel('digest').id, schedule: parseSchedule(`daily ${slotAt.toISOString().slice(11, 16)}`), timeZone: 'UTC', windowDays: 7, enabled: true },
      new Date(Date.now() - 30 * 60_000),
    );
    // The document arrived between the settings and the slot, so the digest has something to say.
    await recordDocumentsSeen(db, ['dialogue'], new Date(slotAt.getTime() - 10 * 60_000));
    await db.close();
    const env = { DISCORD_TOKEN: token, DISCORD_APP_ID: applicationId, DISCORD_API_BASE: discord.apiBase, CORPUS_DIR: folder.corpusDir, DATA_DIR: folder.dataDir };

    // Discord takes the post, but its answer never arrives; the process is killed while it waits.
    discord.faults.acceptWithoutAnswer('POST /channels/:channelId/messages');
    const first = startNodeProcess('src/main.ts', { cwd: folder.cwd, env });
    bots.push(first);
    await discord.waitForMessage('digest', (message) => message.content.startsWith('**Digest**'), { timeoutMs: 20_000 });
    first.kill('SIGKILL');
    expect(await first.exited).toMatchObject({ signal: 'SIGKILL' });

    // The claim is still open; its 10-minute lease is made to run out now rather than waited for.
    const afterCrash = await openDatabase(databaseFile, quiet);
    const key = slotKeyOf(guildId, 'scheduled', 'UTC', slotAt);
    const claimed = await getSlot(afterCrash, key);
    expect(claimed).toMatchObject({ state: 'claimed' });
    expect(await releaseSlot(afterCrash, key, claimed?.claimedBy ?? '', new Date())).toBe(true);
    await afterCrash.close();

    const second = startNodeProcess('src/main.ts', { cwd: folder.cwd, env });
    bots.push(second);
    const outcome = await second.waitForLine((line) => line.msg === 'digest posted' || String(line.msg).startsWith('digest found in the channel'), 20_000);
    expect(outcome.msg).toBe('digest found in the channel from an earlier attempt; recorded as posted, not posted again');
    second.kill('SIGTERM');
    expect(await second.exited).toMatchObject({ code: 0 });

    const digests = discord.state.messagesIn('digest').filter((message) => message.content.startsWith('**Digest**'));
    expect(digests).toHaveLength(1);
    expect(discord.state.requests.filter((request) => request.method === 'POST' && request.route === '/channels/:channelId/messages')).toHaveLength(1);
    const recorded = await openDatabase(databaseFile, quiet);
    expect(await getSlot(recorded, key)).toMatchObject({ state: 'posted' });
    await recorded.close();
  }, 60_000);
});
