import ExcelJS from 'exceljs';
import type { BrowserContext, Locator, Page, Response } from 'playwright-core';
import {
  collectErrors,
  startBrowserHarness,
  type BrowserHarness,
  confirmStep,
} from '../support/browser';
import { searchingCase } from '../support/follow-up-flow';

// The case file in the browser: intake with autosave and nothing lost, the proposal beside the
// wishes (live while exceptions are edited), the step to "uitstroomgereed", the list, and a 409.
let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => {
  await h?.close();
});

const manager = 'regisseur@kwintes.demo';
const uuid = '[0-9a-f-]{36}';

const saveStatus = (page: Page) => page.locator('p.save-status');
const isPatch = (r: Response) =>
  r.request().method() === 'PATCH' && new URL(r.url()).pathname.startsWith('/api/cases/');

/** Does something that changes the form, and waits for its autosave to answer and the status to say so. */
async function andSaved(page: Page, change: () => Promise<unknown>): Promise<void> {
  const response = page.waitForResponse(isPatch);
  await change();
  expect((await response).status()).toBe(200);
  await saveStatus(page)
    .filter({ hasText: /^Opgeslagen om \d{2}:\d{2}$/ })
    .waitFor();
}

async function caseRow(caseId: string) {
  const [row] = await h.app.db.query(
    'SELECT state, version, sections, ready_at, proposal FROM case_file WHERE id = $1',
    [caseId],
  );
  return row as {
    state: string;
    version: number;
    sections: Record<string, any>;
    ready_at: Date | null;
    proposal: any;
  };
}

const fact = (scope: Locator, key: string) =>
  scope
    .locator('dt')
    .filter({ hasText: new RegExp(`^${key}$`) })
    .locator('xpath=following-sibling::dd[1]');

// Expected noise: a 409 the page handles, and the live socket failing while the test cuts the network.
const expectedNoise = /409|ERR_INTERNET_DISCONNECTED/;

