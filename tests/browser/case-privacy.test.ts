import type { BrowserContext, Locator, Page } from 'playwright-core';
import { collectErrors, startBrowserHarness, type BrowserHarness } from '../support/browser';
import { startsLaterToday } from '../support/table-flow';
import { readyCase } from '../support/case-factory';
import { addDays, dutchToday } from '@uitstroom/shared';

// Privacy on the case page: the resident's consent per organisation (recorded, seen to work for
// the municipality, withdrawn with immediate effect), documents, the links to the case's log and
// the resident's inzage, and the decision letter as a printable page.
let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => {
  await h?.close();
});

const manager = 'regisseur@kwintes.demo';
const lelystad = 'gemeente@lelystad.demo';

interface DemoCase {
  id: string;
  pseudonym: string;
  state: string;
  firstName: string;
  lastName: string;
}

/** A Kwintes demo case from Lelystad, not yet decided, without an active consent for Lelystad: Lelystad reaches it as the origin. */
async function pickDemoCase(): Promise<DemoCase> {
  const [row] = await h.app.db.query(
    `SELECT c.id, c.pseudonym, c.state, c.sections->'identity'->>'firstName' AS "firstName", c.sections->'identity'->>'lastName' AS "lastName"
       FROM case_file c JOIN organisation o ON o.id = c.owner_organisation_id
      WHERE o.name = 'Kwintes' AND c.state IN ('intake', 'ready') AND trim(c.origin_code) = 'GM0995' AND c.target_group <> 'womensShelter'
        AND NOT EXISTS (SELECT 1 FROM case_consent k JOIN organisation g ON g.id = k.organisation_id
                         WHERE k.case_id = c.id AND g.name = 'Gemeente Lelystad' AND k.withdrawn_at IS NULL)
      ORDER BY c.state = 'intake' DESC, c.created_at
      LIMIT 1`,
  );
  if (!row) throw new Error('no Kwintes demo case from Lelystad in intake or ready');
  return row as DemoCase;
}

/** A small but real PDF: the server checks the bytes, not the name. */
function pdf(text: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );
}

const isFocused = (locator: Locator) =>
  locator.evaluate((element) => element === document.activeElement);

/** What the municipality's case page shows as the title: the name with consent, the pseudonym without. */
async function municipalityTitle(page: Page): Promise<string> {
  const heading = page.getByRole('heading', { level: 1 });
  await heading.waitFor();
  await page.getByRole('region', { name: 'Documenten' }).waitFor();
  return (await heading.textContent()) ?? '';
}

