import { ChannelType, Client, Events, GatewayIntentBits, GatewayOpcodes, PermissionFlagsBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startLocalDiscord, type LocalDiscord } from '../../src/local-discord/index.js';
import { connectRawGateway, loginClient, startPair, stopPair, type Pair } from './harness.js';

describe('logging in with the real discord.js client', () => {
  let pair: Pair | undefined;
  afterEach(async () => {
    await stopPair(pair);
    pair = undefined;
  });

  it('becomes ready with the seeded guild, its channels, roles and the bot member cached', async () => {
    pair = await startPair();
    const { client, discord } = pair;
    expect(client.user?.id).toBe(discord.applicationId);
    expect(client.application?.id).toBe(discord.applicationId);
    const guild = client.guilds.cache.first();
    expect(guild?.name).toBe('Briefing HQ');
    expect(guild?.channels.cache.map((channel) => channel.name).sort()).toEqual(['announcements', 'digest', 'general', 'staff']);
    expect(guild?.channels.cache.every((channel) => channel.type === ChannelType.GuildText)).toBe(true);
    expect(guild?.roles.cache.map((role) => role.name)).toContain('Admin');
    expect(guild?.members.me?.id).toBe(discord.applicationId);
  });

  it('lets discord.js work out where the bot may post from the GUILD_CREATE data', async () => {
    pair = await startPair();
    const guild = pair.client.guilds.cache.first();
    const me = guild?.members.me;
    if (!guild || !me) throw new Error('guild not cached');
    const permissionsIn = (name: string) => guild.channels.cache.find((channel) => channel.name === name)?.permissionsFor(me);
    expect(permissionsIn('general')?.has(PermissionFlagsBits.SendMessages)).toBe(true);
    expect(permissionsIn('announcements')?.has(PermissionFlagsBits.ViewChannel)).toBe(true);
    expect(permissionsIn('announcements')?.has(PermissionFlagsBits.SendMessages)).toBe(false);
    expect(permissionsIn('staff')?.has(PermissionFlagsBits.ViewChannel)).toBe(false);
  });

  it('identifies with the Guilds intent only and gets HELLO, READY, then GUILD_CREATE', async () => {
    const discord = await startLocalDiscord();
    const sent: string[] = [];
    let identifiedIntents: number | undefined;
    discord.events.on('gateway-receive', ({ payload }) => {
      if (payload.op === GatewayOpcodes.Identify) identifiedIntents = payload.d.intents;
    });
    discord.events.on('gateway-send', ({ payload }) => sent.push(payload.t ?? `op ${payload.op}`));
    pair = { discord, client: await loginClient(discord) };
    expect(identifiedIntents).toBe(GatewayIntentBits.Guilds);
    expect(sent.slice(0, 3)).toEqual([`op ${GatewayOpcodes.Hello}`, 'READY', 'GUILD_CREATE']);
  });
});

describe('dispatches by intent', () => {
  let clients: Client[] = [];
  let discord: LocalDiscord | undefined;
  afterEach(async () => {
    for (const client of clients) await client.destroy();
    await discord?.close();
    clients = [];
    discord = undefined;
  });

  it('sends MESSAGE_CREATE only to a session that asked for the GuildMessages intent', async () => {
    discord = await startLocalDiscord();
    const guildsOnly = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiBase } });
    const withMessages = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages], rest: { api: discord.apiBase } });
    clients = [guildsOnly, withMessages];
    await Promise.all(clients.map((client) => client.login(discord?.token)));
    const created = new Promise<string>((resolve) => withMessages.once(Events.MessageCreate, (message) => resolve(message.author.username)));
    const dispatched: string[] = [];
    discord.events.on('gateway-send', ({ sessionId, payload }) => {
      if (payload.t === 'MESSAGE_CREATE' && sessionId !== null) dispatched.push(sessionId);
    });
    discord.driver.say('hello there', { user: 'bob' });
    expect(await created).toBe('bob');
    expect(dispatched).toHaveLength(1);
  });
});

describe('the gateway handshake, seen from a bare WebSocket', () => {
  let discord: LocalDiscord | undefined;
  afterEach(async () => {
    await discord?.close();
    discord = undefined;
  });

  it('sends HELLO with the heartbeat interval, then READY and GUILD_CREATE in sequence after IDENTIFY', async () => {
    discord = await startLocalDiscord({ timings: { heartbeatIntervalMs: 1234 } });
    const gateway = await connectRawGateway(`${discord.gatewayUrl}?v=10&encoding=json`);
    const hello = await gateway.next();
    expect(hello).toMatchObject({ op: 10, d: { heartbeat_interval: 1234 } });
    gateway.send({ op: 2, d: { token: discord.token, intents: 1, properties: { os: 'linux', browser: 'test', device: 'test' } } });
    const ready = await gateway.next((payload) => payload.t === 'READY');
    expect(ready.s).toBe(1);
    expect(ready.d).toMatchObject({ v: 10, user: { id: discord.applicationId, bot: true }, resume_gateway_url: discord.gatewayUrl });
    const guildCreate = await gateway.next((payload) => payload.t === 'GUILD_CREATE');
    expect(guildCreate.s).toBe(2);
    expect(guildCreate.d).toMatchObject({ name: 'Briefing HQ', unavailable: false });
    gateway.send({ op: 1, d: 2 });
    expect(await gateway.next((payload) => payload.op === 11)).toMatchObject({ op: 11 });
    gateway.socket.close(1000);
  });

  it('closes with 4004 when IDENTIFY carries the wrong token', async () => {
    discord = await startLocalDiscord();
    const gateway = await connectRawGateway(discord.gatewayUrl);
    gateway.send({ op: 2, d: { token: 'not-the-token', intents: 1, properties: {} } });
    expect(await gateway.closed).toBe(4004);
  });

  it('closes with 4014 when the bot asks for a privileged intent it was not granted', async () => {
    discord = await startLocalDiscord();
    const gateway = await connectRawGateway(discord.gatewayUrl);
    gateway.send({ op: 2, d: { token: discord.token, intents: 1 | (1 << 15), properties: {} } });
    expect(await gateway.closed).toBe(4014);
  });

  it('closes with 4012 for a gateway version other than 10', async () => {
    discord = await startLocalDiscord();
    const gateway = await connectRawGateway(`${discord.gatewayUrl}?v=9&encoding=json`);
    expect(await gateway.closed).toBe(4012);
  });

  it('closes with 4001 for an unknown opcode and 4002 for a frame that is not JSON', async () => {
    discord = await startLocalDiscord();
    const unknown = await connectRawGateway(discord.gatewayUrl);
    unknown.send({ op: 99, d: null });
    expect(await unknown.closed).toBe(4001);
    const garbled = await connectRawGateway(discord.gatewayUrl);
    garbled.socket.send('{not json');
    expect(await garbled.closed).toBe(4002);
  });
});