async function createByApi(
  context: BrowserContext,
  firstName: string,
  lastName: string,
  targetGroup: string,
): Promise<{ id: string; version: number }> {
  const response = await context.request.post('/api/cases', {
    data: { identity: { firstName, lastName }, stay: { targetGroup } },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; version: number };
}

describe('the case file in the browser', () => {
  it('takes a resident in step by step, survives a reload and a lost connection, shows the proposal beside the wishes, and lists the case', async () => {
    const { context, page } = await h.signedInPage(manager, '/casussen');
    const errors = collectErrors(page, expectedNoise);
    const lastName = `Testbewoner-${Date.now().toString(36)}`;
    await page.getByRole('heading', { level: 1, name: 'Mijn casussen' }).waitFor();
    await page.getByRole('link', { name: 'Bewoner aanmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bewoner aanmelden' }).waitFor();
    expect(await saveStatus(page).getAttribute('aria-live')).toBe('polite');
    expect(await saveStatus(page).textContent()).toMatch(/^Nog niet opgeslagen/);

    // Step 1: the case is created once names and target group are valid; from then on it saves as typed.
    await page.getByLabel('Voornaam').fill('Noor');
    await page.getByLabel('Achternaam').fill(lastName);
    const created = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/cases',
    );
    await page.getByLabel('Doelgroep', { exact: true }).selectOption({ label: 'Beschermd wonen' });
    expect((await created).status()).toBe(201);
    await page.waitForURL(new RegExp(`/casussen/${uuid}/intake\\?stap=bewoner$`));
    const caseId = new RegExp(`/casussen/(${uuid})/intake`).exec(page.url())![1]!;
    await saveStatus(page)
      .filter({ hasText: /^Opgeslagen om/ })
      .waitFor();
    // The form stayed where it was: still step 1, with what was typed.
    expect(await page.getByLabel('Voornaam').inputValue()).toBe('Noor');

    // An invalid BSN shows the 11-test message at the field and is not sent; the fix is.
    await page.getByLabel('Geboortedatum').fill('1990-05-14');
    await page.getByLabel('BSN (niet verplicht)').fill('123456789');
    await page.getByLabel('Aantal volwassenen').fill('1');
    await page.getByText('Geen geldig BSN: negen cijfers die de elfproef doorstaan.').waitFor();
    await saveStatus(page)
      .filter({
        hasText: /^Niet alles is opgeslagen: verbeter de gemarkeerde velden bij Bewoner\./,
      })
      .waitFor();
    expect(await page.getByLabel('BSN (niet verplicht)').getAttribute('aria-invalid')).toBe('true');
    expect((await caseRow(caseId)).sections.identity.bsn).toBeUndefined();
    await andSaved(page, () => page.getByLabel('BSN (niet verplicht)').fill('111222333'));
    await page
      .getByText('Geen geldig BSN: negen cijfers die de elfproef doorstaan.')
      .waitFor({ state: 'detached' });
    expect((await caseRow(caseId)).sections.identity).toEqual({
      firstName: 'Noor',
      lastName,
      birthDate: '1990-05-14',
      bsn: '111222333',
    });

    // Step 2.
    await page.getByRole('button', { name: 'Volgende: Verblijf' }).click();
    await page.getByRole('heading', { level: 2, name: 'Stap 2 van 8: Verblijf' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('stap-kop');
    await page.getByLabel('Voorziening').fill('Beschermd wonen De Schakel, Lelystad');
    await andSaved(page, () => page.getByLabel('Opnamedatum').fill('2023-03-01'));

    // Step 3: the address history, rows added and removed.
    await page.getByRole('link', { name: /Adresgeschiedenis/ }).click();
    await page
      .getByRole('heading', { level: 2, name: 'Stap 3 van 8: Adresgeschiedenis' })
      .waitFor();
    await page.getByRole('button', { name: 'Adres toevoegen' }).click();
    const first = page.getByRole('group', { name: 'Adres 1' });
    await first.getByLabel('Gemeente').selectOption({ label: 'Lelystad' });
    await first.getByLabel('Soort adres').selectOption({ label: 'Woonadres' });
    await first.getByLabel('Bron').selectOption({ label: 'BRP-uittreksel' });
    await first.getByLabel('Vanaf').fill('2015-06-01');
    await andSaved(page, () => first.getByLabel('Tot (leeg als het nog loopt)').fill('2023-02-28'));
    await page.getByRole('button', { name: 'Adres toevoegen' }).click();
    const second = page.getByRole('group', { name: 'Adres 2' });
    await second.getByLabel('Gemeente').selectOption({ label: 'Andere gemeente (CBS-code)' });
    await second.getByLabel('CBS-code van de gemeente').fill('Amsterdam');
    await second.getByLabel('Soort adres').selectOption({ label: 'Briefadres' });
    await second.getByLabel('Bron').selectOption({ label: 'Verklaring bewoner' });
    await second.getByLabel('Vanaf').fill('2014-01-01');
    await second
      .getByText('Geen geldige CBS-gemeentecode (GM gevolgd door vier cijfers).')
      .waitFor();
    await andSaved(page, () => second.getByLabel('CBS-code van de gemeente').fill('GM0363'));
    await page.getByRole('button', { name: 'Adres toevoegen' }).click();
    await page
      .getByRole('group', { name: 'Adres 3' })
      .getByLabel('Gemeente')
      .selectOption({ label: 'Almere' });
    // A row being filled in is not sent yet; its untouched fields are not marked red.
    await saveStatus(page)
      .filter({
        hasText: 'Niet alles is opgeslagen: vul bij Adresgeschiedenis de velden verder in.',
      })
      .waitFor();
    expect(
      await page.getByRole('group', { name: 'Adres 3' }).locator('[aria-invalid="true"]').count(),
    ).toBe(0);
    await page.getByRole('button', { name: 'Adres 3 verwijderen' }).click();
    await saveStatus(page)
      .filter({ hasText: /^Opgeslagen om/ })
      .waitFor();
    await topScreenshot(page, 'intake-stap-adressen');
    expect((await caseRow(caseId)).sections.addresses).toEqual([
      {
        municipality: 'GM0995',
        kind: 'woonadres',
        from: '2015-06-01',
        to: '2023-02-28',
        source: 'brp',
      },
      { municipality: 'GM0363', kind: 'briefadres', from: '2014-01-01', source: 'resident' },
    ]);

    // Step 4, then a reload before the autosave had its turn: the typed input is back, and then saved.
    await page.getByRole('link', { name: /Wensen/ }).click();
    await page.getByRole('button', { name: 'Gemeente toevoegen' }).click();
    await page.getByLabel('Voorkeur 1').selectOption({ label: 'Zeewolde' });
    const ownWords = 'Ik wil graag in Zeewolde wonen, dicht bij mijn zus. Ik werk in Dronten.';
    await page.getByLabel('In de woorden van de bewoner').fill(ownWords);
    await page.reload();
    await page
      .getByText(/^Uw invoer van \d{2}:\d{2} die nog niet was opgeslagen, is teruggezet\.$/)
      .waitFor();
    expect(await page.getByLabel('In de woorden van de bewoner').inputValue()).toBe(ownWords);
    expect(await page.getByLabel('Voorkeur 1').inputValue()).toBe('GM0050');
    await saveStatus(page)
      .filter({ hasText: /^Opgeslagen om/ })
      .waitFor();
    await expectEventually(
      async () => (await caseRow(caseId)).sections.wishes?.ownWords === ownWords,
    );
    expect(
      await page.evaluate((id) => Object.keys(localStorage).filter((k) => k.endsWith(id)), caseId),
    ).toEqual([]);

    // The connection drops: the status says so, the input is kept, and it goes once the browser is back online.
    await context.setOffline(true);
    await page
      .getByLabel('Toelichting bij de wijken (niet verplicht)')
      .fill('Centrum, niet in de Polderwijk');
    await saveStatus(page)
      .filter({ hasText: 'Niet opgeslagen: geen verbinding — we proberen het opnieuw' })
      .waitFor();
    expect(
      await page.evaluate(
        (id) => Object.keys(localStorage).filter((k) => k.endsWith(id)).length,
        caseId,
      ),
    ).toBe(1);
    await andSaved(page, () => context.setOffline(false));
    expect((await caseRow(caseId)).sections.wishes).toEqual({
      municipalities: ['GM0050'],
      neighbourhoodNote: 'Centrum, niet in de Polderwijk',
      ownWords,
    });

    // The rest of the steps.
    await page.getByRole('link', { name: /Woonbehoeften/ }).click();
    await page.getByLabel('Aantal kamers').fill('2');
    await page
      .getByRole('radiogroup', { name: 'Begane grond of lift nodig?' })
      .getByLabel('Nee')
      .check();
    // The wijken are lists from the region's (issue 26): the wished municipality's are open.
    await page
      .getByRole('group', { name: 'Wijken waar de bewoner niet wil wonen' })
      .getByLabel('Polderwijk')
      .check();
    await andSaved(page, () => page.getByLabel('Maximale huur per maand (in euro)').fill('650,50'));
    await page.getByRole('link', { name: /Ondersteuning/ }).click();
    await andSaved(page, () =>
      page.getByLabel('Inkomen en schulden').fill('Schuldhulp loopt via de gemeente Lelystad.'),
    );
    await page.getByRole('link', { name: /Gevoelige informatie/ }).click();
    await page.getByText('Alleen de casemanagers van Kwintes.', { exact: false }).waitFor();
    await andSaved(page, () =>
      page.getByLabel('Veiligheid en huiselijk geweld').fill('Geen bijzonderheden.'),
    );
    const stored = (await caseRow(caseId)).sections;
    expect(stored.housingNeeds).toEqual({
      rooms: 2,
      groundFloorOrLift: false,
      maxRent: 650.5,
      avoidedNeighbourhoods: ['Polderwijk'],
    });
    expect(stored.sensitive).toEqual({ safety: 'Geen bijzonderheden.' });

    // The check: only the resident's consent is missing (recorded elsewhere; here through the API).
    await page.getByRole('link', { name: /Controle/ }).click();
    await page
      .getByText('De toestemming van de bewoner is nog niet vastgelegd', { exact: false })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Markeer als uitstroomgereed' }).count()).toBe(0);
    const [lelystad] = await h.app.db.query(
      `SELECT id FROM organisation WHERE name = 'Gemeente Lelystad'`,
    );
    const consent = await context.request.post(`/api/cases/${caseId}/consents`, {
      data: {
        organisationId: lelystad.id,
        categories: ['housingProfile'],
        givenOn: new Date().toISOString().slice(0, 10),
        method: 'verbalWithWitness',
        witnessName: 'Petra de Wit',
      },
    });
    expect(consent.status()).toBe(201);
    await page.reload();
    await page.getByText('Alles wat de tafel nodig heeft, is ingevuld.').waitFor();
    await page.getByRole('button', { name: 'Markeer als uitstroomgereed' }).waitFor();

    // The case page shows the proposal beside the wishes.
    await page
      .getByRole('link', { name: 'Naar de casus met het voorstel van de herkomstregel' })
      .click();
    await page.getByRole('heading', { level: 1, name: `Noor ${lastName}` }).waitFor();
    const proposal = page.getByRole('region', { name: 'Voorstel van de herkomstregel' });
    const wishes = page.getByRole('region', { name: 'Wensen van de bewoner' });
    await proposal.getByText('Terug naar de gemeente van herkomst', { exact: true }).waitFor();
    expect(await fact(proposal, 'Herkomst').textContent()).toBe('Lelystad');
    expect(await fact(proposal, 'Bestemming').textContent()).toBe('Lelystad');
    await wishes.getByText(ownWords).waitFor();
    const wishesBox = (await wishes.boundingBox())!;
    const proposalBox = (await proposal.boundingBox())!;
    expect(proposalBox.x).toBeGreaterThan(wishesBox.x + wishesBox.width - 1);
    expect(proposalBox.y).toBeLessThan(wishesBox.y + wishesBox.height);
    await page.getByText('De wachttijd begint zodra de bewoner uitstroomgereed is.').waitFor();

    // Exception B, entered here: the proposal follows without a reload, then it is saved.
    await page.evaluate(() => {
      (window as unknown as { stillHere: boolean }).stillHere = true;
    });
    await page.getByRole('button', { name: 'Uitzonderingen wijzigen' }).click();
    await page.getByLabel('Uitzondering B is van toepassing').check();
    await page
      .getByLabel('Gemeente waar het netwerk of de daginvulling is')
      .selectOption({ label: 'Dronten' });
    await page
      .getByRole('radiogroup', { name: 'Grond' })
      .getByLabel('Vaste daginvulling, zoals werk')
      .check();
    await page
      .getByRole('radiogroup', { name: 'Kan de bewoner dit vanuit de herkomstgemeente bereizen?' })
      .getByLabel('Nee')
      .check();
    const motivation = page.getByLabel('Motivering bij uitzondering B');
    await motivation.fill('Te kort');
    await proposal.getByText('Een motivering heeft minstens 10 tekens.').waitFor();
    await page.getByRole('button', { name: 'Uitzonderingen opslaan' }).click();
    expect(await motivation.getAttribute('aria-invalid')).toBe('true');
    expect(
      await page.locator(`[id="${await motivation.getAttribute('id')}-fout"]`).textContent(),
    ).toBe('Een motivering heeft minstens 10 tekens.');
    expect((await caseRow(caseId)).sections.exceptions).toBeUndefined();
    await motivation.fill(
      'Vaste baan bij een bakkerij in Dronten; begint om vijf uur, geen vervoer vanuit Lelystad.',
    );
    await proposal.getByText('Uitzondering B: betere kansen elders', { exact: true }).waitFor();
    expect(await fact(proposal, 'Bestemming').textContent()).toBe('Dronten');
    await proposal.getByText('Voorlopig:').waitFor();
    expect(
      await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere),
    ).toBe(true);
    await topScreenshot(page, 'casus-voorstel');
    await page.getByRole('button', { name: 'Uitzonderingen opslaan' }).click();
    await page
      .getByText('De uitzonderingen zijn opgeslagen. Het voorstel is opnieuw berekend.')
      .waitFor();
    await proposal.getByText(/^Berekend bij de laatste wijziging van het dossier/).waitFor();
    expect(await fact(proposal, 'Bestemming').textContent()).toBe('Dronten');
    const afterB = await caseRow(caseId);
    expect(afterB.sections.exceptions).toEqual([
      {
        kind: 'B',
        municipality: 'GM0303',
        ground: 'daginvulling',
        canTravelFromOrigin: false,
        motivation:
          'Vaste baan bij een bakkerij in Dronten; begint om vijf uur, geen vervoer vanuit Lelystad.',
      },
    ]);
    expect(afterB.proposal.result.outcome).toBe('B');

    // Ready: the waiting clock starts.
    await page.getByRole('button', { name: 'Markeer als uitstroomgereed' }).click();
    await page
      .getByRole('dialog')
      .getByText('De wachttijd gaat vandaag lopen', { exact: false })
      .waitFor();
    await confirmStep(page, 'Uitstroomgereed');
    await page.getByText('Wacht 0 dagen sinds uitstroomgereed', { exact: false }).waitFor();
    await page.locator('.case-badge--state', { hasText: 'Uitstroomgereed' }).waitFor();
    expect((await caseRow(caseId)).state).toBe('ready');
    // Issue 27.2: taken by mistake, taken back the same day (herstel), then taken again.
    await page.getByRole('button', { name: 'Herstellen: Markeer als uitstroomgereed' }).click();
    await confirmStep(page, 'Herstellen');
    await page.locator('.case-badge--state', { hasText: 'Aangemeld' }).waitFor();
    expect((await caseRow(caseId)).ready_at).toBeNull();
    await page.getByRole('button', { name: 'Markeer als uitstroomgereed' }).click();
    await confirmStep(page, 'Uitstroomgereed');
    await page.locator('.case-badge--state', { hasText: 'Uitstroomgereed' }).waitFor();
    expect(errors).toEqual([]);

    // Other cases, one of them stalled, so that the list has something to filter.
    await createByApi(context, 'Sem', `Bakker-${lastName}`, 'shelter');
    await createByApi(context, 'Yara', `Visser-${lastName}`, 'youthCare');
    const stalled = await createByApi(context, 'Daan', `Kok-${lastName}`, 'womensShelter');
    await h.app.db.query(
      `UPDATE case_file SET last_activity_at = now() - interval '30 days' WHERE id = $1`,
      [stalled.id],
    );

    // The list: filtered through the form, the filters in the URL, kept on reload.
    await page.getByRole('link', { name: 'Mijn casussen' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Mijn casussen' }).waitFor();
    const filters = page.getByRole('search', { name: 'Casussen filteren' });
    await filters.getByLabel('Zoek op naam').fill(lastName);
    await filters.getByRole('button', { name: 'Filteren' }).click();
    await page.getByText('4 casussen gevonden met deze filters').waitFor();
    await page
      .locator('tbody tr', { hasText: `Daan Kok-${lastName}` })
      .getByText('Vastgelopen')
      .waitFor();
    await filters.getByLabel('Status').selectOption({ label: 'Uitstroomgereed' });
    await filters.getByLabel('Gemeente').selectOption({ label: 'Dronten' });
    await filters.getByRole('button', { name: 'Filteren' }).click();
    await page.getByText('1 casus gevonden met deze filters').waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('ready');
    expect(new URL(page.url()).searchParams.get('gemeente')).toBe('GM0303');
    const row = page.locator('tbody tr').first();
    expect(await row.locator('td').allTextContents()).toEqual([
      `Noor ${lastName}`,
      'Uitstroomgereed',
      'Beschermd wonen',
      'Lelystad → Dronten',
      '0 dagen',
      'Sanne Willems',
      expect.any(String),
    ]);
    await page.reload();
    await page.getByText('1 casus gevonden met deze filters').waitFor();
    expect(await page.getByRole('search').getByLabel('Status').inputValue()).toBe('ready');

    // Only the stalled ones, then sorted by name: the header says how.
    await page.getByRole('link', { name: 'Filters wissen' }).click();
    await page.getByRole('search').getByLabel('Zoek op naam').fill(lastName);
    await page.getByRole('search').getByLabel('Alleen vastgelopen').check();
    await page.getByRole('search').getByRole('button', { name: 'Filteren' }).click();
    await page.getByText('1 casus gevonden met deze filters').waitFor();
    expect(await page.locator('tbody tr').first().locator('td').first().textContent()).toBe(
      `Daan Kok-${lastName} Vastgelopen`,
    );
    await page.getByRole('search').getByLabel('Alleen vastgelopen').uncheck();
    await page.getByRole('search').getByRole('button', { name: 'Filteren' }).click();
    await page.getByText('4 casussen gevonden met deze filters').waitFor();
    const nameHeader = page.getByRole('columnheader', { name: 'Naam' });
    expect(await nameHeader.getAttribute('aria-sort')).toBeNull();
    await nameHeader.getByRole('button').click();
    await page.waitForURL(/sorteer=naam/);
    await page.locator('th[aria-sort="ascending"]', { hasText: 'Naam' }).waitFor();
    // The previous order stays on screen until the sorted page arrives: wait for the whole list,
    // not its first name, which may already lead the previous order.
    const byName = [
      `Daan Kok-${lastName}`,
      `Noor ${lastName}`,
      `Sem Bakker-${lastName}`,
      `Yara Visser-${lastName}`,
    ];
    const names = () => page.locator('tbody tr td:first-child a').allTextContents();
    await expectEventually(async () => (await names()).join('|') === byName.join('|'));
    expect(await names()).toEqual(byName);
    await nameHeader.getByRole('button').click();
    await page.locator('th[aria-sort="descending"]', { hasText: 'Naam' }).waitFor();
    await topScreenshot(page, 'casussen-lijst');
    expect(errors).toEqual([]);
    await context.close();

    // Another seat sees less, and what it does not see is not there at all: no name without
    // consent, no sensitive section, no empty headings, nothing to change.
    const municipality = await h.signedInPage('gemeente@lelystad.demo', `/casussen/${caseId}`);
    const { pseudonym } = (
      await h.app.db.query('SELECT pseudonym FROM case_file WHERE id = $1', [caseId])
    )[0];
    await municipality.page.getByRole('heading', { level: 1, name: pseudonym }).waitFor();
    await municipality.page
      .getByRole('region', { name: 'Voorstel van de herkomstregel' })
      .getByText('Uitzondering B: betere kansen elders', { exact: true })
      .waitFor();
    const headings = await municipality.page.locator('main').getByRole('heading').allTextContents();
    expect(headings).not.toContain('Gevoelige informatie');
    expect(headings).not.toContain('Overdragen');
    expect(await municipality.page.getByText(lastName).count()).toBe(0);
    expect(await municipality.page.getByText('Geen bijzonderheden.').count()).toBe(0);
    expect(await municipality.page.getByRole('link', { name: /^Wijzigen/ }).count()).toBe(0);
    expect(
      await municipality.page
        .getByRole('button')
        .filter({ hasText: /wijzigen|uitstroomgereed|Terugtrekken/i })
        .count(),
    ).toBe(0);
    expect(await municipality.page.getByText('Nog niets vastgelegd.').count()).toBe(0);
    await municipality.context.close();
  });

  it('shows the other person’s change beside the kept input after a 409, and saves the choice', async () => {
    const { context, page } = await h.signedInPage(manager, '/casussen');
    const errors = collectErrors(page, expectedNoise);
    const created = await createByApi(context, 'Anna', 'Bakker', 'shelter');
    await page.goto(`/casussen/${created.id}/intake?stap=bewoner`);
    await page.getByRole('heading', { level: 1, name: 'Dossier van Anna Bakker' }).waitFor();
    expect(await page.getByLabel('Achternaam').inputValue()).toBe('Bakker');

    // Meanwhile someone else (the same case manager in another tab, here through the API) saves.
    const theirs = await context.request.patch(`/api/cases/${created.id}`, {
      data: {
        version: created.version,
        changes: {
          identity: { firstName: 'Anna', lastName: 'Bakker-Visser' },
          contact: { phone: '06-12345678' },
        },
      },
    });
    expect(theirs.status()).toBe(200);

    // The page still holds the old version: its save meets a 409.
    const conflict = page.waitForResponse(isPatch);
    await page.getByLabel('Achternaam').fill('Bakker-de Boer');
    expect((await conflict).status()).toBe(409);
    const panel = page.getByRole('region', {
      name: 'Persoonsgegevens: intussen gewijzigd door een ander',
    });
    await panel.getByText('Intussen gewijzigd door een ander:').waitFor();
    // Only the field that differs, the typed value beside theirs; the typed value stays in the field.
    expect(await panel.getByRole('row').count()).toBe(2);
    expect(
      await panel
        .getByRole('row', { name: /^Achternaam/ })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual(['Bakker-de Boer', 'Bakker-Visser']);
    expect(await page.getByLabel('Achternaam').inputValue()).toBe('Bakker-de Boer');
    await saveStatus(page)
      .filter({ hasText: /^Niet opgeslagen: iemand anders heeft deze casus intussen gewijzigd/ })
      .waitFor();
    // A section only they changed is simply taken over.
    expect(await page.getByLabel('Telefoonnummer').inputValue()).toBe('06-12345678');
    await topScreenshot(page, 'casus-conflict');

    // The conflict survives a reload (the input was typed on the old version) ...
    await page.reload();
    await panel.getByText('Intussen gewijzigd door een ander:').waitFor();
    expect(await page.getByLabel('Achternaam').inputValue()).toBe('Bakker-de Boer');

    // ... and "Mijn invoer bewaren" sends the typed section again, on their version: no field of theirs is lost.
    await andSaved(page, () => panel.getByRole('button', { name: 'Mijn invoer bewaren' }).click());
    await panel.waitFor({ state: 'detached' });
    const row = await caseRow(created.id);
    expect(row.version).toBe(created.version + 2);
    expect(row.sections.identity).toEqual({ firstName: 'Anna', lastName: 'Bakker-de Boer' });
    expect(row.sections.contact).toEqual({ phone: '06-12345678' });

    // "Hun versie overnemen" puts theirs in the form.
    const again = await context.request.patch(`/api/cases/${created.id}`, {
      data: {
        version: row.version,
        changes: { household: { adults: 2, description: 'Woont samen met partner.' } },
      },
    });
    expect(again.status()).toBe(200);
    const second = page.waitForResponse(isPatch);
    await page.getByLabel('Aantal volwassenen').fill('1');
    expect((await second).status()).toBe(409);
    const householdPanel = page.getByRole('region', {
      name: 'Huishouden: intussen gewijzigd door een ander',
    });
    expect(
      await householdPanel
        .getByRole('row', { name: /^Volwassenen/ })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual(['1', '2']);
    expect(
      await householdPanel
        .getByRole('row', { name: /^Toelichting/ })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual(['leeg', 'Woont samen met partner.']);
    await householdPanel.getByRole('button', { name: 'Hun versie overnemen' }).click();
    await householdPanel.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Aantal volwassenen').inputValue()).toBe('2');
    expect(await page.getByLabel('Toelichting bij het huishouden').inputValue()).toBe(
      'Woont samen met partner.',
    );
    await expectEventually(
      async () => (await caseRow(created.id)).sections.household?.adults === 2,
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** A full-page capture from the top, so that sticky columns sit where a reader first sees them. */
describe('closing a case before the move', () => {
  it('pages through the list with links that keep the page in the address', async () => {
    const { context, page } = await h.signedInPage(manager, '/casussen');
    const total = async () =>
      ((await (await context.request.get('/api/cases?pageSize=1')).json()) as { total: number })
        .total;
    for (let n = await total(); n <= 25; n += 1)
      await createByApi(context, 'Pagina', `Vulling ${n}`, 'shelter');
    const pages = Math.ceil((await total()) / 25);
    await page.goto('/casussen');
    const pager = page.getByRole('navigation', { name: 'Paginering' });
    await pager.getByText(`Pagina 1 van ${pages}`).waitFor();
    expect(await pager.getByRole('link', { name: 'Vorige pagina' }).count()).toBe(0);
    await pager.getByRole('link', { name: 'Volgende pagina' }).click();
    await page.waitForURL(/[?&]pagina=2/);
    await pager.getByText(`Pagina 2 van ${pages}`).waitFor();
    // The workbook beside the list holds every case the filters find, not the page on screen.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Deze casussen exporteren (Excel)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^casussen-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.worksheets[0]!;
    const listed = await total();
    expect(sheet.getCell('A1').value).toMatch(
      new RegExp(`^Casussen \\(${listed} casussen\\) · Filters: gesorteerd op laatste wijziging`),
    );
    expect(sheet.getRow(2).getCell(2).value).toBe('naam');
    expect(sheet.rowCount - 2).toBe(listed);
    await pager.getByRole('link', { name: 'Vorige pagina' }).click();
    await pager.getByText(`Pagina 1 van ${pages}`).waitFor();
    await context.close();
  });

  it('asks outcome and reason in a dialog, with the messages at the fields', async () => {
    const { context, page } = await h.signedInPage(manager, '/casussen');
    const created = await createByApi(context, 'Lotte', 'Terugtrek', 'youthCare');
    await page.goto(`/casussen/${created.id}`);
    await page.getByRole('heading', { level: 1, name: 'Lotte Terugtrek' }).waitFor();
    await page.getByRole('button', { name: 'Terugtrekken' }).click();
    const dialog = page.getByRole('dialog', { name: 'Casus terugtrekken' });
    await dialog.getByRole('button', { name: 'Casus afsluiten' }).click();
    await dialog.getByText('Kies teruggetrokken of uitgevallen.').waitFor();
    await dialog.getByText('Geef een reden van minstens 10 tekens.').waitFor();
    expect((await caseRow(created.id)).state).toBe('intake');
    // Escape closes it without a change; the button brings it back.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Terugtrekken' }).click();
    await dialog.getByRole('radiogroup', { name: 'Uitkomst' }).getByLabel('Uitgevallen').check();
    await dialog.getByLabel('Reden').fill('De bewoner is vertrokken naar familie in Friesland.');
    await dialog.getByRole('button', { name: 'Casus afsluiten' }).click();
    await page.getByText('De casus is afgesloten.').waitFor();
    await page.locator('.case-badge--state', { hasText: 'Afgesloten' }).waitFor();
    const row = await h.app.db.query('SELECT state, outcome FROM case_file WHERE id = $1', [
      created.id,
    ]);
    expect(row[0]).toEqual({ state: 'closed', outcome: 'droppedOut' });
    // A closed file is read only: no links to change it, and no buttons.
    expect(await page.getByRole('link', { name: /^Wijzigen/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Terugtrekken' }).count()).toBe(0);
    await context.close();
  });

  it("names the decision's open preconditions before a decided case is withdrawn", async () => {
    const agents = {
      casemanager: await h.app.signIn(manager),
      chair: await h.app.signIn('voorzitter@almere.demo'),
    };
    const caseId = await searchingCase(agents, h.app.db);
    const { context, page } = await h.signedInPage(manager, `/casussen/${caseId}`);
    await page.getByRole('heading', { level: 2, name: 'Besluit van de tafel' }).waitFor();
    await page.getByRole('button', { name: 'Terugtrekken' }).click();
    const dialog = page.getByRole('dialog', { name: 'Casus terugtrekken' });
    await dialog.getByText('Er staat nog open:').waitFor();
    await dialog
      .getByRole('listitem')
      .filter({
        hasText:
          /^Randvoorwaarde inkomen.*: Bewindvoering overdragen \(Gemeente Lelystad, uiterlijk/i,
      })
      .waitFor();
    await context.close();
  });
});

describe('the list as a seat that may not see names or origins', () => {
  it('the corporation reads kenmerken under "Kenmerk" and a dash where the origin is not its to see', async () => {
    // A case looking for a dwelling in Lelystad: the corporations there reach it.
    await searchingCase(
      {
        casemanager: await h.app.signIn(manager),
        chair: await h.app.signIn('voorzitter@almere.demo'),
      },
      h.app.db,
    );
    const { context, page } = await h.signedInPage('corporatie@centrada.demo', '/casussen');
    const errors = collectErrors(page);
    await page.getByRole('columnheader', { name: 'Kenmerk' }).waitFor();
    expect(await page.getByRole('columnheader', { name: 'Naam' }).count()).toBe(0);
    const routes = await page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: /^R-/ }) })
      .locator('td:nth-child(4)')
      .allTextContents();
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.filter((route) => /onbekend/.test(route))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

async function topScreenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await h.screenshot(page, name);
}

async function expectEventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('condition not met in time');
}
