import type { IncomingMessage } from 'node:http';
import { messageLimits } from '../local-discord/message-validation.js';
import type { SandboxUpload } from './bridge-protocol.js';
import type { SandboxBackend } from './sandbox-backend.js';
import { readCappedBody } from './request-body.js';
import { SandboxRefusal } from './sandbox-refusal.js';

/** What Discord takes per file in a server without boosts; the sandbox takes no more. */
const maxUploadBytes = messageLimits.attachmentBytes;

const tooLarge = `This file is over ${maxUploadBytes / 1024 / 1024} MB, Discord's limit for a file in a server without boosts: attach a smaller one.`;

/**
 * `POST /api/uploads?userId=…`: a file for an attachment option, held until the command that
 * attaches it is sent. The bytes come as `application/octet-stream` (a type no other site's
 * form can send without the page's own script, and which the Origin check already limits to
 * the page), the name percent-encoded in `X-File-Name` and the type in `X-File-Type`. The size
 * is checked from Content-Length before anything is read, and again while reading, so a
 * body over the cap is never held in memory.
 */
export async function receiveUpload(backend: SandboxBackend, query: URLSearchParams, request: IncomingMessage): Promise<SandboxUpload> {
  if (request.headers['content-type'] !== 'application/octet-stream') throw new SandboxRefusal(415, 'Send the file as application/octet-stream.');
  const userId = query.get('userId') ?? '';
  if (!/^\d{1,20}$/.test(userId)) throw new SandboxRefusal(400, 'userId: must be a snowflake id');
  const filename = decodedHeader(request.headers['x-file-name']);
  if (filename === null || filename.trim() === '') throw new SandboxRefusal(400, 'X-File-Name: give the file\'s name, percent-encoded.');
  const type = decodedHeader(request.headers['x-file-type']);
  const contentType = type === null || type === '' ? null : type;
  if (contentType !== null && !/^[\w.+-]+\/[\w.+-]+$/.test(contentType)) throw new SandboxRefusal(400, 'X-File-Type: a media type such as application/pdf, or nothing.');
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (declared > maxUploadBytes) throw new SandboxRefusal(413, tooLarge);

  const data = await readCappedBody(request, maxUploadBytes, tooLarge);
  if (data.length === 0) throw new SandboxRefusal(400, 'The file is empty: attach one with something in it.');
  const held = backend.upload(userId, { data, filename, contentType });
  if ('error' in held) throw new SandboxRefusal(422, held.error);
  return held;
}

function decodedHeader(value: string | string[] | undefined): string | null {
  if (typeof value !== 'string') return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
