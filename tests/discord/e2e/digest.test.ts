import { MessageFlags, type APIMessage } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDigestSettings } from '../../../src/digest/settings-store.js';
import { recordDocumentsSeen } from '../../../src/storage/documents-seen-store.js';
import { startHarness, type Harness } from './harness.js';

/** A slot a few seconds ahead on a whole minute, as a daily schedule in UTC. */
function nearSlot(): { slot: Date; schedule: string } {
  const slot = new Date(Math.ceil((Date.now() + 5000) / 60_000) * 60_000);
  return { slot, schedule: `daily ${slot.toISOString().slice(11, 16)}` };
}

/**
 * node-cron follows the system clock, so the clock is moved to just before the slot rather
 * than waiting up to a minute for it. Only Date is faked, and it keeps running.
 */
function jumpTo(instant: Date): void {
  vi.setSystemTime(instant);
}

const isDigest = (message: APIMessage) => message.content.startsWith('**Digest**');

describe('the digest in Discord', () => {
  let harness: Harness;
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness?.close();
    vi.useRealTimers();
  });

  async function setUpDigest(schedule: string, channel = '#digest'): Promise<APIMessage> {
    const reply = await harness.server.driver.slash('/digest setup', { channel, schedule, timezone: 'UTC', window: 7 }).reply();
    // Documents seen after setup are new to the digest, so the slot's digest is never empty.
    await recordDocumentsSeen(harness.db, harness.services.search.documents.map((document) => document.id), new Date(Date.now() + 1));
    return reply;
  }

  it('hides /digest from a member without Manage Server, and refuses setup when it is used anyway', async () => {
    expect(() => harness.server.driver.slash('/digest setup', { channel: '#digest', schedule: 'daily 09:00', timezone: 'UTC' }, { user: 'bob' })).toThrow(/default_member_permissions/);
    const reply = await harness.server.driver.slash('/digest setup', { channel: '#digest', schedule: 'daily 09:00', timezone: 'UTC' }, { user: 'bob', unchecked: true }).reply();
    expect(reply.flags ?? 0).toBe(MessageFlags.Ephemeral);
    expect(reply.content).toContain('You need the Manage Server permission');
    expect(await getDigestSettings(harness.db, harness.server.state.defaultGuild.id)).toBeNull();
  });

  it('posts exactly one digest at the scheduled slot, and none again for it after a restart', async () => {
    const { slot, schedule } = nearSlot();
    jumpTo(new Date(slot.getTime() - 2500));
    const confirmation = await setUpDigest(schedule);
    expect(confirmation.content).toBe(
      `Digest set: ${schedule.replace('daily', 'daily at')} (UTC) in <#${harness.server.state.channel('digest').id}>, looking 7 days ahead and back, with a picture of the window. The next one is <t:${slot.getTime() / 1000}:F> (<t:${slot.getTime() / 1000}:R>).`,
    );

    const digest = await harness.server.waitForMessage('digest', isDigest, { timeoutMs: 10_000 });
    expect(digest.embeds.map((embed) => embed.title)).toContain('New documents');
    await vi.waitFor(async () => expect((await harness.bot.scheduler.status(harness.server.state.defaultGuild.id)).lastRun?.state).toBe('posted'));

    await harness.restartBot();
    await harness.bot.router.idle();
    expect(harness.server.state.messagesIn('digest').filter(isDigest)).toHaveLength(1);
    const status = await harness.server.driver.slash('/digest status').reply();
    expect(status.embeds[0]?.fields?.find((field) => field.name === 'Last run')?.value).toMatch(/: posted$/);
  });

  it('waits out a 429 on the post and delivers the digest once', async () => {
    const { slot, schedule } = nearSlot();
    jumpTo(new Date(slot.getTime() - 2500));
    await setUpDigest(schedule);
    harness.server.faults.rateLimit('POST /channels/:channelId/messages', { retryAfterMs: 400 });

    await harness.server.waitForMessage('digest', isDigest, { timeoutMs: 10_000 });
    await vi.waitFor(async () => expect((await harness.bot.scheduler.status(harness.server.state.defaultGuild.id)).lastRun?.state).toBe('posted'));
    const posts = harness.server.state.requests.filter((request) => request.method === 'POST' && /^\/channels\/\d+\/messages$/.test(request.path));
    expect(posts.map((request) => request.status)).toEqual([429, 200]);
    expect(harness.server.state.messagesIn('digest').filter(isDigest)).toHaveLength(1);
  });

  it('records a channel that disappeared in /digest status and keeps the settings', async () => {
    const { slot, schedule } = nearSlot();
    jumpTo(new Date(slot.getTime() - 2500));
    await setUpDigest(schedule);
    harness.server.faults.unknownChannel('POST /channels/:channelId/messages', { times: 10 });

    const guildId = harness.server.state.defaultGuild.id;
    await vi.waitFor(async () => expect((await harness.bot.scheduler.status(guildId)).lastRun?.state).toBe('failed'), { timeout: 10_000 });
    const status = await harness.server.driver.slash('/digest status').reply();
    const problems = status.embeds[0]?.fields?.find((field) => field.name.startsWith('Missed or failed'))?.value ?? '';
    expect(problems).toContain('the channel no longer exists (Unknown Channel)');
    expect((await getDigestSettings(harness.db, guildId))?.enabled).toBe(true);
  });

  it('keeps the picture switch of /digest setup for the server', async () => {
    const reply = await harness.server.driver.slash('/digest setup', { channel: '#digest', schedule: 'daily 09:00', timezone: 'UTC', picture: false }).reply();
    expect(reply.content).toContain('without a picture of the window');
    expect((await getDigestSettings(harness.db, harness.server.state.defaultGuild.id))?.picture).toBe(false);
  });

  it('refuses a channel the bot cannot see, saying what to fix', async () => {
    const reply = await harness.server.driver.slash('/digest setup', { channel: '#staff', schedule: 'daily 09:00', timezone: 'UTC' }).reply();
    expect(reply.content).toMatch(/^I cannot see <#\d+>\. Give me the View Channel, Send Messages and Embed Links permissions there/);
    expect(await getDigestSettings(harness.db, harness.server.state.defaultGuild.id)).toBeNull();
  });

  it('refuses a channel the bot can read but not post in', async () => {
    const reply = await harness.server.driver.slash('/digest setup', { channel: '#announcements', schedule: 'daily 09:00', timezone: 'UTC' }).reply();
    expect(reply.content).toMatch(/SendMessages/);
  });

  it('refuses an invalid cron expression with a valid example', async () => {
    const reply = await harness.server.driver.slash('/digest setup', { channel: '#digest', schedule: '61 25 * * *', timezone: 'UTC' }).reply();
    expect(reply.flags ?? 0).toBe(MessageFlags.Ephemeral);
    expect(reply.content).toMatch(/daily 09:00|0 9 \* \* 1/);
  });

  it('refuses a schedule that would post every minute, and saves nothing', async () => {
    const reply = await harness.server.driver.slash('/digest setup', { channel: '#digest', schedule: '* * * * *', timezone: 'UTC' }, { user: 'ada' }).reply();
    expect(reply.flags ?? 0).toBe(MessageFlags.Ephemeral);
    expect(reply.content).toContain('would post a digest 1 minute after the one before; digests here are at least 1 hour apart');
    expect(await getDigestSettings(harness.db, harness.server.state.guild().id)).toBeNull();
  });

  it('refuses an unknown time zone and suggests the closest', async () => {
    const reply = await harness.server.driver.slash('/digest setup', { channel: '#digest', schedule: 'daily 09:00', timezone: 'Europe/Berln' }).reply();
    expect(reply.content).toContain('Did you mean "Europe/Berlin"');
  });

  it('suggests IANA time zones while the timezone is typed', async () => {
    const choices = await harness.server.driver.autocomplete('/digest setup', { channel: '#digest', schedule: 'daily 09:00', timezone: 'tashk' }).choices();
    expect(choices[0]?.value).toBe('Asia/Tashkent');
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it('turns the digest off and keeps its settings', async () => {
    await setUpDigest('daily 09:00');
    const reply = await harness.server.driver.slash('/digest off').reply();
    expect(reply.content).toContain('The digest is off');
    expect(await getDigestSettings(harness.db, harness.server.state.defaultGuild.id)).toMatchObject({ enabled: false, channelId: harness.server.state.channel('digest').id });
  });

  it('previews the digest privately', async () => {
    const reply = await harness.server.driver.slash('/digest preview').reply();
    expect(reply.flags ?? 0).toBe(MessageFlags.Ephemeral);
    expect(reply.content).toMatch(/^\*\*Preview\*\* of the digest/);
  });

  it('previews the digest with a picture of its window, and without once setup turns it off', async () => {
    // A week around 24 August 2026 holds the 22nd anniversary of the Dialogue's launch (August 2004).
    jumpTo(new Date('2026-08-24T10:00:00Z'));
    const withPicture = await harness.server.driver.slash('/digest preview').reply();
    expect(withPicture.attachments).toMatchObject([{ filename: 'digest-window.png', content_type: 'image/png', width: 800, description: expect.stringMatching(/^Key dates around 24 August 2026: \d+ dates? /) }]);
    await harness.server.driver.slash('/digest setup', { channel: '#digest', schedule: 'daily 09:00', timezone: 'UTC', picture: false }).reply();
    const withoutPicture = await harness.server.driver.slash('/digest preview').reply();
    expect(withoutPicture.attachments).toEqual([]);
    expect(withoutPicture.embeds.map((embed) => embed.title)).toEqual(withPicture.embeds.map((embed) => embed.title));
  });
});
