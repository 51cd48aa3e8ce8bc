import { join } from 'node:path';
import { screenshotDir, startBrowserHarness, type BrowserHarness } from '../support/browser';
import { seedDemoHistory } from '../../server/src/demo/demo-history';

/**
 * The main pages with the demo data, as a newcomer sees them; the README shows these screenshots
 * (copied from test-results/screenshots/readme-*.png to docs/screenshots/). Each page must show its
 * heading and content, so a broken page fails here.
 */
let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => {
  await h?.close();
});

const firstId = async (sql: string) => ((await h.app.db.query(sql))[0] as { id: string }).id;

it('the case manager: list, a case with its proposal beside the wishes', async () => {
  const { context, page } = await h.signedInPage('regisseur@kwintes.demo', '/casussen');
  await page.getByRole('heading', { level: 1, name: 'Mijn casussen' }).waitFor();
  await page.getByRole('table').waitFor();
  await h.screenshot(page, 'readme-casussen');
  const caseId =
    await firstId(`SELECT c.id FROM case_file c JOIN organisation o ON o.id = c.owner_organisation_id
    WHERE o.name = 'Kwintes' AND c.proposal IS NOT NULL AND c.state = 'ready'
    ORDER BY (c.proposal->'result'->>'outcome' = 'B') DESC, (c.proposal->'result'->>'outcome' = 'A') DESC, c.created_at LIMIT 1`);
  await page.goto(`/casussen/${caseId}`);
  await page.getByRole('heading', { name: 'Voorstel van de herkomstregel' }).waitFor();
  await h.screenshot(page, 'readme-casus');
  // The same case on a phone: the top of the page, as it opens.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'Menu' }).waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(screenshotDir, 'readme-casus-telefoon.png') });
  await context.close();
});

it('the chair: a table with its agenda shared', async () => {
  const { context, page } = await h.signedInPage('voorzitter@almere.demo', '/tafels');
  const organisations: { id: string; name: string }[] = await h.app.db.query(
    `SELECT id, name FROM organisation WHERE name IN ('Gemeente Lelystad', 'Gemeente Almere', 'Centrada', 'Mercatus', 'Kwintes', 'Leger des Heils')`,
  );
  const api = context.request;
  const created = await api.post('/api/tables', {
    data: {
      title: 'Uitstroomtafel Flevoland december',
      startsAt: new Date(Date.now() + 8 * 86_400_000).toISOString(),
      location: 'Stadhuis Almere, zaal 2',
      invitedOrganisationIds: organisations.map((o) => o.id),
    },
  });
  let table = await created.json();
  const ready: { id: string; version: number }[] = await h.app.db.query(
    `SELECT id, version FROM case_file WHERE state = 'ready' AND region_id = (SELECT id FROM region WHERE slug = 'flevoland') ORDER BY ready_at LIMIT 3`,
  );
  for (const c of ready) {
    table = await (
      await api.post(`/api/tables/${table.id}/agenda`, {
        data: { version: table.version, caseId: c.id, caseVersion: c.version },
      })
    ).json();
  }
  await api.post(`/api/tables/${table.id}/publish`, { data: { version: table.version } });
  await page.goto(`/tafels/${table.id}`);
  await page
    .getByRole('heading', { level: 1, name: 'Uitstroomtafel Flevoland december' })
    .waitFor();
  await h.screenshot(page, 'readme-tafel');
  await context.close();
});

it('everyone: the rule explained; the region admin: users and settings', async () => {
  const { context, page } = await h.signedInPage('gemeente@almere.demo', '/herkomstregel');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await h.screenshot(page, 'readme-herkomstregel');
  await context.close();
  const admin = await h.signedInPage('beheer@flevoland.demo', '/regio/instellingen');
  await admin.page.getByRole('heading', { level: 1 }).waitFor();
  await admin.page.getByText('Almere').first().waitFor();
  await h.screenshot(admin.page, 'readme-regio-instellingen');
  await admin.context.close();
});

it('the corporation: its dwellings and contingents; everyone: my tasks', async () => {
  const corporation = await h.signedInPage('corporatie@centrada.demo', '/woningen');
  await corporation.page.getByRole('heading', { level: 1, name: 'Woningen' }).waitFor();
  await corporation.page.getByRole('table').waitFor();
  await h.screenshot(corporation.page, 'readme-woningen');
  await corporation.page.goto('/contingenten');
  await corporation.page.getByRole('heading', { level: 1 }).waitFor();
  await corporation.page.getByRole('table').first().waitFor();
  await h.screenshot(corporation.page, 'readme-contingenten');
  await corporation.context.close();
  const caseManager = await h.signedInPage('regisseur@kwintes.demo', '/taken');
  await caseManager.page.getByRole('heading', { level: 1, name: 'Mijn taken' }).waitFor();
  await caseManager.page.getByRole('link').filter({ hasText: /.+/ }).first().waitFor();
  await h.screenshot(caseManager.page, 'readme-taken');
  await caseManager.context.close();
});

it('everyone: signing in, the e-mail address first (its domain decides the way in)', async () => {
  const { context, page } = await h.newPage();
  await page.goto('/');
  await page.getByLabel('E-mailadres').fill('regisseur@kwintes.demo');
  await page.getByRole('button', { name: 'Volgende' }).click();
  await page.getByLabel('Wachtwoord').waitFor();
  await h.screenshot(page, 'readme-inloggen');
  await context.close();
});

it('the region admin: reading spreadsheets in, and the partner systems’ tokens; the provider: its own settings', async () => {
  const admin = await h.signedInPage('beheer@flevoland.demo', '/beheer/inlezen');
  await admin.page.getByRole('heading', { level: 1 }).waitFor();
  await h.screenshot(admin.page, 'readme-inlezen');
  await admin.page.goto('/beheer/koppelingen');
  await admin.page.getByRole('heading', { level: 1 }).waitFor();
  await h.screenshot(admin.page, 'readme-koppelingen');
  await admin.context.close();
  const provider = await h.signedInPage('aanbieder@leger-des-heils.demo', '/organisatie');
  await provider.page.getByRole('heading', { level: 1 }).waitFor();
  await provider.page.getByRole('textbox').first().waitFor();
  await h.screenshot(provider.page, 'readme-organisatie');
  await provider.context.close();
});

it('the chair and a municipality: the indicators, on the demo history that `npm start` adds', async () => {
  // Last in this file: the history adds a few hundred cases that the other pages need not show.
  expect(await seedDemoHistory(h.app.db)).toBe(true);
  const chair = await h.signedInPage('voorzitter@almere.demo', '/indicatoren');
  await chair.page.getByRole('heading', { level: 1, name: 'Indicatoren' }).waitFor();
  await chair.page
    .getByRole('table', { name: /^Wachttijd van uitstroomgereed tot woningaanbod/ })
    .waitFor();
  await chair.page.mouse.move(0, 0);
  // The top of a long page: the filters and the first chart with its table.
  await chair.page.setViewportSize({ width: 1280, height: 1500 });
  await chair.page.screenshot({ path: join(screenshotDir, 'readme-indicatoren.png') });
  await chair.context.close();
  const municipality = await h.signedInPage('gemeente@lelystad.demo', '/indicatoren');
  await municipality.page
    .getByRole('table', { name: /^Wachttijd van uitstroomgereed tot woningaanbod/ })
    .waitFor();
  await municipality.page.mouse.move(0, 0);
  await municipality.page.setViewportSize({ width: 1280, height: 1500 });
  await municipality.page.screenshot({
    path: join(screenshotDir, 'readme-indicatoren-gemeente.png'),
  });
  await municipality.context.close();
});
