import type { BrowserContext, Page } from 'playwright-core';
import { collectErrors, startBrowserHarness, type BrowserHarness } from '../support/browser';
import { startsLaterToday } from '../support/table-flow';
import { readyCase } from '../support/case-factory';
import { demoPassword } from '../support/test-app';

// Live pages: what one seat changes appears on another seat's open page without a reload, each
// seat seeing only what it may (the corporation's websocket carries nothing sensitive), with who
// has the page open; and two case managers editing one case see each other's change, losing nothing.
let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => {
  await h?.close();
});

const chairEmail = 'voorzitter@almere.demo';
const corporationEmail = 'corporatie@centrada.demo';
const managerEmail = 'regisseur@kwintes.demo';
const colleagueEmail = 'collega@kwintes.demo';
const org = async (name: string) =>
  (await h.app.db.query('SELECT id FROM organisation WHERE name = $1', [name]))[0].id as string;

/** A page of the seat, with every websocket frame it receives kept (listening from before the first load). */
async function openAs(
  email: string,
  path: string,
): Promise<{ context: BrowserContext; page: Page; frames: string[]; errors: string[] }> {
  const { context, page } = await h.newPage();
  const frames: string[] = [];
  page.on('websocket', (ws) =>
    ws.on('framereceived', (frame) => frames.push(String(frame.payload))),
  );
  const errors = collectErrors(page, /409/);
  const signedIn = await context.request.post('/api/auth/login', {
    data: { email, password: demoPassword },
  });
  expect(signedIn.status()).toBe(200);
  await page.goto(path);
  await page.evaluate(() => {
    (window as unknown as { stillHere: boolean }).stillHere = true;
  });
  return { context, page, frames, errors };
}
const wasNotReloaded = (page: Page) =>
  page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere === true);

/** Every value of these cases that a corporation may never receive (as in sensitive-data-leak.test.ts), plus names (no consent). */
async function forbiddenForCorporation(caseIds: string[]): Promise<string[]> {
  const rows: { sections: Record<string, any> }[] = await h.app.db.query(
    'SELECT sections FROM case_file WHERE id = ANY($1)',
    [caseIds],
  );
  const texts = (values: unknown[]) =>
    values.filter((v): v is string => typeof v === 'string' && v.trim().length >= 6);
  return rows.flatMap(({ sections }) => [
    ...texts(Object.values(sections.sensitive ?? {})),
    ...texts(Object.values(sections.supportNeeds ?? {})),
    ...texts((sections.addresses ?? []).map((a: { street?: string }) => a.street)),
    ...texts(Object.values(sections.identity ?? {})),
    ...texts(Object.values(sections.contact ?? {})),
    ...texts([sections.wishes?.ownWords]),
  ]);
}
const leaked = (frames: string[], forbidden: string[]) =>
  forbidden.filter((value) => frames.some((f) => f.includes(JSON.stringify(value).slice(1, -1))));

