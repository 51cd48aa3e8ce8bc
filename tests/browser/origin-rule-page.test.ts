import type { Locator, Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness } from '../support/browser';

// "Zo werkt de herkomstregel": the explanation, and the try-out form whose proposal the browser
// computes with the shared engine, live, without asking the server.
let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => {
  await h?.close();
});

const contractReasons = [
  'Het laatste woonadres vóór de opname op 1 maart 2022 lag in Lelystad (1 augustus 2013 tot 15 november 2021).',
  'Het verblijf in een instelling in Almere telt niet mee voor de herkomst.',
  'Uitzondering B geldt niet: Dronten is vanuit Lelystad te bereizen.',
  'De bewoner wil graag naar Zeewolde; zonder uitzondering A of B blijft Lelystad de bestemming.',
];

const proposal = (page: Page) => page.getByRole('region', { name: 'Voorstel van de regel' });
const fact = (panel: Locator, key: string) =>
  panel
    .locator('dt')
    .filter({ hasText: new RegExp(`^${key}$`) })
    .locator('xpath=following-sibling::dd[1]');
const reasons = (panel: Locator) =>
  panel.getByRole('list', { name: 'Redenen' }).getByRole('listitem').allTextContents();

async function waitForOutcome(panel: Locator, label: string) {
  await panel.getByText(label, { exact: true }).waitFor();
}

