import type { IncomingMessage } from 'node:http';
import { guildOfEvent, shardOfGuild } from '../shards.js';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import {
  type ApplicationFlags,
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  type GatewayIdentifyData,
  type GatewayReadyDispatchData,
  type GatewayResumeData,
  type GatewaySendPayload,
} from 'discord-api-types/v10';
import { refuseUpgrade } from '../../http/guarded-server.js';
import type { RequestTarget } from '../../http/request-target.js';
import type { GatewayDispatcher, LocalDiscordCore } from '../core.js';
import type { GatewayFaultTarget } from '../faults.js';
import { isRecord } from '../form-errors.js';
import { guildCreatePayload } from '../payloads.js';
import { GatewayConnection } from './gateway-connection.js';
import { GatewaySession, toPayload } from './gateway-session.js';

const privilegedIntents = GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;
const knownIntents = Object.values(GatewayIntentBits)
  .filter((value): value is number => typeof value === 'number')
  .reduce((all, bit) => all | bit, 0);
/** Opcodes a client may send once identified; the server accepts and otherwise ignores them. */
const acceptedOpcodes = new Set<number>([
  GatewayOpcodes.PresenceUpdate,
  GatewayOpcodes.VoiceStateUpdate,
  GatewayOpcodes.RequestGuildMembers,
  GatewayOpcodes.RequestSoundboardSounds,
]);

export interface GatewayServerOptions {
  /** Privileged intents the application is allowed (as a bitfield); others close with 4014. */
  allowedPrivilegedIntents: number;
  /** `ws://127.0.0.1:PORT/gateway`, known once the HTTP server listens. */
  gatewayUrl(): string;
  /** How many shards the bot must identify with; each gets the events of its own guilds. */
  shardCount: number;
}

/**
 * Gateway v10 over WebSocket with JSON frames: HELLO, IDENTIFY → READY and GUILD_CREATE,
 * HEARTBEAT → HEARTBEAT_ACK, RESUME with replay of missed dispatches, INVALID_SESSION,
 * and Discord's close codes, plus the faults tests inject.
 */
export class GatewayServer implements GatewayDispatcher, GatewayFaultTarget {
  private readonly webSockets = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, GatewaySession>();
  private readonly connections = new Set<GatewayConnection>();
  private acksToDrop = 0;
  private invalidationsAfterResume = 0;
  private refusing = false;

  constructor(
    private readonly core: LocalDiscordCore,
    private readonly options: GatewayServerOptions,
  ) {}

  /**
   * Takes an HTTP upgrade on `/gateway`, its target already read safely by the HTTP server;
   * refuses encodings other than JSON, which is all this server speaks.
   */
  handleUpgrade(request: IncomingMessage, url: RequestTarget, socket: Duplex, head: Buffer): void {
    if (this.refusing) {
      socket.destroy();
      return;
    }
    const encoding = url.searchParams.get('encoding') ?? 'json';
    if (!/^\/gateway\/?$/.test(url.pathname) || encoding !== 'json') {
      refuseUpgrade(socket, 400, 'local-discord: only /gateway with encoding=json is served');
      return;
    }
    const version = url.searchParams.get('v') ?? '10';
    this.webSockets.handleUpgrade(request, socket, head, (webSocket) => this.accept(webSocket, version));
  }

  private accept(webSocket: WebSocket, version: string): void {
    const connection = new GatewayConnection(webSocket, (sender, payload) =>
      this.core.events.emit('gateway-send', { sessionId: sender.session?.id ?? null, payload }),
    );
    this.connections.add(connection);
    webSocket.on('message', (data: RawData) => this.receive(connection, data));
    webSocket.on('close', (code: number) => this.closed(connection, code));
    // A reset socket also emits close; the error itself needs no handling.
    webSocket.on('error', () => undefined);
    connection.send({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.core.timings.heartbeatIntervalMs }, s: null, t: null });
    if (version !== '10') connection.close(GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version');
  }

