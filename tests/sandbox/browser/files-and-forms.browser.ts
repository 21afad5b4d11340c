import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFormsSandbox, type FormsSandbox } from '../forms-sandbox.js';
import { type Browser, openSandboxPage, requireBuiltPage, webRoot } from './browser.js';

/*
 * Files and forms on the sandbox page, in Debian's Chromium: a file attached to a command's
 * attachment option through the page's file picker, and modals the bot shows, filled in and
 * submitted. The bot is a small test bot on the real discord.js client that takes files and
 * shows an Edit form the way /add does (tests/sandbox/forms-sandbox.ts).
 */
const notes = Buffer.from('Japan–Central Asia dialogue: notes\nSecond line.\n');

describe('files and forms on the sandbox page in a real browser', () => {
  let sandbox: FormsSandbox;
  let browser: Browser;
  let page: Page;
  const composer = () => page.getByRole('textbox', { name: /^Message #/ });
  const messages = () => page.getByTestId('message');

  beforeAll(async () => {
    requireBuiltPage();
    sandbox = await startFormsSandbox({ webRoot });
    browser = await openSandboxPage(sandbox.url);
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it('attaches a file from the picker to the command\'s file option; the bot downloads it and answers', async () => {
    await composer().pressSequentially('/attach ', { delay: 5 });
    await page.getByLabel('Attach a file to file').setInputFiles({ name: 'dialogue notes.txt', mimeType: 'text/plain', buffer: notes });
    const chip = page.getByTestId('attached-file');
    await chip.waitFor();
    expect(await chip.textContent()).toContain(`file: dialogue_notes.txt (${notes.length} bytes)`);
    await expect.poll(() => composer().inputValue()).toBe('/attach file:dialogue_notes.txt ');
    await browser.screenshot('20-file-attached');
    await composer().press('Enter');
    await expect.poll(() => composer().inputValue()).toBe('');
    const reply = messages().filter({ hasText: 'Received dialogue_notes.txt' }).last();
    await reply.waitFor();
    expect(await reply.locator('.message-main').innerText()).toContain(`Received dialogue_notes.txt: ${notes.length} bytes, first line "Japan–Central Asia dialogue: notes". Title: dialogue_notes`);
    expect(await reply.getByTestId('ephemeral-note').count()).toBe(1);
    expect(await page.getByTestId('attached-file').count()).toBe(0);
    await browser.screenshot('21-file-received');
  });

  it('opens the Edit form from the reply\'s button, prefilled, and shows the corrected reply after Submit', async () => {
    const reply = messages().filter({ hasText: 'Received dialogue_notes.txt' }).last();
    await reply.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('dialog', { name: 'Correct the metadata' });
    await form.waitFor();
    expect(await form.getByLabel('Title').inputValue()).toBe('dialogue_notes');
    await form.getByLabel('Title').fill('Dialogue notes');
    await form.getByLabel('Author').fill('K. Sato');
    await browser.screenshot('22-edit-form');
    await form.getByRole('button', { name: 'Submit' }).click();
    await form.waitFor({ state: 'detached' });
    const updated = messages().filter({ hasText: 'author: K. Sato' });
    await updated.waitFor();
    expect(await updated.locator('.message-main').innerText()).toContain('Title: Dialogue notes; author: K. Sato');
    await browser.screenshot('23-edit-applied');
  });

  it('keeps a form open while a required field is empty, then sends it filled in; Cancel sends nothing', async () => {
    await composer().pressSequentially('/feedback', { delay: 5 });
    await composer().press('Enter');
    await expect.poll(() => composer().inputValue()).toBe('/feedback ');
    await composer().press('Enter');
    const form = page.getByRole('dialog', { name: 'Feedback' });
    await form.waitFor();
    await form.getByRole('button', { name: 'Submit' }).click();
    // The browser holds back a required field left empty, as Discord's client does.
    expect(await form.count()).toBe(1);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
    const interactionsBefore = sandbox.discord.state.interactions.size;

    await composer().fill('/feedback ');
    await composer().press('Enter');
    await form.waitFor();
    expect(sandbox.discord.state.interactions.size).toBe(interactionsBefore + 1);
    await form.getByLabel('Subject').fill('More PDFs please');
    await form.getByRole('button', { name: 'Submit' }).click();
    await form.waitFor({ state: 'detached' });
    await messages().filter({ hasText: 'Feedback from ada: More PDFs please' }).waitFor();
    await browser.screenshot('24-feedback-sent');
  });

  it('says on the page when a file is over the 10 MB limit, and attaches nothing', async () => {
    await composer().fill('/attach ');
    await page.getByLabel('Attach a file to file').setInputFiles({ name: 'huge.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(10 * 1024 * 1024 + 1) });
    const problem = page.locator('.composer-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toBe('This file is over 10 MB, Discord\'s limit for a file in a server without boosts: attach a smaller one.');
    expect(await page.getByTestId('attached-file').count()).toBe(0);
    await browser.screenshot('25-file-too-large');
    await composer().fill('');
    expect(sandbox.failures).toEqual([]);
  });
});
