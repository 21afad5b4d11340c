import type { IncomingMessage } from 'node:http';
import { SandboxRefusal } from './sandbox-refusal.js';

/**
 * A request's body, refused with 413 and `tooLarge` as soon as it passes `maxBytes`, so a body
 * over the cap is never held in memory whole.
 */
export async function readCappedBody(request: IncomingMessage, maxBytes: number, tooLarge: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) throw new SandboxRefusal(413, tooLarge);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
