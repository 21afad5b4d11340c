import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCommands } from '../../../commands/index.js';
import { loadConfig } from '../../../src/config.js';
import { deployCommands } from '../../../src/discord/deploy-commands.js';
import { startLocalDiscord, type LocalDiscord } from '../../../src/local-discord/index.js';
import { startBriefingBot, type RunningBot } from '../../../src/start-briefing-bot.js';
import { makePdf, reportPdfSpec } from '../../extract/fixtures/make.js';
import { logSink } from '../fixtures/log-sink.js';
import { applicationId, botToken } from './harness.js';

const memo = '---\ntitle: Memo on the Zarafshan corridor\nauthor: Analyst Desk\npublished: 2025-03-02\n---\nThe Zarafshan corridor agreement was signed in Samarkand on 14 May 2025 by both ministers.\n';

/** Asks until the answer quotes the document, for at most `timeoutMs`: the watcher's debounce is in the way. */
async function askUntilQuoted(server: LocalDiscord, question: string, title: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reply = await server.driver.slash('/ask', { question }).reply();
    if (reply.embeds.some((embed) => JSON.stringify(embed).includes(title))) return reply;
    if (Date.now() > deadline) throw new Error(`no answer quoted "${title}" within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('the corpus folder while the bot runs, through a local Discord', () => {
  let root: string;
  let corpusDir: string;
  let server: LocalDiscord;
  let running: RunningBot;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'living-folder-'));
    corpusDir = path.join(root, 'corpus');
    await cp(path.resolve('corpus'), corpusDir, { recursive: true });
    server = await startLocalDiscord({ token: botToken, applicationId });
    await deployCommands({ rest: new REST({ api: server.apiBase }).setToken(botToken), applicationId, guildId: null, commands: allCommands });
    const config = loadConfig({ CORPUS_DIR: corpusDir, DATA_DIR: path.join(root, 'data') });
    running = await startBriefingBot({ config, discord: { token: botToken, applicationId, guildId: null, apiBase: server.apiBase }, database: ':memory:', logger: logSink().logger });
  });

  afterAll(async () => {
    await running?.stop();
    await server?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('answers /ask from a file dropped in the folder, without a restart, quoting it word for word', async () => {
    await writeFile(path.join(corpusDir, 'zarafshan.md'), memo);
    const reply = await askUntilQuoted(server, 'When was the Zarafshan corridor agreement signed?', 'Memo on the Zarafshan corridor');
    expect(JSON.stringify(reply.embeds)).toContain('The Zarafshan corridor agreement was signed in Samarkand on 14 May 2025 by both ministers.');
  });

  it('reports with /reindex what the folder holds: the counts and each skipped file with its reason', async () => {
    await writeFile(path.join(corpusDir, 'deck.pptx'), 'slides');
    const reply = await server.driver.slash('/reindex', {}).reply();
    const [embed] = reply.embeds;
    const served = running.bot.context.search.documents.length;
    expect(served).toBe(6);
    expect(embed?.description).toBe(`0 added, 0 changed, 0 removed, ${served} unchanged; 1 skipped.`);
    expect(embed?.fields).toContainEqual({ name: 'Skipped files', value: expect.stringMatching(/^deck\.pptx: skipped: \\?`\.pptx\\?` is not supported; supported are PDF, DOCX, HTML, Markdown and text\./) });
  });

  it('lists the key date of the dropped file in /sources', async () => {
    const reply = await server.driver.slash('/sources', { source: 'zarafshan' }).reply();
    const keyDates = reply.embeds[0]?.fields?.find((field) => field.name.startsWith('Key dates'));
    expect(keyDates?.value).toContain(`<t:${Date.UTC(2025, 4, 14, 12) / 1000}:D>`);
    expect(keyDates?.value).toContain('The Zarafshan corridor agreement was signed in Samarkand');
  });

  it('answers /ask from a PDF dropped in the folder, citing the page of the quote', async () => {
    await writeFile(path.join(corpusDir, 'decade-report.pdf'), await makePdf(reportPdfSpec));
    const reply = await askUntilQuoted(server, 'How large was the yen loan for the modernisation of the power grid?', 'Japan and Central Asia: A Decade of Dialogue');
    const embed = reply.embeds.find((candidate) => JSON.stringify(candidate).includes('A Decade of Dialogue'));
    const description = embed?.description ?? '';
    expect(description).toContain('Uzbekistan received a yen loan of 39 billion yen for the modernisation of its power grid.');
    expect(description).toMatch(/\*Japan and Central Asia: A Decade of Dialogue\* · Keiko Tanaka · .* · p\. 2, passage \d+ of \d+/);
  });

  it('hides /reindex from a member without Manage Server', () => {
    expect(() => server.driver.slash('/reindex', {}, { user: 'bob' })).toThrow(/default_member_permissions/);
  });
});
