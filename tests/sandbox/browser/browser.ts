import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium; `.ci/run` installs it with apt-get when it is missing. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags that work on these machines: headless, no sandbox (CI runs as root), and no
 * background networking, whose connections the closed network would refuse.
 */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where the screenshots of each step go: git-ignored test artefacts. */
export const screenshotDir = path.resolve('data', 'screenshots', 'sandbox');

export interface Browser {
  page: Page;
  /** Saves a screenshot of the page as `<name>.png` in the artefacts folder and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** A fresh Chromium with an empty profile, in English and UTC so dates read the same everywhere. */
export async function openBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium is not at ${chromiumPath}. Install it with: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).`);
  const profile = mkdtempSync(path.join(tmpdir(), 'briefing-chromium-'));
  mkdirSync(screenshotDir, { recursive: true });
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumFlags,
    viewport: { width: 1280, height: 860 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    page,
    async screenshot(name) {
      const file = path.join(screenshotDir, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The built sandbox page that the sandbox serves in these tests. */
export const webRoot = path.resolve('web', 'dist');

/** Fails the suite with what to run when the page has not been built. */
export function requireBuiltPage(): void {
  if (!existsSync(path.join(webRoot, 'index.html'))) throw new Error('The page is not built: run `npm run build:web` first (npm run test:browser does).');
}

/** A fresh Chromium on the sandbox page at `url`, once the page shows the #general channel. */
export async function openSandboxPage(url: string): Promise<Browser> {
  const browser = await openBrowser();
  await browser.page.goto(url);
  await browser.page.getByRole('heading', { name: 'general' }).waitFor();
  return browser;
}

/** Scrolls a message's first line to the top of the list, so a screenshot shows who asked and what. */
export async function showTop(message: Locator): Promise<void> {
  await message.evaluate((element) => element.scrollIntoView({ block: 'start' }));
}
