import { EventEmitter } from 'node:events';
import type { APIApplicationCommand, GatewayReceivePayload, GatewaySendPayload } from 'discord-api-types/v10';
import type { InteractionCallbackRecord, InteractionRecord, MessageRecord, RequestLogEntry } from './types.js';

/** A gateway frame, with the session it belongs to (null before IDENTIFY or RESUME succeeds). */
export interface GatewayFrame<Payload> {
  sessionId: string | null;
  payload: Payload;
}

/** What happened to a gateway connection when it closed, and who closed it. */
export interface GatewayClose {
  sessionId: string | null;
  code: number;
  by: 'client' | 'server';
}

/** The events the local server emits, each with its one argument. */
export interface LocalDiscordEventMap {
  /** A REST request was answered. */
  request: RequestLogEntry;
  /** A message appeared: posted to a channel, an interaction reply, a follow-up, or a deferred "thinking" message. */
  message: MessageRecord;
  'message-update': MessageRecord;
  'message-delete': MessageRecord;
  /** An INTERACTION_CREATE was handed to the gateway. */
  'interaction-create': InteractionRecord;
  /** The bot answered an interaction's callback. */
  'interaction-response': InteractionCallbackRecord;
  /** Commands were registered, changed or deleted in a scope (guildId null: global). */
  commands: { guildId: string | null; commands: APIApplicationCommand[] };
  /** The client sent a gateway payload (HEARTBEAT, IDENTIFY, RESUME, …). */
  'gateway-receive': GatewayFrame<GatewaySendPayload>;
  /** The server sent a gateway payload (HELLO, DISPATCH, HEARTBEAT_ACK, …). */
  'gateway-send': GatewayFrame<GatewayReceivePayload>;
  'gateway-close': GatewayClose;
}

export type LocalDiscordEventName = keyof LocalDiscordEventMap;

export interface WaitForOptions {
  /** Reject after this many milliseconds; 5,000 by default so a broken test fails with a message rather than hanging. */
  timeoutMs?: number;
}

/**
 * A typed emitter. `waitFor` resolves with the next event that matches, which lets a test
 * await what the bot does instead of sleeping.
 */
export class LocalDiscordEvents {
  private readonly emitter = new EventEmitter();
  private readonly pending = new Set<() => void>();

  constructor() {
    // Tests and the sandbox may wait on many things at once; the default of 10 is a leak heuristic, not a limit.
    this.emitter.setMaxListeners(0);
  }

  on<Name extends LocalDiscordEventName>(name: Name, listener: (event: LocalDiscordEventMap[Name]) => void): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }

  emit<Name extends LocalDiscordEventName>(name: Name, event: LocalDiscordEventMap[Name]): void {
    this.emitter.emit(name, event);
  }

  waitFor<Name extends LocalDiscordEventName>(
    name: Name,
    predicate: (event: LocalDiscordEventMap[Name]) => boolean = () => true,
    options: WaitForOptions = {},
  ): Promise<LocalDiscordEventMap[Name]> {
    const timeoutMs = options.timeoutMs ?? 5_000;
    return new Promise((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(timer);
        off();
        this.pending.delete(cancel);
      };
      const off = this.on(name, (event) => {
        if (!predicate(event)) return;
        finish();
        resolve(event);
      });
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`local-discord: no "${name}" event matched within ${timeoutMs} ms`));
      }, timeoutMs);
      const cancel = (): void => {
        finish();
        reject(new Error(`local-discord: the server closed while waiting for "${name}"`));
      };
      this.pending.add(cancel);
    });
  }

  /**
   * Resolves with the first defined result of `check`, trying it now and again after each
   * of the named events. A throw from `check` rejects. This avoids the race of waiting for
   * an event that has already happened.
   */
  waitUntil<Result>(
    check: () => Result | undefined,
    names: readonly LocalDiscordEventName[],
    options: WaitForOptions & { description: string },
  ): Promise<Result> {
    const timeoutMs = options.timeoutMs ?? 5_000;
    return new Promise((resolve, reject) => {
      const offs: (() => void)[] = [];
      const finish = (): void => {
        clearTimeout(timer);
        for (const off of offs) off();
        this.pending.delete(cancel);
      };
      const attempt = (): boolean => {
        try {
          const result = check();
          if (result === undefined) return false;
          finish();
          resolve(result);
        } catch (error) {
          finish();
          reject(error instanceof Error ? error : new Error(String(error)));
        }
        return true;
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`local-discord: ${options.description} (waited ${timeoutMs} ms)`));
      }, timeoutMs);
      const cancel = (): void => {
        finish();
        reject(new Error(`local-discord: the server closed before ${options.description}`));
      };
      this.pending.add(cancel);
      if (attempt()) return;
      for (const name of names) offs.push(this.on(name, () => void attempt()));
    });
  }

  /** Rejects every pending `waitFor` and drops all listeners; called when the server closes. */
  close(): void {
    for (const cancel of [...this.pending]) cancel();
    this.emitter.removeAllListeners();
  }
}
