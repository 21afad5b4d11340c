import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { feedbackTotals } from '../../../src/storage/feedback-store.js';
import { startHarness, type Harness } from './harness.js';
import { buttonWithLabel, customIds, isVerbatim, quoteOfEmbed } from './messages.js';

describe('/ask through a local Discord, with the real discord.js client', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('answers with an embed whose quote is word for word from a source, only visible to the asker', async () => {
    const reply = await harness.server.driver.slash('/ask', { question: 'When was the Central Asia plus Japan Dialogue launched?' }).reply();
    expect(reply.flags ?? 0).toBe(MessageFlags.Ephemeral);
    expect(reply.embeds.length).toBeGreaterThan(0);
    for (const embed of reply.embeds) expect(isVerbatim(harness.services.search, quoteOfEmbed(embed.description))).toBe(true);
    expect(reply.embeds[0]?.description).toMatch(/passage \d+ of \d+/);
  });

  it('pages through further passages with its buttons', async () => {
    const handle = harness.server.driver.slash('/ask', { question: 'How is Japan investing in Central Asia?' });
    const first = await handle.reply();
    const firstQuote = quoteOfEmbed(first.embeds[0]?.description);
    const next = customIds(first).find((id) => id.startsWith('ask:page:') && id.endsWith(':1'));
    expect(next).toBeDefined();
    const second = await harness.server.driver.click(first, next ?? '').reply();
    expect(second.id).toBe(first.id);
    expect(second.embeds.at(-1)?.footer?.text).toMatch(/^Page 2 of \d+/);
    expect(quoteOfEmbed(second.embeds[0]?.description)).not.toBe(firstQuote);
    for (const embed of second.embeds) expect(isVerbatim(harness.services.search, quoteOfEmbed(embed.description))).toBe(true);
  });

  it('posts an ephemeral answer to the channel for everyone to see', async () => {
    const answer = await harness.server.driver.slash('/ask', { question: 'What is the Central Asia plus Japan Dialogue?' }, { channel: 'general' }).reply();
    const posted = await harness.server.driver.click(answer, buttonWithLabel(answer, 'Post to channel')).reply();
    expect((posted.flags ?? 0) & MessageFlags.Ephemeral).toBe(0);
    expect(posted.content).toMatch(/^Shared by <@\d+>/);
    expect(posted.embeds.map((embed) => embed.description)).toEqual(answer.embeds.map((embed) => embed.description));
    expect(harness.server.state.messagesIn('general').some((message) => message.id === posted.id)).toBe(true);
    expect(customIds(posted).some((id) => id.startsWith('ask:post:'))).toBe(false);
  });

  it('answers publicly at once when asked to', async () => {
    const reply = await harness.server.driver.slash('/ask', { question: 'Which loans did Japan give Uzbekistan?', public: true }).reply();
    expect((reply.flags ?? 0) & MessageFlags.Ephemeral).toBe(0);
    expect(customIds(reply).some((id) => id.startsWith('ask:post:'))).toBe(false);
  });

  it('records 👍 feedback in the database, once per person however often they click', async () => {
    const answer = await harness.server.driver.slash('/ask', { question: 'What did Japan and the Central Asian states agree in Tokyo?' }).reply();
    const up = customIds(answer).find((id) => id.endsWith(':up')) ?? '';
    const thanks = await harness.server.driver.click(answer, up).reply();
    expect(thanks.content).toContain('recorded');
    const again = await harness.server.driver.click(answer, up).reply();
    expect(again.content).toContain('already voted');
    const up_votes = (await feedbackTotals(harness.db)).reduce((sum, total) => sum + total.up, 0);
    expect(up_votes).toBe(Math.min(3, answer.embeds.length));
  });

  it('says so plainly when nothing in the sources matches well', async () => {
    const reply = await harness.server.driver.slash('/ask', { question: 'What is the recipe for sourdough bread?' }).reply();
    expect(reply.content).toMatch(/Nothing in the sources (answers this well|matches this)/);
  });

  it('names the words no source mentions above the closest passages, and marks the answering sentence in bold inside a verbatim quote', async () => {
    const unsure = await harness.server.driver.slash('/ask', { question: 'What did the president of Mongolia say at the summit?' }).reply();
    expect(unsure.content).toContain('No source mentions **Mongolia**. The closest passages:');
    expect(unsure.embeds.length).toBeGreaterThan(0);
    const sure = await harness.server.driver.slash('/ask', { question: 'How large was the yen loan Tokyo agreed to give Uzbekistan in 2024?' }).reply();
    expect(sure.content).not.toContain('No source mentions');
    const description = sure.embeds[0]?.description ?? '';
    expect(description).toMatch(/\*\*[^*]*39 billion Japanese Yen[^*]*\*\*/);
    expect(isVerbatim(harness.services.search, quoteOfEmbed(description))).toBe(true);
  });

  it('offers at most 25 source suggestions of at most 100 characters, matching a misspelt word', async () => {
    const choices = await harness.server.driver.autocomplete('/ask', { question: 'what', source: 'brdges' }).choices();
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(String(choice.value).length).toBeLessThanOrEqual(100);
    }
    expect(String(choices[0]?.value)).toBe('tca-2025-08-bridges-not-blocs');
  });

  it('limits an answer to one source picked by autocomplete', async () => {
    const reply = await harness.server.driver.slash('/ask', { question: 'What does Japan want in Central Asia?', source: 'tca-2025-08-bridges-not-blocs' }).reply();
    const body = harness.services.search.documents.find((document) => document.id === 'tca-2025-08-bridges-not-blocs')?.body ?? '';
    for (const embed of reply.embeds) expect(body).toContain(quoteOfEmbed(embed.description));
  });

  it('finds the sources of a message through the "Find sources" menu, privately', async () => {
    const message = harness.server.driver.say('Japan launched its dialogue with Central Asia back in 2004, right?');
    const reply = await harness.server.driver.messageCommand('Find sources', message).reply();
    expect(reply.flags ?? 0).toBe(MessageFlags.Ephemeral);
    expect(reply.content).toContain('**Sources for:**');
    for (const embed of reply.embeds) expect(isVerbatim(harness.services.search, quoteOfEmbed(embed.description))).toBe(true);
  });

  it('writes one log line per interaction with its id, command, server, latency and outcome', async () => {
    const handle = harness.server.driver.slash('/help');
    await handle.reply();
    // The line is written once the reply is sent, which can be just after the test sees it.
    const line = await vi.waitFor(() => {
      const found = harness.logs.find((entry) => entry.msg === 'interaction' && entry.interactionId === handle.id);
      if (found === undefined) throw new Error('no log line yet');
      return found;
    });
    expect(line).toMatchObject({ command: '/help', outcome: 'ok', guildId: handle.record.guildId });
    expect(typeof line?.latencyMs).toBe('number');
  });
});
