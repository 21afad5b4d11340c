import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { StoredAttachment } from './state.js';

/**
 * The attachment CDN: where a stored file's URL points and whether a request for it may
 * be served. Files a user attaches to a command option live under `/ephemeral-attachments/`
 * behind a signed URL that expires, as Discord's `?ex=…&is=…&hm=…` URLs do: `ex` and `is`
 * are the expiry and issue times in hexadecimal Unix seconds, `hm` an HMAC over the path
 * and both times. After the expiry, or with a wrong signature, the file is gone: 404.
 * Files the bot uploads with its messages stay under `/attachments/`, unsigned.
 */
export interface AttachmentCdn {
  /** The URL discord.js (or a bot's `fetch`) reads the file from. */
  url(attachment: StoredAttachment): string;
  /** The stored file a request path and query name, or null when Discord's CDN would answer 404. */
  resolve(pathname: string, query: URLSearchParams, now: number): StoredAttachment | null;
}

/** What Discord's CDN answers, as plain text, for an expired or unsigned attachment URL. */
export const contentGone = 'This content is no longer available.';

const prefixes = { message: 'attachments', option: 'ephemeral-attachments' } as const;

export function createAttachmentCdn(origin: () => string, lookup: (id: string) => StoredAttachment | undefined): AttachmentCdn {
  // A fresh key per server: a URL signed by an earlier run is as dead as an expired one.
  const key = randomBytes(32);
  const signature = (path: string, ex: string, is: string): Buffer => createHmac('sha256', key).update(`${path}\n${ex}\n${is}`).digest();
  const pathOf = (attachment: StoredAttachment): string =>
    `/${prefixes[attachment.kind]}/${attachment.channelId}/${attachment.id}/${encodeURIComponent(attachment.filename)}`;

  return {
    url(attachment) {
      const path = pathOf(attachment);
      if (attachment.expiresAt === null) return `${origin()}${path}`;
      const ex = hexSeconds(attachment.expiresAt);
      const is = hexSeconds(attachment.issuedAt);
      // Discord's signed URLs end with a bare `&`; clients keep the query as it is.
      return `${origin()}${path}?ex=${ex}&is=${is}&hm=${signature(path, ex, is).toString('hex')}&`;
    },
    resolve(pathname, query, now) {
      const [, prefix, channelId, id] = pathname.split('/');
      const attachment = id === undefined ? undefined : lookup(id);
      if (attachment === undefined || prefixes[attachment.kind] !== prefix || attachment.channelId !== channelId) return null;
      if (attachment.expiresAt === null) return attachment;
      const ex = query.get('ex') ?? '';
      const is = query.get('is') ?? '';
      const given = Buffer.from(query.get('hm') ?? '', 'hex');
      const expected = signature(pathOf(attachment), ex, is);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      return now < attachment.expiresAt ? attachment : null;
    },
  };
}

function hexSeconds(epochMs: number): string {
  return Math.floor(epochMs / 1000).toString(16);
}
