import type { Page } from 'playwright-core';
import { addDays, amsterdamDate } from '@uitstroom/shared';
import { collectErrors, startBrowserHarness, type BrowserHarness } from '../support/browser';
import { readyCase } from '../support/case-factory';
import { decideFirst, planTable, scheduleCase, startsLaterToday } from '../support/table-flow';

// Notifications and "Mijn taken" in the browser: the chair shares an agenda, the invited
// corporation's badge shows it, the notification leads to the table; after the decision the
// corporation's tasks lead to the case; the corporation chooses the digest for agendas.
let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => {
  await h?.close();
});

const corporationEmail = 'corporatie@centrada.demo';
const title = `Uitstroomtafel meldingen ${Date.now().toString(36)}`;
const uuid = '[0-9a-f-]{36}';

const bell = (page: Page) => page.getByRole('banner').getByRole('link', { name: /^Meldingen/ });
const tasksLink = (page: Page) =>
  page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /^Mijn taken/ });

let tableId = '';
let caseView: Record<string, any>;

describe('notifications and tasks in the browser', () => {
  it('the chair shares the agenda; the invited corporation’s badge shows one unread notification, which leads to the table', async () => {
    const chairAgent = await h.app.signIn('voorzitter@almere.demo');
    const kwintes = await h.app.signIn('regisseur@kwintes.demo');
    tableId = (
      await planTable(chairAgent, h.app.db, {
        title,
        invited: ['Gemeente Lelystad', 'Centrada'],
        startsAt: new Date(Date.now() + 8 * 86_400_000).toISOString(),
      })
    ).id;
    caseView = await readyCase(kwintes, h.app.db);
    await scheduleCase(kwintes, tableId, caseView);

    const { context, page } = await h.signedInPage(corporationEmail, '/casussen');
    const errors = collectErrors(page, /WebSocket/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await bell(page).waitFor();
    expect(await bell(page).getAttribute('aria-label')).toBeNull();
    expect(await bell(page).textContent()).toMatch(/Meldingen, geen ongelezen$/);

    // The chair shares the agenda in the browser.
    const chair = await h.signedInPage('voorzitter@almere.demo', `/tafels/${tableId}`);
    await chair.page.getByRole('heading', { level: 1, name: title }).waitFor();
    await chair.page.getByRole('button', { name: 'Agenda delen' }).click();
    await chair.page.getByText('De agenda is gedeeld met de genodigden.').waitFor();
    await chair.context.close();

    // Live: the badge follows over the page's socket, without navigating.
    await page.locator('.notification-bell__count', { hasText: '1' }).waitFor({ timeout: 10_000 });
    // And a navigation reads it again (what a page without a socket relies on).
    await tasksLink(page).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn taken' }).waitFor();
    await page.locator('.task-list, .empty-state').first().waitFor();
    await page.locator('.notification-bell__count', { hasText: '1' }).waitFor();
    expect(await bell(page).textContent()).toMatch(/Meldingen1, 1 ongelezen$/);
    expect(
      await page.getByRole('status').filter({ hasText: 'ongelezen melding' }).textContent(),
    ).toBe('1 ongelezen melding');
    await h.screenshot(page, 'notifications-badge');

    await bell(page).click();
    await page.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
    const item = page.getByRole('list', { name: 'Meldingen' }).getByRole('listitem').first();
    await item.getByText('Nieuw').waitFor();
    const notificationTitle = `Agenda gedeeld: ${title}`;
    await item.getByRole('link', { name: new RegExp(`^${notificationTitle}, `) }).waitFor();
    expect(await page.getByText('1 ongelezen melding van 1').count()).toBe(1);
    await h.screenshot(page, 'notifications-list');

    await item.getByRole('link', { name: new RegExp(`^${notificationTitle}`) }).click();
    await page.waitForURL(new RegExp(`/tafels/${tableId}$`));
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.locator('.notification-bell__count').waitFor({ state: 'detached' });
    expect(await bell(page).textContent()).toMatch(/geen ongelezen$/);
    const [{ read_at: readAt }] = await h.app.db.query(
      `SELECT n.read_at FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.email = $1 AND n.table_id = $2`,
      [corporationEmail, tableId],
    );
    expect(readAt).not.toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('after the decision, “Mijn taken” lists the offer to make and the precondition that is due, each one click from the case', async () => {
    // The table's day has come (no decision before it, domain.md §4): the table planned a week ahead moves to today.
    await h.app.db.query('UPDATE outflow_table SET starts_at = $2 WHERE id = $1', [
      tableId,
      startsLaterToday(),
    ]);
    await decideFirst(await h.app.signIn('voorzitter@almere.demo'), h.app.db, tableId, {
      preconditionOwners: ['Centrada'],
      dueDate: addDays(amsterdamDate(new Date()), -1),
    });
    const { context, page } = await h.signedInPage(corporationEmail, '/casussen');
    const errors = collectErrors(page, /WebSocket/);
    await tasksLink(page).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn taken' }).waitFor();
    const tasks = page.getByRole('list', { name: 'Taken' });
    const precondition = tasks.getByRole('listitem').filter({
      hasText: `Randvoorwaarde inkomen en schulden regelen: casus ${caseView.pseudonym}`,
    });
    await precondition.waitFor();
    // Late: its due date was yesterday; late tasks come first.
    expect(await tasks.getByRole('listitem').first().textContent()).toContain(
      `casus ${caseView.pseudonym}`,
    );
    await precondition.getByText(/^Te laat: uiterlijk /).waitFor();
    await tasks
      .getByRole('listitem')
      .filter({ hasText: `Woning aanbieden: casus ${caseView.pseudonym}` })
      .waitFor();
    expect(await tasksLink(page).textContent()).toMatch(/te laat$/);
    await page
      .getByRole('status')
      .filter({ hasText: /taken?, waarvan \d+ te laat/ })
      .waitFor();
    await h.screenshot(page, 'tasks-corporation');

    await precondition.getByRole('heading', { level: 2 }).getByRole('link').click();
    await page.waitForURL(new RegExp(`/casussen/${caseView.id}$`));
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The owner marks it done on the case; it reads "gereed" and leaves the task list.
    const decision = page.locator('.case-decision');
    await decision.getByRole('button', { name: /Bewindvoering overdragen gereed melden$/ }).click();
    await decision.getByText(/\(gereed\)/).waitFor();
    expect(await decision.getByRole('button', { name: /gereed melden$/ }).count()).toBe(0);
    await tasksLink(page).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn taken' }).waitFor();
    await tasks
      .getByRole('listitem')
      .filter({ hasText: `Woning aanbieden: casus ${caseView.pseudonym}` })
      .waitFor();
    // The list may show its cached items for the moment it reads again (the case page can say
    // "gereed" from its live update before the task list's own read is back): the task goes then.
    await precondition.waitFor({ state: 'detached', timeout: 5000 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the chair’s and the case manager’s tasks lead to the table and to the intake', async () => {
    const chair = await h.signedInPage('voorzitter@almere.demo', '/taken');
    await chair.page.getByRole('heading', { level: 1, name: 'Mijn taken' }).waitFor();
    const chairTasks = chair.page.getByRole('list', { name: 'Taken' });
    await chairTasks.getByRole('listitem').first().waitFor();
    await h.screenshot(chair.page, 'tasks-chair');
    const scheduleTask = chairTasks
      .getByRole('listitem')
      .filter({ hasText: /^Agenderen: \d+ uitstroomgerede casus/ });
    await scheduleTask.getByRole('heading', { level: 2 }).getByRole('link').click();
    await chair.page.waitForURL(new RegExp(`/tafels/${uuid}$`));
    await chair.page.getByRole('heading', { level: 1 }).waitFor();
    await chair.context.close();

    const manager = await h.signedInPage('regisseur@kwintes.demo', '/taken');
    const managerTasks = manager.page.getByRole('list', { name: 'Taken' });
    const intake = managerTasks
      .getByRole('listitem')
      .filter({ hasText: /^Intake aanvullen/ })
      .first();
    await intake.waitFor();
    await h.screenshot(manager.page, 'tasks-casemanager');
    await intake.getByRole('heading', { level: 2 }).getByRole('link').click();
    await manager.page.waitForURL(new RegExp(`/casussen/${uuid}/intake$`));
    await manager.context.close();
  });

  it('the corporation chooses the daily digest for agendas on its account page', async () => {
    const { context, page } = await h.signedInPage(corporationEmail, '/account');
    const errors = collectErrors(page, /WebSocket/);
    const form = page.getByRole('form', { name: 'Meldingen per e-mail' });
    await form.waitFor();
    const agendas = form.getByRole('radiogroup', { name: 'Agenda gedeeld' });
    expect(await agendas.getByLabel('Direct een e-mail').isChecked()).toBe(true);
    await agendas.getByLabel('In het dagelijkse overzicht (om 7:00 uur)').check();
    await form
      .getByRole('radiogroup', { name: 'Signaal uit de nazorg' })
      .getByLabel('Geen e-mail (alleen in de app)')
      .check();
    await form.getByRole('button', { name: 'Keuzes opslaan' }).click();
    await page.getByText('Uw keuzes zijn opgeslagen.').waitFor();
    await h.screenshot(page, 'notification-preferences');
    expect(
      await h.app.db.query(
        `SELECT p.kind, p.delivery FROM notification_preference p JOIN app_user u ON u.id = p.user_id WHERE u.email = $1 AND p.delivery <> 'immediately' ORDER BY p.kind`,
        [corporationEmail],
      ),
    ).toEqual([
      { kind: 'agendaPublished', delivery: 'digest' },
      { kind: 'signal', delivery: 'none' },
    ]);

    await page.reload();
    await page.getByRole('form', { name: 'Meldingen per e-mail' }).waitFor();
    expect(
      await page
        .getByRole('radiogroup', { name: 'Agenda gedeeld' })
        .getByLabel('In het dagelijkse overzicht (om 7:00 uur)')
        .isChecked(),
    ).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
