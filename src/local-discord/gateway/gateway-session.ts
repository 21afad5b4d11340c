import { randomBytes } from 'node:crypto';
import { GatewayOpcodes, type GatewayDispatchPayload } from 'discord-api-types/v10';
import type { GatewayConnection } from './gateway-connection.js';

/** How many dispatches a session keeps for RESUME; Discord's own buffer is similarly bounded. */
const historyLimit = 1_000;

/** A dispatch as sent: event name, sequence number and data. */
export interface SequencedDispatch {
  t: string;
  s: number;
  d: unknown;
}

/**
 * One gateway session: it outlives a dropped connection, counts sequence numbers and keeps
 * recent dispatches, so that a client that RESUMEs gets exactly the ones it missed.
 */
export class GatewaySession {
  readonly id = randomBytes(16).toString('hex');
  sequence = 0;
  connection: GatewayConnection | null = null;
  /** A session ends when the client closes with 1000/1001 or it is invalidated; it cannot be resumed then. */
  ended = false;
  private readonly history: SequencedDispatch[] = [];

  constructor(
    readonly intents: number,
    readonly shard: [number, number],
  ) {}

  dispatch(type: string, data: unknown): SequencedDispatch {
    this.sequence += 1;
    const dispatch: SequencedDispatch = { t: type, s: this.sequence, d: data };
    this.history.push(dispatch);
    if (this.history.length > historyLimit) this.history.shift();
    this.connection?.send(toPayload(dispatch));
    return dispatch;
  }

  /** The dispatches after `sequence`, or null when some of them have already left the history. */
  dispatchesAfter(sequence: number): SequencedDispatch[] | null {
    if (sequence > this.sequence) return null;
    const missed = this.history.filter((dispatch) => dispatch.s > sequence);
    const first = missed[0];
    if (missed.length < this.sequence - sequence || (first !== undefined && first.s !== sequence + 1)) return null;
    return missed;
  }
}

export function toPayload(dispatch: SequencedDispatch): GatewayDispatchPayload {
  return { op: GatewayOpcodes.Dispatch, t: dispatch.t, s: dispatch.s, d: dispatch.d } as GatewayDispatchPayload;
}
