import { addDays, dutchToday, dwellingCsvColumns } from '@uitstroom/shared';
import { collectErrors, startBrowserHarness, type BrowserHarness } from '../support/browser';
import { searchingCases } from '../support/dwelling-factory';

// A corporation in the browser: Goede Stede (dwellings in Almere only, in the demo) registers a
// dwelling in Lelystad, reads dwellings from a CSV (a file with bad rows first: a report, nothing
// saved; then a good file from Dutch Excel), and finds the case the table sent to Lelystad that
// fits — from the dwelling, and from the case. Then the contingents, kept and read.
let h: BrowserHarness;
let caseId = '';
let pseudonym = '';
beforeAll(async () => {
  h = await startBrowserHarness();
  [caseId] = (await searchingCases((email) => h.app.signIn(email), h.app.db, [
    {
      housingNeeds: {
        rooms: 2,
        groundFloorOrLift: true,
        usesWheelchair: false,
        maxRent: 650,
        wishedMoveDate: isoDateInDays(30),
      },
    },
  ])) as [string];
  [{ pseudonym }] = await h.app.db.query('SELECT pseudonym FROM case_file WHERE id = $1', [caseId]);
});
afterAll(async () => {
  await h?.close();
});

const corporationEmail = 'corporatie@goede-stede.demo';
const street = `Testwoningstraat ${Date.now().toString(36)}`;

function isoDateInDays(days: number): string {
  return addDays(dutchToday(), days);
}

const countDwellings = async () =>
  (
    await h.app.db.query(
      `SELECT count(*)::int AS n FROM dwelling WHERE organisation_id = (SELECT id FROM organisation WHERE name = 'Goede Stede')`,
    )
  )[0].n as number;

