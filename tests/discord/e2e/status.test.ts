import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

describe('/status through a local Discord', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  const field = (reply: { embeds: Array<{ fields?: Array<{ name: string; value: string }> }> }, name: string) => reply.embeds[0]?.fields?.find((entry) => entry.name === name)?.value;

  it('shows an admin the shard, the gateway, the database, the index and that no digest is on', async () => {
    const reply = await harness.server.driver.slash('/status', {}, { user: 'ada' }).reply();
    expect(reply.flags ?? 0).toBe(MessageFlags.Ephemeral);
    expect(reply.embeds[0]?.title).toBe('Status: all well');
    expect(field(reply, 'Shard')).toBe('0 (Ready); this process runs 0');
    expect(field(reply, 'Database')).toMatch(/^SQLite, \d+ ms round trip$/);
    expect(field(reply, 'Index')).toBe(`${harness.services.search.documents.length} documents, ${harness.services.search.documents.reduce((sum, document) => sum + harness.services.search.passagesOf(document.id).length, 0)} passages`);
    expect(field(reply, 'Last reindex')).toMatch(/^<t:\d+:F> \(<t:\d+:R>\)$/);
    expect(field(reply, 'Next digest here')).toMatch(/^none: no digest is on/);
  });

  it('shows the next digest of this server once one is set up', async () => {
    await harness.server.driver.slash('/digest setup', { channel: '#digest', schedule: 'daily 09:00', timezone: 'UTC', window: 7 }, { user: 'ada' }).reply();
    const reply = await harness.server.driver.slash('/status', {}, { user: 'ada' }).reply();
    const next = harness.bot.scheduler.status(harness.server.state.defaultGuild.id).then((status) => status.nextRun);
    expect(field(reply, 'Next digest here')).toBe(`<t:${Math.floor(((await next)?.getTime() ?? 0) / 1000)}:F> (<t:${Math.floor(((await next)?.getTime() ?? 0) / 1000)}:R>)`);
  });

  it('tells a member without Manage Server that it is for admins', async () => {
    const reply = await harness.server.driver.slash('/status', {}, { user: 'bob', unchecked: true }).reply();
    expect(reply.content).toMatch(/You need the Manage Server permission to see the bot’s status/);
  });
});
