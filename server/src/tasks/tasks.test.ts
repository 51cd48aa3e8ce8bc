import type request from 'supertest';
import { addDays, amsterdamDate, taskListSchema, type Task } from '@uitstroom/shared';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import { giveConsent, newCase, readyCase } from '../../../tests/support/case-factory';
import {
  decideFirst,
  moveTableToToday,
  planTable,
  publishTable,
  scheduleCase,
} from '../../../tests/support/table-flow';

let t: TestApp;
let chair: request.Agent;
let kwintes: request.Agent;
const coordination = 'Regionale coördinatie Flevoland (centrumgemeente Almere)';

beforeAll(async () => {
  t = await startTestApp();
  chair = await t.signIn('voorzitter@almere.demo');
  kwintes = await t.signIn('regisseur@kwintes.demo');
});
afterAll(async () => {
  await t.close();
});

async function tasksOf(agent: request.Agent): Promise<Task[]> {
  const response = await agent.get('/api/tasks');
  expect(response.status).toBe(200);
  const list = taskListSchema.parse(response.body);
  expect(list.count).toBe(list.items.length);
  return list.items;
}
const about = (tasks: Task[], objectId: string) =>
  tasks.filter((task) => task.id.endsWith(`:${objectId}`)).map((task) => task.kind);

/** Every link of a task opens: the case or the table is in the seat's reach (never a 404 one click away). */
async function expectLinksOpen(agent: request.Agent, tasks: Task[]) {
  for (const task of tasks) {
    const to = task.link?.to ?? '';
    const api = to.startsWith('/casussen/')
      ? `/api/cases/${to.split('/')[2]}`
      : to.startsWith('/tafels/')
        ? `/api/tables/${to.split('/')[2]}`
        : null;
    if (api)
      expect({ task: task.id, status: (await agent.get(api)).status }).toEqual({
        task: task.id,
        status: 200,
      });
  }
}

