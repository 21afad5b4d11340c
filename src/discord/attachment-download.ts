import { UserError } from '../errors.js';
import { megabytes, seconds } from '../extract/messages.js';
import type { AddSource } from '../library/intake-types.js';

/** What an attachment option carries: enough to fetch it and to refuse it before fetching. */
export interface AttachmentReference {
  url: string;
  name: string;
  contentType: string | null;
  /** As Discord reports it, in bytes. */
  size: number;
}

export interface DownloadLimits {
  /** The library's size cap on one document (the intake's `maxBytes`, from ADD_MAX_BYTES). */
  maxBytes: number;
  timeoutMs?: number;
}

/** How long Discord may take to hand over an attachment's bytes. */
const downloadTimeoutMs = 20_000;

/**
 * Fetches an attached file's bytes as soon as `/add` runs: Discord's attachment links expire,
 * so a preview confirmed minutes later must not depend on one. Bounded in bytes (Discord's
 * stated size is checked first, the bytes as they arrive) and in time.
 */
export async function downloadAttachment(attachment: AttachmentReference, { maxBytes, timeoutMs = downloadTimeoutMs }: DownloadLimits): Promise<Extract<AddSource, { kind: 'file' }>> {
  const limits = { maxBytes, timeoutMs };
  const label = `"${attachment.name}"`;
  if (attachment.size > limits.maxBytes) throw tooLarge(label, attachment.size, limits.maxBytes);
  let response: Response;
  try {
    response = await fetch(attachment.url, { signal: AbortSignal.timeout(limits.timeoutMs) });
  } catch (error) {
    throw unreachable(label, error, limits);
  }
  if (response.status === 403 || response.status === 404 || response.status === 410) {
    await response.body?.cancel();
    throw new UserError(`${label} could no longer be downloaded: Discord's link to it has expired or the file was deleted. Attach the file again and run /add again.`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new UserError(`Discord did not hand over ${label} (HTTP ${response.status}). Try /add again in a minute.`);
  }
  const bytes = await readCapped(response, label, limits);
  return { kind: 'file', bytes, fileName: attachment.name, contentType: attachment.contentType };
}

async function readCapped(response: Response, label: string, limits: Required<DownloadLimits>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    // Leaving the loop early cancels the rest of the body.
    for await (const chunk of response.body ?? []) {
      total += chunk.length;
      if (total > limits.maxBytes) break;
      chunks.push(chunk);
    }
  } catch (error) {
    throw unreachable(label, error, limits);
  }
  if (total > limits.maxBytes) throw tooLarge(label, total, limits.maxBytes);
  return Buffer.concat(chunks, total);
}

function tooLarge(label: string, bytes: number, maxBytes: number): UserError {
  return new UserError(`${label} is ${megabytes(bytes)}, over the ${megabytes(maxBytes)} limit for documents. Add a smaller file or split it.`);
}

/** The network's own words mean nothing to the person adding a file; whether it timed out does. */
function unreachable(label: string, error: unknown, limits: Required<DownloadLimits>): UserError {
  const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
  return new UserError(
    timedOut
      ? `Downloading ${label} from Discord took longer than ${seconds(limits.timeoutMs)}, so it was stopped. Try /add again in a minute.`
      : `${label} could not be downloaded from Discord: the connection failed. Try /add again in a minute.`,
  );
}
