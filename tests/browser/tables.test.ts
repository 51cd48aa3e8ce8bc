import type { Locator, Page } from 'playwright-core';
import {
  collectErrors,
  startBrowserHarness,
  type BrowserHarness,
  confirmStep,
} from '../support/browser';
import { readyCase } from '../support/case-factory';
import { planTable, scheduleCase, startsLaterToday } from '../support/table-flow';
import { addDays, dutchToday } from '@uitstroom/shared';

// A whole table in the browser: the chair plans it, the case manager puts ready cases on its
// agenda, the chair orders and shares it, the invited corporation reads it without any diagnosis,
// the chair records a decision and defers the other case, then closes the table.
let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => {
  await h?.close();
});

const chairEmail = 'voorzitter@almere.demo';
const managerEmail = 'regisseur@kwintes.demo';
const corporationEmail = 'corporatie@centrada.demo';
const uuid = '[0-9a-f-]{36}';
const title = `Uitstroomtafel Flevoland test ${Date.now().toString(36)}`;

const agendaItem = (page: Page, name: string) =>
  page
    .locator('li.agenda-item')
    .filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(name) }) });
const fact = (scope: Locator, key: string) =>
  scope
    .locator('dt')
    .filter({ hasText: new RegExp(`^${key}$`) })
    .locator('xpath=following-sibling::dd[1]');
const isoDateInDays = (days: number) => addDays(dutchToday(), days);

async function tableRow(id: string) {
  const [row] = await h.app.db.query('SELECT state, version FROM outflow_table WHERE id = $1', [
    id,
  ]);
  return row as { state: string; version: number };
}

let tableId = '';
let first: Record<string, any>;
let second: Record<string, any>;
const firstName = 'Noor de Jong';
const secondName = 'Sem Tafeltest';

