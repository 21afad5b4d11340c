import { createHash } from 'node:crypto';
import { Events, MessageFlags, SlashCommandBuilder, type Attachment } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { DriverError } from '../../src/local-discord/index.js';
import { startPair, stopPair, type Pair } from './harness.js';

/** A test-only command shaped like `/add`: a file, or a link, and a title. */
const upload = new SlashCommandBuilder()
  .setName('upload')
  .setDescription('Attach a document')
  .addAttachmentOption((option) => option.setName('file').setDescription('The document'))
  .addStringOption((option) => option.setName('title').setDescription('Its title').setMaxLength(20))
  .toJSON();

const report = { data: Buffer.from('%PDF-1.7\nA think-tank report on Central Asia.\n'), filename: 'Central Asia report.pdf', contentType: 'application/pdf' };
const onePixelPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A bot that downloads the attached file at once, as attachment URLs expire, and says what it got. */
function downloadingBot(pair: Pair, received: Attachment[]): void {
  pair.client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    void (async () => {
      const attachment = interaction.options.getAttachment('file', true);
      received.push(attachment);
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const response = await fetch(attachment.url);
      const bytes = new Uint8Array(await response.arrayBuffer());
      await interaction.editReply(`${response.status} ${attachment.name} ${attachment.contentType ?? 'no type'} ${attachment.size} ${sha256(bytes)}`);
    })();
  });
}

