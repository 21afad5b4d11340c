import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

export interface GuardedServerHandlers {
  request(request: IncomingMessage, response: ServerResponse): void | Promise<void>;
  /** WebSocket upgrades; without it an upgrade is refused. */
  upgrade?(request: IncomingMessage, socket: Duplex, head: Buffer): void | Promise<void>;
  /** Hears of every throw that escaped a handler, after the request has been answered or dropped. */
  onEscaped(error: unknown, request: IncomingMessage): void;
}

/**
 * An HTTP server where nothing a client sends can end the process. Node calls `request`
 * and `upgrade` listeners synchronously and an exception there is uncaught; an upgrade
 * socket has no error listener, so a client that resets it is uncaught too. Here every
 * handler runs inside a last-resort catch that answers 500 (or drops the socket), and every
 * socket has an error listener before a handler sees it.
 */
export function createGuardedServer(handlers: GuardedServerHandlers): Server {
  const server = createServer((request, response) => {
    run(() => handlers.request(request, response)).catch((error: unknown) => {
      answerFailure(response);
      report(handlers, error, request);
    });
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A reset socket emits 'error'; its 'close' does the clean-up, so the error needs nothing more.
    socket.on('error', () => undefined);
    const upgrade = handlers.upgrade;
    if (upgrade === undefined) {
      refuseUpgrade(socket, 404, 'No WebSocket here.');
      return;
    }
    run(() => upgrade(request, socket, head)).catch((error: unknown) => {
      socket.destroy();
      report(handlers, error, request);
    });
  });
  // A request line or headers Node cannot parse: answer 400 and close, as Node does, without a throw.
  server.on('clientError', (_error: Error, socket: Duplex) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  return server;
}

/** Writes a plain HTTP error on an upgrade socket and closes it. */
export function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  const reason = statusReasons[status] ?? 'Error';
  const body = `${message}\n`;
  if (socket.writable) {
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  } else {
    socket.destroy();
  }
}

const statusReasons: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  421: 'Misdirected Request',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Runs a handler so that a synchronous throw becomes a rejection like an asynchronous one. */
function run(handler: () => void | Promise<void>): Promise<void> {
  return new Promise<void>((resolve) => resolve(handler()));
}

function answerFailure(response: ServerResponse): void {
  try {
    if (response.headersSent) {
      response.destroy();
      return;
    }
    const body = JSON.stringify({ message: 'The server failed on this request; see its log.' });
    response.writeHead(500, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)) });
    response.end(body);
  } catch {
    response.destroy();
  }
}

function report(handlers: GuardedServerHandlers, error: unknown, request: IncomingMessage): void {
  try {
    handlers.onEscaped(error, request);
  } catch {
    // The report itself failed (a broken logger): the request is answered, and nothing is left to do.
  }
}
