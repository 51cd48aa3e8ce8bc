import type { Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness } from '../support/browser';

// Regio-instellingen: the regionAdmin edits the region's rule set; every save is a new version.
let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => {
  await h?.close();
});

const ruleSetCount = async (): Promise<number> =>
  (await h.app.db.query('SELECT count(*)::int AS n FROM rule_set'))[0].n;
const focusedLabel = (page: Page) => page.locator(':focus').getAttribute('aria-label');

async function openSettings(email = 'beheer@flevoland.demo') {
  const opened = await h.signedInPage(email, '/regio/instellingen');
  await opened.page.getByRole('heading', { level: 1, name: 'Regio-instellingen' }).waitFor();
  await opened.page.getByRole('heading', { level: 2, name: 'Instellingen wijzigen' }).waitFor();
  return opened;
}

describe('Regio-instellingen', () => {
  it("the regionAdmin changes Almere's population, saves, and sees version 2 in the history", async () => {
    const { context, page } = await openSettings();
    expect(
      await page
        .getByRole('navigation', { name: 'Hoofdmenu' })
        .getByRole('link', { name: 'Regio-instellingen' })
        .count(),
    ).toBe(1);
    await page.getByText('Het formulier toont versie 1').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Versie 1 (geldt nu)' }).waitFor();

    const almere = page.getByLabel('Inwoners Almere', { exact: true });
    expect(await almere.inputValue()).toBe('226500');
    await almere.fill('228.000'); // as a Dutch reader types it
    // Issue 27.4: each municipality's objection procedure for the letter; empty shows the default.
    await page
      .getByText(
        'Standaard: Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken bezwaar maken bij de gemeente Urk.',
        { exact: false },
      )
      .waitFor();
    const urkProcedure =
      'Bezwaar tegen dit besluit maakt u binnen zes weken bij de gemeente Urk, Wilhelminastraat 1.';
    await page.getByLabel('Bezwaarprocedure Urk', { exact: true }).fill(urkProcedure);
    await page.getByRole('button', { name: 'Opslaan als versie 2' }).click();

    await page.getByRole('status').getByText('Versie 2 is opgeslagen en geldt vanaf nu.').waitFor();
    const latest = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 3, name: 'Versie 2 (geldt nu)' }) });
    await latest.getByText('Inwoners Almere: 226.500 → 228.000').waitFor();
    await latest.getByText('door Johan Bakker').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Versie 1', exact: true }).waitFor();
    expect(await page.getByLabel('Inwoners Almere', { exact: true }).inputValue()).toBe('228000');
    expect(await page.getByRole('button', { name: 'Opslaan als versie 3' }).count()).toBe(1);
    const [{ config }] = await h.app.db.query(
      `SELECT config FROM rule_set WHERE region_id = (SELECT id FROM region WHERE slug = 'flevoland') ORDER BY version DESC LIMIT 1`,
    );
    const urk = config.municipalities.find((m: { name: string }) => m.name === 'Urk');
    expect(urk.objectionProcedure).toBe(urkProcedure);
    expect(
      config.municipalities.find((m: { name: string }) => m.name === 'Almere').objectionProcedure,
    ).toBeUndefined();

    // The old version stays readable.
    await page.getByRole('button', { name: 'Bekijk versie 1 volledig' }).click();
    const oldTable = page.getByRole('table', { name: 'Gemeenten in versie 1' });
    await oldTable.getByRole('cell', { name: '226.500' }).waitFor();
    await page.getByRole('button', { name: 'Verberg versie 1' }).click();

    await h.screenshot(page, 'regio-instellingen');
    await context.close();
  });

  it('says what is wrong at the field, lists the problems, and saves nothing', async () => {
    const { context, page } = await openSettings();
    const before = await ruleSetCount();
    await page.getByLabel('Inwoners Urk', { exact: true }).fill('');
    await page.getByLabel('Tot leeftijd').fill('16');
    await page.getByRole('button', { name: /^Opslaan als versie/ }).click();

    const summary = page
      .getByRole('alert')
      .filter({ has: page.getByRole('heading', { name: 'Controleer deze 2 velden' }) });
    await summary.waitFor();
    expect(await page.locator(':focus').textContent()).toContain('Controleer deze 2 velden');
    await page.getByText('Het inwoneraantal is een positief geheel getal.').first().waitFor();
    await page.getByText('De bovengrens ligt boven de ondergrens.').first().waitFor();
    // A link in the list takes the focus to its field.
    await summary
      .getByRole('link', { name: 'Het inwoneraantal is een positief geheel getal.' })
      .click();
    expect(await focusedLabel(page)).toBe('Inwoners Urk');
    expect(await ruleSetCount()).toBe(before);
    await h.screenshot(page, 'regio-instellingen-fouten');
    await context.close();
  });

  it('works by keyboard: adding a municipality puts the focus in its code, removing one returns it', async () => {
    const { context, page } = await openSettings();
    await page.getByRole('button', { name: 'Gemeente toevoegen' }).focus();
    await page.keyboard.press('Enter');
    expect(await focusedLabel(page)).toBe('CBS-code gemeente 7');
    await page.keyboard.type('GM0098');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Noordzee');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1000');
    expect(await page.getByLabel('Inwoners Noordzee', { exact: true }).inputValue()).toBe('1000');
    await page.getByRole('button', { name: 'Verwijderen Noordzee' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.getByLabel('Inwoners Noordzee', { exact: true }).count()).toBe(0);
    expect(await page.locator(':focus').textContent()).toBe('Gemeente toevoegen');
    await context.close();
  });

  it('when someone else saved meanwhile: a clear message, the typed input kept, and the newest version on request', async () => {
    const { context, page } = await openSettings();
    const version =
      Number(
        (await page.getByRole('button', { name: /^Opslaan als versie/ }).textContent())!.replace(
          /\D/g,
          '',
        ),
      ) - 1;
    // A colleague saves first, through the API.
    const current = await (await context.request.get('/api/region/rule-set')).json();
    const colleague = await context.request.put('/api/region/rule-set', {
      data: { expectedVersion: version, config: { ...current.config, stalledCaseDays: 21 } },
    });
    expect(colleague.status()).toBe(200);

    await page.getByLabel('Inwoners Dronten', { exact: true }).fill('43500');
    await page.getByRole('button', { name: `Opslaan als versie ${version + 1}` }).click();
    const alert = page
      .getByRole('alert')
      .filter({ hasText: 'Niet opgeslagen: er is een nieuwere versie' });
    await alert
      .getByText(`Iemand anders heeft intussen versie ${version + 1} opgeslagen.`)
      .waitFor();
    expect(await page.getByLabel('Inwoners Dronten', { exact: true }).inputValue()).toBe('43500');
    await page
      .getByRole('listitem')
      .getByText('Signaal stilstand: na 14 dagen → na 21 dagen zonder activiteit')
      .waitFor();
    await h.screenshot(page, 'regio-instellingen-conflict');

    await alert.getByRole('button', { name: 'Nieuwste versie laden' }).click();
    await page.getByRole('button', { name: `Opslaan als versie ${version + 2}` }).waitFor();
    expect(await page.getByLabel('Inwoners Dronten', { exact: true }).inputValue()).toBe('43200');
    expect(await page.getByLabel('Signaal stilstand na (dagen)').inputValue()).toBe('21');
    await context.close();
  });

  it("the waiting target is the region's: 90 days unless it says otherwise, checked at the field", async () => {
    const { context, page } = await openSettings();
    const target = page.getByLabel('Streeftermijn wachttijd (dagen)');
    expect(await target.inputValue()).toBe('90');
    const before = await ruleSetCount();
    await target.fill('0');
    await page.getByRole('button', { name: /^Opslaan als versie/ }).click();
    await page.getByText('Vul een aantal dagen van 1 tot en met 730 in.').first().waitFor();
    expect(await ruleSetCount()).toBe(before);
    await target.fill('60');
    await page.getByRole('button', { name: /^Opslaan als versie/ }).click();
    await page
      .getByRole('listitem')
      .getByText('Streeftermijn wachttijd: 90 dagen → 60 dagen na uitstroomgereed')
      .waitFor();
    expect(await ruleSetCount()).toBe(before + 1);
    // Every seat of the region flags by it.
    const region = await (await context.request.get('/api/region')).json();
    expect(region.waitingTargetDays).toBe(60);
    await context.close();
  });

  it('switches the binding test on in a draft, which changes nothing until it is published beside the current version', async () => {
    const { context, page } = await openSettings();
    const before = await ruleSetCount();
    await page.getByLabel('Toets op minimale binding').check();
    await page.getByLabel('Minstens (jaren in de herkomstgemeente)').fill('3');
    await page.getByLabel('Van de laatste (jaren vóór de opname)').fill('2');
    await page.getByRole('button', { name: 'Opslaan als concept' }).click();
    await page
      .getByText(
        'Het minimum aantal jaren is niet groter dan het aantal jaren vóór de opname waarin het moet liggen.',
      )
      .first()
      .waitFor();
    await page.getByLabel('Van de laatste (jaren vóór de opname)').fill('6');
    await page.getByRole('button', { name: 'Opslaan als concept' }).click();
    await page
      .getByRole('status')
      .getByText('Het concept is opgeslagen. Het geldt pas als het is gepubliceerd.')
      .waitFor();
    expect(await ruleSetCount()).toBe(before);
    const region = await (await context.request.get('/api/region')).json();
    expect(region.bindingTest.isEnabled).toBe(false);

    // The draft beside the current version: what holds now, what would hold.
    const draft = page.getByRole('region', { name: /^Concept voor versie/ });
    const row = draft.getByRole('row', { name: /Minimale binding/ });
    await row.getByRole('cell', { name: 'uit', exact: true }).waitFor();
    await row.getByRole('cell', { name: 'aan, 3 van de laatste 6 jaar vóór de opname' }).waitFor();
    await h.screenshot(page, 'regio-instellingen-concept');

    await draft.getByRole('button', { name: /^Publiceren als versie/ }).click();
    await page
      .getByRole('status')
      .getByText(/is gepubliceerd en geldt vanaf nu\./)
      .waitFor();
    expect(await ruleSetCount()).toBe(before + 1);
    expect(await page.getByRole('region', { name: /^Concept voor versie/ }).count()).toBe(0);
    const latest = page.getByRole('listitem').filter({ hasText: 'gepubliceerd op' }).first();
    await latest
      .getByText('Minimale binding: uit → aan, 3 van de laatste 6 jaar vóór de opname')
      .waitFor();
    const after = await (await context.request.get('/api/region')).json();
    expect(after.bindingTest).toEqual({ isEnabled: true, minYears: 3, withinYears: 6 });
    await context.close();
  });

  it('other seats have no link to it, and the address shows "Pagina niet gevonden"', async () => {
    const { context, page } = await h.signedInPage('gemeente@almere.demo', '/casussen');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
    expect(await page.getByRole('link', { name: 'Regio-instellingen' }).count()).toBe(0);
    await page.goto('/regio/instellingen');
    await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Regio-instellingen' }).count()).toBe(0);
    await context.close();
  });
});

