import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servicesWith, startHarness, type Harness } from './harness.js';
import { customIds, isVerbatim, quoteOfEmbed } from './messages.js';

const hostileTitle = '**Breaking** __news__ @everyone <@&123456789012345678>';
const longParagraph = `${'The ministers met in Samarkand and agreed on a long list of joint projects covering transport corridors, water management, digital infrastructure and the training of engineers, which the delegations described in detail. '.repeat(30)}`.slice(0, 6000);
const hostileDocument = `---
id: hostile-zz-document
title: "${hostileTitle}"
author: "@here ||spoiler||"
outlet: "[click me](https://evil.example)"
published: "2025-06-01"
---
# Samarkand ministerial

Ping @everyone and <@123456789012345678>: **the zebra protocol** was ~~signed~~ in \`Samarkand\`.

${longParagraph}
`;

describe('bad input through a local Discord', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ services: servicesWith({ 'hostile-zz-document.md': hostileDocument }) });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('asks for a missing required option instead of failing', async () => {
    const reply = await harness.server.driver.slash('/ask', {}, { unchecked: true }).reply();
    expect(reply.flags ?? 0).toBe(MessageFlags.Ephemeral);
    expect(reply.content).toBe('The “question” option is missing. Fill it in and send the command again.');
  });

  it('refuses a question over 300 characters with what to do', async () => {
    const reply = await harness.server.driver.slash('/ask', { question: 'why '.repeat(100) }, { unchecked: true }).reply();
    expect(reply.flags ?? 0).toBe(MessageFlags.Ephemeral);
    expect(reply.content).toMatch(/300/);
  });

  it('refuses an unknown source and says how to pick one', async () => {
    const reply = await harness.server.driver.slash('/ask', { question: 'What happened?', source: 'no-such-document' }).reply();
    expect(reply.content).toContain('There is no source called “no-such-document”');
  });

  it('escapes Markdown and mentions in a question, and sends nothing that can ping', async () => {
    const handle = harness.server.driver.slash('/ask', { question: '**zebra** protocol @everyone <@123456789012345678> ||x||' });
    const reply = await handle.reply();
    expect(reply.content).toContain('\\*\\*zebra\\*\\* protocol @everyone <@123456789012345678> \\|\\|x\\|\\|');
    expect(reply.mentions).toEqual([]);
    expect(reply.mention_everyone).toBe(false);
    expect(reply.mention_roles).toEqual([]);
    expect((await handle.callback()).data?.allowed_mentions).toEqual({ parse: [] });
  });

  it('quotes a source full of Markdown and mentions as plain text, pinging no one', async () => {
    const reply = await harness.server.driver.slash('/ask', { question: 'What was the zebra protocol?', source: 'hostile-zz-document' }).reply();
    const embed = reply.embeds.find((candidate) => candidate.description?.includes('zebra'));
    expect(embed?.description).toContain('\\*\\*the zebra protocol\\*\\* was \\~\\~signed\\~\\~ in \\`Samarkand\\`');
    expect(embed?.description).toContain('*\\*\\*Breaking\\*\\* \\_\\_news\\_\\_ @everyone <@&123456789012345678>*');
    expect(embed?.description).toContain('\\[click me](https://evil.example)');
    expect(isVerbatim(harness.services.search, quoteOfEmbed(embed?.description))).toBe(true);
    expect(reply.mention_everyone).toBe(false);
    expect(reply.mentions).toEqual([]);
  });

  it('fits a 6,000-character source paragraph into Discord\'s limits, showing where it was cut', async () => {
    const reply = await harness.server.driver.slash('/search', { terms: 'Samarkand ministers delegations' }).reply();
    expect(reply.embeds.length).toBeGreaterThan(0);
    const answer = await harness.server.driver.slash('/ask', { question: 'What did the ministers agree in Samarkand?', source: 'hostile-zz-document' }).reply();
    const total = answer.embeds.reduce((sum, embed) => sum + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0), 0);
    expect(total).toBeLessThanOrEqual(6000);
    for (const embed of answer.embeds) expect(isVerbatim(harness.services.search, quoteOfEmbed(embed.description))).toBe(true);
  });

  it('lists a hostile source in /sources without letting its metadata format or ping', async () => {
    const reply = await harness.server.driver.slash('/sources', { source: 'hostile-zz-document' }).reply();
    expect(reply.embeds[0]?.title).toBe('\\*\\*Breaking\\*\\* \\_\\_news\\_\\_ @everyone <@&123456789012345678>');
    expect(reply.mention_everyone).toBe(false);
  });

  it('says that /digest needs a server when it is used in direct messages', async () => {
    const reply = await harness.server.driver.slash('/digest status', {}, { channel: 'dm', unchecked: true }).reply();
    expect(reply.content).toBe('This command only works in a server, not in direct messages. Use it in a channel of a server where the bot is installed.');
  });

  it('says a button has expired rather than failing', async () => {
    const answer = await harness.server.driver.slash('/ask', { question: 'Which railway links Uzbekistan and Afghanistan?' }).reply();
    // Sessions live in memory: a restarted bot has forgotten this answer's.
    await harness.restartBot();
    const vote = customIds(answer).find((id) => id.startsWith('ask:vote:')) ?? '';
    const reply = await harness.server.driver.click(answer, vote).reply();
    expect(reply.content).toMatch(/^This answer has expired.*Run \/ask again/);
  });
});