describe('live pages', () => {
  it('the chair orders the agenda; the corporation’s open table page follows without a reload, and its socket carries nothing sensitive', async () => {
    const kwintes = await h.app.signIn(managerEmail);
    const chairApi = await h.app.signIn(chairEmail);
    const first = await readyCase(kwintes, h.app.db, {
      identity: { firstName: 'Noor', lastName: 'Livetest', birthDate: '1990-04-12' },
    });
    const second = await readyCase(kwintes, h.app.db, {
      identity: { firstName: 'Sem', lastName: 'Volgorde', birthDate: '1988-02-02' },
    });
    const planned = (
      await chairApi.post('/api/tables').send({
        title: 'Uitstroomtafel live',
        startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        invitedOrganisationIds: [await org('Centrada'), await org('Gemeente Lelystad')],
      })
    ).body;
    let version = (
      await kwintes
        .post(`/api/tables/${planned.id}/agenda`)
        .send({ version: planned.version, caseId: first.id, caseVersion: first.version })
    ).body.version;
    version = (
      await kwintes
        .post(`/api/tables/${planned.id}/agenda`)
        .send({ version, caseId: second.id, caseVersion: second.version })
    ).body.version;
    expect(
      (await chairApi.post(`/api/tables/${planned.id}/publish`).send({ version })).status,
    ).toBe(200);

    const chair = await openAs(chairEmail, `/tafels/${planned.id}`);
    const corporation = await openAs(corporationEmail, `/tafels/${planned.id}`);
    // The case names in agenda order, without their numbers.
    const headings = (page: Page) =>
      page
        .locator('li.agenda-item h3')
        .evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/^\d+\.\s*/, '')));
    await corporation.page.locator('li.agenda-item').nth(1).waitFor();
    const before = await headings(corporation.page);
    expect(before).toHaveLength(2);
    expect(before.join(' ')).not.toMatch(/Livetest|Volgorde/); // no consent for Centrada: pseudonyms only

    // Who has the table open: each page names the other.
    await chair.page
      .getByText('Nu open bij: Linda Meijer (Woningcorporatie, Centrada) en u.', { exact: true })
      .waitFor();
    // The corporation learns seats, not who (as on a case page: who works on the cases says something about the residents).
    await corporation.page
      .getByText('Nu open bij: een tafelvoorzitter en u.', { exact: true })
      .waitFor();

    await chair.page
      .getByRole('button', { name: /^Omlaag: / })
      .first()
      .click();
    await chair.page.getByText(/staat nu op plaats 2 van 2\.$/).waitFor();
    // The corporation's page: the new order and who made it, without a reload.
    await corporation.page.getByText('De tafel is zojuist bijgewerkt.', { exact: true }).waitFor();
    await corporation.page.waitForFunction(
      (expected) =>
        [...document.querySelectorAll('li.agenda-item h3')]
          .map((e) => (e.textContent ?? '').replace(/^\d+\.\s*/, ''))
          .join('|') === expected,
      [before[1], before[0]].join('|'),
    );
    expect(await wasNotReloaded(corporation.page)).toBe(true);
    await h.screenshot(corporation.page, 'live-tafel-corporatie');
    await h.screenshot(chair.page, 'live-tafel-voorzitter');

    // A change to a case on the agenda reaches the table page too, as the corporation's housing profile.
    const current = (await kwintes.get(`/api/cases/${first.id}`)).body;
    expect(
      (
        await kwintes.patch(`/api/cases/${first.id}`).send({
          version: current.version,
          changes: { housingNeeds: { ...current.housingNeeds, maxRent: 777 } },
        })
      ).status,
    ).toBe(200);
    await corporation.page.getByText(/777/).first().waitFor();

    const tableFrames = corporation.frames.filter((f) => f.includes('"table:changed"'));
    expect(tableFrames.length).toBeGreaterThanOrEqual(2);
    expect(
      leaked(corporation.frames, await forbiddenForCorporation([first.id, second.id])),
    ).toEqual([]);
    expect(corporation.frames.join('')).not.toMatch(/Sanne Willems|Kwintes/); // who works on the cases: not for a corporation
    expect(leaked(chair.frames, await forbiddenForCorporation([first.id])).length).toBeGreaterThan(
      0,
    ); // the search finds what it looks for
    expect(corporation.errors).toEqual([]);
    expect(chair.errors).toEqual([]);
    await Promise.all([chair.context.close(), corporation.context.close()]);
  });

  it('a corporation on the case page sees the case move on when the chair decides, and never its sensitive values', async () => {
    const kwintes = await h.app.signIn(managerEmail);
    const chairApi = await h.app.signIn(chairEmail);
    const ready = await readyCase(kwintes, h.app.db, {
      identity: { firstName: 'Fenna', lastName: 'Besluittest', birthDate: '1992-06-06' },
    });
    const planned = (
      await chairApi.post('/api/tables').send({
        title: 'Uitstroomtafel besluit live',
        startsAt: startsLaterToday(),
        invitedOrganisationIds: [await org('Centrada'), await org('Gemeente Lelystad')],
      })
    ).body;
    const scheduled = (
      await kwintes
        .post(`/api/tables/${planned.id}/agenda`)
        .send({ version: planned.version, caseId: ready.id, caseVersion: ready.version })
    ).body;
    const table = (
      await chairApi.post(`/api/tables/${planned.id}/publish`).send({ version: scheduled.version })
    ).body;

    const corporation = await openAs(corporationEmail, `/casussen/${ready.id}`);
    await corporation.page.locator('.case-badge--state', { hasText: 'Geagendeerd' }).waitFor();
    const item = table.agenda[0];
    const decided = await chairApi.post(`/api/tables/${table.id}/agenda/${item.id}/decision`).send({
      version: table.version,
      caseVersion: item.case.version,
      rule: item.case.proposal?.result?.outcome ?? 'herkomst',
      present: [{ organisationId: await org('Centrada'), seat: 'corporation' }],
      votes: [],
      preconditions: [],
      followUpProviderId: await org('Leger des Heils'),
    });
    expect(decided.status).toBe(200);
    await corporation.page.locator('.case-badge--state', { hasText: 'Woning zoeken' }).waitFor();
    // A corporation does not learn who works on the case: the note names no one.
    await corporation.page.getByText('Deze casus is zojuist bijgewerkt.').waitFor();
    expect(await wasNotReloaded(corporation.page)).toBe(true);
    await h.screenshot(corporation.page, 'live-casus-corporatie');
    expect(corporation.frames.some((f) => f.includes('"case:changed"'))).toBe(true);
    expect(leaked(corporation.frames, await forbiddenForCorporation([ready.id]))).toEqual([]);
    expect(corporation.frames.join('')).not.toMatch(/Sanne Willems|Kwintes/);
    expect(corporation.errors).toEqual([]);
    await corporation.context.close();
  });

  it('two case managers edit one case: the second sees the first’s change beside their own input, and nothing is lost', async () => {
    // A colleague at Kwintes (same password as the demo accounts).
    await h.app.db.query(
      `INSERT INTO app_user (organisation_id, email, display_name, seat, password_hash)
       SELECT organisation_id, $1, 'Joris Kramer', seat, password_hash FROM app_user WHERE email = $2 ON CONFLICT DO NOTHING`,
      [colleagueEmail, managerEmail],
    );
    const kwintes = await h.app.signIn(managerEmail);
    const created = await readyCase(kwintes, h.app.db, {
      identity: { firstName: 'Iris', lastName: 'Conflicttest', birthDate: '1991-01-01' },
    });
    const sanne = await openAs(managerEmail, `/casussen/${created.id}`);
    const joris = await openAs(colleagueEmail, `/casussen/${created.id}`);
    await sanne.page
      .getByText(/^Nu open bij: Joris Kramer \(Casemanager \/ regisseur, Kwintes\) en u\.$/)
      .waitFor();
    await joris.page
      .getByText(/^Nu open bij: Sanne Willems \(Casemanager \/ regisseur, Kwintes\) en u\.$/)
      .waitFor();

    // Sanne starts on exception A and has not saved yet.
    await sanne.page.getByRole('button', { name: 'Uitzonderingen wijzigen' }).click();
    await sanne.page.getByLabel('Uitzondering A is van toepassing').check();
    const motivationA =
      'Onveilig netwerk in de herkomstgemeente; de ex-partner woont in dezelfde straat.';
    await sanne.page.getByLabel('Motivering bij uitzondering A').fill(motivationA);

    // Joris changes another part (the housing needs): Sanne hears it, her input stays, no conflict to solve.
    const current = (await kwintes.get(`/api/cases/${created.id}`)).body;
    const jorisApi = await h.app.signIn(colleagueEmail);
    expect(
      (
        await jorisApi.patch(`/api/cases/${created.id}`).send({
          version: current.version,
          changes: { housingNeeds: { ...current.housingNeeds, maxRent: 701 } },
        })
      ).status,
    ).toBe(200);
    await sanne.page
      .getByText('Joris Kramer van Kwintes heeft deze casus zojuist gewijzigd.')
      .waitFor();
    expect(await sanne.page.getByLabel('Motivering bij uitzondering A').inputValue()).toBe(
      motivationA,
    );
    expect(
      await sanne.page.getByRole('heading', { name: 'Intussen gewijzigd door een ander' }).count(),
    ).toBe(0);

    // Joris then excludes Dronten in his own browser and saves: the same part Sanne is editing.
    await joris.page.getByText(/701/).first().waitFor();
    await joris.page.getByRole('button', { name: 'Uitzonderingen wijzigen' }).click();
    await joris.page
      .getByRole('group', { name: /Uitgesloten gemeenten/ })
      .getByLabel('Dronten')
      .check();
    await joris.page.getByRole('button', { name: 'Uitzonderingen opslaan' }).click();
    await joris.page
      .getByText('De uitzonderingen zijn opgeslagen. Het voorstel is opnieuw berekend.')
      .waitFor();

    // Sanne sees his version beside her own unsaved input, and chooses.
    const panel = sanne.page.locator('section.conflict-panel');
    await panel.getByRole('heading', { name: 'Intussen gewijzigd door een ander' }).waitFor();
    await panel.getByText('Dronten').waitFor();
    expect(await sanne.page.getByLabel('Motivering bij uitzondering A').inputValue()).toBe(
      motivationA,
    );
    expect(await sanne.page.getByLabel('Uitzondering A is van toepassing').isChecked()).toBe(true);
    expect(await wasNotReloaded(sanne.page)).toBe(true);
    await h.screenshot(sanne.page, 'live-conflict');
    // She takes his exclusion into her input too, then keeps her input: both changes are stored.
    await sanne.page
      .getByRole('group', { name: /Uitgesloten gemeenten/ })
      .getByLabel('Dronten')
      .check();
    await panel.getByRole('button', { name: 'Mijn invoer bewaren' }).click();
    await sanne.page
      .getByText('De uitzonderingen zijn opgeslagen. Het voorstel is opnieuw berekend.')
      .waitFor();
    const [row] = await h.app.db.query('SELECT sections FROM case_file WHERE id = $1', [
      created.id,
    ]);
    expect(row.sections.exceptions).toEqual([{ kind: 'A', motivation: motivationA }]);
    expect(row.sections.excluded).toEqual(['GM0303']);
    expect(row.sections.housingNeeds.maxRent).toBe(701);
    // And Joris's open page shows Sanne's exception without a reload.
    await joris.page.getByText(motivationA).waitFor();
    await joris.page
      .getByText('Sanne Willems van Kwintes heeft deze casus zojuist gewijzigd.')
      .waitFor();
    expect(await wasNotReloaded(joris.page)).toBe(true);
    expect(sanne.errors).toEqual([]);
    expect(joris.errors).toEqual([]);
    await Promise.all([sanne.context.close(), joris.context.close()]);
  });
});