describe('Gegevens inlezen (issue 28)', () => {
  const csv = (municipality: string) =>
    Buffer.from(`Corporatie;Gemeente (CBS-code);Jaar;Aantal\nCentrada;${municipality};2031;7\n`);

  it('a proef shows what would happen, then the import; a bad file its problems by sheet, row and column', async () => {
    const { context, page } = await h.signedInPage('beheer@flevoland.demo', '/beheer/inlezen');
    await page.getByRole('heading', { level: 1, name: 'Gegevens inlezen' }).waitFor();
    expect(
      await page.getByRole('link', { name: 'Sjabloon downloaden (Excel)' }).getAttribute('href'),
    ).toBe('/api/import/template.xlsx');
    const file = page.getByLabel('Bestand', { exact: true });
    const importButton = page.getByRole('button', { name: 'Inlezen', exact: true });
    expect(await importButton.isDisabled()).toBe(true);

    await file.setInputFiles({
      name: 'Contingenten.csv',
      mimeType: 'text/csv',
      buffer: csv('GM0150'),
    });
    await page.getByRole('button', { name: 'Proef (niets opslaan)' }).click();
    await page.getByRole('heading', { level: 2, name: 'Niet ingelezen' }).waitFor();
    const problem = page.getByRole('row', { name: /Contingenten 2 Gemeente \(CBS-code\)/ });
    await problem.getByText('GM0150 is geen gemeente van uw regio', { exact: false }).waitFor();

    await file.setInputFiles({
      name: 'Contingenten.csv',
      mimeType: 'text/csv',
      buffer: csv('GM0995'),
    });
    await page.getByRole('button', { name: 'Proef (niets opslaan)' }).click();
    await page
      .getByRole('heading', { level: 2, name: 'Proef geslaagd: er is niets opgeslagen' })
      .waitFor();
    expect(await page.getByRole('row', { name: 'Contingenten 1 0 0' }).count()).toBe(1);
    await importButton.click();
    await page.getByRole('heading', { level: 2, name: 'Ingelezen' }).waitFor();
    const [row] = await h.app.db.query(
      "SELECT c.promised FROM contingent c JOIN organisation o ON o.id = c.organisation_id WHERE o.name = 'Centrada' AND c.year = 2031",
    );
    expect(row.promised).toBe(7);
    await context.close();
  });
});
