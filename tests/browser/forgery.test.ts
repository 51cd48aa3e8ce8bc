import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness } from '../support/browser';
import { giveConsent, newCase } from '../support/case-factory';

// Same-site request forgery in real Chromium: a page on another port of the same host is "same
// site", so the signed-in user's SameSite=Lax cookie goes along with its form posts and no-cors
// fetches. Before issue 20 such a page created a dwelling and withdrew a consent.
let h: BrowserHarness;
let attacker: Server;
let attackerUrl = '';
let page = '';
let caseId = '';
let consentId = '';

beforeAll(async () => {
  h = await startBrowserHarness();
  const manager = await h.app.signIn('regisseur@kwintes.demo');
  caseId = (await newCase(manager)).id;
  consentId = (await giveConsent(manager, h.app.db, caseId, 'Centrada')).id;
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((resolve) => attacker?.close(resolve));
  await h?.close();
});

const countDwellings = async () =>
  (
    await h.app.db.query(
      "SELECT count(*)::int AS n FROM dwelling WHERE street = 'Vervalsingstraat'",
    )
  )[0].n as number;
const isWithdrawn = async () =>
  (await h.app.db.query('SELECT withdrawn_at FROM case_consent WHERE id = $1', [consentId]))[0]
    .withdrawn_at !== null;

/**
 * Serves `html` on the attacker's port and opens it in the victim's signed-in page; returns the
 * statuses the app answered on `apiPath` (seen at the server: the browser hides a no-cors answer).
 */
async function visitAttackerPage(victim: Page, html: string, apiPath: string): Promise<number[]> {
  page = html;
  const statuses: number[] = [];
  const watch = (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.split('?')[0] === apiPath) res.on('finish', () => statuses.push(res.statusCode));
  };
  h.server.httpServer.on('request', watch);
  try {
    await victim.goto(attackerUrl);
    for (let waited = 0; statuses.length === 0 && waited < 10_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    h.server.httpServer.off('request', watch);
  }
  return statuses;
}

describe('a page on another port of the same host', () => {
  it('a form post (text/plain, shaped as JSON) to create a dwelling is refused and creates nothing', async () => {
    const { context, page: victim } = await h.signedInPage('corporatie@centrada.demo', '/woningen');
    const json = JSON.stringify({
      street: 'Vervalsingstraat',
      houseNumber: '1',
      postcode: '1315 AB',
      municipalityCode: 'GM0034',
      kind: 'apartment',
      rooms: 2,
      rent: 600,
      availableFrom: '2026-03-01',
      tenancyForm: 'regular',
      padding: '',
    });
    const [name, value] = [json.slice(0, -2), json.slice(-2)];
    const statuses = await visitAttackerPage(
      victim,
      `<!doctype html><title>Prijsvraag</title>
      <form method="post" enctype="text/plain" action="${h.baseUrl}/api/dwellings"><input type="hidden" name='${name.replace(/'/g, '&#39;')}' value='${value}'></form>
      <script>document.forms[0].submit()</script>`,
      '/api/dwellings',
    );
    expect(statuses).toEqual([403]);
    // The browser shows the answer of the form's navigation: the error shape, in JSON.
    await victim.waitForURL(`${h.baseUrl}/api/dwellings`);
    expect(JSON.parse(await victim.locator('body').innerText())).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await countDwellings()).toBe(0);
    await context.close();
  });

  it('a no-cors fetch with text/plain to withdraw a consent is refused and withdraws nothing', async () => {
    const { context, page: victim } = await h.signedInPage('regisseur@kwintes.demo', '/casussen');
    const path = `/api/cases/${caseId}/consents/${consentId}/withdraw`;
    const statuses = await visitAttackerPage(
      victim,
      `<!doctype html><title>Nieuws</title><script>
      fetch(${JSON.stringify(h.baseUrl + path)}, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
      </script>`,
      path,
    );
    expect(statuses).toEqual([403]);
    expect(await isWithdrawn()).toBe(false);
    await context.close();
  });

  it('a cross-origin JSON fetch never leaves the browser (no preflight is granted), and the app’s own page still withdraws', async () => {
    const { context, page: victim } = await h.signedInPage('regisseur@kwintes.demo', '/casussen');
    const path = `/api/cases/${caseId}/consents/${consentId}/withdraw`;
    page = `<!doctype html><title>Nieuws</title><script>
      window.result = fetch(${JSON.stringify(h.baseUrl + path)}, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: '{}' })
        .then(() => 'sent', () => 'blocked');
      </script>`;
    await victim.goto(attackerUrl);
    expect(
      await victim.evaluate(() => (window as unknown as { result: Promise<string> }).result),
    ).toBe('blocked');
    expect(await isWithdrawn()).toBe(false);

    // The same request from the app's own origin (as its client sends it) works.
    await victim.goto(`${h.baseUrl}/casussen`);
    const status = await victim.evaluate(
      async (url) =>
        (
          await fetch(url, {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json' },
            body: '{}',
          })
        ).status,
      path,
    );
    expect(status).toBe(200);
    expect(await isWithdrawn()).toBe(true);
    await context.close();
  });
});
