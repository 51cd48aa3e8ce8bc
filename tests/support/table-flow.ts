import type request from 'supertest';
import { dutchToday, endOfDutchDay } from '@uitstroom/shared';

/**
 * A table through its steps by the API, for tests that need one as a means (notifications, tasks,
 * the scheduler): plan, put cases on the agenda, share it, decide.
 */
type Db = { query(sql: string, params?: unknown[]): Promise<any> };

export async function organisationId(db: Db, name: string): Promise<string> {
  const [row] = await db.query('SELECT id FROM organisation WHERE name = $1', [name]);
  if (!row) throw new Error(`no organisation ${name}`);
  return row.id;
}

export async function userId(db: Db, email: string): Promise<string> {
  const [row] = await db.query('SELECT id FROM app_user WHERE email = $1', [email]);
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

/**
 * A start on today's Dutch date, a minute ahead where the day allows: for a table a test decides at
 * once (domain.md §4: a table decides on or after its own Dutch date, never before). At 23:59 Dutch
 * time it is the day's last minute, still today.
 */
export function startsLaterToday(): string {
  const lastMinute = endOfDutchDay(dutchToday()).getTime() - 60_000;
  return new Date(Math.min(Date.now() + 60_000, lastMinute)).toISOString();
}

/**
 * The table's day has come: a test that planned a table ahead (to see its agenda shared in time)
 * moves it to today before it decides, as a decision before the table's Dutch date is refused.
 */
export async function moveTableToToday(db: Db, tableId: string): Promise<void> {
  await db.query('UPDATE outflow_table SET starts_at = $2 WHERE id = $1', [
    tableId,
    startsLaterToday(),
  ]);
}

/** A table planned by the chair; without `startsAt` it meets today (tests decide at once). */
export async function planTable(
  chair: request.Agent,
  db: Db,
  options: { title: string; invited: string[]; startsAt?: string },
): Promise<Record<string, any>> {
  const response = await chair.post('/api/tables').send({
    title: options.title,
    startsAt: options.startsAt ?? startsLaterToday(),
    location: 'Stadhuis Almere, zaal 2',
    invitedOrganisationIds: await Promise.all(
      options.invited.map((name) => organisationId(db, name)),
    ),
  });
  if (response.status !== 201)
    throw new Error(`plan failed ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function scheduleCase(
  agent: request.Agent,
  tableId: string,
  caseView: Record<string, any>,
): Promise<Record<string, any>> {
  const table = (await agent.get(`/api/tables/${tableId}`)).body;
  const response = await agent
    .post(`/api/tables/${tableId}/agenda`)
    .send({ version: table.version, caseId: caseView.id, caseVersion: caseView.version });
  if (response.status !== 200)
    throw new Error(`schedule failed ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function publishTable(
  chair: request.Agent,
  tableId: string,
): Promise<Record<string, any>> {
  const table = (await chair.get(`/api/tables/${tableId}`)).body;
  const response = await chair
    .post(`/api/tables/${tableId}/publish`)
    .send({ version: table.version });
  if (response.status !== 200)
    throw new Error(`publish failed ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** The table's decision on its first open item: the proposal's rule, with one precondition per given owner. */
export async function decideFirst(
  chair: request.Agent,
  db: Db,
  tableId: string,
  options: {
    preconditionOwners?: string[];
    dueDate?: string;
    followUpProvider?: string;
    objection?: string;
  } = {},
): Promise<Record<string, any>> {
  const table = (await chair.get(`/api/tables/${tableId}`)).body;
  const item = table.agenda.find((a: { status: string }) => a.status === 'open');
  const lelystad = await organisationId(db, 'Gemeente Lelystad');
  const response = await chair.post(`/api/tables/${tableId}/agenda/${item.id}/decision`).send({
    version: table.version,
    caseVersion: item.case.version,
    rule: item.case.proposal?.result?.outcome ?? 'herkomst',
    present: [{ organisationId: lelystad, seat: 'municipality' }],
    votes: [
      {
        organisationId: lelystad,
        seat: 'municipality',
        ...(options.objection
          ? { position: 'object', reason: options.objection }
          : { position: 'agree' }),
      },
    ],
    preconditions: await Promise.all(
      (options.preconditionOwners ?? ['Gemeente Lelystad']).map(async (owner) => ({
        lifeDomain: 'incomeAndDebts',
        description: 'Bewindvoering overdragen',
        ownerOrganisationId: await organisationId(db, owner),
        dueDate: options.dueDate ?? '2027-01-15',
      })),
    ),
    followUpProviderId: await organisationId(db, options.followUpProvider ?? 'Leger des Heils'),
  });
  if (response.status !== 200)
    throw new Error(`decision failed ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}
