import { DiscordAPIError, Events, Routes, type Client, type TextChannel } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest, startPair, stopPair, type Pair } from './harness.js';

function textChannel(client: Client, name: string): TextChannel {
  const channel = client.channels.cache.find((candidate) => 'name' in candidate && candidate.name === name);
  if (!channel?.isTextBased() || !('guild' in channel)) throw new Error(`no text channel ${name}`);
  return channel as TextChannel;
}

async function apiError(promise: Promise<unknown>): Promise<DiscordAPIError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DiscordAPIError) return error;
    throw error;
  }
  throw new Error('expected a DiscordAPIError');
}

describe('posting to channels through discord.js', () => {
  let pair: Pair | undefined;
  afterEach(async () => {
    await stopPair(pair);
    pair = undefined;
  });

  it('retries a message after an injected 429 and delivers it exactly once', async () => {
    pair = await startPair();
    const { discord, client } = pair;
    discord.faults.rateLimit('POST /channels/:channelId/messages', { times: 1, retryAfterMs: 50 });
    const sent = await textChannel(client, 'digest').send('Weekly digest');
    expect(discord.state.messagesIn('digest').map((message) => [message.id, message.content])).toEqual([[sent.id, 'Weekly digest']]);
    const posts = discord.state.requests.filter((request) => request.method === 'POST' && request.route === '/channels/:channelId/messages');
    expect(posts.map((request) => request.status)).toEqual([429, 200]);
    expect(discord.faults.pending).toBe(0);
  });

  it('retries after injected 500s and delivers the message once', async () => {
    pair = await startPair();
    const { discord, client } = pair;
    discord.faults.serverError('POST /channels/:channelId/messages', { times: 2 });
    await textChannel(client, 'general').send('after two failures');
    expect(discord.state.messagesIn('general').map((message) => message.content)).toEqual(['after two failures']);
    expect(discord.state.requests.filter((request) => request.method === 'POST').map((request) => request.status)).toEqual([500, 500, 200]);
  });

  it('paces itself by the rate-limit headers, so a burst never meets a 429', async () => {
    pair = await startPair({ rateLimits: { channelMessages: { limit: 2, windowMs: 200 } } });
    const { discord, client } = pair;
    const channel = textChannel(client, 'general');
    await Promise.all(['one', 'two', 'three'].map((content) => channel.send(content)));
    expect(discord.state.messagesIn('general').map((message) => message.content).sort()).toEqual(['one', 'three', 'two']);
    expect(discord.state.requests.filter((request) => request.method === 'POST').map((request) => request.status)).toEqual([200, 200, 200]);
  });

  it('answers 50001 Missing Access in a channel the bot cannot see, 50013 where it cannot post', async () => {
    pair = await startPair();
    const { client } = pair;
    expect((await apiError(textChannel(client, 'staff').send('hello'))).code).toBe(50001);
    expect((await apiError(textChannel(client, 'announcements').send('hello'))).code).toBe(50013);
  });

  it('answers 10003 Unknown Channel for a channel that does not exist, or when the fault is injected', async () => {
    pair = await startPair();
    const { client, discord } = pair;
    expect((await apiError(client.rest.post(Routes.channelMessages('123456789012345678'), { body: { content: 'x' } }))).code).toBe(10003);
    discord.faults.unknownChannel('POST /channels/:channelId/messages');
    expect((await apiError(textChannel(client, 'digest').send('gone'))).code).toBe(10003);
    expect(discord.state.messagesIn('digest')).toEqual([]);
  });

  it('rejects content over 2,000 characters sent by discord.js with 50035', async () => {
    pair = await startPair();
    const error = await apiError(textChannel(pair.client, 'general').send('x'.repeat(2001)));
    expect(error.code).toBe(50035);
    expect(error.rawError).toMatchObject({ errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } });
  });

  it('stores uploaded files from a multipart reply and serves them back', async () => {
    pair = await startPair();
    const { client, discord } = pair;
    client.on(Events.InteractionCreate, (interaction) => {
      if (interaction.isChatInputCommand()) {
        void interaction.reply({ content: 'calendar attached', files: [{ attachment: Buffer.from('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'), name: 'timeline.ics' }] });
      }
    });
    const reply = await discord.driver.slash('/ask', { question: 'dates' }).reply();
    const [attachment] = reply.attachments;
    expect(attachment?.filename).toBe('timeline.ics');
    const download = await fetch(attachment?.url ?? '');
    expect(await download.text()).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
  });
});

