import { afterEach, describe, expect, it } from 'vitest';
import { startBot } from '../../../src/discord/bot.js';
import { GatewayLostError } from '../../../src/discord/gateway-watch.js';
import { startLocalDiscord, type LocalDiscord } from '../../../src/local-discord/index.js';
import { openDatabase } from '../../../src/storage/database.js';
import { logSink } from '../fixtures/log-sink.js';
import { applicationId, botToken, seedServices, startHarness, type Harness } from './harness.js';

const question = 'When was the Central Asia plus Japan Dialogue launched?';

describe('an unreachable gateway', () => {
  let harness: Harness | undefined;
  let server: LocalDiscord | undefined;
  afterEach(async () => {
    await harness?.close();
    await server?.close();
    harness = undefined;
    server = undefined;
  });

  it('is retried with a growing delay, each attempt logged with its reason, and the bot answers once it is back', async () => {
    harness = await startHarness();
    const { server: discord } = harness;
    discord.faults.refuseGateway();
    const fourth = await harness.waitForLog((line) => line.module === 'gateway' && line.attempt === 4);
    // Fixed 0.5 s retries would reach the fourth attempt after 1.5 s; the backoff waits 0.5 s, then 0.75-1 s, then 1.5-2 s.
    expect(fourth.downForMs).toBeGreaterThanOrEqual(2_500);
    expect(fourth.msg).toBe('gateway still unreachable; retrying with backoff');
    expect(String(fourth.reason)).toContain('ECONNRESET');
    const attempts = harness.logs.filter((line) => line.module === 'gateway' && typeof line.attempt === 'number').map((line) => line.attempt);
    expect(attempts).toEqual([1, 2, 3, 4]);

    discord.faults.restoreGateway();
    const back = await harness.waitForLog((line) => line.msg === 'gateway connected again', 15_000);
    expect(back.attempts).toBeGreaterThanOrEqual(4);
    const reply = await discord.driver.slash('/ask', { question }).reply();
    expect(reply.embeds.length).toBeGreaterThan(0);
  });

  it('is given up on after the configured time, with a message naming the reason and the setting', async () => {
    const lost: GatewayLostError[] = [];
    harness = await startHarness({ bot: { gateway: { giveUpAfterMs: 1_500, onLost: (error) => lost.push(error) } } });
    harness.server.faults.refuseGateway();
    await expect.poll(() => lost.length, { timeout: 10_000 }).toBe(1);
    // It retried before giving up; how many attempts fit in 1.5 s depends on how busy the machine is.
    expect(harness.logs.some((line) => line.module === 'gateway' && typeof line.attempt === 'number' && line.attempt >= 2)).toBe(true);
    expect(lost[0]).toBeInstanceOf(GatewayLostError);
    expect(lost[0]?.message).toMatch(/could not be reached for [12] s \(\d+ attempts; last reason: network error: ECONNRESET/);
    expect(lost[0]?.message).toContain('GATEWAY_GIVE_UP_SECONDS');
  });

  it('is given up on at once when Discord closes the session with a code reconnecting cannot fix', async () => {
    const lost: GatewayLostError[] = [];
    harness = await startHarness({ bot: { gateway: { giveUpAfterMs: 60_000, onLost: (error) => lost.push(error) } } });
    // 4004 Authentication failed: a revoked token; retrying would only be refused again.
    harness.server.faults.closeGateway(4004);
    await expect.poll(() => lost.length, { timeout: 5_000 }).toBe(1);
    expect(lost[0]?.message).toMatch(/^Discord closed the gateway with code 4004 \(AuthenticationFailed\).*Check DISCORD_TOKEN/);
  });

  it('makes start-up fail with that message when the gateway is out of reach from the start', async () => {
    server = await startLocalDiscord({ token: botToken, applicationId });
    server.faults.refuseGateway();
    const services = await seedServices();
    const db = await openDatabase(':memory:', logSink().logger);
    try {
      const starting = startBot({
        discord: { token: botToken, applicationId, guildId: null, apiBase: server.apiBase },
        ...services,
        db,
        logger: logSink().logger,
        gateway: { giveUpAfterMs: 1_000 },
      });
      await expect(starting).rejects.toThrow(/The Discord gateway could not be reached for 1 s/);
    } finally {
      await db.close();
    }
  });
});
