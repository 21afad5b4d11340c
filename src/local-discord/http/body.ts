import type { IncomingMessage } from 'node:http';
import { malformedBody } from '../errors.js';
import type { AttachmentUpload } from '../types.js';

/** A request body as discord.js sends it: JSON, or multipart with `payload_json` and `files[n]`. */
export interface ParsedBody {
  body: unknown;
  files: AttachmentUpload[];
}

/** Discord refuses bodies over its upload limit; this keeps a runaway test from filling memory. */
const maxBodyBytes = 25 * 1024 * 1024;

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > maxBodyBytes) throw malformedBody();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Parses JSON and multipart bodies. Multipart goes through the platform's own
 * `Request.formData()` (undici), the same parser family discord.js builds its forms with.
 */
export async function parseBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  if (raw.length === 0) return { body: undefined, files: [] };
  const type = (contentType ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) return parseMultipart(raw, contentType ?? '');
  try {
    return { body: JSON.parse(raw.toString('utf8')) as unknown, files: [] };
  } catch {
    throw malformedBody();
  }
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
  let form: FormData;
  try {
    form = await new Request('http://local-discord/upload', { method: 'POST', headers: { 'content-type': contentType }, body: raw }).formData();
  } catch {
    throw malformedBody();
  }
  let body: unknown;
  const files: AttachmentUpload[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field !== 'payload_json') continue;
      try {
        body = JSON.parse(value) as unknown;
      } catch {
        throw malformedBody();
      }
    } else {
      files.push({
        field,
        filename: value.name,
        contentType: value.type === '' ? 'application/octet-stream' : value.type,
        data: Buffer.from(await value.arrayBuffer()),
      });
    }
  }
  return { body, files };
}
