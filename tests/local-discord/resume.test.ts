import { Events, GatewayOpcodes } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startLocalDiscord, type LocalDiscord } from '../../src/local-discord/index.js';
import { connectRawGateway, startPair, stopPair, type Pair } from './harness.js';

function answerEveryAsk(pair: Pair): void {
  pair.client.on(Events.InteractionCreate, async (interaction) => {
    if (interaction.isChatInputCommand()) await interaction.reply(`answer to ${interaction.options.getString('question', true)}`);
  });
}

describe('resuming after the gateway drops', () => {
  let pair: Pair | undefined;
  afterEach(async () => {
    await stopPair(pair);
    pair = undefined;
  });

  it('resumes after a 4000 close, replays the interaction sent while disconnected, and keeps answering', async () => {
    pair = await startPair();
    const { discord, client } = pair;
    answerEveryAsk(pair);
    const received: number[] = [];
    discord.events.on('gateway-receive', ({ payload }) => received.push(payload.op));
    const resumed = new Promise<number>((resolve) => client.once(Events.ShardResume, (_id, replayed) => resolve(replayed)));

    const closed = discord.waitFor('gateway-close');
    expect(discord.faults.closeGateway(4000)).toBe(1);
    expect(await closed).toMatchObject({ code: 4000, by: 'server' });
    // Sent while no connection is open: it waits in the session and must be replayed on RESUME.
    const missed = discord.driver.slash('/ask', { question: 'sent while away' });

    expect((await missed.reply()).content).toBe('answer to sent while away');
    expect(await resumed).toBeGreaterThanOrEqual(1);
    expect(received).toContain(GatewayOpcodes.Resume);
    expect(received).not.toContain(GatewayOpcodes.Identify);
    const after = discord.driver.slash('/ask', { question: 'after the resume' });
    expect((await after.reply()).content).toBe('answer to after the resume');
  });

  it('resumes when heartbeat ACKs stop arriving, as discord.js treats the connection as a zombie', async () => {
    pair = await startPair({ timings: { heartbeatIntervalMs: 100 } });
    const { discord } = pair;
    answerEveryAsk(pair);
    const resume = discord.waitFor('gateway-receive', ({ payload }) => payload.op === GatewayOpcodes.Resume);
    discord.faults.dropHeartbeatAcks(1);
    const close = await discord.waitFor('gateway-close');
    expect(close.by).toBe('client');
    await resume;
    const handle = discord.driver.slash('/ask', { question: 'still there?' });
    expect((await handle.reply()).content).toBe('answer to still there?');
  });

  it('resumes after op 7 RECONNECT without identifying again', async () => {
    pair = await startPair();
    const { discord } = pair;
    answerEveryAsk(pair);
    const identifies: unknown[] = [];
    discord.events.on('gateway-receive', ({ payload }) => {
      if (payload.op === GatewayOpcodes.Identify) identifies.push(payload);
    });
    const resumedSent = discord.waitFor('gateway-send', ({ payload }) => payload.t === 'RESUMED');
    expect(discord.faults.requestReconnect()).toBe(1);
    await resumedSent;
    expect(identifies).toHaveLength(0);
  });
});

