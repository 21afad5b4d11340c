import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/load-corpus.js';
import { startSandboxHarness, type SandboxHarness } from '../sandbox-harness.js';
import { type Browser, openSandboxPage, requireBuiltPage, showTop, webRoot } from './browser.js';

/*
 * The sandbox page in Debian's Chromium, driven by playwright-core, in front of the real
 * bot on the local Discord server. Each step saves a screenshot under data/screenshots/sandbox.
 */

describe('the sandbox page in a real browser', () => {
  let harness: SandboxHarness;
  let browser: Browser;
  let page: Page;
  let bodies: string[];
  const composer = () => page.getByRole('textbox', { name: /^Message #/ });
  const messages = () => page.getByTestId('message');
  const channelButton = (name: string) => page.getByRole('navigation', { name: 'Server' }).getByRole('button', { name, exact: true });
  const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();
  const isVerbatim = (quote: string) => normalize(quote).length > 40 && bodies.some((body) => normalize(body).includes(normalize(quote).replace(/^… /u, '').replace(/…$/u, '')));

  beforeAll(async () => {
    requireBuiltPage();
    bodies = (await loadCorpus('corpus')).documents.map((document) => document.body);
    harness = await startSandboxHarness({ webRoot });
    browser = await openSandboxPage(harness.url);
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  async function send(line: string): Promise<void> {
    await composer().pressSequentially(line, { delay: 5 });
    await composer().press('Enter');
    await expect.poll(() => composer().inputValue()).toBe('');
  }

  it('suggests the registered commands as "/" is typed', async () => {
    await composer().pressSequentially('/as', { delay: 20 });
    const suggestion = page.getByRole('option', { name: /\/ask/ });
    await suggestion.waitFor();
    expect(await suggestion.textContent()).toContain('Answer a question');
    await browser.screenshot('01-command-suggestions');
    await composer().press('Tab');
    expect(await composer().inputValue()).toBe('/ask ');
  });

  let answer: Locator;

  it('answers /ask with an embed whose quote is word for word from a source, only for the asker', async () => {
    // Goble's article is dated to the day, so its citation carries a <t:…:D> timestamp.
    await send('question:How much did Japan lend Uzbekistan in 2024?');
    const latest = messages().filter({ has: page.getByTestId('embed') }).last();
    await latest.getByTestId('embed').first().locator('blockquote').waitFor();
    // Pinned by id: later messages must not move what "the answer" refers to.
    answer = page.locator(`[data-message-id="${await latest.getAttribute('data-message-id')}"]`);
    expect(await answer.locator('.invocation').textContent()).toBe('Ada used /ask');
    const quote = await answer.getByTestId('embed').first().locator('blockquote').innerText();
    expect(isVerbatim(quote)).toBe(true);
    // The answering sentence is marked inside the quote, and highlighted, not only bold.
    const answering = answer.getByTestId('embed').first().locator('blockquote strong').first();
    expect(await answering.innerText()).toContain('39 billion Japanese Yen');
    // The page's window, typed here because the tests compile without the DOM library.
    const background = await answering.evaluate((element) => (globalThis as unknown as { getComputedStyle(target: unknown): { backgroundColor: string } }).getComputedStyle(element).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    expect(await answer.getByTestId('ephemeral-note').textContent()).toContain('Only you can see this');
    // A day-precision citation date is a <t:…:D> timestamp, shown as a date in the reader's locale.
    const dates = await answer.locator('time.timestamp').allTextContents();
    expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) expect(date).toMatch(/^[A-Z][a-z]+ \d{1,2}, \d{4}$/);
    await showTop(answer);
    await browser.screenshot('02-ask-answer');
  });

  it('pages to the next passages with the Next button', async () => {
    const firstQuote = await answer.getByTestId('embed').first().locator('blockquote').innerText();
    await answer.getByRole('button', { name: 'Next ▶' }).click();
    await expect.poll(() => answer.locator('.embed-footer').last().textContent()).toMatch(/^Page 2 of \d+/);
    const nextQuote = await answer.getByTestId('embed').first().locator('blockquote').innerText();
    expect(nextQuote).not.toBe(firstQuote);
    expect(isVerbatim(nextQuote)).toBe(true);
    await showTop(answer);
    await browser.screenshot('03-next-passage');
  });

  it('posts the ephemeral answer to the channel for everyone', async () => {
    await answer.getByRole('button', { name: 'Post to channel' }).click();
    const shared = messages().filter({ hasText: 'Shared by' }).last();
    await shared.waitFor();
    expect(await shared.getByTestId('ephemeral-note').count()).toBe(0);
    expect(await shared.getByTestId('embed').count()).toBeGreaterThan(0);
    await showTop(shared);
    await browser.screenshot('04-posted-to-channel');
  });

  it('runs "Find sources" on a person\'s message from its Apps menu', async () => {
    await send('Japan agreed to lend Uzbekistan 39 billion yen');
    const said = messages().filter({ hasText: 'Japan agreed to lend Uzbekistan' }).last();
    await said.hover();
    await said.getByRole('button', { name: 'Apps' }).click();
    await said.getByRole('menuitem', { name: 'Find sources' }).click();
    const found = messages().filter({ hasText: 'Ada used Find sources' }).last();
    await found.getByTestId('embed').first().waitFor();
    expect(isVerbatim(await found.getByTestId('embed').first().locator('blockquote').innerText())).toBe(true);
    expect(await found.getByTestId('ephemeral-note').count()).toBe(1);
  });

  it('sets up a digest with the time zone from the bot\'s autocomplete', async () => {
    // The next whole minute that is at least 20 seconds away, in Tashkent time (UTC+5, no daylight saving).
    const at = new Date(Date.now() + 80_000);
    const schedule = `${at.getUTCMinutes()} ${(at.getUTCHours() + 5) % 24} * * *`;
    await composer().pressSequentially(`/digest setup channel:#digest schedule:${schedule} timezone:Asia/Tash`, { delay: 5 });
    const choice = page.getByRole('option', { name: /Asia\/Tashkent/ });
    await choice.waitFor();
    await browser.screenshot('05-timezone-autocomplete');
    await composer().press('Enter');
    expect(await composer().inputValue()).toMatch(/timezone:Asia\/Tashkent $/);
    await send('window:90');
    const confirmation = messages().filter({ hasText: 'Digest set' }).last();
    await confirmation.waitFor();
    expect(await confirmation.locator('.invocation').textContent()).toBe('Ada used /digest setup');
    expect(await confirmation.locator('.mention').first().textContent()).toBe('#digest');
    // The next run is given as <t:…:F> and <t:…:R>: a full date, then "in 1 minute" or so.
    const [next, relative] = await confirmation.locator('time.timestamp').allTextContents();
    expect(next).toMatch(/^[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, \d{4} at \d{1,2}:\d{2}/);
    expect(relative).toMatch(/^in \d+ (second|minute)s?$/);
    await browser.screenshot('06-digest-set-up');
  });

  it('shows the digest arriving in its channel when its time comes', async () => {
    await channelButton('digest').click();
    await page.getByRole('heading', { name: 'digest' }).waitFor();
    const digest = messages().filter({ has: page.locator('.author', { hasText: 'Briefing Bot' }) });
    await digest.first().waitFor({ timeout: 150_000 });
    expect(await digest.first().getByTestId('ephemeral-note').count()).toBe(0);
    await browser.screenshot('07-scheduled-digest');
  }, 180_000);

  it('posts the digest again on "Run digest now"', async () => {
    const digests = messages().filter({ has: page.locator('.author', { hasText: 'Briefing Bot' }) });
    const before = await digests.count();
    await page.getByRole('button', { name: 'Run digest now' }).click();
    await expect.poll(() => digests.count(), { timeout: 15_000 }).toBe(before + 1);
    await browser.screenshot('08-run-digest-now');
  });

  it('asks before "Run digest now" posts after /digest off, and posts only once confirmed', async () => {
    // Enter first picks the highlighted subcommand suggestion, as in Discord; the second sends.
    await composer().pressSequentially('/digest off', { delay: 5 });
    await composer().press('Enter');
    await expect.poll(() => composer().inputValue()).toBe('/digest off ');
    await composer().press('Enter');
    await expect.poll(() => composer().inputValue()).toBe('');
    await messages().filter({ hasText: 'The digest is off' }).last().waitFor();
    const digests = messages().filter({ has: page.locator('.author', { hasText: 'Briefing Bot' }) }).filter({ hasNotText: 'The digest is off' });
    const before = await digests.count();
    await page.getByRole('button', { name: 'Run digest now' }).click();
    const question = page.getByRole('alertdialog', { name: 'Confirm the digest' });
    await question.waitFor();
    expect(await question.textContent()).toContain('The digest is off for this server');
    await browser.screenshot('09-digest-off-confirm');
    expect(await digests.count()).toBe(before);
    await question.getByRole('button', { name: 'Post the digest' }).click();
    await expect.poll(() => digests.count(), { timeout: 15_000 }).toBe(before + 1);
    expect(await question.count()).toBe(0);
  });

  it('says on the page when an entry is too long to send, instead of failing silently', async () => {
    await composer().fill('x'.repeat(70_000));
    await composer().press('Enter');
    const problem = page.locator('.composer-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toBe('This is too long for the sandbox (over 64 KB): shorten it.');
    await composer().fill('y'.repeat(2_100));
    await composer().press('Enter');
    await expect.poll(() => problem.textContent()).toBe('Messages are limited to 2,000 characters; this one has 2,100.');
    await browser.screenshot('10-entry-too-long');
    await composer().fill('');
  });

  it('refuses /digest setup to Bob, who lacks Manage Server, and shows the refusal only to him', async () => {
    await page.getByLabel('Acting as').selectOption({ label: 'Bob — member' });
    await channelButton('general').click();
    // Ada's ephemeral answers are hers alone.
    expect(await messages().filter({ hasText: 'Ada used /ask' }).count()).toBe(0);
    await send('/digest setup channel:#digest schedule:daily 09:00 timezone:UTC');
    const refusal = messages().filter({ hasText: 'Manage Server' }).last();
    await refusal.waitFor();
    expect(await refusal.locator('.invocation').textContent()).toBe('Bob used /digest setup');
    expect(await refusal.getByTestId('ephemeral-note').textContent()).toContain('Only you can see this');
    await browser.screenshot('11-member-refused');
  });

  it('attaches the picture of the selected dates to /timeline, shown inline above the list with its alt text', async () => {
    await send('/timeline from:2025-12');
    const reply = messages().filter({ hasText: 'Bob used /timeline' }).last();
    const image = reply.getByTestId('attachment-image').locator('img');
    await image.waitFor();
    // Loaded from the local server's attachment, at the size the bot drew it.
    await expect.poll(() => image.evaluate((element) => { const loaded = element as unknown as { complete: boolean; naturalWidth: number }; return loaded.complete ? loaded.naturalWidth : 0; })).toBe(1200);
    expect(await image.getAttribute('alt')).toMatch(/^Key dates \(from 2025-12\): \d+ dates from .*19 December 2025 to 20 December 2025: Tokyo hosted the first summit/);
    // Scaled into Discord's inline box, and placed above the embed as Discord places it.
    const [picture, embed] = [await image.boundingBox(), await reply.getByTestId('embed').first().boundingBox()];
    expect(picture?.width).toBe(550);
    expect((picture?.y ?? 0) + (picture?.height ?? 0)).toBeLessThanOrEqual(embed?.y ?? 0);
    await showTop(reply);
    await browser.screenshot('10-timeline-picture');
  });
});