describe('registering commands through discord.js', () => {
  let pair: Pair | undefined;
  afterEach(async () => {
    await stopPair(pair);
    pair = undefined;
  });

  it('bulk-overwrites global and guild commands, keeping ids for commands that stay', async () => {
    pair = await startPair({ commands: [] });
    const { client, discord } = pair;
    const application = client.application;
    if (!application) throw new Error('no application');
    const first = await application.commands.set([
      { name: 'help', description: 'How to use the bot' },
      { name: 'sources', description: 'List the sources' },
    ]);
    const second = await application.commands.set([{ name: 'help', description: 'How to use the bot, again' }]);
    expect(discord.state.commands().map((command) => command.name)).toEqual(['help']);
    expect(second.first()?.id).toBe(first.find((command) => command.name === 'help')?.id);

    const guild = client.guilds.cache.first();
    await guild?.commands.set([{ name: 'ping', description: 'Ping' }]);
    expect(discord.state.commands('Briefing HQ').map((command) => [command.name, command.guild_id])).toEqual([['ping', guild?.id]]);
  });

  it('refuses a command Discord would refuse, listing the problem with 50035', async () => {
    pair = await startPair({ commands: [] });
    const application = pair.client.application;
    if (!application) throw new Error('no application');
    const error = await apiError(application.commands.set([{ name: 'Ask', description: 'Upper case is not allowed' }]));
    expect(error.code).toBe(50035);
    expect(error.rawError).toMatchObject({ errors: { 0: { name: { _errors: [{ code: 'APPLICATION_COMMAND_INVALID_NAME' }] } } } });
  });
});

describe('raw REST answers', () => {
  let pair: Pair | undefined;
  afterEach(async () => {
    await stopPair(pair);
    pair = undefined;
  });

  const channelId = (name: string): string => pair?.discord.state.channel(name).id ?? '';

  it('rejects an embed title over 256 characters with 50035 Invalid Form Body', async () => {
    pair = await startPair();
    const response = await rawRequest(pair.discord, 'POST', `/channels/${channelId('general')}/messages`, {
      embeds: [{ title: 't'.repeat(257), description: 'fine' }],
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 50035,
      message: 'Invalid Form Body',
      errors: { embeds: { 0: { title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 256 or fewer in length.' }] } } } },
    });
    expect(pair.discord.state.messagesIn('general')).toEqual([]);
  });

  it('rejects embeds over 6,000 characters in total, each within its own limits', async () => {
    pair = await startPair();
    const response = await rawRequest(pair.discord, 'POST', `/channels/${channelId('general')}/messages`, {
      embeds: [{ description: 'a'.repeat(4000) }, { description: 'b'.repeat(2001) }],
    });
    expect(response.body).toMatchObject({ code: 50035, errors: { embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED' }] } } });
  });

  it('rejects a sixth button in a row and a 26th embed field', async () => {
    pair = await startPair();
    const button = (index: number) => ({ type: 2, style: 1, label: `b${index}`, custom_id: `b${index}` });
    const response = await rawRequest(pair.discord, 'POST', `/channels/${channelId('general')}/messages`, {
      embeds: [{ title: 'fields', fields: Array.from({ length: 26 }, (_, index) => ({ name: `f${index}`, value: 'v' })) }],
      components: [{ type: 1, components: Array.from({ length: 6 }, (_, index) => button(index)) }],
    });
    expect(response.body).toMatchObject({
      code: 50035,
      errors: {
        embeds: { 0: { fields: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } },
        components: { 0: { components: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] } } },
      },
    });
  });

  it('rejects an empty message with 50006', async () => {
    pair = await startPair();
    const response = await rawRequest(pair.discord, 'POST', `/channels/${channelId('general')}/messages`, { content: '' });
    expect(response.body).toMatchObject({ code: 50006 });
  });

  it('requires the bot token on bot routes', async () => {
    pair = await startPair();
    const response = await rawRequest(pair.discord, 'GET', '/users/@me', undefined, false);
    expect(response.status).toBe(401);
  });

  it('sends rate-limit headers and a 429 with retry_after once a bucket is used up', async () => {
    pair = await startPair({ rateLimits: { channelMessages: { limit: 1, windowMs: 60_000 } } });
    const path = `/channels/${channelId('general')}/messages`;
    const first = await rawRequest(pair.discord, 'POST', path, { content: 'one' });
    expect(first.headers.get('x-ratelimit-limit')).toBe('1');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(first.headers.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]{32}$/);
    const second = await rawRequest(pair.discord, 'POST', path, { content: 'two' });
    expect(second.status).toBe(429);
    expect(second.body).toMatchObject({ global: false });
    expect(Number(second.body?.retry_after)).toBeGreaterThan(0);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('counts a mention as a ping only where allowed_mentions allows it, and @everyone only with Mention Everyone', async () => {
    pair = await startPair();
    const bob = pair.discord.state.user('bob').id;
    const path = `/channels/${channelId('general')}/messages`;
    const silent = await rawRequest(pair.discord, 'POST', path, { content: `<@${bob}> @everyone`, allowed_mentions: { parse: [] } });
    const loud = await rawRequest(pair.discord, 'POST', path, { content: `<@${bob}> @everyone` });
    expect(silent.body).toMatchObject({ mentions: [], mention_everyone: false });
    // The bot's role lacks Mention Everyone, so even without allowed_mentions @everyone stays silent.
    expect(loud.body).toMatchObject({ mentions: [{ id: bob }], mention_everyone: false });
  });
});