describe('the page "Zo werkt de herkomstregel"', () => {
  it('proposes live in the browser, shows issues at their fields, and never asks the API', async () => {
    const { context, page } = await h.signedInPage('gemeente@almere.demo', '/herkomstregel');
    await page.getByRole('heading', { level: 1, name: 'Zo werkt de herkomstregel' }).waitFor();
    const apiRequests: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) apiRequests.push(`${request.method()} ${url.pathname}`);
    });
    // Load again with the listener in place, so that every request of the page is seen.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Zo werkt de herkomstregel' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    for (const name of [
      'De regel: terug naar de gemeente van herkomst',
      'De uitzonderingen',
      'Herkomst buiten de regio',
      'Probeer het zelf',
    ]) {
      expect(await page.getByRole('heading', { level: 2, name }).count()).toBe(1);
    }
    // Every input, select and textarea of the page has a label.
    const unlabelled = await page
      .locator('main')
      .evaluate((main) =>
        [...main.querySelectorAll<HTMLInputElement>('input, select, textarea')]
          .filter((el) => (el.labels?.length ?? 0) === 0)
          .map((el) => el.id || el.name),
      );
    expect(unlabelled).toEqual([]);

    const panel = proposal(page);
    expect(await panel.getAttribute('aria-live')).toBe('polite');

    // Another example first, so that loading the contract example visibly changes the form.
    await page.getByRole('button', { name: 'Herkomst buiten de regio' }).click();
    await waitForOutcome(panel, 'Herkomst buiten de regio: verwijzen');
    expect(await fact(panel, 'Herkomst').textContent()).toBe('GM0363 (buiten de regio)');

    await page.getByRole('button', { name: 'Terug naar de herkomst' }).click();
    await waitForOutcome(panel, 'Terug naar de gemeente van herkomst');
    expect(await fact(panel, 'Herkomst').textContent()).toBe('Lelystad');
    expect(await fact(panel, 'Bestemming').textContent()).toBe('Lelystad');
    expect(await fact(panel, 'Woonwens').textContent()).toBe('Zeewolde');
    expect(await reasons(panel)).toEqual(contractReasons);
    await h.screenshot(page, 'origin-rule-contract');

    // One answer changes, the proposal follows without a reload.
    await page.evaluate(() => {
      (window as unknown as { stillHere: boolean }).stillHere = true;
    });
    await page
      .getByRole('radiogroup', { name: 'Kan de bewoner dit vanuit de herkomstgemeente bereizen?' })
      .getByLabel('Nee')
      .check();
    await waitForOutcome(panel, 'Uitzondering B: betere kansen elders');
    expect(await fact(panel, 'Bestemming').textContent()).toBe('Dronten');
    expect((await reasons(panel))[2]).toBe(
      'Uitzondering B geldt: de vaste daginvulling in Dronten draagt beter bij aan het herstel en is niet vanuit Lelystad te bereizen; de bestemming is Dronten.',
    );
    expect(
      await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere),
    ).toBe(true);

    // A motivation that is too short: the engine's Dutch message at the field, and linked from the panel.
    const motivation = page.getByLabel('Motivering bij uitzondering B', { exact: true });
    await motivation.fill('Te kort');
    const message = 'Een motivering heeft minstens 10 tekens.';
    await panel.getByText('De regel kan nog geen voorstel doen').waitFor();
    expect(await motivation.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await motivation.getAttribute('aria-describedby'))?.split(' ') ?? [];
    const descriptions = await Promise.all(
      describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    expect(descriptions).toContain(message);
    const link = panel.getByRole('link', { name: `Motivering bij uitzondering B: ${message}` });
    await page.getByRole('button', { name: 'Adres toevoegen' }).focus();
    await link.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      await motivation.getAttribute('id'),
    );
    await h.screenshot(page, 'origin-rule-short-motivation');
    await motivation.fill('Vaste baan in Dronten, begint om zes uur.');
    await waitForOutcome(panel, 'Uitzondering B: betere kansen elders');

    // An origin that cannot be traced: the distribution by population, with its figures.
    await page.getByRole('button', { name: 'Herkomst onvindbaar (C)' }).click();
    await waitForOutcome(
      panel,
      'Uitzondering C: herkomst onvindbaar, verdeling naar inwoneraantal',
    );
    expect(await fact(panel, 'Herkomst').textContent()).toBe('Niet te vinden');
    expect(await fact(panel, 'Bestemming').textContent()).toBe('Noordoostpolder');
    const cReasons = await reasons(panel);
    expect(cReasons).toContain(
      'Noordoostpolder heeft het grootste tekort: aandeel 11,02% van de inwoners × (N + 1 = 10) − 0 eerdere plaatsingen = 1,10.',
    );
    expect(cReasons).toContain(
      'Daarna komt Zeewolde: aandeel 5,39% van de inwoners × (N + 1 = 10) − 0 eerdere plaatsingen = 0,54.',
    );
    await h.screenshot(page, 'origin-rule-untraceable');

    // The same page on a narrow screen: one column, the proposal under the form.
    await page.setViewportSize({ width: 400, height: 800 });
    const formBox = await page.getByRole('form', { name: 'De casus' }).boundingBox();
    const panelBox = await panel.boundingBox();
    expect(panelBox!.y).toBeGreaterThan(formBox!.y + formBox!.height - 1);
    // While the form is in view, a bar at the bottom of the screen keeps the gist of the proposal in sight.
    await page.getByLabel('Datum van de eerste opname').scrollIntoViewIfNeeded();
    const bar = page.getByRole('link', { name: 'Voorstel: Noordoostpolder (uitzondering C)' });
    const barBox = await bar.boundingBox();
    expect(barBox!.y + barBox!.height).toBeCloseTo(800, -1);
    await h.screenshot(page, 'origin-rule-narrow');

    // Only the page frame's own requests went to the API (session, bell, task count); no computation did.
    expect(
      apiRequests.filter(
        (r) =>
          !['GET /api/auth/me', 'GET /api/notifications/unread-count', 'GET /api/tasks'].includes(
            r,
          ),
      ),
    ).toEqual([]);
    expect(apiRequests).toContain('GET /api/auth/me');
    await context.close();
  });

  it('adds and removes addresses by keyboard, and keeps the case when the region changes', async () => {
    const { context, page } = await h.signedInPage('regisseur@kwintes.demo', '/herkomstregel');
    const panel = proposal(page);
    await waitForOutcome(panel, 'Terug naar de gemeente van herkomst');
    await page.getByRole('button', { name: 'Adres toevoegen' }).focus();
    await page.keyboard.press('Enter');
    // The new row takes the focus, and its empty fields are named in the panel.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      'proef-addresses-3-municipality',
    );
    await panel.getByRole('link', { name: 'Adres 4: gemeente: Dit veld is verplicht.' }).waitFor();
    await panel.getByRole('link', { name: 'Adres 4: vanaf: Dit veld is verplicht.' }).waitFor();
    await page
      .getByLabel('Gemeente van adres 4')
      .selectOption({ label: 'Buiten de regio (CBS-code)' });
    await page.getByLabel('CBS-code van adres 4').fill('Amsterdam');
    await panel
      .getByRole('link', {
        name: 'Adres 4: CBS-code: Geen geldige CBS-gemeentecode (GM gevolgd door vier cijfers).',
      })
      .waitFor();
    await page.getByRole('button', { name: 'Adres 4 verwijderen' }).focus();
    await page.keyboard.press('Enter');
    await waitForOutcome(panel, 'Terug naar de gemeente van herkomst');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Adres toevoegen');
    expect(await reasons(panel)).toEqual(contractReasons);

    // The same case in Midden-IJssel: Lelystad is now outside the region, and B needs a municipality there.
    await page.getByLabel('Regio van de uitstroomtafel').selectOption({ label: 'Midden-IJssel' });
    await panel
      .getByRole('link', {
        name: 'Uitzondering B: gemeente: Bij uitzondering B is de gemeente verplicht.',
      })
      .waitFor();
    expect(await page.getByLabel('CBS-code van adres 2').inputValue()).toBe('GM0995');
    await page.getByLabel('Uitzondering B invoeren').uncheck();
    await waitForOutcome(panel, 'Herkomst buiten de regio: verwijzen');
    expect(await fact(panel, 'Herkomst').textContent()).toBe('GM0995 (buiten de regio)');
    expect(await page.getByRole('checkbox', { name: 'Deventer', exact: true }).count()).toBe(1);
    expect(await page.getByRole('spinbutton', { name: 'Deventer', exact: true }).count()).toBe(1);
    expect(await page.getByRole('spinbutton', { name: 'Almere', exact: true }).count()).toBe(0);
    await context.close();
  });
});
