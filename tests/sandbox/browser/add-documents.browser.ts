import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf, type PdfSpec } from '../../extract/fixtures/make.js';
import { startSandboxHarness, type SandboxHarness } from '../sandbox-harness.js';
import { type Browser, openSandboxPage, requireBuiltPage, showTop, webRoot } from './browser.js';

/*
 * Issue 9 §4 in Debian's Chromium: a PDF attached to /add with the page's 📎 button and a
 * web page added by link, both served from a loopback HTTP server, then /ask answered from
 * each with a quote word for word from it (and, for the PDF, its page). Each holds facts
 * found nowhere in the corpus, so only the new document can answer.
 */

/** Three pages; the fact asked about is on page 2 alone. */
const reportSpec: PdfSpec = {
  info: { Title: 'Steppe Water Ledger', Author: 'Mirela Okonkwo-Vance', CreationDate: new Date(Date.UTC(2026, 2, 9)) },
  pages: [
    [['Steppe Water Ledger'], ['This ledger follows irrigation finance in the lower Syr Darya basin.', 'It collects figures reported by the basin councils each spring.']],
    [['The Qyzylkum pumping cooperative bought eleven solar turbines', 'from the Hokuriku Aquifer Fund for 7.3 million dollars in 2026.'], ['Each turbine lifts water for roughly four hundred smallholders.']],
    [['The councils will publish the next ledger after the autumn harvest.']],
  ],
};
const pdfPages = reportSpec.pages.map((paragraphs) => paragraphs.map((lines) => lines.join(' ')).join(' '));

const articleFact = 'The Samarkand lantern festival drew 86,000 visitors to the Registan on its opening night, a record for the city.';
const articleRest = [
  'Organisers said the paper lanterns were folded by students from eleven schools over the winter, and that the festival would return next spring with a longer route through the old town.',
  'Hotel owners near the square reported that rooms were fully booked for the whole week, and the city council promised extra night buses for the closing evening.',
];
const articleText = [articleFact, ...articleRest].join(' ');
const articleHtml = `<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Lanterns over the Registan | Silk Road Ledger</title>
<meta name="author" content="Dilnoza Quarshie">
<meta property="og:site_name" content="Silk Road Ledger">
<meta property="article:published_time" content="2026-04-18T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe</a></nav>
<article>
<h1>Lanterns over the Registan</h1>
<p>${articleFact}</p>
${articleRest.map((paragraph) => `<p>${paragraph}</p>`).join('\n')}
</article>
<footer>© Silk Road Ledger. All rights reserved.</footer>
</body></html>`;

