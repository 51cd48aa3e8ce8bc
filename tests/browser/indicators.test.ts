import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/axe';
import {
  collectErrors,
  screenshotDir,
  startBrowserHarness,
  type BrowserHarness,
} from '../support/browser';
import { newDwelling, searchingCases } from '../support/dwelling-factory';
import { answer, confirm, moveIn, offer } from '../support/placement-flow';

// The dashboards in the browser, for the three kinds of reader: the chair (the region, every count),
// the municipality of Lelystad (its own figures beside the region's, small counts as "<5") and a
// corporation (only its own dwellings). The demo has no history of offers and moves, so the test
// makes some: three cases decided at a table and two of them moved in through the API (real
// decisions, offers, keys), and a declined first offer for every ready demo case by SQL, with
// waiting times spread over a year, so that the charts and tables have something to show.
let h: BrowserHarness;
let readyOffers = 0;
let lelystadOffers = 0;

const waitingToOffer = 'Wachttijd van uitstroomgereed tot woningaanbod';

beforeAll(async () => {
  h = await startBrowserHarness();
  const db = h.app.db;
  const signIn = (email: string) => h.app.signIn(email);
  const decided = await searchingCases(signIn, db, [{}, {}, {}]);
  const centrada = await signIn('corporatie@centrada.demo');
  const kwintes = await signIn('regisseur@kwintes.demo');
  const lelystad = await signIn('gemeente@lelystad.demo');
  for (const [i, caseId] of decided.slice(0, 2).entries()) {
    const dwelling = await newDwelling(centrada, {
      neighbourhood: i === 0 ? 'Zuiderzeewijk' : 'Boswijk',
      street: `Sleutelstraat ${i + 1}`,
    });
    for (const step of [
      () => offer(centrada, caseId, dwelling.id),
      () => answer(kwintes, caseId, 'accepted'),
      () => confirm(lelystad, caseId),
      () => moveIn(centrada, caseId),
    ]) {
      const response = await step();
      if (response.status >= 300)
        throw new Error(`move ${i}: ${response.status} ${JSON.stringify(response.body)}`);
    }
  }
  // TEST-ONLY: the demo's ready cases each had a first offer, declined (so no dwelling stays
  // taken), 3 to ~300 days ago, after waits of 12 to ~200 days, by the corporation that owns the dwelling.
  const [{ id: regionId }] = await db.query(`SELECT id FROM region WHERE slug = 'flevoland'`);
  const [{ id: userId }] = await db.query(
    `SELECT id FROM app_user WHERE email = 'corporatie@centrada.demo'`,
  );
  const cases: { id: string }[] = await db.query(
    `SELECT c.id FROM case_file c
      WHERE c.region_id = $1 AND c.state = 'ready' AND NOT EXISTS (SELECT 1 FROM offer f WHERE f.case_id = c.id) ORDER BY c.created_at, c.id`,
    [regionId],
  );
  const dwellings: { id: string; organisation_id: string }[] = await db.query(
    `SELECT id, organisation_id FROM dwelling WHERE region_id = $1 ORDER BY street, id`,
    [regionId],
  );
  for (const [i, c] of cases.entries()) {
    const dwelling = dwellings[i % dwellings.length]!;
    await db.query(
      `INSERT INTO offer (region_id, case_id, dwelling_id, organisation_id, status, offered_by, offered_at, answer_due_on, waited_days, answered_by, answered_at, decline_reason)
       VALUES ($1, $2, $3, $4, 'declined', $5, now() - make_interval(days => $6), (now() - make_interval(days => $6))::date + 10, $7, $5,
               now() - make_interval(days => $6) + interval '1 day', 'De woning ligt te ver van het werk van de bewoner.')`,
      [
        regionId,
        c.id,
        dwelling.id,
        dwelling.organisation_id,
        userId,
        3 + ((i * 37) % 300),
        12 + i * 13,
      ],
    );
  }
  readyOffers = cases.length + 2;
  const [{ count }] = await db.query(
    `SELECT count(*)::int AS count FROM offer f JOIN case_file c ON c.id = f.case_id
      WHERE f.region_id = $1 AND coalesce(c.decided_destination_code, c.proposed_destination_code, c.origin_code) = 'GM0995'`,
    [regionId],
  );
  lelystadOffers = count;
});
afterAll(async () => {
  await h?.close();
});