describe('attachment options: a user attaches a file to a command, the bot reads it from an expiring URL', () => {
  let pair: Pair | undefined;
  afterEach(async () => {
    await stopPair(pair);
    pair = undefined;
  });

  it('gives discord.js the file through getAttachment, downloadable at its signed URL before it expires', async () => {
    pair = await startPair({ commands: [upload] });
    const received: Attachment[] = [];
    downloadingBot(pair, received);
    const handle = pair.discord.driver.slash('/upload', { file: report, title: 'Report' }, { user: 'bob' });
    const reply = await handle.reply();
    // Discord stores the name with underscores for spaces.
    expect(reply.content).toBe(`200 Central_Asia_report.pdf application/pdf ${report.data.length} ${sha256(report.data)}`);
    expect(received[0]?.ephemeral).toBe(true);
  });

  it('sends the attachment id as the option value and the attachment in data.resolved.attachments, with Discord\'s fields', async () => {
    pair = await startPair({ commands: [upload] });
    downloadingBot(pair, []);
    const handle = pair.discord.driver.slash('/upload', { file: report });
    await handle.reply();
    const data = handle.payload.data as unknown as { options: { name: string; type: number; value: string }[]; resolved: { attachments: Record<string, Record<string, unknown>> } };
    const [option] = data.options;
    expect(option).toMatchObject({ name: 'file', type: 11 });
    const attachment = data.resolved.attachments[option?.value ?? ''];
    expect(attachment).toMatchObject({ id: option?.value, filename: 'Central_Asia_report.pdf', size: report.data.length, content_type: 'application/pdf', ephemeral: true });
    expect(attachment?.proxy_url).toBe(attachment?.url);
    const url = new URL(String(attachment?.url));
    expect(url.origin).toBe(pair.discord.origin);
    expect(url.pathname).toBe(`/ephemeral-attachments/${handle.record.channelId}/${option?.value}/Central_Asia_report.pdf`);
    // ex and is in hexadecimal Unix seconds, 24 hours apart by default; hm a signature over them.
    const ex = Number.parseInt(url.searchParams.get('ex') ?? '', 16);
    const is = Number.parseInt(url.searchParams.get('is') ?? '', 16);
    expect(ex - is).toBe(24 * 60 * 60);
    expect(Math.abs(is - Date.now() / 1000)).toBeLessThan(5);
    expect(url.searchParams.get('hm')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers 404 "This content is no longer available." once the URL has expired, and for a tampered signature', async () => {
    let offsetMs = 0;
    pair = await startPair({ commands: [upload], timings: { attachmentUrlLifetimeMs: 2_000 }, now: () => Date.now() + offsetMs });
    const received: Attachment[] = [];
    downloadingBot(pair, received);
    expect((await pair.discord.driver.slash('/upload', { file: report }).reply()).content).toMatch(/^200 /);
    const url = received[0]?.url ?? '';

    const tampered = new URL(url);
    tampered.searchParams.set('ex', (Number.parseInt(tampered.searchParams.get('ex') ?? '0', 16) + 3600).toString(16));
    const unsigned = new URL(url);
    unsigned.search = '';
    for (const refused of [tampered, unsigned]) {
      const response = await fetch(refused);
      expect([response.status, await response.text()]).toEqual([404, 'This content is no longer available.']);
    }
    expect((await fetch(url)).status).toBe(200);

    offsetMs = 2_001;
    const expired = await fetch(url);
    expect([expired.status, await expired.text()]).toEqual([404, 'This content is no longer available.']);
  });

  it('drops an expired file\'s bytes once the next file is attached, since its URL can never be served again', async () => {
    let offsetMs = 0;
    pair = await startPair({ commands: [upload], timings: { attachmentUrlLifetimeMs: 1_000 }, now: () => Date.now() + offsetMs });
    downloadingBot(pair, []);
    const first = pair.discord.driver.slash('/upload', { file: report });
    await first.reply();
    const firstId = Object.keys((first.payload.data as unknown as { resolved: { attachments: Record<string, unknown> } }).resolved.attachments)[0] ?? '';
    expect(pair.discord.state.attachments.has(firstId)).toBe(true);
    offsetMs = 1_001;
    await pair.discord.driver.slash('/upload', { file: report }).reply();
    expect(pair.discord.state.attachments.has(firstId)).toBe(false);
    expect([...pair.discord.state.attachments.values()].filter((stored) => stored.kind === 'option')).toHaveLength(1);
  });

  it('lets the bot\'s own download fail after expiry, as a late download of a real attachment does', async () => {
    let offsetMs = 0;
    pair = await startPair({ commands: [upload], timings: { attachmentUrlLifetimeMs: 1_000 }, now: () => Date.now() + offsetMs });
    pair.client.on(Events.InteractionCreate, (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      void (async () => {
        await interaction.deferReply();
        // The bot is slow: the URL expires before it downloads.
        offsetMs = 1_500;
        const response = await fetch(interaction.options.getAttachment('file', true).url);
        await interaction.editReply(response.ok ? 'downloaded' : `download failed: ${response.status}`);
      })();
    });
    expect((await pair.discord.driver.slash('/upload', { file: report }).reply()).content).toBe('download failed: 404');
  });

  it('takes a file uploaded ahead of the command by its id, only from the user who uploaded it', async () => {
    pair = await startPair({ commands: [upload] });
    downloadingBot(pair, []);
    const { driver } = pair.discord;
    const pending = driver.upload({ data: onePixelPng, filename: 'map.png', contentType: 'image/png' }, { user: 'bob' });
    expect(pending).toMatchObject({ filename: 'map.png', size: onePixelPng.length, contentType: 'image/png' });
    expect(() => driver.slash('/upload', { file: pending.id }, { user: 'ada' })).toThrow(DriverError);
    const handle = driver.slash('/upload', { file: pending.id }, { user: 'bob' });
    expect((await handle.reply()).content).toBe(`200 map.png image/png ${onePixelPng.length} ${sha256(onePixelPng)}`);
    const resolved = (handle.payload.data as { resolved: { attachments: Record<string, { width?: number; height?: number }> } }).resolved.attachments;
    expect(Object.values(resolved)[0]).toMatchObject({ width: 1, height: 1 });
  });

  it('holds at most 50 MiB of files not yet sent: the oldest goes first', async () => {
    pair = await startPair({ commands: [upload] });
    downloadingBot(pair, []);
    const { driver } = pair.discord;
    const nineMiB = Buffer.alloc(9 * 1024 * 1024, 1);
    const held = Array.from({ length: 6 }, (_, index) => driver.upload({ data: nineMiB, filename: `part-${index}.bin` }, { user: 'bob' }));
    expect(() => driver.slash('/upload', { file: held[0]?.id ?? '' }, { user: 'bob' })).toThrow(/no file uploaded as \d+ by this user is waiting/);
    expect((await driver.slash('/upload', { file: held[1]?.id ?? '' }, { user: 'bob' }).reply()).content).toMatch(/^200 part-1\.bin no type 9437184 /);
  });

  it('refuses what Discord\'s client refuses: a file over 10 MiB, a file for a text option, text for a file option, a nameless file', async () => {
    pair = await startPair({ commands: [upload] });
    const { driver } = pair.discord;
    const big = { data: Buffer.alloc(10 * 1024 * 1024 + 1), filename: 'big.pdf' };
    expect(() => driver.slash('/upload', { file: big })).toThrow(/big\.pdf is 10\.0 MiB: Discord takes files of at most 10 MiB/);
    expect(() => driver.upload(big)).toThrow(DriverError);
    expect(() => driver.slash('/upload', { title: report })).toThrow(/option "title": is not an attachment option/);
    expect(() => driver.slash('/upload', { file: 'https://example.org/report.pdf' })).toThrow(/no file uploaded as https:\/\/example\.org\/report\.pdf/);
    expect(() => driver.slash('/upload', { file: { data: report.data, filename: '  ' } })).toThrow(/a file needs a name/);
    expect(pair.discord.state.interactions.size).toBe(0);
  });
});
