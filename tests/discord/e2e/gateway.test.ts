import { Events, GatewayIntentBits, GatewayOpcodes, type APIInteraction } from 'discord.js';
import type { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { allCommands } from '../../../commands/index.js';
import type { Bot } from '../../../src/discord/bot.js';
import { botToken, startHarness, type Harness } from './harness.js';

/**
 * Hands discord.js the same INTERACTION_CREATE again, as a gateway that replays a dispatch
 * would. The local server has no switch for this, so it goes in at discord.js's dispatch event.
 */
function deliverAgain(bot: Bot, payload: APIInteraction): void {
  const gateway = (bot.client.ws as unknown as { _ws: EventEmitter })._ws;
  gateway.emit('dispatch', { shardId: 0, data: { op: GatewayOpcodes.Dispatch, t: 'INTERACTION_CREATE', s: 100_000, d: payload } });
}

describe('the bot on the gateway', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('logs in with the Guilds intent only and sees its server', async () => {
    harness = await startHarness();
    const identify = harness.server.waitFor('gateway-receive', ({ payload }) => payload.op === GatewayOpcodes.Identify);
    const bot = await harness.restartBot();
    const { payload } = await identify;
    expect(payload.op === GatewayOpcodes.Identify ? payload.d.intents : null).toBe(GatewayIntentBits.Guilds);
    expect(bot.client.isReady()).toBe(true);
    expect(bot.client.guilds.cache.map((guild) => guild.name)).toEqual(['Briefing HQ']);
  });

  it('registers every command with one deploy, and nothing at start-up', async () => {
    harness = await startHarness();
    const names = harness.server.state.commands().map((command) => command.name).sort();
    expect(names).toEqual(allCommands.map((command) => command.data.name).sort());
    const registrations = harness.server.state.requests.filter((request) => request.method === 'PUT' && request.path.endsWith('/commands'));
    expect(registrations).toHaveLength(1);
  });

  it('resumes after the gateway closes with 4000 and answers the next /ask', async () => {
    harness = await startHarness();
    const { server, bot } = harness;
    const resumed = new Promise<void>((resolve) => bot.client.once(Events.ShardResume, () => resolve()));
    const resume = server.waitFor('gateway-receive', ({ payload }) => payload.op === GatewayOpcodes.Resume);
    expect(server.faults.closeGateway(4000)).toBe(1);
    await resume;
    await resumed;
    const reply = await server.driver.slash('/ask', { question: 'When was the Central Asia plus Japan Dialogue launched?' }).reply();
    expect(reply.embeds.length).toBeGreaterThan(0);
  });

  it('answers an interaction delivered twice only once', async () => {
    harness = await startHarness();
    const handle = harness.server.driver.slash('/ask', { question: 'Which railway links Uzbekistan and Afghanistan?' });
    await handle.reply();
    deliverAgain(harness.bot, handle.payload);
    await harness.bot.router.idle();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(harness.logs.filter((line) => line.interactionId === handle.id && line.outcome === 'duplicate')).toHaveLength(1);
    expect(handle.messages()).toHaveLength(1);
  });

  it('never writes the token to the logs, even at debug level', async () => {
    harness = await startHarness();
    await harness.server.driver.slash('/help').reply();
    harness.server.faults.closeGateway(4000);
    await harness.server.waitFor('gateway-receive', ({ payload }) => payload.op === GatewayOpcodes.Resume);
    expect(harness.logs.length).toBeGreaterThan(0);
    expect(JSON.stringify(harness.logs)).not.toContain(botToken);
  });
});