/** The whole page; for a reviewer also its top and each section on its own (INDICATOR_DETAIL_SHOTS=1). */
async function screenshots(page: Page, who: string) {
  await page.mouse.move(0, 0);
  await h.screenshot(page, `indicators-${who}`);
  if (!process.env.INDICATOR_DETAIL_SHOTS) return;
  await page.screenshot({ path: join(screenshotDir, `indicators-${who}-top.png`) });
  const sections = page.locator('section.indicator-section');
  for (let i = 0; i < (await sections.count()); i++)
    await sections.nth(i).screenshot({ path: join(screenshotDir, `indicators-${who}-${i}.png`) });
}

const section = (page: Page, title: string) =>
  page.getByRole('region', { name: title, exact: true });

describe('indicators in the browser', () => {
  it('the chair sees every section with a chart and the table behind it, prints the tables and downloads one as CSV', async () => {
    const { context, page } = await h.signedInPage('voorzitter@almere.demo', '/tafels');
    const errors = collectErrors(page);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Indicatoren' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Indicatoren' }).waitFor();
    const waiting = section(page, waitingToOffer);
    const table = waiting.getByRole('table', { name: `${waitingToOffer} (dagen)` });
    await table.getByRole('row', { name: new RegExp(`^Totaal ${readyOffers} `) }).waitFor();
    // The chart is one image with a summary; the table carries the figures.
    await waiting.getByRole('img', { name: /^Staafdiagram: mediaan en 75e percentiel/ }).waitFor();
    for (const title of [
      'Open casussen per fase',
      'Besluiten per regel',
      'Verdeling naar inwonertal',
      'Plaatsingen per wijk',
      'Uitkomsten van afgesloten casussen',
    ]) {
      await section(page, title).getByRole('heading', { level: 2, name: title }).waitFor();
    }
    await section(page, 'Besluiten per regel')
      .getByRole('img', { name: /^Staafdiagram: besluiten per regel/ })
      .waitFor();
    await section(page, 'Plaatsingen per wijk')
      .getByRole('row', { name: /Zuiderzeewijk 1$/ })
      .waitFor();
    await section(page, 'Verdeling naar inwonertal')
      .getByText('Nog geen toewijzingen naar inwoneraantal in deze akkoordperiode.')
      .waitFor();
    // The chair sees every count: no "<5", and no explanation of it.
    expect(await page.getByText('Aantallen onder de 5 tonen we als <5').count()).toBe(0);
    await screenshots(page, 'chair');
    // Charts, tables, filters and links as axe-core judges them (WCAG 2.1 A and AA).
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      waiting.getByRole('link', { name: /^CSV downloaden/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('Totaal');
    expect(csv.split('\n').length).toBeGreaterThan(5);

    const pdf = await context.request.get(
      (await page.getByRole('link', { name: 'PDF downloaden' }).getAttribute('href'))!,
    );
    expect([pdf.status(), pdf.headers()['content-type']]).toEqual([200, 'application/pdf']);

    // The printable page: the same figures as tables only, no chart library, no app around it.
    await page.getByRole('link', { name: 'Afdrukken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Indicatoren Regio Flevoland' }).waitFor();
    await page
      .getByRole('table', { name: `${waitingToOffer} (dagen)` })
      .getByRole('row', { name: new RegExp(`^Totaal ${readyOffers} `) })
      .waitFor();
    expect(await page.locator('svg.recharts-surface').count()).toBe(0);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(false);
    await h.screenshot(page, 'indicators-chair-print');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the filters change the URL and the figures; a period the API refuses shows its message at the field', async () => {
    const { context, page } = await h.signedInPage('voorzitter@almere.demo', '/indicatoren');
    const total = section(page, waitingToOffer)
      .getByRole('table')
      .getByRole('row', { name: /^Totaal / });
    await total.getByRole('rowheader', { name: 'Totaal' }).waitFor();
    await expect(total.textContent()).resolves.toMatch(new RegExp(`^Totaal${readyOffers}`));
    await page.getByRole('combobox', { name: 'Gemeente' }).selectOption({ label: 'Lelystad' });
    await page.getByRole('button', { name: 'Toepassen' }).click();
    await page.waitForURL(/gemeente=GM0995/);
    await page
      .getByRole('table', { name: `${waitingToOffer} (dagen)` })
      .getByRole('row', { name: new RegExp(`^Totaal ${lelystadOffers} `) })
      .waitFor();
    // The exports take the same filters.
    await expect(
      page.getByRole('link', { name: 'PDF downloaden' }).getAttribute('href'),
    ).resolves.toMatch(/^\/api\/indicators\/report\/pdf\?.*municipality=GM0995/);
    // A quick choice keeps the other filters.
    await page.getByRole('button', { name: 'Dit jaar' }).click();
    await page.waitForURL(
      (url) =>
        url.searchParams.get('van')?.endsWith('-01-01') === true &&
        url.searchParams.get('gemeente') === 'GM0995',
    );
    // A period without any history: each section says so in Dutch.
    await page.goto('/indicatoren?van=2020-01-01&tot=2020-12-31');
    await section(page, waitingToOffer).getByText('Geen gegevens in deze periode.').waitFor();
    // A link typed by hand with the end before the start: the API's message, at the field.
    await page.goto('/indicatoren?van=2025-06-01&tot=2025-01-31');
    await page
      .getByRole('alert')
      .getByText('De filters kloppen niet; zie de melding bij het veld.')
      .waitFor();
    await expect(page.getByLabel('Tot en met').getAttribute('aria-describedby')).resolves.toContain(
      'fout',
    );
    await page.getByText('De einddatum ligt niet voor de begindatum.').waitFor();
    await context.close();
  });

  it('a municipality sees its own figures beside the region\'s, small counts as "<5", explained once', async () => {
    const { context, page } = await h.signedInPage('gemeente@lelystad.demo', '/indicatoren');
    const errors = collectErrors(page);
    const table = section(page, waitingToOffer).getByRole('table', {
      name: `${waitingToOffer} (dagen)`,
    });
    await table.getByRole('columnheader', { name: 'Gemeente Lelystad', exact: true }).waitFor();
    await table.getByRole('columnheader', { name: 'Regio Flevoland', exact: true }).waitFor();
    await table
      .getByRole('row', {
        name: new RegExp(
          `^Totaal ${lelystadOffers < 5 ? '<5' : lelystadOffers} .* ${readyOffers} `,
        ),
      })
      .waitFor();
    await expect(page.getByText(/^Aantallen onder de 5 tonen we als <5/).count()).resolves.toBe(1);
    // The moves per wijk are the same in both: shown once, its own marked; 1 per wijk is "<5" for a municipality.
    await section(page, 'Plaatsingen per wijk')
      .getByRole('row', { name: 'Lelystad · Zuiderzeewijk uw gemeente <5' })
      .waitFor();
    // No filter on another municipality is offered.
    expect(await page.getByRole('combobox', { name: 'Gemeente' }).count()).toBe(0);
    await screenshots(page, 'municipality');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a corporation sees only the figures of its own dwellings, and is told so once', async () => {
    const { context, page } = await h.signedInPage('corporatie@centrada.demo', '/indicatoren');
    const errors = collectErrors(page);
    await section(page, waitingToOffer).getByRole('table').waitFor();
    await page
      .getByText(
        /Een woningcorporatie ziet alleen wat over haar eigen aanbiedingen, woningen en contingenten gaat; open casussen, besluiten/,
      )
      .waitFor();
    for (const hidden of [
      'Open casussen per fase',
      'Besluiten per regel',
      'Verdeling naar inwonertal',
      'Uitkomsten van afgesloten casussen',
    ]) {
      expect(await page.getByRole('heading', { name: hidden }).count()).toBe(0);
    }
    await section(page, 'Woningen aangeboden en aanvaard tegen de contingenten')
      .getByRole('row', { name: /^Centrada · Lelystad / })
      .first()
      .waitFor();
    expect(await page.getByRole('combobox', { name: 'Corporatie' }).count()).toBe(0);
    await screenshots(page, 'corporation');
    expect(errors).toEqual([]);
    await context.close();
  });
});