describe('privacy on the case page', () => {
  it('records consent for Lelystad, which then sees the name and no longer after withdrawal; documents; log and inzage', async () => {
    const demo = await pickDemoCase();
    const name = `${demo.firstName} ${demo.lastName}`;
    const { context, page } = await h.signedInPage(manager, `/casussen/${demo.id}`);
    const errors = collectErrors(page);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const panel = page.getByRole('region', { name: 'Toestemming van de bewoner' });
    await panel.getByText('Er is nog geen toestemming vastgelegd.', { exact: false }).waitFor();

    // Lelystad, the origin, reaches the case; without consent it does not learn who it is.
    const other: { context: BrowserContext; page: Page } = await h.signedInPage(
      lelystad,
      `/casussen/${demo.id}`,
    );
    expect(await municipalityTitle(other.page)).toBe(demo.pseudonym);
    expect(await other.page.getByText(demo.lastName).count()).toBe(0);

    // In intake, the missing consent links to the panel, which then has the focus.
    if (demo.state === 'intake') {
      await page
        .getByRole('link', { name: /De toestemming van de bewoner is nog niet vastgelegd/ })
        .click();
      await expectEventually(() =>
        isFocused(panel.getByRole('heading', { level: 2, name: 'Toestemming van de bewoner' })),
      );
    }

    // The form: the region's organisations without Kwintes itself, grouped by kind.
    const form = panel.getByRole('form', { name: 'Toestemming vastleggen' });
    const organisation = form.getByLabel('Organisatie');
    await organisation
      .locator('option', { hasText: 'Gemeente Lelystad' })
      .waitFor({ state: 'attached' });
    expect(
      await organisation
        .locator('optgroup')
        .evaluateAll((groups) => groups.map((g) => (g as HTMLOptGroupElement).label)),
    ).toEqual(expect.arrayContaining(['Gemeenten', 'Woningcorporaties', 'Zorgaanbieders']));
    expect(await organisation.locator('option', { hasText: /^Kwintes$/ }).count()).toBe(0);
    expect(await form.getByLabel('Gegeven op').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await form
      .getByText('Dit wordt ook zonder toestemming gedeeld, omdat het niemand bij naam noemt.')
      .waitFor();

    // Nothing chosen: the messages at the fields, the focus on the first.
    await form.getByRole('button', { name: 'Weigering vastleggen' }).click();
    await form.getByText('Kies een organisatie.').waitFor();
    await form.getByText('Kies hoe de toestemming is gegeven.').waitFor();
    expect(await isFocused(organisation)).toBe(true);

    await organisation.selectOption({ label: 'Gemeente Lelystad' });
    await form.getByLabel('Naam en contactgegevens').check();
    await form.getByLabel('Ondersteuningsbehoefte').check();
    await form
      .getByRole('radiogroup', { name: 'Hoe heeft de bewoner toestemming gegeven?' })
      .getByLabel('Mondeling, met getuige')
      .check();
    await form.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    await form.getByText('Bij mondelinge toestemming is een getuige verplicht.').waitFor();
    expect(await isFocused(form.getByLabel('Naam van de getuige'))).toBe(true);
    await form.getByLabel('Naam van de getuige').fill('Petra Bos (begeleider)');
    await form.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    await panel
      .getByText(
        'De toestemming is vastgelegd. Naam en contactgegevens: Gemeente Lelystad ziet, zolang de casus haar aangaat, de persoonsgegevens (naam, geboortedatum, BSN) en de adresgeschiedenis. Ondersteuningsbehoefte: Gemeente Lelystad ziet, zolang de casus haar aangaat, de ondersteuningsbehoefte in de vier leefgebieden.',
      )
      .waitFor();

    const table = panel.getByRole('table', { name: 'Toestemmingen per organisatie' });
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Gemeente Lelystad' }) });
    await row.getByText('Actief', { exact: true }).waitFor();
    expect(await row.locator('.consent-label').allTextContents()).toEqual([
      'Naam en contactgegevens',
      'Ondersteuningsbehoefte',
    ]);
    await row.getByText('Mondeling, getuige: Petra Bos (begeleider)', { exact: false }).waitFor();
    const [stored] = await h.app.db.query(
      `SELECT k.categories, k.method, k.witness_name FROM case_consent k JOIN organisation o ON o.id = k.organisation_id WHERE k.case_id = $1 AND o.name = 'Gemeente Lelystad'`,
      [demo.id],
    );
    expect(stored).toEqual({
      categories: ['identityContact', 'supportNeeds'],
      method: 'verbalWithWitness',
      witness_name: 'Petra Bos (begeleider)',
    });
    // The case no longer misses its consent (the view was read again).
    await expectEventually(
      async () =>
        (await page
          .getByText('De toestemming van de bewoner is nog niet vastgelegd', { exact: false })
          .count()) === 0,
    );
    // The form is empty again, ready for the next organisation.
    expect(await organisation.inputValue()).toBe('');
    await panel.scrollIntoViewIfNeeded();
    await h.screenshot(page, 'casus-toestemming');

    // Lelystad now sees the name, on its next request.
    await other.page.reload();
    expect(await municipalityTitle(other.page)).toBe(name);

    // Withdrawing asks first, says it takes effect at once, and does.
    await row
      .getByRole('button', { name: 'Intrekken: toestemming voor Gemeente Lelystad' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Toestemming intrekken' });
    await dialog.getByText('Dat geldt meteen', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await isFocused(row.getByRole('button', { name: /^Intrekken/ }))).toBe(true);
    await row.getByRole('button', { name: /^Intrekken/ }).click();
    await dialog.getByRole('button', { name: 'Ja, nu intrekken' }).click();
    await panel
      .getByText('De toestemming voor Gemeente Lelystad is ingetrokken. Dat geldt vanaf nu.')
      .waitFor();
    await row.getByText('Ingetrokken', { exact: true }).waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    const [withdrawn] = await h.app.db.query(
      `SELECT withdrawn_at FROM case_consent WHERE case_id = $1`,
      [demo.id],
    );
    expect(withdrawn.withdrawn_at).toBeInstanceOf(Date);

    await other.page.reload();
    expect(await municipalityTitle(other.page)).toBe(demo.pseudonym);
    expect(await other.page.getByText(demo.lastName).count()).toBe(0);
    await other.context.close();

    // A signed form: uploaded with the consent, then listed among the documents.
    await organisation.selectOption({ label: 'Centrada' });
    // The form says what Centrada will see of name and contact, and when: from the projection table.
    await form
      .getByText(
        'Centrada ziet de persoonsgegevens (naam, geboortedatum, BSN) en de contactgegevens (telefoon, e-mail, bereikbaarheid): alleen zolang haar eigen aanbod op deze casus openstaat of is aanvaard',
        { exact: false },
      )
      .waitFor();
    await form.getByLabel('Woonprofiel').check();
    await form
      .getByRole('radiogroup', { name: 'Hoe heeft de bewoner toestemming gegeven?' })
      .getByLabel('Ondertekend formulier (geüpload)')
      .check();
    await form.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    await form.getByText('Kies het ondertekende formulier (een scan of foto).').waitFor();
    await form.getByLabel('Scan of foto van het ondertekende formulier').setInputFiles({
      name: 'toestemming-centrada.pdf',
      mimeType: 'application/pdf',
      buffer: pdf('toestemming'),
    });
    // Until a day within 30 days: the case warns in time.
    const soonIso = addDays(dutchToday(), 10);
    await form.getByLabel('Geldig tot en met (niet verplicht)').fill(soonIso);
    await form.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    await panel
      .getByText(
        'De toestemming is vastgelegd. Woonprofiel: Centrada ziet, zolang de casus haar aangaat, het huishouden en de woonbehoeften (kamers, toegankelijkheid, huur, gewenste en te vermijden wijken).',
      )
      .waitFor();
    const centrada = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Centrada' }) });
    await centrada.getByText('Verloopt binnenkort').waitFor();
    const warning = page.locator('.case-consent-warnings');
    await warning.getByText('De toestemming voor Centrada verloopt op', { exact: false }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await warning.getByRole('link', { name: 'Naar de toestemmingen' }).click();
    await expectEventually(() =>
      isFocused(panel.getByRole('heading', { level: 2, name: 'Toestemming van de bewoner' })),
    );
    const formLink = centrada.getByRole('link', { name: /downloaden/ });
    expect(await formLink.getAttribute('href')).toMatch(
      new RegExp(`^/api/cases/${demo.id}/documents/[0-9a-f-]{36}$`),
    );

    // Documents: the signed form is there; a PDF added by hand joins it.
    const documents = page.getByRole('region', { name: 'Documenten' });
    const documentTable = documents.getByRole('table', {
      name: 'Documenten van de casus, nieuwste eerst',
    });
    await documentTable
      .getByRole('row')
      .filter({ hasText: 'toestemming-centrada.pdf' })
      .getByText('Naam en contactgegevens')
      .waitFor();
    const upload = documents.getByRole('form', { name: 'Document toevoegen' });
    await upload.getByLabel('Bestand').setInputFiles({
      name: 'verslag-begeleiding.pdf',
      mimeType: 'application/pdf',
      buffer: pdf('verslag'),
    });
    await upload.getByLabel('Categorie').selectOption({ label: 'Ondersteuningsbehoefte' });
    await upload.getByRole('button', { name: 'Document toevoegen' }).click();
    await upload.getByText('verslag-begeleiding.pdf is toegevoegd.').waitFor();
    const added = documentTable.getByRole('row').filter({ hasText: 'verslag-begeleiding.pdf' });
    await added.getByText('Ondersteuningsbehoefte').waitFor();
    expect(
      await added.getByRole('link', { name: 'verslag-begeleiding.pdf' }).getAttribute('download'),
    ).toBe('verslag-begeleiding.pdf');
    const files = await h.app.db.query(
      `SELECT filename, category FROM case_document WHERE case_id = $1 ORDER BY uploaded_at`,
      [demo.id],
    );
    expect(files).toEqual([
      { filename: 'toestemming-centrada.pdf', category: 'identityContact' },
      { filename: 'verslag-begeleiding.pdf', category: 'supportNeeds' },
    ]);
    await documents.scrollIntoViewIfNeeded();
    await h.screenshot(page, 'casus-documenten');

    // The log and the inzage, from the links; no letter before the table has decided.
    const links = page.getByRole('navigation', { name: 'Dossier en privacy' });
    expect(await links.getByRole('link', { name: 'Besluitbrief' }).count()).toBe(0);
    await links.getByRole('link', { name: 'Logboek: wie heeft dit dossier bekeken' }).click();
    await page
      .getByRole('heading', { level: 1, name: `Logboek van de casus ${demo.pseudonym}` })
      .waitFor();
    await page.getByRole('row').filter({ hasText: 'Sandra Jansen' }).first().waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await links.getByRole('link', { name: 'Inzage voor de bewoner (AVG)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inzage in uw dossier' }).waitFor();
    await page
      .getByRole('table', { name: 'Toestemmingen' })
      .getByRole('cell', { name: 'Gemeente Lelystad' })
      .first()
      .waitFor();

    await page.goto(`/casussen/${demo.id}/brief`);
    await page.getByRole('heading', { level: 2, name: 'Nog geen besluit' }).waitFor();
    expect(await page.getByRole('button', { name: 'Afdrukken' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('does not show the panel, the upload or the links to another seat', async () => {
    const demo = await pickDemoCase();
    const { context, page } = await h.signedInPage(lelystad, `/casussen/${demo.id}`);
    await municipalityTitle(page);
    expect(await page.getByRole('region', { name: 'Toestemming van de bewoner' }).count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Document toevoegen' }).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Dossier en privacy' }).count()).toBe(0);
    await context.close();
  });

  it('shows the decision letter of a decided case as a printable page, without the app around it on paper', async () => {
    const kwintes = await h.app.signIn(manager);
    const chair = await h.app.signIn('voorzitter@almere.demo');
    const org = async (orgName: string) =>
      (await h.app.db.query('SELECT id FROM organisation WHERE name = $1', [orgName]))[0]
        .id as string;
    const view = await readyCase(kwintes, h.app.db, {
      identity: { firstName: 'Femke', lastName: 'Briefontvanger', birthDate: '1991-02-03' },
    });
    const planned = await chair.post('/api/tables').send({
      title: 'Uitstroomtafel brief',
      startsAt: startsLaterToday(),
      location: 'Stadhuis Almere, zaal 2',
      invitedOrganisationIds: await Promise.all(
        ['Gemeente Lelystad', 'Centrada', 'Kwintes'].map(org),
      ),
    });
    expect(planned.status).toBe(201);
    const tableId = planned.body.id as string;
    const scheduled = await kwintes
      .post(`/api/tables/${tableId}/agenda`)
      .send({ version: planned.body.version, caseId: view.id, caseVersion: view.version });
    expect(scheduled.status).toBe(200);
    const published = await chair
      .post(`/api/tables/${tableId}/publish`)
      .send({ version: scheduled.body.version });
    expect(published.status).toBe(200);
    const item = published.body.agenda[0];
    const decided = await chair.post(`/api/tables/${tableId}/agenda/${item.id}/decision`).send({
      version: published.body.version,
      caseVersion: item.case.version,
      rule: item.case.proposal?.result?.outcome ?? 'herkomst',
      present: [
        { organisationId: await org('Gemeente Lelystad'), seat: 'municipality' },
        { organisationId: await org('Centrada'), seat: 'corporation' },
      ],
      votes: [
        { organisationId: await org('Gemeente Lelystad'), seat: 'municipality', position: 'agree' },
      ],
      preconditions: [
        {
          lifeDomain: 'incomeAndDebts',
          description: 'Bewindvoering overgedragen aan Lelystad',
          ownerOrganisationId: await org('Gemeente Lelystad'),
          dueDate: '2027-01-15',
        },
      ],
      followUpProviderId: await org('Kwintes'),
    });
    expect(decided.status).toBe(200);

    const { context, page } = await h.signedInPage(manager, `/casussen/${view.id}`);
    const errors = collectErrors(page);
    await page.getByRole('heading', { level: 1, name: 'Femke Briefontvanger' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Dossier en privacy' })
      .getByRole('link', { name: 'Besluitbrief' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Besluit van de Uitstroomtafel' }).waitFor();
    await page.getByText('Beste Femke,').waitFor();
    await page.getByText('u gaat wonen in Lelystad', { exact: false }).waitFor();
    await page.getByText('bezwaar', { exact: false }).first().waitFor();
    await page.getByText(view.pseudonym).waitFor();

    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await page.getByRole('button', { name: 'Afdrukken' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await h.screenshot(page, 'besluitbrief');

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.shell__header').isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(false);
    expect(await page.locator('.shell__footer').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'Terug naar de casus' }).isVisible()).toBe(false);
    expect(
      await page
        .getByRole('heading', { level: 1, name: 'Besluit van de Uitstroomtafel' })
        .isVisible(),
    ).toBe(true);
    await h.screenshot(page, 'besluitbrief-afdruk');
    // One sheet of A4.
    const sheet = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect((sheet.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(1);
    expect(errors).toEqual([]);
    await context.close();

    // Another seat gets no letter: it goes through the resident's case manager.
    const other = await h.signedInPage('voorzitter@almere.demo', `/casussen/${view.id}/brief`);
    await other.page
      .getByRole('alert')
      .getByText('De besluitbrief gaat via de casemanager van de bewoner', { exact: false })
      .waitFor();
    await other.context.close();
  });
});

async function expectEventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('condition not met in time');
}