describe('RESUME, seen from a bare WebSocket', () => {
  let discord: LocalDiscord | undefined;
  afterEach(async () => {
    await discord?.close();
    discord = undefined;
  });

  async function identified(server: LocalDiscord) {
    const gateway = await connectRawGateway(server.gatewayUrl);
    gateway.send({ op: 2, d: { token: server.token, intents: 1, properties: {} } });
    const ready = await gateway.next((payload) => payload.t === 'READY');
    await gateway.next((payload) => payload.t === 'GUILD_CREATE');
    return { gateway, sessionId: (ready.d as { session_id: string }).session_id };
  }

  it('replays exactly the dispatches after the given sequence, in order, then sends RESUMED', async () => {
    discord = await startLocalDiscord({ commands: [{ name: 'ping', description: 'Ping' }] });
    const { gateway, sessionId } = await identified(discord);
    gateway.socket.close(4999);
    await gateway.closed;
    discord.driver.slash('/ping');
    discord.driver.slash('/ping');

    const again = await connectRawGateway(discord.gatewayUrl);
    again.send({ op: 6, d: { token: discord.token, session_id: sessionId, seq: 2 } });
    const first = await again.next((payload) => payload.op === 0);
    const second = await again.next((payload) => payload.op === 0);
    const resumed = await again.next((payload) => payload.op === 0);
    expect([first.t, first.s, second.t, second.s]).toEqual(['INTERACTION_CREATE', 3, 'INTERACTION_CREATE', 4]);
    expect([resumed.t, resumed.s]).toEqual(['RESUMED', 5]);
    again.socket.close(1000);
  });

  it('answers INVALID_SESSION (not resumable) for a session the client closed with 1000', async () => {
    discord = await startLocalDiscord();
    const { gateway, sessionId } = await identified(discord);
    gateway.socket.close(1000);
    await gateway.closed;
    const again = await connectRawGateway(discord.gatewayUrl);
    again.send({ op: 6, d: { token: discord.token, session_id: sessionId, seq: 2 } });
    expect(await again.next((payload) => payload.op === 9)).toMatchObject({ op: 9, d: false });
    again.socket.close(1000);
  });

  it('lets a client resume on the same connection after a resumable INVALID_SESSION, and not after a final one', async () => {
    discord = await startLocalDiscord();
    const { gateway, sessionId } = await identified(discord);
    expect(discord.faults.invalidateSession(true)).toBe(1);
    expect(await gateway.next((payload) => payload.op === 9)).toMatchObject({ d: true });
    gateway.send({ op: 6, d: { token: discord.token, session_id: sessionId, seq: 2 } });
    expect(await gateway.next((payload) => payload.t === 'RESUMED')).toMatchObject({ op: 0, s: 3 });

    discord.faults.invalidateSession(false);
    expect(await gateway.next((payload) => payload.op === 9)).toMatchObject({ d: false });
    gateway.send({ op: 6, d: { token: discord.token, session_id: sessionId, seq: 3 } });
    expect(await gateway.next((payload) => payload.op === 9)).toMatchObject({ d: false });
    gateway.socket.close(1000);
  });

  it('follows RESUMED at once with a final INVALID_SESSION when that fault is set, once', async () => {
    discord = await startLocalDiscord();
    const { gateway, sessionId } = await identified(discord);
    discord.faults.invalidateSessionAfterResume();
    gateway.socket.close(4999);
    await gateway.closed;

    const again = await connectRawGateway(discord.gatewayUrl);
    again.send({ op: 6, d: { token: discord.token, session_id: sessionId, seq: 2 } });
    expect(await again.next((payload) => payload.op === 0)).toMatchObject({ t: 'RESUMED' });
    expect(await again.next((payload) => payload.op === 9)).toMatchObject({ d: false });
    expect(discord.liveSessionCount).toBe(0);

    // The fault fired once: a fresh session resumes normally.
    again.send({ op: 2, d: { token: discord.token, intents: 1, properties: {} } });
    const ready = await again.next((payload) => payload.t === 'READY');
    again.socket.close(4999);
    await again.closed;
    const third = await connectRawGateway(discord.gatewayUrl);
    third.send({ op: 6, d: { token: discord.token, session_id: (ready.d as { session_id: string }).session_id, seq: ready.s } });
    expect(await third.next((payload) => payload.op === 0 && payload.t === 'RESUMED')).toMatchObject({ t: 'RESUMED' });
    third.socket.close(1000);
  });

  it('accepts compress=zlib-stream and answers in JSON text frames, which discord.js parses either way', async () => {
    discord = await startLocalDiscord();
    const gateway = await connectRawGateway(`${discord.gatewayUrl}?v=10&encoding=json&compress=zlib-stream`);
    expect(await gateway.next()).toMatchObject({ op: 10 });
    gateway.socket.close(1000);
  });
});
