import { connect } from 'node:net';

/** What came back on a raw socket: the status line's code (null when the server only closed), and the whole text. */
export interface RawAnswer {
  status: number | null;
  text: string;
}

/**
 * Writes `request` exactly as given to 127.0.0.1:`port` on a fresh socket and collects the
 * answer until the server closes, `waitMs` passes or 64 KB have come. Never rejects: a reset
 * or refused socket is an answer too (status null). For requests a client library would
 * refuse to send or would tidy up first.
 */
export function rawRequest(port: number, request: string | Buffer, waitMs = 1000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    const finish = (): void => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const code = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
      resolve({ status: code === undefined ? null : Number(code), text });
    };
    const timer = setTimeout(finish, waitMs);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > 64 * 1024) finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
  });
}

/** A WebSocket upgrade request with a valid key, to `target`, with the headers given (Host first, as browsers send it). */
export function upgradeRequest(target: string, headers: Record<string, string>): string {
  const lines = [
    `GET ${target} HTTP/1.1`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    'Connection: Upgrade',
    'Upgrade: websocket',
    'Sec-WebSocket-Version: 13',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
  ];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** A plain HTTP/1.1 request that closes after the answer. */
export function httpRequest(method: string, target: string, headers: Record<string, string>, body = ''): string {
  const lines = [`${method} ${target} HTTP/1.1`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`), 'Connection: close'];
  if (body !== '') lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

/**
 * Collects what escapes to the process while `run` runs: an uncaught exception or an
 * unhandled rejection there would end a real `npm start`.
 */
export async function escapedErrors(run: () => Promise<void>): Promise<unknown[]> {
  const escaped: unknown[] = [];
  const record = (error: unknown): void => void escaped.push(error);
  process.on('uncaughtException', record);
  process.on('unhandledRejection', record);
  try {
    await run();
    // Give a throw scheduled by the last answers its turn.
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    process.off('uncaughtException', record);
    process.off('unhandledRejection', record);
  }
  return escaped;
}