describe('a whole table in the browser', () => {
  it('the chair plans a table, inviting Gemeente Lelystad and Centrada', async () => {
    const { context, page } = await h.signedInPage(chairEmail, '/casussen');
    const errors = collectErrors(page);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Tafels' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Tafels' }).waitFor();
    await page.getByRole('button', { name: 'Tafel plannen' }).click();
    const form = page.getByRole('form', { name: 'Tafel plannen' });
    await form.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('plannen-kop');

    await form.getByLabel('Naam van de tafel').fill(title);
    await form.getByLabel('Datum').fill(isoDateInDays(14));
    await form.getByLabel('Begintijd').fill('10:00');
    await form.getByLabel('Plaats (niet verplicht)').fill('Stadhuis Almere, zaal 2');
    await form.getByLabel('Videolink (niet verplicht)').fill('http://meet.example.nl/tafel');
    await form.getByRole('group', { name: 'Gemeenten' }).getByLabel('Gemeente Lelystad').check();
    await form.getByRole('group', { name: 'Woningcorporaties' }).getByLabel('Centrada').check();
    // The shared schema's message lands at the field; nothing is sent.
    await form.getByRole('button', { name: 'Tafel plannen' }).click();
    await form.getByText('Een videolink begint met https://.').waitFor();
    expect(await form.getByLabel('Videolink (niet verplicht)').getAttribute('aria-invalid')).toBe(
      'true',
    );
    await form.getByLabel('Videolink (niet verplicht)').fill('https://meet.example.nl/tafel');
    await form.getByText('Een videolink begint met https://.').waitFor({ state: 'detached' });

    const created = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/tables',
    );
    await form.getByRole('button', { name: 'Tafel plannen' }).click();
    expect((await created).status()).toBe(201);
    await page.waitForURL(new RegExp(`/tafels/${uuid}$`));
    tableId = new RegExp(`/tafels/(${uuid})`).exec(page.url())![1]!;
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText(`De tafel “${title}” is gepland.`).waitFor();
    const header = page.locator('header.table-header');
    expect(await fact(header, 'Plaats').textContent()).toBe('Stadhuis Almere, zaal 2');
    expect(await fact(header, 'Datum en tijd').textContent()).toMatch(/ om 10:00$/);
    expect(await fact(header, 'Genodigden').textContent()).toBe(
      'Gemeenten: Gemeente LelystadWoningcorporaties: Centrada',
    );
    expect(await fact(header, 'Agenda').textContent()).toMatch(/^Agenda delen vóór /);
    expect(await tableRow(tableId)).toMatchObject({ state: 'planned' });
    // An empty agenda is not shared: the button says why it waits.
    const share = page.getByRole('button', { name: 'Agenda delen' });
    expect(await share.isDisabled()).toBe(true);
    expect(await share.getAttribute('aria-describedby')).toBe('agenda-leeg-uitleg');
    await page
      .getByText('Een lege agenda wordt niet gedeeld: zet eerst een casus op de agenda.')
      .waitFor();
    const [{ starts_at: startsAt }] = await h.app.db.query(
      'SELECT starts_at FROM outflow_table WHERE id = $1',
      [tableId],
    );
    // 10:00 in Almere, whatever the browser's zone.
    expect(
      new Intl.DateTimeFormat('nl-NL', {
        hour: '2-digit',
        minute: '2-digit',
        timeZone: 'Europe/Amsterdam',
      }).format(startsAt),
    ).toBe('10:00');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the case manager puts two ready cases on the agenda', async () => {
    const agent = await h.app.signIn(managerEmail);
    first = await readyCase(agent, h.app.db);
    second = await readyCase(agent, h.app.db, {
      identity: { firstName: 'Sem', lastName: 'Tafeltest', birthDate: '1985-02-02' },
    });

    const { context, page } = await h.signedInPage(managerEmail, '/tafels');
    const errors = collectErrors(page);
    await page.getByRole('link', { name: title, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    // No chair controls for the case manager.
    expect(await page.getByRole('button', { name: 'Agenda delen' }).count()).toBe(0);
    const schedule = page.getByRole('region', { name: 'Casus agenderen' });
    for (const [c, name] of [
      [first, firstName],
      [second, secondName],
    ] as const) {
      await schedule.getByLabel('Uitstroomgerede casus').selectOption(c.id);
      const added = page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith(`/api/tables/${tableId}/agenda`),
      );
      await schedule.getByRole('button', { name: 'Op de agenda zetten' }).click();
      await confirmStep(page, 'Op de agenda zetten');
      expect((await added).status()).toBe(200);
      await page.getByText(`${name} staat op de agenda.`).waitFor();
      await agendaItem(page, name).waitFor();
    }
    // A scheduled case is no longer offered.
    expect(await schedule.locator(`option[value="${first.id}"]`).count()).toBe(0);
    const item = agendaItem(page, firstName);
    expect(await fact(item, 'Doelgroep').textContent()).toBe('Beschermd wonen');
    expect(await fact(item, 'Wachttijd').textContent()).toMatch(/^0 dagen sinds uitstroomgereed/);
    expect(await fact(item, 'Voorstel').textContent()).toContain('Lelystad → Lelystad');
    await item
      .getByRole('region', { name: 'Wensen van de bewoner' })
      .getByText('1. Zeewolde')
      .waitFor();
    const states = await h.app.db.query('SELECT state FROM case_file WHERE id = ANY($1::uuid[])', [
      [first.id, second.id],
    ]);
    expect(states.map((s: { state: string }) => s.state)).toEqual(['scheduled', 'scheduled']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the chair orders the agenda by keyboard and shares it', async () => {
    // Sem has waited 100 days since "uitstroomgereed": beyond the region's target of 90.
    await h.app.db.query(
      `UPDATE case_file SET ready_at = now() - interval '100 days' WHERE id = $1`,
      [second.id],
    );
    const { context, page } = await h.signedInPage(chairEmail, '/tafels');
    const errors = collectErrors(page);
    await page.getByRole('heading', { level: 2, name: 'Komende tafels' }).waitFor();
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: title, exact: true }) });
    expect(await row.getByRole('cell').nth(3).textContent()).toBe('Gepland');
    expect(await row.getByRole('cell').nth(4).textContent()).toBe('2 casussen');
    await h.screenshot(page, 'tafels-lijst');

    await page.getByRole('link', { name: title, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Agenda (2 casussen)' }).waitFor();
    // Sem up, by keyboard: the focus stays with Sem's buttons, and the order is stored.
    const up = page.getByRole('button', { name: `Omhoog: ${secondName}` });
    await up.focus();
    const ordered = page.waitForResponse(
      (r) => r.request().method() === 'PUT' && r.url().endsWith('/agenda/order'),
    );
    await page.keyboard.press('Enter');
    expect((await ordered).status()).toBe(200);
    await page.getByText(`${secondName} staat nu op plaats 1 van 2.`).waitFor();
    expect(await page.locator('li.agenda-item h3').allTextContents()).toEqual([
      `1. ${secondName}`,
      `2. ${firstName}`,
    ]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      `Omlaag: ${secondName}`,
    );
    const positions = await h.app.db.query(
      'SELECT case_id, position FROM agenda_item WHERE table_id = $1 ORDER BY position',
      [tableId],
    );
    expect(positions.map((p: { case_id: string }) => p.case_id)).toEqual([second.id, first.id]);
    // Back again with the keyboard.
    await page.keyboard.press('Enter');
    await page.getByText(`${secondName} staat nu op plaats 2 van 2.`).waitFor();
    expect(await page.locator('li.agenda-item h3').allTextContents()).toEqual([
      `1. ${firstName}`,
      `2. ${secondName}`,
    ]);
    await agendaItem(page, secondName)
      .locator('.agenda-item__badges')
      .getByText('Wacht langer dan 90 dagen')
      .waitFor();
    expect(await fact(agendaItem(page, secondName), 'Wachttijd').textContent()).toMatch(
      /^100 dagen sinds uitstroomgereed.* — langer dan de streeftermijn van 90 dagen$/,
    );
    expect(
      await agendaItem(page, firstName)
        .locator('.agenda-item__badges')
        .getByText(/Wacht langer/)
        .count(),
    ).toBe(0);

    // Before sharing, no decisions.
    expect(await page.getByRole('button', { name: /^Besluit vastleggen/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Agenda delen' }).click();
    await page.getByText('De agenda is gedeeld met de genodigden.').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'voorzitter-kop', undefined, {
      timeout: 5000,
    });
    await page.locator('.table-header__title').getByText('Agenda gedeeld').waitFor();
    expect(await fact(page.locator('header.table-header'), 'Agenda').textContent()).toMatch(
      /^Gedeeld op /,
    );
    expect(await tableRow(tableId)).toMatchObject({ state: 'published' });
    await h.screenshot(page, 'tafel-agenda');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the invited corporation sees the agenda as a housing profile, without any diagnosis or name', async () => {
    const { context, page } = await h.signedInPage(corporationEmail, '/tafels');
    const errors = collectErrors(page);
    await page.getByRole('link', { name: title, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Agenda (2 casussen)' }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(
      /Bipolaire|Alcohol|Terugval|de Jong|Noor|Tafeltest|Zeewolde|Lelystad → /,
    );
    expect(await page.locator('li.agenda-item h3').allTextContents()).toEqual([
      `1. ${first.pseudonym}`,
      `2. ${second.pseudonym}`,
    ]);
    const item = agendaItem(page, first.pseudonym);
    await item
      .getByRole('region', { name: 'Woonprofiel' })
      .getByText('Maximale huur per maand')
      .waitFor();
    expect(await fact(item, 'Wachttijd').count()).toBe(1);
    // Nothing to do here but read.
    expect(
      await page
        .getByRole('button', {
          name: /Besluit vastleggen|Agenda delen|Tafel afsluiten|Op de agenda zetten/,
        })
        .count(),
    ).toBe(0);
    await h.screenshot(page, 'tafel-corporatie');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the chair records a decision, defers the other case and closes the table', async () => {
    const { context, page } = await h.signedInPage(chairEmail, `/tafels/${tableId}`);
    const errors = collectErrors(page);
    await page.getByRole('heading', { level: 2, name: 'Agenda (2 casussen)' }).waitFor();
    // Two weeks before the table's day nothing can be decided yet (domain.md §4), and the page says from when.
    await page
      .getByText(/^Besluiten vastleggen kan vanaf \d{1,2} \w+ \d{4}, de dag van de tafel\.$/)
      .waitFor();
    expect(await page.getByRole('button', { name: /^Besluit vastleggen/ }).count()).toBe(0);
    // Nor closed: the chair's panel says when, and offers no step the server would refuse.
    await page.getByText(/^De tafel is op \d{1,2} \w+ \d{4}\. Vanaf die dag legt u/).waitFor();
    expect(await page.getByRole('button', { name: 'Tafel afsluiten' }).count()).toBe(0);
    // The table's day has come: the test moves the table planned two weeks ahead to today.
    await h.app.db.query('UPDATE outflow_table SET starts_at = $2 WHERE id = $1', [
      tableId,
      startsLaterToday(),
    ]);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Agenda (2 casussen)' }).waitFor();
    const item = agendaItem(page, firstName);
    await item.getByRole('button', { name: `Besluit vastleggen: ${firstName}` }).click();
    const form = item.getByRole('form', { name: `Besluit vastleggen: ${firstName}` });
    await form.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      `Besluit vastleggen: ${firstName}`,
    );
    // The proposal is prefilled.
    expect(await form.getByLabel('Regel of uitzondering').inputValue()).toBe('herkomst');
    expect(await form.getByLabel('Bestemming').inputValue()).toBe('GM0995');
    await form.getByText('Niet verplicht: de tafel volgt het voorstel.').waitFor();
    // The chair is told where the motivation goes.
    await form
      .getByText('De motivering komt woordelijk in de brief aan de bewoner', { exact: false })
      .waitFor();
    // The intake's support needs start the preconditions, one per life domain, to edit or remove.
    const needOf = (n: number) =>
      form.getByRole('group', { name: `Randvoorwaarde ${n}` }).getByLabel('Wat moet geregeld zijn');
    expect(await needOf(1).inputValue()).toBe('Bewindvoering loopt.');
    expect(await needOf(2).inputValue()).toBe('Ambulante begeleiding 4 uur per week.');
    await form.getByRole('button', { name: 'Randvoorwaarde 2 verwijderen' }).click();
    await form.getByRole('button', { name: 'Randvoorwaarde 1 verwijderen' }).click();

    // Departing from the proposal without a motivation: refused at the field, summary first.
    await form.getByLabel('Bestemming').selectOption({ label: 'Zeewolde' });
    await form
      .getByText('Verplicht: de tafel wijkt af van het voorstel. Minstens 10 tekens.')
      .waitFor();
    await form.getByLabel('Aanbieder van de nazorg').selectOption({ label: 'Leger des Heils' });
    await form.getByRole('button', { name: 'Besluit vastleggen' }).click();
    const summary = item.locator('.decision-form__problems');
    await summary
      .getByRole('link', {
        name: 'Motiveer waarom de tafel afwijkt van het voorstel (minstens 10 tekens).',
      })
      .waitFor();
    await page.waitForFunction(
      () => document.activeElement?.classList.contains('decision-form__problems'),
      undefined,
      { timeout: 5000 },
    );
    expect(await form.getByLabel('Motivering').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Bestemming').selectOption({ label: 'Zoals voorgesteld: Lelystad' });
    await summary.waitFor({ state: 'detached' });

    // Who was present, and what each said.
    const attendance = form.getByRole('group', { name: 'Aanwezig en standpunt' });
    // Lelystad first objects, then agrees: the reason field goes, and its text is not sent.
    const lelystad = attendance.getByRole('radiogroup', {
      name: 'Standpunt van Gemeente Lelystad',
    });
    await lelystad.getByLabel('Bezwaar').check();
    await form
      .getByLabel('Reden van het bezwaar van Gemeente Lelystad')
      .fill('Nog geen zicht op de begeleiding.');
    await lelystad.getByLabel('Akkoord').check();
    expect(await form.getByLabel('Reden van het bezwaar van Gemeente Lelystad').count()).toBe(0);
    // Centrada objects, with its reason; the table cannot resolve it: a dispute for the steering group.
    await attendance
      .getByRole('radiogroup', { name: 'Standpunt van Centrada' })
      .getByLabel('Bezwaar')
      .check();
    await form
      .getByLabel('Reden van het bezwaar van Centrada')
      .fill('Eerst een woning in Lelystad beschikbaar.');
    await form.getByLabel('Geschil voor de stuurgroep').check();
    // A precondition, with owner and due date.
    await form.getByRole('button', { name: 'Randvoorwaarde toevoegen' }).click();
    const precondition = form.getByRole('group', { name: 'Randvoorwaarde 1' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(
      'preconditions.0.lifeDomain',
    );
    await precondition.getByLabel('Leefgebied').selectOption({ label: 'Inkomen en schulden' });
    await precondition.getByLabel('Wie regelt het').selectOption({ label: 'Gemeente Lelystad' });
    await precondition.getByLabel('Uiterlijk op').fill(isoDateInDays(40));
    await precondition
      .getByLabel('Wat moet geregeld zijn')
      .fill('Bewindvoering overgedragen aan Lelystad');
    await h.screenshot(page, 'tafel-besluit');

    // A refusal the browser did not foresee lands at its field by the path the server gives.
    await page.route(
      `**/api/tables/${tableId}/agenda/*/decision`,
      (route) =>
        route.fulfill({
          status: 400,
          contentType: 'application/json',
          body: JSON.stringify({
            error: {
              code: 'VALIDATION_FAILED',
              message: 'Controleer de gemarkeerde velden.',
              issues: [
                { path: 'preconditions.0.dueDate', message: 'Deze datum ligt na de verhuisdatum.' },
              ],
            },
          }),
        }),
      { times: 1 },
    );
    await form.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await confirmStep(page, 'Besluit vastleggen');
    await precondition.getByText('Deze datum ligt na de verhuisdatum.').waitFor();
    expect(await precondition.getByLabel('Uiterlijk op').getAttribute('aria-invalid')).toBe('true');
    await page.unroute(`**/api/tables/${tableId}/agenda/*/decision`);
    await precondition.getByLabel('Uiterlijk op').fill(isoDateInDays(41));

    const decided = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/decision'),
    );
    await form.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await confirmStep(page, 'Besluit vastleggen');
    expect((await decided).status()).toBe(200);
    await page.getByText(`Het besluit over ${firstName} is vastgelegd.`).waitFor();
    const decision = item.getByRole('region', { name: 'Besluit van de tafel' });
    expect(await fact(decision, 'Regel').textContent()).toBe('Gemeente van herkomst');
    expect(await fact(decision, 'Bestemming').textContent()).toBe('Lelystad');
    expect(await fact(decision, 'Nazorg door').textContent()).toBe('Leger des Heils');
    await decision.getByText('Gemeente Lelystad (Gemeente): Akkoord', { exact: true }).waitFor();
    // The chair's organisation has no consent for sensitive information: an objection's reason is free text about the resident (issue 21).
    await decision
      .getByText(
        'Centrada (Woningcorporatie): Bezwaar — reden vastgelegd, niet zichtbaar voor uw rol',
      )
      .waitFor();
    await item.locator('.agenda-item__badges').getByText('Geschil').waitFor();
    await decision.getByRole('cell', { name: 'Bewindvoering overgedragen aan Lelystad' }).waitFor();
    const [stored] = await h.app.db.query(
      `SELECT d.rule, trim(d.destination_code) AS destination, o.name AS provider, d.votes, d.present, d.is_disputed,
              (SELECT count(*)::int FROM precondition p WHERE p.decision_id = d.id) AS preconditions
         FROM table_decision d JOIN organisation o ON o.id = d.follow_up_provider_id WHERE d.case_id = $1`,
      [first.id],
    );
    expect(stored).toMatchObject({
      rule: 'herkomst',
      destination: 'GM0995',
      provider: 'Leger des Heils',
      is_disputed: true,
      preconditions: 1,
    });
    expect(
      stored.votes.map((v: { position: string; reason?: string }) => [v.position, v.reason]),
    ).toEqual([
      ['agree', undefined],
      ['object', 'Eerst een woning in Lelystad beschikbaar.'],
    ]);
    expect(stored.present.length).toBeGreaterThanOrEqual(3);
    expect(
      (await h.app.db.query('SELECT state FROM case_file WHERE id = $1', [first.id]))[0].state,
    ).toBe('searching');
    // The focus returns to the decided item.
    const [{ id: itemId }] = await h.app.db.query(
      'SELECT id FROM agenda_item WHERE case_id = $1 AND table_id = $2',
      [first.id, tableId],
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`agendapunt-${itemId}`);

    // The other case is deferred, with a reason of at least ten characters.
    await agendaItem(page, secondName)
      .getByRole('button', { name: `Uitstellen: ${secondName}` })
      .click();
    const deferDialog = page.getByRole('dialog', { name: `${secondName} uitstellen` });
    await deferDialog.getByLabel('Reden van uitstel').fill('Te kort');
    await deferDialog.getByRole('button', { name: 'Uitstellen' }).click();
    await deferDialog.getByText('Geef een reden van minstens 10 tekens.').waitFor();
    await deferDialog
      .getByLabel('Reden van uitstel')
      .fill('Eerst een gesprek met de bewoner over de wens.');
    await deferDialog.getByRole('button', { name: 'Uitstellen' }).click();
    await page.getByText(`${secondName} is uitgesteld.`).waitFor();
    const [{ id: deferredId }] = await h.app.db.query(
      'SELECT id FROM agenda_item WHERE case_id = $1 AND table_id = $2',
      [second.id, tableId],
    );
    await page.waitForFunction(
      (id) => document.activeElement?.id === `agendapunt-${id}`,
      deferredId,
      { timeout: 5000 },
    );
    await agendaItem(page, secondName)
      .getByText('reden vastgelegd, niet zichtbaar voor uw rol')
      .waitFor();
    expect(
      (await h.app.db.query('SELECT state FROM case_file WHERE id = $1', [second.id]))[0].state,
    ).toBe('ready');

    // Closing asks first.
    await page.getByRole('button', { name: 'Tafel afsluiten' }).click();
    const closeDialog = page.getByRole('dialog', { name: 'Tafel afsluiten' });
    await closeDialog.getByText('Na het afsluiten kunt u geen besluiten meer vastleggen').waitFor();
    await closeDialog.getByRole('button', { name: 'Tafel afsluiten' }).click();
    await page.getByText('De tafel is afgesloten.').waitFor();
    await page.locator('.table-header__title').getByText('Afgesloten').waitFor();
    expect(await tableRow(tableId)).toMatchObject({ state: 'closed' });
    expect(
      await page
        .getByRole('button', { name: /Besluit vastleggen|Uitstellen|Omhoog|Agenda delen/ })
        .count(),
    ).toBe(0);
    expect(errors.filter((e) => !/400/.test(e))).toEqual([]);
    await context.close();
  }, 120_000);

  it('the closed table is its minutes: present, decisions, deferred cases; printable and as PDF', async () => {
    const { context, page } = await h.signedInPage(chairEmail, `/tafels/${tableId}`);
    const errors = collectErrors(page);
    const minutes = page.getByRole('region', { name: 'Notulen' });
    await minutes.waitFor();
    expect(await fact(minutes, 'Aanwezig').innerText()).toContain('Gemeente Lelystad (Gemeente)');
    expect(await fact(minutes, 'Aanwezig').innerText()).toContain('Centrada (Woningcorporatie)');
    expect(await fact(minutes, 'Besloten').textContent()).toBe('1 casus');
    expect(await fact(minutes, 'Uitgesteld').textContent()).toBe(
      `${secondName}: reden vastgelegd, niet zichtbaar voor uw rol`,
    );
    const pdfLink = minutes.getByRole('link', { name: 'Notulen downloaden (PDF)' });
    expect(await pdfLink.getAttribute('href')).toBe(`/api/tables/${tableId}/minutes.pdf`);
    const pdf = await context.request.get(`/api/tables/${tableId}/minutes.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    // "Afdrukken" prints the page itself.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await minutes.getByRole('button', { name: 'Afdrukken' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await h.screenshot(page, 'tafel-notulen');

    // On paper (A4 width): no menu, header, buttons or forms; the minutes and every decision with its preconditions.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    for (const hidden of [
      '.shell__header',
      '.shell__nav',
      '.shell__footer',
      '.case-breadcrumb',
      '.table-minutes__tools',
    ]) {
      expect({ hidden, visible: await page.locator(hidden).first().isVisible() }).toEqual({
        hidden,
        visible: false,
      });
    }
    expect(await page.getByRole('button').filter({ visible: true }).count()).toBe(0);
    await minutes.getByRole('heading', { name: 'Notulen' }).waitFor();
    await agendaItem(page, firstName)
      .getByRole('cell', { name: 'Bewindvoering overgedragen aan Lelystad' })
      .waitFor();
    await h.screenshot(page, 'tafel-notulen-afdruk');
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the corporation's copy of the minutes names no one and carries no motivation", async () => {
    const { context, page } = await h.signedInPage(corporationEmail, `/tafels/${tableId}`);
    const errors = collectErrors(page);
    const minutes = page.getByRole('region', { name: 'Notulen' });
    await minutes.waitFor();
    expect(await fact(minutes, 'Uitgesteld').textContent()).toBe(
      `${second.pseudonym}: reden vastgelegd, niet zichtbaar voor uw rol`,
    );
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(
      /Bipolaire|Alcohol|de Jong|Noor|Tafeltest|Motivering|Eerst een gesprek|Eerst een woning/,
    );
    await agendaItem(page, first.pseudonym)
      .getByRole('cell', { name: 'Bewindvoering overgedragen aan Lelystad' })
      .waitFor();
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    await h.screenshot(page, 'tafel-notulen-corporatie-afdruk');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the case manager finds the decision and its preconditions on the case page', async () => {
    const { context, page } = await h.signedInPage(managerEmail, `/casussen/${first.id}`);
    const decision = page.getByRole('region', { name: 'Besluit van de tafel' });
    await decision.waitFor();
    await decision.getByText('Bewindvoering overgedragen aan Lelystad').waitFor();
    await decision.getByText('Leger des Heils').waitFor();
    await h.screenshot(page, 'casus-besluit');
    expect(await decision.getByText(/te laat/).count()).toBe(0);

    // A due date passes: the precondition is flagged on the case and on the table.
    await h.app.db.query(`UPDATE precondition SET due_date = current_date - 2 WHERE case_id = $1`, [
      first.id,
    ]);
    await page.reload();
    await decision
      .locator('li.is-overdue')
      .getByText(/Bewindvoering overgedragen aan Lelystad.* — te laat$/)
      .waitFor();
    await page.goto(`/tafels/${tableId}`);
    await agendaItem(page, firstName)
      .locator('.agenda-item__badges')
      .getByText('1 randvoorwaarde te laat')
      .waitFor();
    await agendaItem(page, firstName)
      .locator('tr.agenda-preconditions__late')
      .getByText('Te laat')
      .waitFor();
    await h.screenshot(page, 'tafel-randvoorwaarde-te-laat');
    await context.close();
  });
});

describe('the chair corrects and cancels a planned table', () => {
  it('edits date and invitees, then cancels with a reason: Geannuleerd on the page and in the list', async () => {
    const chair = await h.app.signIn(chairEmail);
    const planned = await planTable(chair, h.app.db, {
      title: `Tafel om te annuleren ${Date.now().toString(36)}`,
      invited: ['Gemeente Lelystad'],
      startsAt: `${isoDateInDays(10)}T08:00:00Z`,
    });
    const ready = await readyCase(await h.app.signIn(managerEmail), h.app.db);
    await scheduleCase(chair, planned.id, ready);
    const { context, page } = await h.signedInPage(chairEmail, `/tafels/${planned.id}`);
    const errors = collectErrors(page);
    await page.getByRole('button', { name: 'Tafel wijzigen' }).click();
    const form = page.getByRole('form', { name: 'Tafel wijzigen' });
    await form.getByLabel('Datum').fill(isoDateInDays(12));
    await form.getByLabel('Begintijd').fill('13:30');
    await form.getByRole('group', { name: 'Woningcorporaties' }).getByLabel('Centrada').check();
    await h.screenshot(page, 'tafel-wijzigen');
    await form.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByText('De tafel is gewijzigd.').waitFor();
    const header = page.locator('header.table-header');
    expect(await fact(header, 'Datum en tijd').textContent()).toMatch(/ om 13:30$/);
    expect(await fact(header, 'Genodigden').textContent()).toBe(
      'Gemeenten: Gemeente LelystadWoningcorporaties: Centrada',
    );

    await page.getByRole('button', { name: 'Tafel annuleren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tafel annuleren' });
    await dialog.getByLabel('Reden van annuleren').fill('te kort');
    await dialog.getByRole('button', { name: 'Tafel annuleren' }).click();
    await dialog.getByText('Geef een reden van minstens 10 tekens.').waitFor();
    await dialog
      .getByLabel('Reden van annuleren')
      .fill('De zaal is niet beschikbaar en de helft is ziek.');
    await dialog.getByRole('button', { name: 'Tafel annuleren' }).click();
    await page.getByText('De tafel is geannuleerd. De genodigden krijgen bericht.').waitFor();
    const badge = header.locator('.table-badge');
    expect(await badge.textContent()).toBe('Geannuleerd');
    expect(await badge.getAttribute('class')).toContain('table-badge--cancelled');
    expect(await fact(header, 'Reden van annuleren').textContent()).toBe(
      'De zaal is niet beschikbaar en de helft is ziek.',
    );
    expect(await page.getByRole('button', { name: 'Tafel wijzigen' }).count()).toBe(0);
    await page.getByText('De tafel is geannuleerd. De casussen die op de agenda stonden').waitFor();
    expect(await tableRow(planned.id)).toMatchObject({ state: 'cancelled' });
    await h.screenshot(page, 'tafel-geannuleerd');

    await page.goto('/tafels');
    const row = page.getByRole('row').filter({ hasText: planned.title });
    await row.locator('.table-badge--cancelled').getByText('Geannuleerd').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
