import type request from 'supertest';
import { startBrowserHarness, type BrowserHarness } from '../support/browser';
import { giveConsent, newCase } from '../support/case-factory';

// The access log in the browser: the privacy officer's search and the resident's inzage page.
let h: BrowserHarness;
let kwintes: request.Agent;
let target: Record<string, any>;
const coordination = 'Regionale coördinatie Flevoland (centrumgemeente Almere)';
const lastName = 'Vindbaar';

beforeAll(async () => {
  h = await startBrowserHarness();
  kwintes = await h.app.signIn('regisseur@kwintes.demo');
  target = await newCase(kwintes, {
    identity: { firstName: 'Sara', lastName, birthDate: '1992-06-15' },
  });
  await giveConsent(kwintes, h.app.db, target.id, coordination, [
    'identityContact',
    'housingProfile',
  ]);
  const chair = await h.app.signIn('voorzitter@almere.demo');
  expect((await chair.get(`/api/cases/${target.id}`)).status).toBe(200);
  await newCase(kwintes); // another case, which the filter must leave out
});
afterAll(async () => {
  await h?.close();
});

describe('Auditlog (regio-beheerder)', () => {
  it("filters the region's audit log by a case's pseudonym and shows who looked, without the case's content", async () => {
    const { context, page } = await h.signedInPage('beheer@flevoland.demo', '/beheer/gebruikers');
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Auditlog' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Auditlog' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /regels? gevonden/ }).waitFor();

    await page.getByLabel('Casus (kenmerk of id)').fill(target.pseudonym.toLowerCase());
    await page
      .getByLabel('Van')
      .fill(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date()));
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL(/casus=/);
    const table = page.getByRole('table', { name: 'Regels van de auditlog, nieuwste eerst' });
    const chairRow = table
      .getByRole('row')
      .filter({ hasText: 'Marieke de Vries' })
      .filter({ hasText: 'Casus bekeken' });
    await chairRow.first().waitFor();
    await chairRow.first().getByText(`Tafelvoorzitter · ${coordination}`).waitFor();
    const rows = await table.getByRole('row').count();
    expect(rows).toBeGreaterThan(3);
    expect(await table.locator('tbody tr').filter({ hasNotText: target.pseudonym }).count()).toBe(
      0,
    );
    const text = await page.locator('main').innerText();
    expect(text).not.toContain(lastName);
    expect(text).not.toContain('Bipolaire');
    await h.screenshot(page, 'auditlog-zoeken');

    // A wrong filter is named at the field; nothing is searched.
    await page.getByLabel('Casus (kenmerk of id)').fill('Jansen');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByText('Vul een kenmerk in (zoals R-7K2M9QXA) of een casus-id.').waitFor();
    await context.close();
  });

  it('is not there for another seat', async () => {
    const { context, page } = await h.signedInPage('voorzitter@almere.demo', '/beheer/audit');
    await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
    expect(
      await page
        .getByRole('navigation', { name: 'Hoofdmenu' })
        .getByRole('link', { name: 'Auditlog' })
        .count(),
    ).toBe(0);
    await context.close();
  });
});

describe('Inzage in uw dossier (casemanager, voor de bewoner)', () => {
  it("shows the file and the log with organisation and role, never a staff member's name, and prints without the app around it", async () => {
    const { context, page } = await h.signedInPage(
      'regisseur@kwintes.demo',
      `/casussen/${target.id}/inzage`,
    );
    await page.getByRole('heading', { level: 1, name: 'Inzage in uw dossier' }).waitFor();
    await page
      .getByRole('heading', { level: 2, name: 'Wie heeft uw dossier bekeken of veranderd' })
      .waitFor();
    const log = page.getByRole('table', { name: 'Logboek van uw dossier' });
    await log
      .getByRole('row')
      .filter({ hasText: `${coordination} (tafelvoorzitter)` })
      .filter({ hasText: 'Casus bekeken' })
      .first()
      .waitFor();
    await log.getByRole('cell', { name: 'Kwintes (casemanager)' }).first().waitFor();
    await page.getByRole('region', { name: 'Over u' }).getByText(lastName).waitFor();
    await page
      .getByRole('table', { name: 'Toestemmingen' })
      .getByRole('cell', { name: coordination })
      .waitFor();

    const text = await page.locator('main').innerText();
    for (const name of ['Marieke de Vries', 'Sanne Willems', 'Petra Bos'])
      expect({ name, found: text.includes(name) }).toEqual({ name, found: false });

    const download = page.getByRole('link', { name: 'Download als JSON' });
    expect(await download.getAttribute('href')).toBe(`/api/cases/${target.id}/export`);
    expect(await download.getAttribute('download')).toBe(`inzage-${target.pseudonym}.json`);
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await page.getByRole('button', { name: 'Afdrukken' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await h.screenshot(page, 'inzage-dossier');

    // On paper: no header, menu, footer or buttons; the heading and the log stay.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.shell__header').isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
    expect(
      await page.getByRole('heading', { level: 1, name: 'Inzage in uw dossier' }).isVisible(),
    ).toBe(true);
    expect(await log.isVisible()).toBe(true);
    await h.screenshot(page, 'inzage-dossier-afdruk');
    await context.close();
  });

  it("the case manager's own log names the people; another organisation's case manager finds nothing", async () => {
    const own = await h.signedInPage('regisseur@kwintes.demo', `/casussen/${target.id}/logboek`);
    await own.page
      .getByRole('heading', { level: 1, name: `Logboek van de casus ${target.pseudonym}` })
      .waitFor();
    // The log opens with the latest ten lines (issue 27.6); the look sought may be older.
    const all = own.page.getByRole('button', { name: 'Toon alles' });
    if (await all.count()) await all.click();
    await own.page
      .getByRole('row')
      .filter({ hasText: 'Marieke de Vries' })
      .filter({ hasText: 'Casus bekeken' })
      .first()
      .waitFor();
    await own.context.close();

    const other = await h.signedInPage(
      'regisseur@leger-des-heils.demo',
      `/casussen/${target.id}/inzage`,
    );
    await other.page
      .getByRole('alert')
      .getByText('Deze casus bestaat niet of valt buiten uw bereik.')
      .waitFor();
    await other.context.close();
  });
});