describe('adding a PDF and a web page on the sandbox page, then asking them', () => {
  let files: Server;
  let articleUrl: string;
  let pdf: Uint8Array;
  let harness: SandboxHarness;
  let browser: Browser;
  let page: Page;
  const composer = () => page.getByRole('textbox', { name: /^Message #/ });
  const messages = () => page.getByTestId('message');
  const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();
  /** The quote without the ellipses that mark where it was cut, whitespace-normalised. */
  const quoteText = (quote: string) => normalize(quote).replace(/^…\s*/u, '').replace(/\s*…$/u, '');

  beforeAll(async () => {
    requireBuiltPage();
    pdf = await makePdf(reportSpec);
    files = createServer((request, response) => {
      if (request.url === '/lanterns.html') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articleHtml);
      } else {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    articleUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}/lanterns.html`;
    // Links to loopback are refused by default; the test's file server is on 127.0.0.1.
    harness = await startSandboxHarness({ webRoot, env: { LINKS_ALLOW_PRIVATE: '127.0.0.1' } });
    browser = await openSandboxPage(harness.url);
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    await new Promise<void>((resolve) => (files ? files.close(() => resolve()) : resolve()));
  });

  /** The bot's latest message holding an embed whose title starts so, pinned by id. */
  async function latestEmbed(title: string): Promise<Locator> {
    const latest = messages().filter({ has: page.getByTestId('embed').filter({ hasText: title }) }).last();
    await latest.waitFor();
    return page.locator(`[data-message-id="${await latest.getAttribute('data-message-id')}"]`);
  }

  /** Add, and the preview becomes the confirmation: the preview's embed and buttons go. */
  async function clickAdd(preview: Locator, title: string): Promise<void> {
    await preview.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => preview.innerText(), { timeout: 15_000 }).toContain('It is answerable now');
    const text = await preview.innerText();
    expect(text).toContain(`Added ${title}`);
    expect(text).toContain('Only this server sees it.');
    expect(text).not.toContain('Nothing is added until you press');
    expect(await preview.getByRole('button').filter({ hasText: /^(Add|Edit|Cancel)$/ }).count()).toBe(0);
  }

  async function ask(question: string): Promise<Locator> {
    const before = await messages().filter({ hasText: 'Ada used /ask' }).count();
    await composer().pressSequentially(`/ask question:${question}`, { delay: 5 });
    await composer().press('Enter');
    await expect.poll(() => composer().inputValue()).toBe('');
    await expect.poll(() => messages().filter({ hasText: 'Ada used /ask' }).count(), { timeout: 15_000 }).toBe(before + 1);
    const latest = messages().filter({ hasText: 'Ada used /ask' }).last();
    await latest.getByTestId('embed').first().locator('blockquote').waitFor();
    return page.locator(`[data-message-id="${await latest.getAttribute('data-message-id')}"]`);
  }

  it('attaches a PDF to /add with the 📎 button, shows its preview, and adds it on Add', async () => {
    await composer().pressSequentially('/add ', { delay: 5 });
    await page.getByLabel('Attach a file to file').setInputFiles({ name: 'steppe-water-ledger.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
    await page.getByTestId('attached-file').waitFor();
    await expect.poll(() => composer().inputValue()).toBe('/add file:steppe-water-ledger.pdf ');
    await composer().press('Enter');
    await expect.poll(() => composer().inputValue()).toBe('');
    const preview = await latestEmbed('Preview: Steppe Water Ledger');
    const text = await preview.innerText();
    expect(text).toContain('Mirela Okonkwo-Vance');
    expect(text).toContain('PDF');
    expect(await preview.getByTestId('ephemeral-note').count()).toBe(1);
    await showTop(preview);
    await browser.screenshot('30-add-pdf-preview');
    await clickAdd(preview, 'Steppe Water Ledger');
    await browser.screenshot('31-add-pdf-added');
  });

  it('adds a web page from /add link: and shows its metadata in the preview', async () => {
    await composer().pressSequentially(`/add link:${articleUrl}`, { delay: 2 });
    await composer().press('Enter');
    await expect.poll(() => composer().inputValue()).toBe('');
    const preview = await latestEmbed('Preview: Lanterns over the Registan');
    const text = await preview.innerText();
    expect(text).toContain('Dilnoza Quarshie');
    expect(text).toContain('Silk Road Ledger');
    expect(text).toContain('HTML');
    await browser.screenshot('32-add-link-preview');
    await showTop(preview);
    await clickAdd(preview, 'Lanterns over the Registan');
    await browser.screenshot('33-add-link-added');
  });

  it('answers a question only the PDF answers, quoting it word for word and citing page 2', async () => {
    const answer = await ask('Which fund sold solar turbines to the Qyzylkum pumping cooperative?');
    const embed = answer.getByTestId('embed').first();
    const quote = quoteText(await embed.locator('blockquote').innerText());
    expect(quote.length).toBeGreaterThan(20);
    // Word for word from the PDF, and from page 2, where the fact is.
    expect(normalize(pdfPages[1] ?? '')).toContain(quote);
    expect(quote).toContain('Hokuriku Aquifer Fund');
    const citation = await embed.innerText();
    expect(citation).toContain('Steppe Water Ledger');
    expect(citation).toMatch(/\bp\. 2\b/);
    await showTop(answer);
    await browser.screenshot('34-ask-pdf-page');
  });

  it('answers a question only the web page answers, quoting its article text word for word', async () => {
    const answer = await ask('How many visitors did the Samarkand lantern festival draw?');
    const embed = answer.getByTestId('embed').first();
    const quote = quoteText(await embed.locator('blockquote').innerText());
    expect(quote.length).toBeGreaterThan(20);
    expect(articleText).toContain(quote);
    expect(quote).toContain('86,000 visitors');
    const citation = await embed.innerText();
    expect(citation).toContain('Lanterns over the Registan');
    expect(citation).toContain('Dilnoza Quarshie');
    // A web page has no pages, so its citation names none.
    expect(citation).not.toMatch(/\bp\. \d/);
    await showTop(answer);
    await browser.screenshot('35-ask-web-page');
  });
});
