import { describe, expect, it } from 'vitest';
import type { DigestStatus } from '../../../src/digest/status.js';
import type { DigestSlot } from '../../../src/digest/slot-store.js';
import { renderDigest } from '../../../src/discord/render/digest.js';
import { renderDigestStatus } from '../../../src/discord/render/digest-status.js';
import { digest, event } from '../fixtures/digest.js';
import { limitViolations } from '../../../src/discord/render/limits.js';

describe('renderDigest', () => {
  it('gives each section its own embed, each item with its quote and source', () => {
    const payload = renderDigest(digest());
    expect(payload.content).toContain('**Digest** for 24 August 2026 (Asia/Tashkent)');
    expect(payload.embeds?.map((embed) => embed.title)).toEqual(['Anniversaries', 'New documents']);
    const anniversary = payload.embeds?.[0]?.description ?? '';
    expect(anniversary).toContain('**22 years ago this week**: Central Asia + Japan Dialogue launched');
    expect(anniversary).toContain('> The dialogue was launched on 28 August 2004 in Astana.');
    expect(anniversary).toContain('— *Bridges, not blocs*');
    expect(payload.allowedMentions).toEqual({ parse: [] });
  });

  it('lists each new document with its id and who added it, a member\'s name shown as typed', () => {
    const payload = renderDigest(digest({
      newDocuments: [
        { docId: 'new-doc', title: 'A new report', addedAt: new Date('2026-08-20T10:00:00Z'), addedBy: { kind: 'member', name: '*Ada*' } },
        { docId: 'cli-doc', title: 'From the shell', addedAt: new Date('2026-08-21T10:00:00Z'), addedBy: { kind: 'command-line' } },
        { docId: 'folder-doc', title: 'From the folder', addedAt: new Date('2026-08-22T10:00:00Z'), addedBy: { kind: 'folder' } },
      ],
    }));
    expect(payload.embeds?.find((embed) => embed.title === 'New documents')?.description).toBe(
      '• *A new report* (new-doc), added by \\*Ada\\*\n\n• *From the shell* (cli-doc), added from the command line\n\n• *From the folder* (folder-doc), added to the corpus folder',
    );
  });

  it('says a late digest is late', () => {
    expect(renderDigest(digest(), { late: true }).content).toContain('Posted late');
  });

  it('shows the empty message, naming the next key date', () => {
    const payload = renderDigest(digest({ empty: true, anniversaries: [], newDocuments: [], emptyMessage: 'Nothing falls in the window. The next key date is 28 August 2026.' }), { preview: true });
    expect(payload.content).toContain('**Preview**');
    expect(payload.content).toContain('The next key date is 28 August 2026.');
    expect(payload.embeds).toBeUndefined();
  });

  it('stays within every limit with hundreds of long items, and says how many it left out', () => {
    const long = event({ label: '*'.repeat(2000), citations: [{ docId: 'x', start: 0, end: 1, quote: '_'.repeat(6000), title: '~'.repeat(500) }] });
    const payload = renderDigest(
      digest({
        anniversaries: Array.from({ length: 200 }, () => ({ event: long, years: 5, on: '2026-08-28', wording: '5 years ago this week', milestone: true })),
        recent: Array.from({ length: 200 }, () => long),
        upcoming: Array.from({ length: 200 }, () => long),
        newDocuments: Array.from({ length: 200 }, (_, index) => ({ docId: `d${index}`, title: '|'.repeat(500), addedAt: new Date(), addedBy: { kind: 'folder' as const } })),
        nextKeyDate: { kind: 'event', on: '2027', event: long, years: null, description: '*'.repeat(3000) },
      }),
    );
    expect(limitViolations(payload)).toEqual([]);
    expect(payload.embeds?.[0]?.description).toMatch(/…and \d+ more\. See them with \/timeline\.$/);
  });
});

const slot = (overrides: Partial<DigestSlot> = {}): DigestSlot => ({
  guildId: 'g',
  kind: 'scheduled',
  timeZone: 'UTC',
  localTime: '2026-08-24T09:00:00',
  slotAt: new Date('2026-08-24T09:00:00Z'),
  state: 'posted',
  late: false,
  attempts: 1,
  reason: null,
  claimedBy: null,
  leaseUntil: null,
  nextAttemptAt: null,
  createdAt: new Date(),
  updatedAt: new Date(),
  finishedAt: new Date(),
  ...overrides,
});

const status = (overrides: Partial<DigestStatus> = {}): DigestStatus => ({
  guildId: 'g',
  configured: true,
  enabled: true,
  channelId: '1400000000000000001',
  schedule: 'daily at 09:00',
  timeZone: 'UTC',
  windowDays: 7,
  nextRun: new Date('2026-08-25T09:00:00Z'),
  lastRun: slot(),
  inProgress: [],
  problems: [],
  counts: { claimed: 0, posted: 1, skipped: 0, missed: 0, failed: 0 },
  ...overrides,
});

describe('renderDigestStatus', () => {
  it('shows the next run, the last run and its outcome', () => {
    const fields = renderDigestStatus(status()).embeds?.[0]?.fields ?? [];
    expect(fields.find((field) => field.name === 'Next run')?.value).toBe(`<t:${Date.parse('2026-08-25T09:00:00Z') / 1000}:F> (<t:${Date.parse('2026-08-25T09:00:00Z') / 1000}:R>)`);
    expect(fields.find((field) => field.name === 'Last run')?.value).toMatch(/: posted$/);
    expect(fields.find((field) => field.name === 'Channel')?.value).toBe('<#1400000000000000001>');
  });

  it('lists failed and missed slots with their reasons', () => {
    const failed = slot({ state: 'failed', attempts: 5, reason: 'the channel no longer exists (Unknown Channel). Pick another channel with /digest setup.' });
    const missed = slot({ state: 'missed', reason: 'the bot was offline past the grace period' });
    const fields = renderDigestStatus(status({ lastRun: failed, problems: [failed, missed], counts: { claimed: 0, posted: 0, skipped: 0, missed: 1, failed: 1 } })).embeds?.[0]?.fields ?? [];
    const problems = fields.find((field) => field.name === 'Missed or failed (2)')?.value ?? '';
    expect(problems).toContain('failed after 5 attempts: the channel no longer exists (Unknown Channel)');
    expect(problems).toContain('missed: the bot was offline past the grace period');
  });

  it('tells a server without a digest how to set one up', () => {
    expect(renderDigestStatus(status({ configured: false })).content).toContain('/digest setup');
  });
});
