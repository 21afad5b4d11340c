import { WebSocket } from 'ws';
import type { GatewayReceivePayload } from 'discord-api-types/v10';
import type { GatewaySession } from './gateway-session.js';

/**
 * One WebSocket connection to the gateway. Frames are JSON text: discord.js parses text
 * frames whatever compression it asked for, so `compress=zlib-stream` needs no deflate here.
 */
export class GatewayConnection {
  session: GatewaySession | null = null;
  /** Set when the server closes the connection, to tell a fault from a client's own close. */
  closedByServer = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly onSend: (connection: GatewayConnection, payload: GatewayReceivePayload) => void,
  ) {}

  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  send(payload: GatewayReceivePayload): void {
    if (!this.open) return;
    this.socket.send(JSON.stringify(payload));
    this.onSend(this, payload);
  }

  close(code: number, reason = ''): void {
    if (this.socket.readyState === WebSocket.CLOSED || this.socket.readyState === WebSocket.CLOSING) return;
    this.closedByServer = true;
    this.socket.close(code, reason);
  }

  /** Drops the TCP connection without a close frame, as a network failure would. */
  terminate(): void {
    this.closedByServer = true;
    this.socket.terminate();
  }
}
