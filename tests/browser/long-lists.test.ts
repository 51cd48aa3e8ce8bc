import { dutchToday, formatDutchDate } from '@uitstroom/shared';
import { startBrowserHarness, type BrowserHarness } from '../support/browser';

/**
 * Long lists page: a region that has met every week for half a year has its upcoming table first
 * and its past tables ten at a time, the latest first; a case's access log opens with its latest
 * 10 lines and "Toon alles" shows the rest.
 */
let h: BrowserHarness;
const weekMs = 7 * 86_400_000;
/** The past tables, the latest first, as the page should list them. */
let pastStarts: Date[] = [];
beforeAll(async () => {
  h = await startBrowserHarness();
  const [chair] = await h.app.db.query(
    `SELECT u.id, o.region_id FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.email = 'voorzitter@almere.demo'`,
  );
  pastStarts = Array.from({ length: 23 }, (_, i) => new Date(Date.now() - (i + 1) * weekMs));
  for (const [i, startsAt] of pastStarts.entries())
    await h.app.db.query(
      `INSERT INTO outflow_table (region_id, title, starts_at, state, chair_user_id, published_at, closed_at)
       VALUES ($1, $2, $3, 'closed', $4, $3, $3)`,
      [chair.region_id, `Weektafel ${23 - i}`, startsAt, chair.id],
    );
  await h.app.db.query(
    `INSERT INTO outflow_table (region_id, title, starts_at, chair_user_id) VALUES ($1, 'Volgende weektafel', $2, $3)`,
    [chair.region_id, new Date(Date.now() + weekMs), chair.id],
  );
});
afterAll(async () => {
  await h?.close();
});

it('the chair sees the upcoming table first, then the past tables by ten, the latest first', async () => {
  const { context, page } = await h.signedInPage('voorzitter@almere.demo', '/tafels');
  const upcoming = page.getByRole('region', { name: 'Komende tafels' });
  const past = page.getByRole('region', { name: 'Eerdere tafels' });
  await upcoming.getByRole('link', { name: 'Volgende weektafel' }).waitFor();
  const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
  expect(headings.indexOf('Komende tafels')).toBeLessThan(headings.indexOf('Eerdere tafels'));

  const titlesOnPage = () => past.locator('tbody tr .tables-list__title').allTextContents();
  await past.getByText('Pagina 1 van 3').waitFor();
  expect(await titlesOnPage()).toEqual(Array.from({ length: 10 }, (_, i) => `Weektafel ${23 - i}`));
  await expect(past.locator('tbody tr time').first().textContent()).resolves.toContain(
    formatDutchDate(pastStarts[0]!).split(' ')[0],
  );
  await past.getByRole('button', { name: 'Volgende pagina' }).click();
  await past.getByText('Pagina 2 van 3').waitFor();
  expect(await titlesOnPage()).toEqual(Array.from({ length: 10 }, (_, i) => `Weektafel ${13 - i}`));
  await past.getByRole('button', { name: 'Volgende pagina' }).click();
  await past.getByText('Pagina 3 van 3').waitFor();
  expect(await titlesOnPage()).toEqual(['Weektafel 3', 'Weektafel 2', 'Weektafel 1']);
  await expect(past.getByRole('button', { name: 'Volgende pagina' }).isDisabled()).resolves.toBe(
    true,
  );
  await past.getByRole('button', { name: 'Vorige pagina' }).click();
  await past.getByText('Pagina 2 van 3').waitFor();
  // The upcoming table is never paged away.
  await expect(
    upcoming.getByRole('link', { name: 'Volgende weektafel' }).isVisible(),
  ).resolves.toBe(true);
  await context.close();
});

it("a case's access log shows its latest 10 lines under their Dutch day, and all of them after “Toon alles”", async () => {
  const [owned] = await h.app.db.query(
    `SELECT c.id FROM case_file c JOIN organisation o ON o.id = c.owner_organisation_id
      WHERE o.name = 'Kwintes' AND c.state <> 'closed' ORDER BY c.created_at LIMIT 1`,
  );
  // Each read of the file is a line in its log.
  const manager = await h.app.signIn('regisseur@kwintes.demo');
  for (let i = 0; i < 25; i++) await manager.get(`/api/cases/${owned.id}`).expect(200);
  const [{ count }] = await h.app.db.query(
    `SELECT count(*)::int AS count FROM audit_log WHERE object_type = 'case' AND object_id = $1`,
    [owned.id],
  );
  expect(count).toBeGreaterThanOrEqual(25);

  const { context, page } = await h.signedInPage(
    'regisseur@kwintes.demo',
    `/casussen/${owned.id}/logboek`,
  );
  const summary = page.getByText(/De laatste 10 van \d+ regels\./);
  await summary.waitFor();
  const total = Number((await summary.textContent())!.match(/van (\d+) regels/)![1]);
  expect(total).toBeGreaterThanOrEqual(count);
  await expect(page.locator('tbody tr').count()).resolves.toBe(10);
  // Issue 27.6: grouped by day, newest first; the day is the heading, the row says the time.
  await page.getByRole('heading', { level: 2, name: formatDutchDate(dutchToday()) }).waitFor();
  expect(await page.getByText(/decision/i).count()).toBe(0);
  await page.getByRole('button', { name: 'Toon alles' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('tbody tr').length === n, total);
  await expect(page.getByRole('button', { name: 'Toon alles' }).count()).resolves.toBe(0);
  await context.close();
});