  private receive(connection: GatewayConnection, data: RawData): void {
    let payload: unknown;
    try {
      payload = JSON.parse(rawText(data));
    } catch {
      connection.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    if (!isRecord(payload) || typeof payload.op !== 'number') {
      connection.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    this.core.events.emit('gateway-receive', { sessionId: connection.session?.id ?? null, payload: payload as unknown as GatewaySendPayload });
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        if (this.acksToDrop > 0) this.acksToDrop -= 1;
        else connection.send({ op: GatewayOpcodes.HeartbeatAck, d: undefined, s: null, t: null });
        return;
      case GatewayOpcodes.Identify:
        this.identify(connection, payload.d);
        return;
      case GatewayOpcodes.Resume:
        this.resume(connection, payload.d);
        return;
      default:
        if (!acceptedOpcodes.has(payload.op)) connection.close(GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
        else if (!connection.session) connection.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
    }
  }

  private identify(connection: GatewayConnection, data: unknown): void {
    if (connection.session) {
      connection.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
      return;
    }
    const identify = (isRecord(data) ? data : {}) as Partial<GatewayIdentifyData>;
    if (identify.token !== this.core.token) {
      connection.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    const intents = identify.intents;
    if (typeof intents !== 'number' || (intents & ~knownIntents) !== 0) {
      connection.close(GatewayCloseCodes.InvalidIntents, 'Invalid intent(s).');
      return;
    }
    if ((intents & privilegedIntents & ~this.options.allowedPrivilegedIntents) !== 0) {
      connection.close(GatewayCloseCodes.DisallowedIntents, 'Disallowed intent(s).');
      return;
    }
    const shard = identify.shard ?? [0, 1];
    const { shardCount } = this.options;
    if (shard[1] !== shardCount || shard[0] < 0 || shard[0] >= shard[1]) {
      // As Discord: too few shards for the guilds is 4011, any other wrong pair 4010.
      if (shard[1] < shardCount && shard[0] >= 0 && shard[0] < shard[1]) connection.close(GatewayCloseCodes.ShardingRequired, 'Sharding required.');
      else connection.close(GatewayCloseCodes.InvalidShard, 'Invalid shard.');
      return;
    }
    const { state } = this.core;
    const session = new GatewaySession(intents, [shard[0], shard[1]]);
    this.sessions.set(session.id, session);
    connection.session = session;
    session.connection = connection;
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: state.botUser,
      guilds: [...state.guilds.keys()].filter((id) => shardOfGuild(id, shardCount) === shard[0]).map((id) => ({ id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.options.gatewayUrl(),
      shard: session.shard,
      application: { id: state.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
    };
    session.dispatch(GatewayDispatchEvents.Ready, ready);
    if ((intents & GatewayIntentBits.Guilds) === 0) return;
    const allMembers = (intents & GatewayIntentBits.GuildMembers) !== 0;
    for (const guild of state.guilds.values()) {
      if (shardOfGuild(guild.id, shardCount) !== shard[0]) continue;
      session.dispatch(GatewayDispatchEvents.GuildCreate, guildCreatePayload(state, guild, allMembers));
    }
  }

  private resume(connection: GatewayConnection, data: unknown): void {
    if (connection.session) {
      connection.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
      return;
    }
    const resume = (isRecord(data) ? data : {}) as Partial<GatewayResumeData>;
    if (resume.token !== this.core.token) {
      connection.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    const session = typeof resume.session_id === 'string' ? this.sessions.get(resume.session_id) : undefined;
    const missed = session && !session.ended && typeof resume.seq === 'number' ? session.dispatchesAfter(resume.seq) : null;
    if (!session || !missed) {
      connection.send({ op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
      return;
    }
    // Discord drops the old connection of a session that is resumed elsewhere.
    if (session.connection && session.connection !== connection) {
      const previous = session.connection;
      previous.session = null;
      previous.close(GatewayCloseCodes.UnknownError, 'Session resumed on another connection.');
    }
    connection.session = session;
    session.connection = connection;
    for (const dispatch of missed) connection.send(toPayload(dispatch));
    session.dispatch(GatewayDispatchEvents.Resumed, {});
    if (this.invalidationsAfterResume > 0) {
      this.invalidationsAfterResume -= 1;
      this.invalidate(connection, false);
    }
  }

  private closed(connection: GatewayConnection, code: number): void {
    this.connections.delete(connection);
    const session = connection.session;
    this.core.events.emit('gateway-close', { sessionId: session?.id ?? null, code, by: connection.closedByServer ? 'server' : 'client' });
    if (!session || session.connection !== connection) return;
    session.connection = null;
    // A client that closes normally ends its session; any other close leaves it resumable.
    if (!connection.closedByServer && (code === 1000 || code === 1001)) this.endSession(session);
  }

  private endSession(session: GatewaySession): void {
    session.ended = true;
    this.sessions.delete(session.id);
  }

  /** Sends an event to every session that should see it: of its guild's shard (shard 0 outside guilds), with the intent. */
  dispatch(type: GatewayDispatchEvents, data: unknown, intent?: number): number {
    const guildId = guildOfEvent(data);
    const shard = guildId === null ? 0 : shardOfGuild(guildId, this.options.shardCount);
    let count = 0;
    for (const session of this.sessions.values()) {
      if (session.ended || session.shard[0] !== shard || (intent !== undefined && (session.intents & intent) === 0)) continue;
      session.dispatch(type, data);
      count += 1;
    }
    return count;
  }

  /** Sessions that can still receive dispatches: connected, or dropped but resumable. */
  get liveSessionCount(): number {
    return [...this.sessions.values()].filter((session) => !session.ended).length;
  }

  /** Sessions with an open connection right now. */
  get connectedSessionCount(): number {
    return [...this.sessions.values()].filter((session) => session.connection?.open === true).length;
  }

  closeConnections(code: number, reason = ''): number {
    const open = [...this.connections];
    for (const connection of open) connection.close(code, reason);
    return open.length;
  }

  dropHeartbeatAcks(count: number): void {
    this.acksToDrop += count;
  }

  invalidateSessions(resumable: boolean): number {
    let count = 0;
    for (const connection of this.connections) {
      if (this.invalidate(connection, resumable)) count += 1;
    }
    return count;
  }

  invalidateSessionsAfterResume(count: number): void {
    this.invalidationsAfterResume += count;
  }

  /** Sends op 9 on an authenticated connection; false when it has no session. */
  private invalidate(connection: GatewayConnection, resumable: boolean): boolean {
    const session = connection.session;
    if (!session) return false;
    // Either way the connection is no longer authenticated: the client RESUMEs on it or starts over.
    connection.session = null;
    session.connection = null;
    if (!resumable) this.endSession(session);
    connection.send({ op: GatewayOpcodes.InvalidSession, d: resumable, s: null, t: null });
    return true;
  }

  refuseConnections(refuse: boolean): void {
    this.refusing = refuse;
    if (!refuse) return;
    for (const connection of this.connections) connection.terminate();
  }

  requestReconnect(): number {
    let count = 0;
    for (const connection of this.connections) {
      connection.send({ op: GatewayOpcodes.Reconnect, d: undefined, s: null, t: null });
      count += 1;
    }
    return count;
  }

  /** Drops every connection and session; called when the server closes. */
  close(): void {
    for (const connection of this.connections) connection.terminate();
    this.connections.clear();
    this.sessions.clear();
    this.webSockets.close();
  }
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
