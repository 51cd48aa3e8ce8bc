import type request from 'supertest';
import { addDays, amsterdamDate } from '@uitstroom/shared';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import { readyCase } from '../../../tests/support/case-factory';
import {
  decideFirst,
  planTable,
  publishTable,
  scheduleCase,
} from '../../../tests/support/table-flow';

let t: TestApp;
let chair: request.Agent;
let kwintes: request.Agent;
let caseView: Record<string, any>;
const preconditionOf = async (owner: string): Promise<string> =>
  (
    await t.db.query(
      'SELECT p.id FROM precondition p JOIN organisation o ON o.id = p.owner_organisation_id WHERE p.case_id = $1 AND o.name = $2',
      [caseView.id, owner],
    )
  )[0].id;
const done = (agent: request.Agent, preconditionId: string, body: unknown = {}) =>
  agent.post(`/api/cases/${caseView.id}/preconditions/${preconditionId}/done`).send(body as object);
const tasksOf = async (agent: request.Agent) =>
  (await agent.get('/api/tasks')).body.items as { id: string }[];

beforeAll(async () => {
  t = await startTestApp();
  chair = await t.signIn('voorzitter@almere.demo');
  kwintes = await t.signIn('regisseur@kwintes.demo');
  const table = await planTable(chair, t.db, {
    title: 'Tafel randvoorwaarden',
    invited: ['Gemeente Lelystad', 'Centrada', 'Leger des Heils'],
  });
  caseView = await readyCase(kwintes, t.db);
  await scheduleCase(kwintes, table.id, caseView);
  await publishTable(chair, table.id);
  await decideFirst(chair, t.db, table.id, {
    preconditionOwners: ['Gemeente Lelystad', 'Centrada', 'Leger des Heils'],
    dueDate: addDays(amsterdamDate(new Date()), 2),
  });
});
afterAll(() => t.close());

describe('marking a precondition done', () => {
  it('the case page learns from the server who may mark each one done: its owner and the chair (issue 24.3)', async () => {
    const mayComplete = async (agent: request.Agent) =>
      Object.fromEntries(
        (await agent.get(`/api/cases/${caseView.id}/decision`).expect(200)).body.preconditions.map(
          (p: { ownerName: string; mayComplete: boolean }) => [p.ownerName, p.mayComplete],
        ),
      );
    const lelystad = await t.signIn('gemeente@lelystad.demo');
    expect(Object.values(await mayComplete(chair))).toEqual([true, true, true]);
    expect(Object.values(await mayComplete(kwintes))).toEqual([false, false, false]);
    expect(
      Object.values(await mayComplete(lelystad)).filter((may: unknown) => may === true),
    ).toHaveLength(1);
  });

  it('its owner marks it done once: the decision shows it, the task goes, the audit log has it; two at once give one conflict', async () => {
    const lelystad = await t.signIn('gemeente@lelystad.demo');
    const id = await preconditionOf('Gemeente Lelystad');
    expect((await tasksOf(lelystad)).some((task) => task.id === `preconditionDue:${id}`)).toBe(
      true,
    );

    const [first, second] = await Promise.all([done(lelystad, id), done(lelystad, id)]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const winner = first.status === 200 ? first : second;
    expect(winner.body.preconditions.find((p: { id: string }) => p.id === id)).toMatchObject({
      isDone: true,
    });
    expect((first.status === 409 ? first : second).body.error).toMatchObject({
      code: 'PRECONDITION_ALREADY_DONE',
      message: 'Deze randvoorwaarde is al gereed gemeld.',
    });

    const [row] = await t.db.query(
      'SELECT p.done_at IS NOT NULL AS done, u.email FROM precondition p JOIN app_user u ON u.id = p.done_by WHERE p.id = $1',
      [id],
    );
    expect(row).toEqual({ done: true, email: 'gemeente@lelystad.demo' });
    expect((await tasksOf(lelystad)).some((task) => task.id === `preconditionDue:${id}`)).toBe(
      false,
    );
    const audit = await t.db.query(
      "SELECT details FROM audit_log WHERE action = 'case.update' AND subject_pseudonym = $1 AND details->>'preconditionId' = $2",
      [caseView.pseudonym, id],
    );
    expect(audit).toHaveLength(1);
  });

  it('another organisation may not; the chair may; an unknown precondition is not found and bad input changes nothing', async () => {
    const centradaOwned = await preconditionOf('Centrada');
    const ldh = await t.signIn('aanbieder@leger-des-heils.demo');
    const refused = await done(ldh, centradaOwned);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(
      /Alleen de organisatie die de randvoorwaarde regelt/,
    );
    expect((await done(kwintes, centradaOwned)).status).toBe(403);

    expect((await done(chair, centradaOwned)).status).toBe(200);
    expect((await done(chair, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const bad = await done(ldh, await preconditionOf('Leger des Heils'), { doneAt: '2020-01-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('doneAt');
    const [{ open }] = await t.db.query(
      'SELECT count(*)::int AS open FROM precondition WHERE case_id = $1 AND done_at IS NULL',
      [caseView.id],
    );
    expect(open).toBe(1);
  });
});
