import { Client, Events, GatewayIntentBits } from 'discord.js';
import { WebSocket } from 'ws';
import { startLocalDiscord, type LocalDiscord, type LocalDiscordOptions } from '../../src/local-discord/index.js';

/** A local Discord and a real discord.js client logged in to it. */
export interface Pair {
  discord: LocalDiscord;
  client: Client;
}

/** The commands most tests register: a slash command with a subcommand group's worth of shapes, and a message command. */
export const testCommands = [
  {
    name: 'ask',
    description: 'Answer a question from the sources',
    options: [
      { type: 3, name: 'question', description: 'What you want to know', required: true, max_length: 300 },
      { type: 3, name: 'source', description: 'Limit to one source', autocomplete: true },
      { type: 5, name: 'public', description: 'Show the answer to everyone' },
    ],
  },
  {
    name: 'digest',
    description: 'The digest',
    options: [
      { type: 1, name: 'status', description: 'Show the schedule' },
      {
        type: 1,
        name: 'setup',
        description: 'Set the digest up',
        options: [
          { type: 7, name: 'channel', description: 'Where to post', required: true, channel_types: [0] },
          { type: 3, name: 'schedule', description: 'A cron expression', required: true },
        ],
      },
    ],
  },
  { name: 'admin-only', description: 'Needs Manage Server', default_member_permissions: '32' },
  { type: 3, name: 'Find sources' },
];

export async function startPair(options: LocalDiscordOptions = {}): Promise<Pair> {
  const discord = await startLocalDiscord({ commands: testCommands, ...options });
  return { discord, client: await loginClient(discord) };
}

/** Logs a discord.js client in to a running local Discord and waits until it is ready. */
export async function loginClient(discord: LocalDiscord): Promise<Client> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiBase } });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(discord.token);
  await ready;
  return client;
}

export async function stopPair(pair: Pair | undefined): Promise<void> {
  if (!pair) return;
  await pair.client.destroy();
  await pair.discord.close();
}

/** A bare gateway connection, to check the protocol where discord.js would hide it. */
export interface RawGateway {
  socket: WebSocket;
  send(payload: unknown): void;
  /** The next frame that matches, already received or still to come. */
  next(predicate?: (payload: RawPayload) => boolean): Promise<RawPayload>;
  /** The close code, once the server closes the connection. */
  closed: Promise<number>;
}

export interface RawPayload {
  op: number;
  t?: string | null;
  s?: number | null;
  d?: unknown;
}

export async function connectRawGateway(url: string): Promise<RawGateway> {
  const socket = new WebSocket(url);
  const received: RawPayload[] = [];
  const waiters: { predicate: (payload: RawPayload) => boolean; resolve: (payload: RawPayload) => void }[] = [];
  socket.on('message', (data: Buffer) => {
    const payload = JSON.parse(data.toString('utf8')) as RawPayload;
    const waiter = waiters.find((candidate) => candidate.predicate(payload));
    if (waiter) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(payload);
    } else {
      received.push(payload);
    }
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code: number) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    closed,
    send: (payload) => socket.send(JSON.stringify(payload)),
    next: (predicate = () => true) => {
      const index = received.findIndex(predicate);
      if (index >= 0) return Promise.resolve(received.splice(index, 1)[0] as RawPayload);
      return new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
  };
}

/** A REST call the way a careless client would make it, to see the server's raw answer. */
export async function rawRequest(
  discord: LocalDiscord,
  method: string,
  path: string,
  body?: unknown,
  auth = true,
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> | null }> {
  const response = await fetch(`${discord.apiBase}/v10${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: `Bot ${discord.token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? null : (JSON.parse(text) as Record<string, unknown>) };
}
