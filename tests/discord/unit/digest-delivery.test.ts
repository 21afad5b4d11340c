import { REST } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DigestDeliveryError } from '../../../src/digest/delivery-error.js';
import type { DigestSettings } from '../../../src/digest/settings-store.js';
import { createDeliveredDigestFinder, createDigestDelivery } from '../../../src/discord/digest-delivery.js';
import { startLocalDiscord, type LocalDiscord } from '../../../src/local-discord/index.js';
import { digest as digestFixture } from '../fixtures/digest.js';
import { logSink } from '../fixtures/log-sink.js';

const digest = digestFixture({
  timeZone: 'UTC',
  anniversaries: [],
  newDocuments: [{ docId: 'd', title: 'New @everyone', addedAt: new Date('2026-08-20T00:00:00Z'), addedBy: { kind: 'folder' } }],
});
const meta = (key: string) => ({ slot: new Date(), late: false, key, attempt: 1, kind: 'scheduled' as const, claimedAt: new Date() });

let discord: LocalDiscord;
let deliver: ReturnType<typeof createDigestDelivery>;
let findDelivered: ReturnType<typeof createDeliveredDigestFinder>;
let sink: ReturnType<typeof logSink>;

/** The settings of a server whose digest goes to the named channel of the local server's seed. */
function settingsFor(channelName: string): DigestSettings {
  const channelId = channelName.startsWith('#') ? channelName.slice(1) : discord.state.channel(channelName).id;
  return { guildId: discord.state.guild().id, channelId } as DigestSettings;
}

beforeEach(async () => {
  discord = await startLocalDiscord();
  // No retries of 5xx inside the REST client: the scheduler owns retrying, and the test stays fast.
  const rest = new REST({ api: discord.apiBase, retries: 0 }).setToken(discord.token);
  sink = logSink();
  deliver = createDigestDelivery({ rest, logger: sink.logger });
  findDelivered = createDeliveredDigestFinder({ rest, botUserId: () => discord.botUser.id, logger: sink.logger });
});
afterEach(async () => {
  await discord.close();
});

describe('digest delivery through the REST client', () => {
  it("posts the rendered digest to the server's channel, pinging no one, with a nonce stable for the slot", async () => {
    const settings = settingsFor('digest');
    await deliver(settings, digest, meta('guild:scheduled:UTC:2026-08-24T09:00:00'));
    await deliver(settings, digest, meta('guild:scheduled:UTC:2026-08-24T09:00:00'));
    await deliver(settings, digest, meta('guild:scheduled:UTC:2026-08-25T09:00:00'));

    const posts = discord.state.requests.filter((request) => request.method === 'POST' && request.route === '/channels/:channelId/messages');
    const bodies = posts.map((post) => post.body as Record<string, unknown>);
    expect(posts.map((post) => post.status)).toEqual([200, 200, 200]);
    expect(bodies[0]?.allowed_mentions).toEqual({ parse: [] });
    expect(bodies[0]?.enforce_nonce).toBe(true);
    expect(String(bodies[0]?.nonce).length).toBeLessThanOrEqual(25);
    expect(bodies[1]?.nonce).toBe(bodies[0]?.nonce);
    expect(bodies[2]?.nonce).not.toBe(bodies[0]?.nonce);

    const [posted] = discord.state.messagesIn('digest');
    expect(posted?.embeds.length).toBeGreaterThan(0);
    expect(posted?.mention_everyone).toBe(false);
  });

  it('attaches the picture of the window with its alt text as a multipart upload, unless the server turned it off', async () => {
    const dated = digestFixture({ timeZone: 'UTC' });
    await deliver({ ...settingsFor('digest'), picture: true }, dated, meta('with-picture'));
    await deliver({ ...settingsFor('digest'), picture: false }, dated, meta('without-picture'));
    const [withPicture, withoutPicture] = discord.state.messagesIn('digest');
    expect(withPicture?.attachments).toMatchObject([{ filename: 'digest-window.png', content_type: 'image/png', width: 800, description: expect.stringContaining('28 August 2026: 22 years: Central Asia + Japan Dialogue launched') }]);
    expect(withoutPicture?.attachments).toEqual([]);
    expect(withoutPicture?.embeds).toEqual(withPicture?.embeds);
  });

  it('records a deleted channel as a failure that retrying cannot fix', async () => {
    const failure = await deliver(settingsFor('#1499999999999999999'), digest, meta('k')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DigestDeliveryError);
    expect(failure).toMatchObject({ retryable: false, reason: expect.stringContaining('Unknown Channel') });
  });

  it('records missing access or permission with what to grant, and lets the scheduler retry', async () => {
    // The seed's bot cannot see #staff (50001) and can read but not post in #announcements (50013).
    for (const [channel, words] of [['staff', 'View Channel'], ['announcements', 'Send Messages']] as const) {
      const failure = await deliver(settingsFor(channel), digest, meta('k')).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DigestDeliveryError);
      expect(failure).toMatchObject({ retryable: true, reason: expect.stringContaining(words) });
    }
  });

  it('passes any other failure on unchanged, for the scheduler to retry', async () => {
    discord.faults.serverError('POST /channels/:channelId/messages', { times: 1 });
    const failure = await deliver(settingsFor('digest'), digest, meta('k')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(DigestDeliveryError);
    expect(discord.state.messagesIn('digest')).toHaveLength(0);
  });
});

