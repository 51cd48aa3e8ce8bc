import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { openChromium } from './chromium';
import { startTestApp, demoPassword, type TestApp } from './test-app';
import { startServer, type RunningServer } from '../../server/src/server';

export const screenshotDir = join(__dirname, '..', '..', 'test-results', 'screenshots');

export interface BrowserHarness {
  app: TestApp;
  /** The node itself, for a test that watches what reached it. */
  server: RunningServer;
  baseUrl: string;
  browser: Browser;
  newPage(): Promise<{ context: BrowserContext; page: Page }>;
  /** Signs in through the API (fast), then opens the app as that seat. */
  signedInPage(email: string, path?: string): Promise<{ context: BrowserContext; page: Page }>;
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

/** A page's Date starts at this process's (possibly shifted) time and runs on from there. */
export async function followShiftedClock(context: BrowserContext): Promise<void> {
  if (process.env.FAKETIME) await context.clock.install({ time: Date.now() });
}

/** The real app with the built client on a free port, and Debian's Chromium driving it. */
export async function startBrowserHarness(): Promise<BrowserHarness> {
  // The port is chosen first, so that the app knows its own public address (links in mails, Origin).
  const port = await freePort();
  const app = await startTestApp({
    clientDistDir: process.env.CLIENT_DIST_DIR ?? join(__dirname, '..', '..', 'client', 'dist'),
    port,
    publicUrl: `http://127.0.0.1:${port}`,
  });
  // The whole node, live layer included, on the test's database: the pages update over their sockets.
  const server = await startServer({ db: app.db, config: app.config, port, host: '127.0.0.1' });
  const baseUrl = server.url;
  const browser = await openChromium();
  mkdirSync(screenshotDir, { recursive: true });

  const newPage = async () => {
    // A Dutch user's browser, whatever the machine's zone: the client's dates must not depend on it.
    const context = await browser.newContext({
      baseURL: baseUrl,
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
      viewport: { width: 1280, height: 800 },
    });
    await followShiftedClock(context);
    return { context, page: await context.newPage() };
  };
  return {
    app,
    server,
    baseUrl,
    browser,
    newPage,
    async signedInPage(email, path = '/') {
      const { context, page } = await newPage();
      const response = await context.request.post('/api/auth/login', {
        data: { email, password: demoPassword },
      });
      if (!response.ok()) throw new Error(`sign-in as ${email} failed: ${response.status()}`);
      await page.goto(path);
      return { context, page };
    },
    async screenshot(page, name) {
      await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
    },
    async close() {
      await browser.close();
      await server.close();
      await app.close();
    },
  };
}

/**
 * Signs in through the page as a person does: the e-mail address first (its domain decides the
 * way in), then the password. Most tests sign in through the API instead (`signedInPage`, faster).
 */
export async function signInThroughPage(
  page: Page,
  email: string,
  password = demoPassword,
): Promise<void> {
  await page.goto('/');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByRole('button', { name: 'Volgende' }).click();
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/** A port nobody listens on now (the system picks it; closed again at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The page's uncaught errors and console errors, for a test to expect none. A refused request logs a
 * failed resource in the console while the page shows its own message, so that never counts;
 * `alsoExpected` names more noise a test causes on purpose (a 409 the page handles, a cut network).
 */
export function collectErrors(page: Page, alsoExpected?: RegExp): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    const text = message.text();
    if (
      message.type() === 'error' &&
      !/Failed to load resource/.test(text) &&
      !alsoExpected?.test(text)
    )
      errors.push(text);
  });
  return errors;
}

/**
 * Answers the question a step asks before it is taken (issue 27.1): the dialog says what follows
 * and who is told (its description), then its button takes the step.
 */
export async function confirmStep(page: Page, confirmLabel: string | RegExp): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  expect(await dialog.getAttribute('aria-describedby')).toBeTruthy();
  await dialog.getByRole('button', { name: confirmLabel, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}
