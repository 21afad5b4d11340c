import type { APIAttachment } from 'discord-api-types/v10';
import type { LocalDiscordCore } from '../core.js';
import { pngSize } from '../image-size.js';
import { messageLimits } from '../message-validation.js';
import { DriverError } from './driver-error.js';

/** A file a user attaches to a command's attachment option: its bytes, its name, and its type when known. */
export interface FileInput {
  data: Uint8Array;
  filename: string;
  /** A media type such as `application/pdf`; left out, the attachment has no `content_type`, as on Discord. */
  contentType?: string;
}

/** A file uploaded ahead of the command that uses it (the sandbox page uploads on pick); named by `id` in the options. */
export interface PendingUpload {
  id: string;
  filename: string;
  size: number;
  contentType: string | null;
}

interface HeldUpload extends PendingUpload {
  userId: string;
  data: Buffer;
}

/**
 * Uploads not yet sent with a command, bounded in count and bytes: the oldest goes once more
 * are held, as a client drops a file it was never sent.
 */
const maxPendingUploads = 20;
const maxPendingBytes = 50 * 1024 * 1024;

/**
 * Files users attach to command options. Discord's client uploads the file, then sends the
 * interaction with the attachment's id as the option's value and the attachment itself in
 * `data.resolved.attachments`, its URL signed to expire (see cdn.ts).
 */
export class OptionAttachments {
  private readonly pending = new Map<string, HeldUpload>();
  private pendingBytes = 0;
  /** Ids of stored option attachments in the order they expire (all live equally long), for dropping the expired ones. */
  private readonly stored: { id: string; expiresAt: number }[] = [];

  constructor(private readonly core: LocalDiscordCore) {}

  /** Holds a user's file for a later command; refused when Discord's client would refuse it. */
  upload(file: FileInput, userId: string, checked = true): PendingUpload {
    const data = Buffer.from(file.data);
    checkFile(file.filename, data.length, checked);
    const held: HeldUpload = { id: this.core.state.nextId(), filename: discordFilename(file.filename), size: data.length, contentType: file.contentType ?? null, userId, data };
    this.pending.set(held.id, held);
    this.pendingBytes += held.size;
    for (const [id, oldest] of this.pending) {
      if (this.pending.size <= maxPendingUploads && this.pendingBytes <= maxPendingBytes) break;
      this.pending.delete(id);
      this.pendingBytes -= oldest.size;
    }
    const { userId: _user, data: _data, ...summary } = held;
    return summary;
  }

  /**
   * The attachment for an option: a file given there and then, or one uploaded before by the
   * same user (by its id). Stored for the channel, with a signed URL that expires. An upload
   * stays held after use, so a command refused for another option can be sent again with it.
   */
  attach(value: FileInput | string, userId: string, channelId: string, checked: boolean): APIAttachment {
    const file = typeof value === 'string' ? this.held(value, userId) : { filename: discordFilename(value.filename), data: Buffer.from(value.data), contentType: value.contentType ?? null };
    checkFile(file.filename, file.data.length, checked);
    const now = this.core.now();
    this.dropExpired(now);
    const stored = this.core.state.storeAttachment(
      channelId,
      { filename: file.filename, data: file.data, contentType: file.contentType },
      { kind: 'option', issuedAt: now, expiresAt: now + this.core.timings.attachmentUrlLifetimeMs },
    );
    if (stored.expiresAt !== null) this.stored.push({ id: stored.id, expiresAt: stored.expiresAt });
    const url = this.core.cdn.url(stored);
    return {
      id: stored.id,
      filename: stored.filename,
      size: stored.data.length,
      url,
      proxy_url: url,
      ...(stored.contentType === null ? {} : { content_type: stored.contentType }),
      ephemeral: true,
      ...pngSize(stored.data),
    };
  }

  /** Files whose URL has expired can never be served again: their bytes go, oldest first, as each new one comes. */
  private dropExpired(now: number): void {
    let expired = 0;
    for (const entry of this.stored) {
      if (entry.expiresAt > now) break;
      this.core.state.attachments.delete(entry.id);
      expired += 1;
    }
    if (expired > 0) this.stored.splice(0, expired);
  }

  private held(id: string, userId: string): HeldUpload {
    const held = this.pending.get(id);
    if (held === undefined || held.userId !== userId) throw new DriverError(`no file uploaded as ${id} by this user is waiting to be sent: attach it again`);
    return held;
  }
}

/** Discord's client refuses an empty file name and a file over the upload limit before anything is sent. */
function checkFile(filename: string, size: number, checked: boolean): void {
  if (filename.trim() === '') throw new DriverError('a file needs a name');
  if (!checked) return;
  if (filename.length > messageLimits.attachmentFilename) throw new DriverError(`the file name is longer than ${messageLimits.attachmentFilename} characters`);
  if (size > messageLimits.attachmentBytes) {
    throw new DriverError(`${filename} is ${(size / 1024 / 1024).toFixed(1)} MiB: Discord takes files of at most ${messageLimits.attachmentBytes / 1024 / 1024} MiB here`);
  }
}

/** Discord stores an uploaded file's name with its spaces turned into underscores. */
function discordFilename(name: string): string {
  return name.trim().replace(/\s+/g, '_');
}