describe('finding an earlier post of a slot in its channel', () => {
  const slotKey = 'guild:scheduled:UTC:2026-08-24T09:00:00';

  it("ends each post with the slot's reference line and finds it later, but not for another slot", async () => {
    const settings = settingsFor('digest');
    expect(await findDelivered(settings, meta(slotKey))).toBe(false);
    await deliver(settings, digest, meta(slotKey));
    const [posted] = discord.state.messagesIn('digest');
    expect(posted?.content.split('\n').at(-1)).toMatch(/^-# digest ref [\w-]{25}$/);
    expect(await findDelivered(settings, meta(slotKey))).toBe(true);
    expect(await findDelivered(settings, meta('guild:scheduled:UTC:2026-08-25T09:00:00'))).toBe(false);
  });

  it('counts only posts by the bot itself', async () => {
    const settings = settingsFor('digest');
    await deliver(settings, digest, meta(slotKey));
    const asAnotherBot = createDeliveredDigestFinder({ rest: new REST({ api: discord.apiBase }).setToken(discord.token), botUserId: () => '1', logger: sink.logger });
    expect(await asAnotherBot(settings, meta(slotKey))).toBe(false);
  });

  it('pages through a busy channel since the slot was claimed, and looks at nothing older', async () => {
    const settings = settingsFor('digest');
    const claimedAt = new Date();
    for (let index = 0; index < 230; index += 1) discord.driver.say(`chatter ${index}`, { channel: 'digest' });
    await deliver(settings, digest, meta(slotKey));
    expect(await findDelivered(settings, { ...meta(slotKey), claimedAt })).toBe(true);
    const reads = discord.state.requests.filter((request) => request.method === 'GET' && request.route === '/channels/:channelId/messages');
    expect(reads.map((request) => request.query.limit)).toEqual(['100', '100', '100']);
    // Claimed an hour after that post: the post is older than anything looked at.
    expect(await findDelivered(settings, { ...meta(slotKey), claimedAt: new Date(Date.now() + 3_600_000) })).toBe(false);
  });

  it('says it cannot look, and lets the digest be posted, when the bot may not read the channel', async () => {
    expect(await findDelivered(settingsFor('staff'), meta(slotKey))).toBe(false);
    expect(sink.lines.some((line) => String(line.msg).startsWith('cannot read the channel to check for an earlier post'))).toBe(true);
  });

  it('passes a server error on, for the scheduler to retry the slot', async () => {
    discord.faults.serverError('GET /channels/:channelId/messages', { times: 1 });
    await expect(findDelivered(settingsFor('digest'), meta(slotKey))).rejects.toThrow();
  });
});
