import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/**
 * Under the clock layer of `npm test` libfaketime is preloaded into every process; Chromium started
 * with it never finishes closing. So Chromium runs on the real clock, and every page gets the
 * shifted clock from Playwright instead (see followShiftedClock): app, database and page still
 * share one time.
 */
function chromiumEnvironment(): Record<string, string> {
  const { LD_PRELOAD: _preload, FAKETIME: _faketime, ...rest } = process.env;
  return Object.fromEntries(
    Object.entries(rest).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

export function chromiumLaunchOptions(): LaunchOptions {
  return {
    env: chromiumEnvironment(),
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    // The machine has no network but loopback: keep Chromium from phoning home at every start.
    args: [
      '--no-sandbox',
      '--lang=nl-NL',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  };
}

/** Set by the global set-up of a browser run: one Chromium for every test file (starting one costs seconds). */
export const sharedChromiumVariable = 'TEST_CHROMIUM_WS';

/**
 * The run's shared Chromium when the global set-up started one, otherwise one of this file's own
 * (a single browser file run without `--selectProjects`). Each file works in its own contexts.
 */
export async function openChromium(): Promise<Browser> {
  const endpoint = process.env[sharedChromiumVariable];
  return endpoint ? chromium.connect(endpoint) : chromium.launch(chromiumLaunchOptions());
}
