import { DiscordAPIError, type REST } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { DigestDeliveryError } from '../../../src/digest/delivery-error.js';
import type { DigestSettings } from '../../../src/digest/settings-store.js';
import type { Digest } from '../../../src/digest/types.js';
import { createDigestDelivery } from '../../../src/discord/digest-delivery.js';
import { logSink } from '../fixtures/log-sink.js';

const settings = { guildId: '1200000000000000001', channelId: '1400000000000000001' } as DigestSettings;
const digest: Digest = {
  today: '2026-08-24',
  timeZone: 'UTC',
  windowDays: 7,
  window: { from: '2026-08-24', to: '2026-08-30' },
  pastWindow: { from: '2026-08-17', to: '2026-08-23' },
  since: new Date('2026-08-17T00:00:00Z'),
  anniversaries: [],
  recent: [],
  upcoming: [],
  newDocuments: [{ docId: 'd', title: 'New @everyone', addedAt: new Date('2026-08-20T00:00:00Z') }],
  empty: false,
  emptyMessage: null,
  nextKeyDate: null,
};
const meta = (key: string) => ({ slot: new Date(), late: false, key, attempt: 1, kind: 'scheduled' as const });

function restThat(post: (route: string, options: { body: unknown }) => Promise<unknown>): REST {
  return { post } as unknown as REST;
}

const apiError = (code: number, status: number) => new DiscordAPIError({ code, message: 'refused' }, code, status, 'POST', 'https://discord.test/api/v10/channels/1/messages', { body: undefined, files: undefined });

describe('digest delivery', () => {
  it('posts the rendered digest to the server\'s channel, pinging no one, with a nonce stable for the slot', async () => {
    const posts: { route: string; body: Record<string, unknown> }[] = [];
    const deliver = createDigestDelivery({ rest: restThat(async (route, options) => posts.push({ route, body: options.body as Record<string, unknown> })), logger: logSink().logger });
    await deliver(settings, digest, meta('guild:scheduled:UTC:2026-08-24T09:00:00'));
    await deliver(settings, digest, meta('guild:scheduled:UTC:2026-08-24T09:00:00'));
    await deliver(settings, digest, meta('guild:scheduled:UTC:2026-08-25T09:00:00'));
    expect(posts[0]?.route).toBe('/channels/1400000000000000001/messages');
    expect(posts[0]?.body.allowed_mentions).toEqual({ parse: [] });
    expect(posts[0]?.body.enforce_nonce).toBe(true);
    expect(String(posts[0]?.body.nonce).length).toBeLessThanOrEqual(25);
    expect(posts[1]?.body.nonce).toBe(posts[0]?.body.nonce);
    expect(posts[2]?.body.nonce).not.toBe(posts[0]?.body.nonce);
  });

  it('records a deleted channel as a failure that retrying cannot fix', async () => {
    const deliver = createDigestDelivery({ rest: restThat(async () => Promise.reject(apiError(10003, 404))), logger: logSink().logger });
    const failure = await deliver(settings, digest, meta('k')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DigestDeliveryError);
    expect(failure).toMatchObject({ retryable: false, reason: expect.stringContaining('Unknown Channel') });
  });

  it('records missing access or permission with what to grant, and lets the scheduler retry', async () => {
    for (const [code, words] of [[50001, 'View Channel'], [50013, 'Send Messages']] as const) {
      const deliver = createDigestDelivery({ rest: restThat(async () => Promise.reject(apiError(code, 403))), logger: logSink().logger });
      const failure = await deliver(settings, digest, meta('k')).catch((error: unknown) => error);
      expect(failure).toMatchObject({ retryable: true, reason: expect.stringContaining(words) });
    }
  });

  it('passes any other failure on unchanged, for the scheduler to retry', async () => {
    const outage = new Error('socket hang up');
    const deliver = createDigestDelivery({ rest: restThat(async () => Promise.reject(outage)), logger: logSink().logger });
    await expect(deliver(settings, digest, meta('k'))).rejects.toBe(outage);
  });
});