/** A CSV as Dutch Excel saves it: `;` between cells, Windows-1252 for the accents. */
function excelCsv(rows: Record<string, string>[]): Buffer {
  const headers = dwellingCsvColumns.map((c) => c.header);
  // Excel quotes a cell with a ; or a quote in it, and doubles the quotes inside.
  const cell = (text: string) => (/[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [
    headers.join(';'),
    ...rows.map((row) => headers.map((h) => cell(row[h] ?? '')).join(';')),
  ];
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1');
}
const csvRow = (changes: Record<string, string>) => ({
  straat: 'Noorderplassen',
  huisnummer: '1',
  postcode: '1319 AA',
  gemeente: 'Almere',
  wijk: 'Noorderplassen',
  type: 'Studio',
  kamers: '0',
  huur: '495,00',
  verdieping: '2',
  lift: 'ja',
  rolstoeltoegankelijk: 'nee',
  'beschikbaar vanaf': '01-02-2026',
  huurvorm: 'Housing First',
  ...changes,
});

describe('dwellings in the browser', () => {
  it('the corporation registers a dwelling in Lelystad with the form, and sees the case it fits', async () => {
    const { context, page } = await h.signedInPage(corporationEmail, '/casussen');
    const errors = collectErrors(page);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Woningen' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Woningen' }).waitFor();
    await page
      .getByRole('table')
      .getByRole('link', { name: /Stationsstraat 21/ })
      .waitFor();
    await h.screenshot(page, 'dwellings-list');

    await page.getByRole('button', { name: 'Woning registreren' }).click();
    const form = page.getByRole('form', { name: 'Woning registreren' });
    await form.waitFor();
    // Nothing filled in: the shared schema's messages, in a summary that links to the fields.
    await form.getByRole('button', { name: 'Woning registreren' }).click();
    await form
      .getByRole('alert')
      .getByText(/Controleer deze \d+ velden/)
      .waitFor();
    await form.getByRole('link', { name: 'Vul de straat in.' }).waitFor();
    await h.screenshot(page, 'dwellings-form-errors');

    await form.getByLabel('Straat').fill(street);
    await form.getByLabel('Huisnummer').fill('12A');
    await form.getByLabel('Postcode').fill('8224jx');
    await form.getByLabel('Gemeente').selectOption({ label: 'Lelystad' });
    await form.getByLabel('Wijk').fill('Stadshart');
    await form.getByLabel('Type').selectOption({ label: 'Appartement' });
    await form.getByLabel('Aantal kamers').fill('2');
    await form.getByLabel('Huur per maand (in euro)').fill('-5');
    await form.getByLabel('Verdieping').fill('0');
    await form.getByRole('radiogroup', { name: 'Is er een lift?' }).getByLabel('Nee').check();
    await form.getByRole('radiogroup', { name: 'Rolstoeltoegankelijk?' }).getByLabel('Nee').check();
    await form.getByLabel('Beschikbaar vanaf').fill(isoDateInDays(7));
    await form.getByLabel('Huurvorm').selectOption({ label: 'Via de zorgaanbieder' });
    await form.getByText('De huur kan niet negatief zijn.').first().waitFor();
    await form.getByLabel('Huur per maand (in euro)').fill('612,50');
    await form.getByLabel('Omzetting naar eigen naam op (niet verplicht)').fill(isoDateInDays(372));
    await form
      .getByLabel('Voorwaarden voor de omzetting (niet verplicht)')
      .fill('Een jaar zonder huurachterstand en begeleiding volgens plan.');
    await form.getByRole('button', { name: 'Woning registreren' }).click();

    await page.waitForURL(/\/woningen\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: `${street} 12A, Lelystad` }).waitFor();
    await page.getByText('De woning is geregistreerd.').waitFor();
    const fits = page.getByRole('region', { name: 'Passende casussen' });
    const item = fits
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: `Casus ${pseudonym}` }) });
    await item.waitFor();
    await item.getByText('Past (100%)').waitFor();
    await item
      .getByText(/Huur: past\. € 612,50 per maand; binnen het budget van € 650\./)
      .waitFor();
    await item.getByText(/Toegankelijkheid: past\. Begane grond/).waitFor();
    // A corporation sees the housing profile only: no name, no diagnosis.
    expect(await fits.textContent()).not.toMatch(/Noor|de Jong|Bipolaire|Alcohol|Woningzoeker/);
    await h.screenshot(page, 'dwelling-page-fitting-cases');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('imports a CSV: a file with bad rows gives a report per row and saves nothing; the corrected file goes in whole', async () => {
    const { context, page } = await h.signedInPage(corporationEmail, '/woningen');
    const errors = collectErrors(page);
    const section = page.getByRole('region', { name: 'Woningen inlezen uit een CSV-bestand' });
    await section.waitFor();
    const before = await countDwellings();

    await section.getByLabel('CSV-bestand', { exact: true }).setInputFiles({
      name: 'woningen.csv',
      mimeType: 'text/csv',
      buffer: excelCsv([
        csvRow({ huisnummer: '3' }),
        csvRow({ huisnummer: '5', straat: '=HYPERLINK("http://kwaad.example";"klik")' }),
        csvRow({ huisnummer: '7', huur: '-5' }),
      ]),
    });
    await section.getByRole('button', { name: 'Inlezen' }).click();
    const report = section.getByRole('table');
    await report.waitFor();
    await section
      .getByText(/niet ingelezen: 2 problemen in 2 rijen\. Er is niets opgeslagen/)
      .waitFor();
    const rows = await report.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) =>
        [...(tr as HTMLTableRowElement).cells]
          .slice(0, 2)
          .map((c) => c.textContent)
          .join(' '),
      ),
    );
    expect(rows).toEqual(['3 straat', '4 huur']);
    await report.getByText(/een spreadsheet als formule/).waitFor();
    await report.getByText('De huur kan niet negatief zijn.').waitFor();
    expect(await countDwellings()).toBe(before);
    await h.screenshot(page, 'dwellings-import-report');

    await section.getByLabel('CSV-bestand', { exact: true }).setInputFiles({
      name: 'woningen.csv',
      mimeType: 'text/csv',
      buffer: excelCsv([
        csvRow({ huisnummer: '3', straat: 'Coöperatiepad' }),
        csvRow({ huisnummer: '5' }),
        csvRow({ huisnummer: '7', huur: '505' }),
      ]),
    });
    await section.getByRole('button', { name: 'Inlezen' }).click();
    await section
      .getByText(/3 woningen ingelezen \(tekenset Windows-1252 \(Excel\), scheidingsteken “;”\)/)
      .waitFor();
    expect(await countDwellings()).toBe(before + 3);
    await page.getByRole('table').first().getByRole('link', { name: 'Coöperatiepad 3' }).waitFor();
    await h.screenshot(page, 'dwellings-imported');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds the fitting dwellings from the case: its own in the destination, best first, with the reasons', async () => {
    const { context, page } = await h.signedInPage(corporationEmail, '/casussen?status=searching');
    const errors = collectErrors(page);
    await page.getByRole('link', { name: pseudonym }).click();
    await page.getByRole('heading', { level: 1, name: pseudonym }).waitFor();
    const fits = page.getByRole('region', { name: 'Passende woningen' });
    await fits
      .getByText(/Uw beschikbare woningen in Lelystad, de gemeente van bestemming/)
      .waitFor();
    const first = fits.getByRole('listitem').first();
    await first.getByRole('link', { name: `${street} 12A` }).waitFor();
    await first.getByText('Past (100%)').waitFor();
    await first
      .getByText(/Beschikbaar: past\. Vrij vanaf .*, op tijd voor de gewenste verhuisdatum/)
      .waitFor();
    // The Almere dwellings are not in the destination, so not offered here.
    expect(await fits.textContent()).not.toMatch(/Noorderplassen|Stationsstraat/);
    // The housing profile is there; diagnoses and wishes are not.
    expect(await page.locator('main').textContent()).not.toMatch(/Bipolaire|Alcohol|rustig wonen/);
    await h.screenshot(page, 'case-fitting-dwellings');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('withdraws a dwelling with a reason in a dialog; it stays, marked withdrawn', async () => {
    const { context, page } = await h.signedInPage(corporationEmail, '/woningen');
    await page.getByRole('link', { name: 'Coöperatiepad 3' }).click();
    await page.getByRole('button', { name: 'Woning intrekken' }).click();
    const dialog = page.getByRole('dialog', { name: 'Woning intrekken' });
    await dialog.getByRole('button', { name: 'Woning intrekken' }).click();
    await dialog.getByText('Geef een reden van minstens 10 tekens.').waitFor();
    await dialog.getByLabel('Reden').fill('Verhuurd via de reguliere woonruimteverdeling.');
    await dialog.getByRole('button', { name: 'Woning intrekken' }).click();
    await page.getByText('De woning is ingetrokken. Ze blijft bewaard, met de reden.').waitFor();
    await page
      .locator('dd')
      .filter({ hasText: 'Verhuurd via de reguliere woonruimteverdeling.' })
      .waitFor();
    expect(await page.getByRole('region', { name: 'Passende casussen' }).count()).toBe(0);
    await context.close();
  });

  it('keeps contingents: the corporation adds one without a number yet and sets it later; the municipality reads them', async () => {
    const { context, page } = await h.signedInPage(corporationEmail, '/contingenten');
    await page.getByRole('heading', { level: 1, name: /^Contingenten \d{4}$/ }).waitFor();
    const form = page.getByRole('form', { name: /Contingent vastleggen/ });
    await form.getByLabel('Gemeente').selectOption({ label: 'Lelystad' });
    await form.getByRole('button', { name: 'Contingent vastleggen' }).click();
    await page.getByText('Het contingent van Goede Stede voor Lelystad is vastgelegd.').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Lelystad' });
    await row.getByText('nog geen aantal').waitFor();
    await row.getByRole('button', { name: /Wijzigen/ }).click();
    await row.getByLabel(/Toegezegd aantal voor Goede Stede in Lelystad/).fill('3');
    await row.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Het contingent van Goede Stede voor Lelystad is opgeslagen.').waitFor();
    await h.screenshot(page, 'contingents-corporation');
    await context.close();

    const municipality = await h.signedInPage('gemeente@lelystad.demo', '/contingenten');
    const table = municipality.page.getByRole('table');
    await table
      .getByRole('row')
      .filter({ hasText: 'Goede Stede' })
      .getByText('3')
      .first()
      .waitFor();
    expect(
      await municipality.page.getByRole('form', { name: /Contingent vastleggen/ }).count(),
    ).toBe(0);
    expect(await table.getByRole('button').count()).toBe(0);
    await h.screenshot(municipality.page, 'contingents-municipality');
    await municipality.context.close();
  });
});
