import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCommands } from '../../../commands/index.js';
import { loadConfig } from '../../../src/config.js';
import type { SourceDocument } from '../../../src/corpus/types.js';
import { deployCommands } from '../../../src/discord/deploy-commands.js';
import type { DocumentIntake } from '../../../src/library/intake-types.js';
import { startLocalDiscord, type LocalDiscord } from '../../../src/local-discord/index.js';
import type { SeedGuild } from '../../../src/local-discord/seed.js';
import { startBriefingBot, type RunningBot } from '../../../src/start-briefing-bot.js';
import { logSink } from '../fixtures/log-sink.js';
import { applicationId, botToken } from './harness.js';
import { customIds } from './messages.js';

const alpha = '1100000000000000001';
const beta = '1200000000000000002';

function guild(id: string, name: string, member: string): SeedGuild {
  return {
    id,
    name,
    roles: [{ name: 'Admin', permissions: ['ManageGuild'] }],
    channels: [{ name: 'general' }],
    members: [{ username: member, globalName: member, roles: ['Admin'] }, { username: `${member}-owner`, globalName: `${member} owner`, owner: true }],
  };
}

/** Paragraphs too long to be merged into one quote that all answer one question, so the answer runs to a second page. */
function memo(place: string): string {
  const detail = 'The commission reviewed the freight schedules, the customs posts and the rail gauges along the route, and noted each in its minutes. ';
  const paragraphs = [1, 2, 3, 4, 5, 6, 7].map((index) => `The ${place} corridor agreement, clause ${index}, was signed in Samarkand on 14 May 2025 by both ministers of the ${place} commission. ${detail.repeat(5)}`);
  return `---\ntitle: Memo on the ${place} corridor\nauthor: Analyst Desk\n---\n${paragraphs.join('\n\n')}\n`;
}

describe('documents added in one server, through a local Discord with two servers', () => {
  let root: string;
  let server: LocalDiscord;
  let running: RunningBot;
  let intake: DocumentIntake;
  let ours: SourceDocument;
  let theirs: SourceDocument;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'per-server-'));
    const corpusDir = path.join(root, 'corpus');
    await cp(path.resolve('corpus'), corpusDir, { recursive: true });
    server = await startLocalDiscord({ token: botToken, applicationId, guilds: [guild(alpha, 'Alpha', 'ada'), guild(beta, 'Beta', 'ben')] });
    await deployCommands({ rest: new REST({ api: server.apiBase }).setToken(botToken), applicationId, guildId: null, commands: allCommands });
    const config = loadConfig({ CORPUS_DIR: corpusDir, DATA_DIR: path.join(root, 'data'), LIBRARY_SYNC_SECONDS: '0' });
    running = await startBriefingBot({ config, discord: { token: botToken, applicationId, guildId: null, apiBase: server.apiBase }, database: path.join(root, 'briefing.db'), logger: logSink().logger });
    const found = running.bot.context.intake;
    if (found === undefined) throw new Error('the bot has an intake');
    intake = found;
    const file = (text: string, name: string) => ({ kind: 'file' as const, bytes: new TextEncoder().encode(text), fileName: name, contentType: null });
    ours = await intake.add({ source: file(memo('Zarafshan'), 'zarafshan.md'), overrides: {}, scope: alpha, addedBy: { id: '1', name: 'ada' } });
    theirs = await intake.add({ source: file(memo('Fergana'), 'fergana.md'), overrides: {}, scope: beta, addedBy: { id: '2', name: 'ben' } });
  });

  afterAll(async () => {
    await running?.stop();
    await server?.close();
    await rm(root, { recursive: true, force: true });
  });

  const seen = (reply: { embeds: unknown[]; content?: string }) => JSON.stringify([reply.content ?? '', reply.embeds]);

  it('answers /ask and /search in each server from its own document only', async () => {
    const askAlpha = seen(await server.driver.slash('/ask', { question: 'When was the corridor agreement signed in Samarkand?' }, { guild: 'Alpha' }).reply());
    const askBeta = seen(await server.driver.slash('/ask', { question: 'When was the corridor agreement signed in Samarkand?' }, { guild: 'Beta' }).reply());
    expect(askAlpha).toContain('Memo on the Zarafshan corridor');
    expect(askAlpha).not.toContain('Fergana');
    expect(askBeta).toContain('Memo on the Fergana corridor');
    expect(askBeta).not.toContain('Zarafshan');

    expect(seen(await server.driver.slash('/search', { terms: 'Fergana' }, { guild: 'Alpha' }).reply())).not.toContain('Memo on the Fergana corridor');
    expect(seen(await server.driver.slash('/search', { terms: 'Fergana' }, { guild: 'Beta' }).reply())).toContain('Memo on the Fergana corridor');
  });

  it('lists, suggests and times only what the server may see', async () => {
    const sourcesAlpha = seen(await server.driver.slash('/sources', {}, { guild: 'Alpha' }).reply());
    expect(sourcesAlpha).toContain('Memo on the Zarafshan corridor');
    expect(sourcesAlpha).not.toContain('Memo on the Fergana corridor');
    await expect(server.driver.slash('/sources', { source: theirs.id }, { guild: 'Alpha' }).reply()).resolves.toMatchObject({ content: expect.stringContaining('There is no source called') });

    const suggested = await server.driver.autocomplete('/ask', { question: 'when', source: 'memo on the' }, 'source', { guild: 'Alpha' }).choices();
    expect(suggested.map((choice) => choice.value)).toContain(ours.id);
    expect(suggested.map((choice) => choice.value)).not.toContain(theirs.id);

    const timelineBeta = seen(await server.driver.slash('/timeline', { from: '2025-05', to: '2025-05', picture: false }, { guild: 'Beta' }).reply());
    expect(timelineBeta).toContain('Fergana corridor agreement');
    expect(timelineBeta).not.toContain('Zarafshan corridor agreement');
  });

  it('keeps paging an answer whose document was removed meanwhile, quoting what it showed', async () => {
    const first = await server.driver.slash('/ask', { question: 'Zarafshan corridor agreement clause signed', source: ours.id }, { guild: 'Alpha' }).reply();
    const next = customIds(first).find((id) => id.startsWith('ask:page:') && id.endsWith(':1'));
    expect(next).toBeDefined();
    await intake.remove(ours.id, alpha);
    expect(seen(await server.driver.slash('/search', { terms: 'Zarafshan' }, { guild: 'Alpha' }).reply())).not.toContain('Memo on the Zarafshan corridor');

    const second = await server.driver.click(first, next ?? '', { guild: 'Alpha' }).reply();
    expect(second.embeds.at(-1)?.footer?.text).toMatch(/^Page 2 of \d+/);
    expect(seen(second)).toContain('Zarafshan corridor agreement, clause');
    // The removed document has no passage count any more: "passage 4", never "passage 4 of 0".
    expect(seen(second)).not.toMatch(/passage \d+ of 0/);
  });
});
