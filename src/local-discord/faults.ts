import { missingAccess, missingPermissions, unknownChannel, type DiscordHttpError } from './errors.js';

/** A wrong answer the server gives in place of the real one. */
export type HttpFault =
  | { kind: 'rate-limit'; retryAfterMs: number; global: boolean }
  | { kind: 'server-error'; status: number }
  | { kind: 'discord-error'; error: DiscordHttpError }
  /** The request takes effect (a message is created), but its answer never reaches the client. */
  | { kind: 'no-answer' };

/** The gateway operations fault injection needs; the gateway server provides them. */
export interface GatewayFaultTarget {
  /** Closes every open connection with this code; the sessions stay resumable unless the code ends them. */
  closeConnections(code: number, reason?: string): number;
  /** Leaves out the next `count` HEARTBEAT_ACKs, so discord.js sees a zombie connection and resumes. */
  dropHeartbeatAcks(count: number): void;
  /** Sends op 9 INVALID_SESSION with `d: resumable` on every open connection. */
  invalidateSessions(resumable: boolean): number;
  /**
   * After each of the next `count` RESUMEs, sends op 9 INVALID_SESSION (not resumable) in the
   * same tick as RESUMED, as Discord can when a session ends just as it is resumed.
   */
  invalidateSessionsAfterResume(count: number): void;
  /**
   * While true, drops every open connection without a close frame and resets each new one
   * during its upgrade, as an unreachable gateway does; sessions stay resumable.
   */
  refuseConnections(refuse: boolean): void;
  /** Sends op 7 RECONNECT on every open connection. */
  requestReconnect(): number;
}

interface FaultRule {
  method: string | null;
  segments: string[];
  remaining: number;
  fault: HttpFault;
}

export interface FaultTimes {
  /** How many matching requests get the fault; 1 by default. */
  times?: number;
}

/**
 * Injects faults. HTTP faults are keyed by a route pattern such as
 * `'POST /channels/:channelId/messages'` (any `:name` segment matches anything, a real id
 * matches only itself, and the method may be left out); each answers the next `times`
 * matching requests, then the route behaves normally again.
 */
export class FaultInjector {
  private rules: FaultRule[] = [];

  constructor(private readonly gateway: GatewayFaultTarget) {}

  inject(pattern: string, fault: HttpFault, options: FaultTimes = {}): void {
    const [first = '', second] = pattern.trim().split(/\s+/);
    const method = second === undefined ? null : first.toUpperCase();
    const path = second ?? first;
    this.rules.push({ method, segments: splitPath(path), remaining: options.times ?? 1, fault });
  }

  /** A 429 with `Retry-After`, `retry_after` and bucket headers; discord.js waits and retries. */
  rateLimit(pattern: string, options: FaultTimes & { retryAfterMs?: number; global?: boolean } = {}): void {
    this.inject(pattern, { kind: 'rate-limit', retryAfterMs: options.retryAfterMs ?? 50, global: options.global ?? false }, options);
  }

  /** A 5xx with an empty body; discord.js retries up to its `retries` option (3) and then throws. */
  serverError(pattern: string, options: FaultTimes & { status?: number } = {}): void {
    this.inject(pattern, { kind: 'server-error', status: options.status ?? 500 }, options);
  }

  unknownChannel(pattern: string, options: FaultTimes = {}): void {
    this.inject(pattern, { kind: 'discord-error', error: unknownChannel() }, options);
  }

  missingAccess(pattern: string, options: FaultTimes = {}): void {
    this.inject(pattern, { kind: 'discord-error', error: missingAccess() }, options);
  }

  missingPermissions(pattern: string, options: FaultTimes = {}): void {
    this.inject(pattern, { kind: 'discord-error', error: missingPermissions() }, options);
  }

  /**
   * Carries the request out but never answers it, as when the connection drops on the way
   * back: the client cannot tell whether Discord accepted it. The answer is held until the
   * client gives up (discord.js: 15 s, then it retries) or the server closes.
   */
  acceptWithoutAnswer(pattern: string, options: FaultTimes = {}): void {
    this.inject(pattern, { kind: 'no-answer' }, options);
  }

  /** Takes the fault for this request, if one is waiting, and counts it down. */
  take(method: string, path: string): HttpFault | null {
    const segments = splitPath(path);
    const rule = this.rules.find((candidate) => candidate.remaining > 0 && matches(candidate, method, segments));
    if (!rule) return null;
    rule.remaining -= 1;
    this.rules = this.rules.filter((candidate) => candidate.remaining > 0);
    return rule.fault;
  }

  /** Faults still waiting to fire, for a test that wants to check all were used. */
  get pending(): number {
    return this.rules.reduce((sum, rule) => sum + rule.remaining, 0);
  }

  clear(): void {
    this.rules = [];
  }

  /** Closes the bot's gateway connections with `code` (4000 by default: discord.js resumes). */
  closeGateway(code = 4000): number {
    return this.gateway.closeConnections(code, 'Injected fault');
  }

  dropHeartbeatAcks(count = 1): void {
    this.gateway.dropHeartbeatAcks(count);
  }

  invalidateSession(resumable = false): number {
    return this.gateway.invalidateSessions(resumable);
  }

  /** The next `times` RESUMEs get RESUMED and, at once, a final op 9 INVALID_SESSION. */
  invalidateSessionAfterResume(options: FaultTimes = {}): void {
    this.gateway.invalidateSessionsAfterResume(options.times ?? 1);
  }

  requestReconnect(): number {
    return this.gateway.requestReconnect();
  }

  /** Takes the gateway down: open connections drop and new ones are reset (ECONNRESET) until `restoreGateway`. */
  refuseGateway(): void {
    this.gateway.refuseConnections(true);
  }

  restoreGateway(): void {
    this.gateway.refuseConnections(false);
  }
}

function splitPath(path: string): string[] {
  return path.split('?')[0]?.split('/').filter((segment) => segment !== '') ?? [];
}

function matches(rule: FaultRule, method: string, segments: string[]): boolean {
  if (rule.method !== null && rule.method !== method) return false;
  if (rule.segments.length !== segments.length) return false;
  return rule.segments.every((segment, index) => segment.startsWith(':') || segment === segments[index]);
}
