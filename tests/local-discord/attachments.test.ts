import { DiscordAPIError, Events, MessageFlags, type ChatInputCommandInteraction, type Client, type TextChannel } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startPair, stopPair, type Pair } from './harness.js';

/** A real 1×1 PNG, so the server has an image to measure. */
const onePixelPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const picture = (description?: string) => ({ attachment: onePixelPng, name: 'key-dates.png', ...(description === undefined ? {} : { description }) });

function textChannel(client: Client, name: string): TextChannel {
  const channel = client.channels.cache.find((candidate) => 'name' in candidate && candidate.name === name);
  if (!channel?.isTextBased() || !('guild' in channel)) throw new Error(`no text channel ${name}`);
  return channel as TextChannel;
}

/** Runs `answer` for the next slash command and resolves with what it threw, or null. */
function answerNext(pair: Pair, answer: (interaction: ChatInputCommandInteraction) => Promise<unknown>): Promise<unknown> {
  return new Promise((resolve) => {
    pair.client.once(Events.InteractionCreate, (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      answer(interaction).then(() => resolve(null), resolve);
    });
  });
}

describe('attachments sent by discord.js as multipart files[n] with payload_json', () => {
  let pair: Pair | undefined;
  afterEach(async () => {
    await stopPair(pair);
    pair = undefined;
  });

  it('keeps an image reply’s alt text, type and pixel size, and serves the same bytes back', async () => {
    pair = await startPair();
    const failure = answerNext(pair, (interaction) => interaction.reply({ content: 'picture', files: [picture('Timeline of 3 dates: 2004, 2015, 2025.')] }));
    const reply = await pair.discord.driver.slash('/ask', { question: 'q' }).reply();
    expect(await failure).toBeNull();
    const [attachment] = reply.attachments;
    expect(attachment).toMatchObject({ filename: 'key-dates.png', content_type: 'image/png', description: 'Timeline of 3 dates: 2004, 2015, 2025.', width: 1, height: 1, size: onePixelPng.length });
    const download = await fetch(attachment?.url ?? '');
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer()).equals(onePixelPng)).toBe(true);
  });

  it('attaches files to a deferred reply’s edit and to a follow-up', async () => {
    pair = await startPair();
    const failure = answerNext(pair, async (interaction) => {
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await interaction.editReply({ content: 'drawn', files: [picture('first')] });
      await interaction.followUp({ content: 'again', files: [picture('second')] });
    });
    const handle = pair.discord.driver.slash('/ask', { question: 'q' });
    const reply = await handle.reply();
    const followUp = await handle.followUp(0);
    expect(await failure).toBeNull();
    expect(reply.attachments.map((attachment) => attachment.description)).toEqual(['first']);
    expect(followUp.attachments.map((attachment) => attachment.description)).toEqual(['second']);
  });

  it('keeps a message’s picture when an edit sends no attachments, as a page button’s update does', async () => {
    pair = await startPair();
    const sent = await textChannel(pair.client, 'general').send({ content: 'digest', files: [picture('window')] });
    const edited = await sent.edit({ content: 'digest, page 2' });
    expect(edited.attachments.map((attachment) => attachment.description)).toEqual(['window']);
    expect(pair.discord.state.messagesIn('general')[0]?.attachments[0]?.width).toBe(1);
  });

  it('refuses an alt text over 1,024 characters with 50035 at attachments.0.description', async () => {
    pair = await startPair();
    const error = await textChannel(pair.client, 'general').send({ files: [picture('x'.repeat(1025))] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect((error as DiscordAPIError).rawError).toMatchObject({ errors: { attachments: { 0: { description: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } } });
    expect(pair.discord.state.messagesIn('general')).toEqual([]);
  });

  it('refuses a file over the 10 MiB upload limit with 413 and 40005, and more than ten files with 50035', async () => {
    pair = await startPair();
    const channel = textChannel(pair.client, 'general');
    const tooLarge = await channel.send({ files: [{ attachment: Buffer.alloc(10 * 1024 * 1024 + 1), name: 'big.bin' }] }).catch((caught: unknown) => caught);
    expect(tooLarge).toBeInstanceOf(DiscordAPIError);
    expect([(tooLarge as DiscordAPIError).status, (tooLarge as DiscordAPIError).code]).toEqual([413, 40005]);
    const eleven = Array.from({ length: 11 }, (_, index) => ({ attachment: onePixelPng, name: `p${index}.png` }));
    const tooMany = await channel.send({ files: eleven }).catch((caught: unknown) => caught);
    expect((tooMany as DiscordAPIError).code).toBe(50035);
    expect(pair.discord.state.messagesIn('general')).toEqual([]);
  });
});