describe('Mijn taken through a case’s life', () => {
  let caseView: Record<string, any>;
  let tableId = '';

  it('a case manager: complete the intake, then report it ready', async () => {
    caseView = await newCase(kwintes);
    let tasks = await tasksOf(kwintes);
    const [intake] = tasks.filter((task) => task.id === `completeIntake:${caseView.id}`);
    expect(intake).toMatchObject({
      // The case manager's projection shows the name: the task names the resident.
      title: 'Intake aanvullen: Noor de Jong',
      detail: 'Nog nodig: toestemming.',
      link: { to: `/casussen/${caseView.id}/intake` },
    });
    await giveConsent(kwintes, t.db, caseView.id, coordination);
    tasks = await tasksOf(kwintes);
    expect(about(tasks, caseView.id)).toEqual(['markReady']);
    // Another organisation's case manager, and another region's, have none of it.
    expect(
      about(await tasksOf(await t.signIn('regisseur@leger-des-heils.demo')), caseView.id),
    ).toEqual([]);
    expect(about(await tasksOf(await t.signIn('regisseur@tactus.demo')), caseView.id)).toEqual([]);
  });

  it('a ready case goes on the next table: the case manager and the chair both see it, until it is on the agenda', async () => {
    const current = (await kwintes.get(`/api/cases/${caseView.id}`)).body;
    caseView = (
      await kwintes
        .post(`/api/cases/${caseView.id}/transitions`)
        .send({ transition: 'markReady', version: current.version })
    ).body;
    // Without a table to go on, only the chair has something to do: plan one.
    await t.db.query(
      `UPDATE outflow_table SET state = 'closed', closed_at = now(), published_at = coalesce(published_at, now())`,
    );
    expect(about(await tasksOf(kwintes), caseView.id)).toEqual([]);
    expect((await tasksOf(chair)).filter((task) => task.kind === 'planTable')).toHaveLength(1);

    const table = await planTable(chair, t.db, {
      title: 'Tafel taken',
      invited: ['Gemeente Lelystad', 'Centrada', 'Leger des Heils'],
      startsAt: new Date(Date.now() + 6 * 86_400_000).toISOString(),
    });
    tableId = table.id;
    const [schedule] = (await tasksOf(kwintes)).filter(
      (task) => task.id === `scheduleCase:${caseView.id}`,
    );
    expect(schedule).toMatchObject({ link: { to: `/tafels/${tableId}`, label: 'Naar de tafel' } });
    const chairTasks = await tasksOf(chair);
    // The chair: one task for all the region's ready cases, on the table page.
    expect(chairTasks.find((task) => task.id === 'scheduleCase:region')).toMatchObject({
      link: { to: `/tafels/${tableId}` },
    });
    // Shared 5 days before a table in 6 days: due tomorrow, shown now.
    expect(chairTasks.find((task) => task.id === `publishAgenda:${tableId}`)).toMatchObject({
      isOverdue: false,
      dueDate: amsterdamDate(new Date(Date.parse(table.startsAt) - 5 * 86_400_000)),
    });
    expect(chairTasks.some((task) => task.kind === 'planTable')).toBe(false);

    await scheduleCase(kwintes, tableId, caseView);
    expect(about(await tasksOf(kwintes), caseView.id)).toEqual([]);
    expect(about(await tasksOf(chair), caseView.id)).toEqual([]);
  });

  it('after the decision: the letter for the case manager, an offer for the corporation, due preconditions for their owners', async () => {
    await publishTable(chair, tableId);
    expect((await tasksOf(chair)).some((task) => task.id === `publishAgenda:${tableId}`)).toBe(
      false,
    );
    const soon = addDays(amsterdamDate(new Date()), 3);
    await moveTableToToday(t.db, tableId);
    await decideFirst(chair, t.db, tableId, {
      preconditionOwners: ['Gemeente Lelystad', 'Centrada', 'Leger des Heils', 'Gemeente Urk'],
      dueDate: soon,
    });

    const letter = (await tasksOf(kwintes)).find(
      (task) => task.id === `giveDecisionLetter:${caseView.id}`,
    );
    expect(letter).toMatchObject({
      link: { to: `/casussen/${caseView.id}/brief`, label: 'Brief openen' },
    });
    expect((await kwintes.get(`/api/cases/${caseView.id}/decision-letter`)).status).toBe(200);
    expect(about(await tasksOf(kwintes), caseView.id)).toEqual([]);

    const [{ id: preconditionOf }] = await t.db.query(
      `SELECT p.id FROM precondition p JOIN organisation o ON o.id = p.owner_organisation_id WHERE p.case_id = $1 AND o.name = 'Gemeente Lelystad'`,
      [caseView.id],
    );
    const lelystad = await tasksOf(await t.signIn('gemeente@lelystad.demo'));
    expect(lelystad.find((task) => task.id === `preconditionDue:${preconditionOf}`)).toMatchObject({
      title: `Randvoorwaarde inkomen en schulden regelen: casus ${caseView.pseudonym}`,
      dueDate: soon,
      isOverdue: false,
      link: { to: `/casussen/${caseView.id}`, label: 'Naar de casus' },
    });
    const centrada = await t.signIn('corporatie@centrada.demo');
    const centradaTasks = await tasksOf(centrada);
    expect(about(centradaTasks, caseView.id)).toEqual(['makeOffer']);
    expect(
      centradaTasks.filter(
        (task) => task.kind === 'preconditionDue' && task.title.includes(caseView.pseudonym),
      ),
    ).toHaveLength(1);
    const ldh = await t.signIn('aanbieder@leger-des-heils.demo');
    expect(
      (await tasksOf(ldh))
        .filter((task) => task.title.includes(caseView.pseudonym))
        .map((task) => task.kind),
    ).toEqual(['preconditionDue']);
    // Urk owns a precondition of a case it does not reach, and was not invited: no link to follow, a word on what to do.
    const urk = (await tasksOf(await t.signIn('gemeente@urk.demo'))).filter((task) =>
      task.title.includes(caseView.pseudonym),
    );
    expect(urk).toEqual([
      expect.objectContaining({
        kind: 'preconditionDue',
        link: null,
        detail: expect.stringContaining('vraag de voorzitter'),
      }),
    ]);
    // Every other corporation: an offer to make exactly when it reaches the case (a dwelling or contingent in the destination).
    for (const email of [
      'corporatie@ymere.demo',
      'corporatie@mercatus.demo',
      'corporatie@de-alliantie.demo',
    ]) {
      const corporation = await t.signIn(email);
      const reaches = (await corporation.get(`/api/cases/${caseView.id}`)).status === 200;
      expect({
        email,
        kinds: (await tasksOf(corporation))
          .filter((task) => task.title.includes(caseView.pseudonym))
          .map((task) => task.kind),
      }).toEqual({ email, kinds: reaches ? ['makeOffer'] : [] });
    }

    for (const agent of [kwintes, chair, centrada, ldh, await t.signIn('gemeente@lelystad.demo')])
      await expectLinksOpen(agent, await tasksOf(agent));
  });

  it('a task leads to a table only while the seat reaches it: invited, the link; taken off the invitees, none', async () => {
    const invite = async (names: string[]) => {
      const table = (await chair.get(`/api/tables/${tableId}`)).body;
      const ids = await t.db.query('SELECT id FROM organisation WHERE name = ANY($1)', [names]);
      const response = await chair.put(`/api/tables/${tableId}`).send({
        version: table.version,
        details: {
          title: table.title,
          startsAt: table.startsAt,
          invitedOrganisationIds: ids.map((row: { id: string }) => row.id),
        },
      });
      expect(response.status).toBe(200);
    };
    const urk = await t.signIn('gemeente@urk.demo');
    const linkOfUrk = async () =>
      (await tasksOf(urk)).find((task) => task.title.includes(caseView.pseudonym))?.link ?? null;
    const invited = ['Gemeente Lelystad', 'Centrada', 'Leger des Heils'];
    await invite([...invited, 'Gemeente Urk']);
    expect(await linkOfUrk()).toEqual({ to: `/tafels/${tableId}`, label: 'Naar de tafel' });
    await expectLinksOpen(urk, await tasksOf(urk));
    await invite(invited);
    expect((await urk.get(`/api/tables/${tableId}`)).status).toBe(404);
    expect(await linkOfUrk()).toBeNull();
  });

  it('a shared table of today waits for its decisions and its closing', async () => {
    const table = await planTable(chair, t.db, {
      title: 'Tafel van vandaag',
      invited: ['Gemeente Lelystad'],
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    await scheduleCase(kwintes, table.id, await readyCase(kwintes, t.db));
    await publishTable(chair, table.id);
    const decide = (await tasksOf(chair)).find((task) => task.id === `decideAtTable:${table.id}`);
    expect(decide).toMatchObject({
      title: 'Besluiten vastleggen en tafel afsluiten: Tafel van vandaag',
      detail: '1 casus nog zonder besluit.',
      link: { to: `/tafels/${table.id}` },
    });
  });

  it('the region administrator has no tasks; a task names the resident only to a seat that sees the name, and no care detail', async () => {
    expect(await tasksOf(await t.signIn('beheer@flevoland.demo'))).toEqual([]);
    const all = JSON.stringify(await tasksOf(kwintes)) + JSON.stringify(await tasksOf(chair));
    expect(all).not.toMatch(/Bipolaire|Bewindvoering/);
    // The corporation's projection has no identity: its tasks name the case by its kenmerk.
    const centrada = JSON.stringify(await tasksOf(await t.signIn('corporatie@centrada.demo')));
    expect(centrada).toContain(`casus ${caseView.pseudonym}`);
    expect(centrada).not.toMatch(/Noor|de Jong/);
  });
});
